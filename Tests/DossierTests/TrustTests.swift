// Trustworthy builds: hostile input stays inert, a failed build loses nothing, links never break,
// nothing is read from or written outside the folders given.

import Content
import Foundation
@testable import Renderer
import Testing

@Suite struct HostileInputTests {
    let scratch = Scratch()

    @Test func nothingExecutableReachesAPage() throws {
        _ = try buildSite(content: Repo.fixture("hostile"), output: scratch.path + "/Site")
        let pages = SiteFiles.list(scratch.path + "/Site").filter { $0.hasSuffix(".html") }
        #expect(pages.count >= 8)
        for page in pages {
            let html = SiteFiles.read(scratch.path + "/Site", page) ?? ""
            for tag in Inert.tags(in: html) {
                let lower = tag.lowercased()
                #expect(!lower.hasPrefix("<script") || Inert.isOwnScript(lower), "\(page): \(tag)")
                // The renderer's own graphs are inline SVG; what matters is that none carries script or handlers.
                #expect(!lower.hasPrefix("<iframe") && !lower.hasPrefix("<style") && !lower.hasPrefix("<marquee") && !lower.hasPrefix("<object"), "\(page): \(tag)")
                #expect(!Inert.hasEventHandler(lower), "\(page): event handler in \(tag)")
                for value in Inert.urlValues(in: tag) {
                    let url = value.lowercased().trimmingCharacters(in: .whitespaces)
                    #expect(!url.hasPrefix("javascript:") && !url.hasPrefix("vbscript:") && !url.hasPrefix("data:text"), "\(page): \(tag)")
                }
            }
        }
        // The markup is still there for a reader to see, as text.
        let person = SiteFiles.read(scratch.path + "/Site", "people/eve-mallory.html") ?? ""
        #expect(person.contains("Eve &lt;b onmouseover=alert(&#39;name&#39;)&gt;Mallory&lt;/b&gt;"))
        let article = SiteFiles.read(scratch.path + "/Site", "articles/poisoned.html") ?? ""
        #expect(article.contains("&lt;svg/onload=alert(&#39;article&#39;)&gt;Poisoned"))
        #expect(article.contains("&lt;script&gt; stays text."))
    }

    @Test func theInertnessCheckerCatchesWhatItLooksFor() {
        #expect(Inert.hasEventHandler("<img src=x onerror=alert(1)>"))
        #expect(Inert.hasEventHandler("<svg/onload=alert(1)>"))
        #expect(!Inert.hasEventHandler("<a title=\"x onerror=y\" href=\"a.html\">"))
        #expect(Inert.urlValues(in: "<a href='javascript:x'>") == ["javascript:x"])
        #expect(Inert.tags(in: "a &lt;script&gt; b <p class=x>c</p>") == ["<p class=x>"])
        #expect(!Inert.isOwnScript("<script src=\"https://evil.example/x.js\">"))
        #expect(Inert.isOwnScript("<script src=\"../assets/search.js\">"))
    }
}

/// Reads tags out of HTML the way a browser would start to: everything between `<` and `>` that opens a tag.
enum Inert {
    static func tags(in html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            guard let first = after.first, first.isLetter, let close = after.firstIndex(of: ">") else {
                rest = after
                continue
            }
            result.append(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    /// The attributes of a tag as a browser reads them: names, and values quoted with " or ' or bare.
    static func attributes(of tag: String) -> [(name: String, value: String)] {
        let chars = Array(tag.dropFirst().dropLast())
        var i = 0
        while i < chars.count, !chars[i].isWhitespace, chars[i] != "/" { i += 1 }   // the tag name
        var result: [(String, String)] = []
        while i < chars.count {
            while i < chars.count, chars[i].isWhitespace || chars[i] == "/" { i += 1 }
            var name = ""
            while i < chars.count, !chars[i].isWhitespace, chars[i] != "=", chars[i] != "/" { name.append(chars[i]); i += 1 }
            while i < chars.count, chars[i].isWhitespace { i += 1 }
            var value = ""
            if i < chars.count, chars[i] == "=" {
                i += 1
                while i < chars.count, chars[i].isWhitespace { i += 1 }
                if i < chars.count, chars[i] == "\"" || chars[i] == "'" {
                    let quote = chars[i]
                    i += 1
                    while i < chars.count, chars[i] != quote { value.append(chars[i]); i += 1 }
                    i += 1
                } else {
                    while i < chars.count, !chars[i].isWhitespace { value.append(chars[i]); i += 1 }
                }
            }
            if !name.isEmpty { result.append((name.lowercased(), value)) }
        }
        return result
    }

    static func hasEventHandler(_ tag: String) -> Bool { attributes(of: tag).contains { $0.name.hasPrefix("on") } }

    static func urlValues(in tag: String) -> [String] {
        attributes(of: tag).filter { ["href", "src", "action", "formaction", "xlink:href"].contains($0.name) }.map(\.value)
    }

    /// The project's own scripts: a classic `<script src>` into the site's assets folder, nothing inline.
    static func isOwnScript(_ tag: String) -> Bool {
        guard let src = urlValues(in: tag).first else { return false }
        return (src.hasPrefix("assets/") || src.hasPrefix("../assets/")) && !src.contains(":")
    }
}

@Suite struct NothingLostTests {
    let scratch = Scratch()
    var site: String { scratch.path + "/Site" }

    struct Stamp: Equatable { var bytes: Data; var modified: Date; var inode: Int }

    func stamps() -> [String: Stamp] {
        Dictionary(uniqueKeysWithValues: SiteFiles.list(site).map { path in
            let attributes = try! FileManager.default.attributesOfItem(atPath: site + "/" + path)
            return (path, Stamp(bytes: FileManager.default.contents(atPath: site + "/" + path)!,
                                modified: attributes[.modificationDate] as! Date,
                                inode: (attributes[.systemFileNumber] as! NSNumber).intValue))
        })
    }

    /// A copy of the small fixture to edit.
    func content() -> String { scratch.copy(Repo.fixture("small"), as: "Content") }

    @Test func aWriteFailureHalfWayLeavesTheSiteAsItWas() throws {
        let content = content()
        _ = try buildSite(content: content, output: site)
        let before = stamps()
        scratch.write("Content/articles/envoys-meet.md", (SiteFiles.read(content, "articles/envoys-meet.md") ?? "") + "\nA new paragraph about Anna Berg.\n")
        let counter = Counter()
        let options = BuildOptions(content: content, templates: Repo.templates, output: site) { path in
            if counter.next() == 5 { throw WriteError(path: path, message: "disk full (injected)") }
        }
        #expect(throws: BuildFailure.self) { try SiteBuilder.build(options) }
        #expect(stamps() == before)
        // No staging folder left behind (the incremental cache and the lock file beside the output may stay).
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { !$0.hasSuffix("dossier-cache") && !$0.hasSuffix("dossier-lock") }.sorted() == ["Content", "Site"])
    }

    @Test func aLateErrorLeavesTheSiteAsItWas() throws {
        let content = content()
        _ = try buildSite(content: content, output: site)
        let before = stamps()
        // A broken link is only found after every page is rendered.
        scratch.write("Content/articles/accord-reported.md", "---\ntitle: Accord\ndate: 2024-04-02\n---\nSee [the annex](../annex.html).\n")
        do {
            _ = try buildSite(content: content, output: site)
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics.count == 1)
            let problem = try #require(error.diagnostics.first)
            // Reported where the article wrote it (line 5, after the front matter), not at the page's line.
            #expect(problem.path == "\(content)/articles/accord-reported.md")
            #expect(problem.message == "link \"../annex.html\" resolves to no file")
            #expect(problem.line == 5 && problem.column == 5)
        }
        #expect(stamps() == before)
    }

    @Test func unchangedFilesKeepTheirBytesTimeAndInodeAndRemovedContentDisappears() throws {
        let content = content()
        _ = try buildSite(content: content, output: site)
        let before = stamps()
        try FileManager.default.removeItem(atPath: content + "/articles/garbled-report.txt")
        try FileManager.default.removeItem(atPath: content + "/articles/garbled-report.yml")
        let report = try buildSite(content: content, output: site)
        let after = stamps()
        #expect(after["articles/garbled-report.html"] == nil)
        #expect(report.write.removed == 1)
        // Pages that do not show the removed article are untouched, to the inode.
        #expect(after["events/first-contact.html"] == before["events/first-contact.html"])
        #expect(after["assets/dossier.css"] == before["assets/dossier.css"])
        #expect(after["people/anna-berg.html"] != before["people/anna-berg.html"])
    }

    @Test func aBuildKilledEarlierIsCleanedUp() throws {
        let content = content()
        _ = try buildSite(content: content, output: site)
        let before = stamps()
        scratch.write(".Site.dossier-staging-99999/index.html", "half-written")
        _ = try buildSite(content: content, output: site)
        #expect(stamps() == before)
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/.Site.dossier-staging-99999"))
    }

    /// A build killed after its journal was written (its commit point), before it moved every file in: the next
    /// build first completes it, moving the staged files in (the very files: same inodes) and removing those listed.
    @Test func aBuildKilledWhileMovingFilesInIsCompletedByTheNextOne() throws {
        let content = content()
        _ = try buildSite(content: content, output: site)
        let before = stamps()
        let staging = scratch.path + "/.Site.dossier-staging-99998"
        scratch.write(".Site.dossier-staging-99998/people/anna-berg.html", "staged by the killed build")
        scratch.write(".Site.dossier-staging-99998/extra/new.html", "a page in a folder of its own")
        // The killed build's manifest lists the site it was making, and is moved in with it.
        let killedSite = before.keys.filter { $0 != "events/first-contact.html" } + ["extra/new.html"]
        scratch.write(".Site.dossier-staging-99998/.dossier-manifest", String(decoding: OutputManifest.bytes(killedSite), as: UTF8.self))
        try Journal(written: [".dossier-manifest", "extra/new.html", "people/anna-berg.html"], removed: ["events/first-contact.html"]).write(into: staging)
        let movedInode = try #require(FileManager.default.attributesOfItem(atPath: staging + "/people/anna-berg.html")[.systemFileNumber] as? NSNumber)
        // What the next build finds first is the killed build's site, completed.
        let finished = try SiteWriter(output: site).stage(paths: Array(before.keys))
        #expect(SiteFiles.read(site, "people/anna-berg.html") == "staged by the killed build")
        #expect(SiteFiles.read(site, "extra/new.html") == "a page in a folder of its own")
        #expect(!FileManager.default.fileExists(atPath: site + "/events/first-contact.html"))
        #expect((try FileManager.default.attributesOfItem(atPath: site + "/people/anna-berg.html")[.systemFileNumber] as? NSNumber) == movedInode)
        #expect(!FileManager.default.fileExists(atPath: staging))
        finished.abandon()
        // Then the build puts back what the content says, and removes what it does not: the site of a clean build.
        let report = try buildSite(content: content, output: site)
        #expect(report.write.removed == 1 && report.write.written == 2)
        let after = stamps()
        #expect(after.mapValues(\.bytes) == before.mapValues(\.bytes))
        #expect(!FileManager.default.fileExists(atPath: site + "/extra"))
        #expect(after["index.html"] == before["index.html"])
    }

    /// A journal is ours only if every path in it stays inside the site.
    @Test func aJournalNamingPathsOutsideTheSiteIsNotFollowed() throws {
        let staging = scratch.path + "/staging"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try Journal(written: ["index.html"], removed: ["../outside.txt"]).write(into: staging)
        #expect(Journal.read(staging) == nil)
        // Any file name but one with a NUL: an asset's may hold a line break or spaces.
        let written = ["index.html", "people/a.html", "assets/two\nlines.txt", "assets/R x.txt"]
        try Journal(written: written, removed: ["old.html", "W tricky"]).write(into: staging)
        #expect(Journal.read(staging) == Journal(written: written, removed: ["old.html", "W tricky"]))
    }

    @Test func aSymbolicLinkOutOfContentIsRefused() throws {
        let content = content()
        scratch.write("outside/secret.md", "---\nname: Secret Person\n---\n")
        try FileManager.default.createSymbolicLink(atPath: content + "/people/secret.md", withDestinationPath: scratch.path + "/outside/secret.md")
        // A link that stays inside Content/ is fine.
        try FileManager.default.createSymbolicLink(atPath: content + "/people/anna.md", withDestinationPath: content + "/people/anna-berg.md")
        do {
            _ = try buildSite(content: content, output: site)
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics.filter { $0.severity == .error }.map(\.description) == [
                "\(content)/people/secret.md:1:1: error: symbolic link leads outside the content folder (or nowhere); copy the file into Content/ instead",
            ])
        }
        #expect(!FileManager.default.fileExists(atPath: site))
    }

    @Test func absoluteAndFolderLinksAreRefused() throws {
        let content = content()
        scratch.write("Content/articles/accord-reported.md", "---\ntitle: Accord\ndate: 2024-04-02\n---\n[a](/people/anna-berg.html) [b](../people/)\n")
        do {
            _ = try buildSite(content: content, output: site)
            Issue.record("the build should have failed")
        } catch {
            let messages = error.diagnostics.map(\.message)
            #expect(messages.contains("link \"/people/anna-berg.html\" is absolute; links must be relative so the site works from disk"))
            #expect(messages.contains("link \"../people/\" names a folder; links must name a file (…/index.html)"))
        }
    }

}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}

@Suite struct OutputGuardTests {
    let scratch = Scratch()

    func problems(output: String) -> [String] {
        do {
            _ = try buildSite(content: Repo.fixture("small"), output: output)
            return []
        } catch {
            return error.diagnostics.map(\.message)
        }
    }

    @Test func theContentFolderOrItsParentIsNeverTheOutput() {
        #expect(problems(output: Repo.fixture("small")).contains { $0.hasPrefix("output folder overlaps the content folder") })
        #expect(problems(output: Repo.fixture("small") + "/..").contains { $0.hasPrefix("output folder overlaps the content folder") })
        #expect(problems(output: "/").contains { $0.hasPrefix("output folder would replace the root folder") })
    }
}
