// What a browser would make of a link decides how it is checked: only an absolute URL of a scheme browsers open
// leaves the site; anything else is a relative file and must exist. Broken links a body wrote are reported at
// the .md line and column; an unsafe link cmark drops (href="") is a warning at its place.

import Foundation
import Testing
@testable import Renderer

@Suite struct LinkCheckGapsTests {
    let scratch = Scratch()

    @Test func onlyKnownSchemesLeaveTheSite() {
        let files: Set<String> = ["index.html", "articles/a.html"]
        #expect(LinkChecker.problem(with: "no_such:file.html", from: "articles/a.html", files: files) == "resolves to no file")
        #expect(LinkChecker.problem(with: "1st:page.html", from: "articles/a.html", files: files) == "resolves to no file")
        #expect(LinkChecker.problem(with: "../index.html", from: "articles/a.html", files: files) == nil)
        for external in ["https://example.org/a", "HTTP://example.org", "mailto:a@b.c", "tel:+15551234", "ftp://x.org/f"] {
            #expect(LinkChecker.problem(with: external, from: "articles/a.html", files: files) == nil, "\(external)")
            #expect(LinkChecker.resolvedProblem(with: external, from: "articles/a.html", files: files) == nil, "\(external)")
        }
        #expect(LinkChecker.problem(with: "htps://example.org", from: "articles/a.html", files: files)?.hasPrefix("has a scheme no browser opens (\"htps:\")") == true)
        #expect(LinkChecker.scheme(of: "a+b.c-d:x") == "a+b.c-d")
        #expect(LinkChecker.scheme(of: "1st:page.html") == nil)
        #expect(LinkChecker.scheme(of: "no_such:file.html") == nil)
        #expect(LinkChecker.scheme(of: "people/a:b.html") == nil)
    }

    @Test func brokenLinksInABodyAreReportedAtTheirMarkdownLineAndColumn() throws {
        scratch.write("Content/dossier.yml", "title: Links\n")
        scratch.write("Content/people/anna-berg.md", "---\nname: Anna Berg\n---\nShe wrote [a page](../nowhere.html).\n")
        let article = """
        ---
        title: Links
        date: 2025-04-01
        ---
        First paragraph.

        See [a](no_such:file.html) and [b](1st:page.html), and [ok](https://example.org) and [mail](mailto:x@y.z).

        Also ![img](../assets/missing.png) and [c](../people/anna-berg.html) — [gone](../people/nobody.html).

        """
        scratch.write("Content/articles/links.md", article)
        do {
            _ = try buildSite(content: scratch.path + "/Content", output: scratch.path + "/Site")
            Issue.record("the build passed")
        } catch {
            let content = scratch.path + "/Content"
            #expect(error.diagnostics.map(\.description) == [
                "\(content)/articles/links.md:7:5: error: link \"no_such:file.html\" resolves to no file",
                "\(content)/articles/links.md:7:32: error: link \"1st:page.html\" resolves to no file",
                "\(content)/articles/links.md:9:6: error: link \"../assets/missing.png\" resolves to no file",
                "\(content)/articles/links.md:9:72: error: link \"../people/nobody.html\" resolves to no file",
                "\(content)/people/anna-berg.md:4:11: error: link \"../nowhere.html\" leads outside the site (on briefing.html, which shows this text)",
                "\(content)/people/anna-berg.md:4:11: error: link \"../nowhere.html\" resolves to no file",
            ])
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/Site"))
    }

    @Test func anUnsafeLinkThatIsDroppedIsAWarningAtItsPlace() throws {
        scratch.write("Content/dossier.yml", "title: Links\n")
        scratch.write("Content/articles/unsafe.md", "---\ntitle: Unsafe\ndate: 2025-04-01\n---\nA [bad](javascript:alert(1)) link,\nand ![x](vbscript:msgbox) too.\n")
        let report = try buildSite(content: scratch.path + "/Content", output: scratch.path + "/Site")
        let path = scratch.path + "/Content/articles/unsafe.md"
        #expect(report.warnings.map(\.description) == [
            "\(path):5:3: warning: link \"javascript:alert(1)\" is unsafe and was dropped (the page has href=\"\"); link to an http(s) page or a file of the site",
            "\(path):6:5: warning: link \"vbscript:msgbox\" is unsafe and was dropped (the page has href=\"\"); link to an http(s) page or a file of the site",
        ])
        let page = try #require(SiteFiles.read(scratch.path + "/Site", "articles/unsafe.html"))
        #expect(!page.contains("javascript:") && !page.contains("vbscript:"))
    }
}
