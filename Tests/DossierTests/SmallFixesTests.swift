// Issue 27's smaller frictions: a `.txt` article's by-line after its title, and honest counts on the first
// build that succeeds after failed ones. (A person without `name:` is in FrontMatterTests.)

import Content
import Foundation
import Renderer
import Testing

@Suite struct SmallFixesTests {
    let scratch = Scratch("dossier-small-fixes")

    /// "By NAME" on the line after the title is the author, as `dossier import` reads it, not the first paragraph.
    @Test func aTxtBylineAfterTheTitleIsTheAuthor() throws {
        scratch.copy(Repo.fixture("small"), as: "Content")
        scratch.write("Content/articles/talks-resume.txt", "Talks resume in Riyadh\nBy Tamilla Hasanova\nThe delegations met again on Monday.\n")
        scratch.write("Content/articles/talks-resume.yml", "date: 2024-03-06\n")
        scratch.write("Content/articles/by-then.txt", "Talks stall\nBy then the delegations had left.\nNothing was agreed.\n")
        scratch.write("Content/articles/by-then.yml", "date: 2024-03-07\n")
        let site = scratch.path + "/Site"
        _ = try buildSite(content: scratch.path + "/Content", output: site)
        let page = try #require(SiteFiles.read(site, "articles/talks-resume.html"))
        #expect(page.contains("<span class=\"byline-author\">Tamilla Hasanova</span>"))
        #expect(!page.contains("<p>By Tamilla Hasanova</p>"))
        // The dated sentence is wrapped in its anchor (FactAnchorTests); the paragraph reads as written.
        let paragraphs = page.replacingOccurrences(of: #"<span id="[^"]*">|</span>"#, with: "", options: .regularExpression)
        #expect(paragraphs.contains("<p>The delegations met again on Monday.</p>"))
        // A sentence that starts with "By" stays text.
        #expect(SiteFiles.read(site, "articles/by-then.html")?.contains("<p>By then the delegations had left.</p>") == true)
        #expect(ContentLoader.readPlainText("Title\nBy Anna Berg\nText.\n").author == "Anna Berg")
    }

    /// A failed build leaves its reading of the content behind; the first build that succeeds must not call those
    /// files "unchanged, not read", as if the user had seen a build before.
    @Test func theFirstSuccessfulBuildAfterAFailedOneCountsEveryFileRead() async throws {
        scratch.copy(Repo.fixture("small"), as: "Content")
        let path = scratch.path + "/Content/events/missing-date.md"
        scratch.write("Content/events/missing-date.md", "---\ntitle: Talks\ndate: 24/06/2023\n---\n")
        let failed = try await DossierBinary.run(["build"], in: scratch.path)
        #expect(failed.status == 1)
        try FileManager.default.removeItem(atPath: path)
        // Files changed within a second before a build are read again by the next one (a coarse clock could hide an
        // edit); dated a minute back, the second build below may take them as they were, however fast it comes.
        let enumerator = FileManager.default.enumerator(atPath: scratch.path + "/Content")
        while let file = enumerator?.nextObject() as? String {
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)],
                                                  ofItemAtPath: scratch.path + "/Content/" + file)
        }
        let first = try await DossierBinary.run(["build"], in: scratch.path)
        #expect(first.status == 0)
        #expect(first.output.hasPrefix("Built Site/"))
        #expect(!first.output.contains("not read"), "\(first.output)")
        #expect(!first.output.contains("as before"), "\(first.output)")
        // The next build does reuse them, and says so.
        let second = try await DossierBinary.run(["build"], in: scratch.path)
        #expect(second.output.contains("article files unchanged, not read"), "\(second.output)")
    }
}
