// A rebuild after an edit that moves things in the site's layout (Renderer/Pagination.swift: the timeline's periods,
// an event's dated sentences, a person's pages) gives the site a clean build of the same content gives, byte for byte.
// On a generated dossier large enough for a paginated timeline (Tests/large_dossier.py).

import Foundation
@testable import Renderer
import Testing

@Suite struct LayoutRebuildTests {
    let scratch = Scratch("dossier-layout-rebuild")

    /// Rebuilds `site` from `content`, builds the same content cleanly beside it, and compares the two.
    func rebuildEqualsACleanBuild(_ content: String, _ site: String) throws -> BuildReport {
        let report = try buildSite(content: content, output: site)
        let clean = scratch.path + "/Clean"
        if FileManager.default.fileExists(atPath: clean) { try FileManager.default.removeItem(atPath: clean) }
        _ = try buildSite(content: content, output: clean)
        let (rebuilt, fresh) = (SiteFiles.snapshot(site), SiteFiles.snapshot(clean))
        #expect(rebuilt.keys.sorted() == fresh.keys.sorted())
        for (path, bytes) in fresh where rebuilt[path] != bytes { Issue.record("\(path) differs from a clean build's") }
        return report
    }

    func append(_ text: String, to path: String) throws {
        try (try String(contentsOfFile: path, encoding: .utf8) + text).write(toFile: path, atomically: false, encoding: .utf8)
    }

    @Test func editsThatMoveTheLayoutGiveTheSiteOfACleanBuild() throws {
        let content = try generatedDossier(scratch, articles: 260)
        let site = scratch.path + "/Site"
        _ = try buildSite(content: content, output: site)
        let periods = { SiteFiles.list(site + "/timeline").filter { $0.hasSuffix(".html") }.sorted() }
        #expect(!periods().isEmpty, "the timeline is cut into periods")
        #expect(!periods().contains("2011.html"))

        // A dated sentence in a year nothing was dated in before, naming a person: a new timeline period, and a
        // sentence in that person's pages.
        try append("\nOn 4 March 2011, Boris Rahimi met the envoys in Geneva.\n", to: content + "/articles/article-00120.md")
        var report = try rebuildEqualsACleanBuild(content, site)
        #expect(periods().contains("2011.html"))
        #expect(SiteFiles.read(site, "timeline/2011.html")?.contains("met the envoys in Geneva") == true)
        #expect(report.rendered < report.pageCount)

        // A person newly mentioned: a new person file, named in one article; their page, the people index and the
        // lists that count people change.
        try "---\nname: Wilhelmina Zorn\nrole: Envoy\n---\nWilhelmina Zorn is an envoy.\n"
            .write(toFile: content + "/people/wilhelmina-zorn.md", atomically: false, encoding: .utf8)
        try append("\nOn 5 March 2011, Wilhelmina Zorn joined the talks.\n", to: content + "/articles/article-00121.md")
        report = try rebuildEqualsACleanBuild(content, site)
        #expect(SiteFiles.read(site, "people/wilhelmina-zorn.html")?.contains("joined the talks") == true)

        // An article deleted: every later article's place in the lists, the timeline and the search index moves.
        try FileManager.default.removeItem(atPath: content + "/articles/article-00120.md")
        report = try rebuildEqualsACleanBuild(content, site)
        #expect(SiteFiles.read(site, "timeline/2011.html")?.contains("met the envoys in Geneva") != true)
        #expect(!FileManager.default.fileExists(atPath: site + "/articles/article-00120.html"))
    }
}
