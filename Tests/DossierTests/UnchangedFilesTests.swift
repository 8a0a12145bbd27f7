// Rebuilding after an edit (as `dossier serve` does on every save) writes only the pages whose bytes changed:
// every other file of Site/ keeps its inode and modification time, so browsers, rsync and editors see no change.

import Foundation
import Renderer
import Testing

@Suite struct UnchangedFilesTests {
    struct Stamp: Equatable { var inode: UInt64; var seconds: Int; var nanoseconds: Int }

    static func stamps(_ site: String) -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for path in SiteFiles.list(site) {
            var info = stat()
            guard stat(site + "/" + path, &info) == 0 else { continue }
            result[path] = Stamp(inode: UInt64(info.st_ino), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
        }
        return result
    }

    @Test func anEditToOneArticleRewritesOnlyThePagesThatChanged() throws {
        let scratch = Scratch("dossier-unchanged")
        let content = scratch.copy(Repo.fixture("small"), as: "Content")
        let site = scratch.path + "/Site"
        _ = try buildSite(content: content, output: site)
        let before = Self.stamps(site)
        let bytesBefore = SiteFiles.snapshot(site)

        // A sentence that names nobody: only the article's own page shows it (and the part of the search index
        // that holds its full text).
        let article = content + "/articles/envoys-meet.md"
        try (try String(contentsOfFile: article, encoding: .utf8) + "\nThe weather stayed mild all week.\n")
            .write(toFile: article, atomically: true, encoding: .utf8)
        let report = try buildSite(content: content, output: site)

        let after = Self.stamps(site)
        let changed = after.keys.filter { after[$0] != before[$0] }.sorted()
        #expect(changed == ["articles/envoys-meet.html", "assets/search/articles-1.js"])
        #expect(report.write.written == 2)
        #expect(report.write.unchanged == before.count - 3)     // nor the manifest, counted with neither
        #expect(SiteFiles.read(site, "articles/envoys-meet.html")?.contains("The weather stayed mild all week.") == true)
        for (path, bytes) in SiteFiles.snapshot(site) where !changed.contains(path) {
            #expect(bytesBefore[path] == bytes, "\(path) changed")
        }

        // Naming a person changes the pages that show the new mention (theirs, the lists that count mentions,
        // those of the people now mentioned with them); pages that do not show it are left alone.
        try (try String(contentsOfFile: article, encoding: .utf8) + "\nLena Ode watched from the quay.\n")
            .write(toFile: article, atomically: true, encoding: .utf8)
        _ = try buildSite(content: content, output: site)
        let third = Self.stamps(site)
        let touched = Set(third.keys.filter { third[$0] != after[$0] })
        #expect(touched.contains("articles/envoys-meet.html"))
        #expect(touched.contains("people/lena-ode.html"))
        #expect(touched.contains("people/omar-haddad.html"))         // Lena Ode is now mentioned with him
        #expect(!touched.contains("events/trade-accord.html"))
        #expect(!touched.contains("assets/dossier.css"))
        #expect(!touched.contains("events/first-contact.html"))
    }
}

/// The search index holds every article's full text, in parts of 100 articles, newest first: an edit rewrites the
/// part that holds the article, and a part whose articles did not change is kept without being made again.
@Suite struct SearchIndexPartsTests {
    @Test func anEditRewritesOnlyThePartThatHoldsTheArticle() throws {
        let scratch = Scratch("dossier-search-parts")
        scratch.write("Content/dossier.yml", "title: \"Parts\"\n")
        let count = 101                            // one more than a part holds
        for n in 1...count {
            let day = String(format: "2020-%02d-%02d", (n - 1) / 28 % 12 + 1, (n - 1) % 28 + 1)
            let year = 2000 + (n - 1) / 336
            scratch.write("Content/articles/note-\(n).md",
                          "---\ntitle: \"Note \(n)\"\ndate: \(year)\(day.dropFirst(4))\n---\nNote number \(n) says word\(n).\n")
        }
        let content = scratch.path + "/Content", site = scratch.path + "/Site"
        let first = try buildSite(content: content, output: site)
        #expect(first.filesKept == 0)
        let records = try searchRecords(site)
        #expect(records.count == count)
        #expect(records.map(\.t).first == "Note \(count)", "newest first")
        #expect(records.contains { $0.x == "Note number 1 says word1." })
        #expect(SiteFiles.list(site + "/assets/search") == ["articles-1.js", "articles-2.js"])
        let before = UnchangedFilesTests.stamps(site)

        // Note 1 is the oldest: the second part holds it.
        try "---\ntitle: \"Note 1\"\ndate: 2000-01-01\n---\nNote number 1 says word1.\n\nIt now says more.\n"
            .write(toFile: content + "/articles/note-1.md", atomically: true, encoding: .utf8)
        let second = try buildSite(content: content, output: site)
        #expect(second.filesKept == 2, "the first file (no name changed) and the part without note 1 are not even made")
        let after = UnchangedFilesTests.stamps(site)
        #expect(after.keys.filter { after[$0] != before[$0] }.sorted() == ["articles/note-1.html", "assets/search/articles-2.js"])
        #expect(try searchRecords(site).contains { $0.x == "Note number 1 says word1. It now says more." })
    }

    /// The first file lists, for each person, every spelling the articles use: an edit that adds one rewrites it,
    /// an edit that names nobody new keeps it.
    @Test func theFirstFileIsRewrittenWhenAnArticleSpellsANameAnew() throws {
        let scratch = Scratch("dossier-search-spellings")
        let content = scratch.copy(Repo.fixture("small"), as: "Content")
        let site = scratch.path + "/Site"
        _ = try buildSite(content: content, output: site)
        func lenaOde() throws -> SearchRecordView { try #require(try searchRecords(site).first { $0.t == "Lena Ode" }) }
        #expect(try lenaOde().n == [])
        let article = content + "/articles/accord-reported.md"
        let original = try String(contentsOfFile: article, encoding: .utf8)

        try (original + "\nThe harbour was calm that evening.\n").write(toFile: article, atomically: true, encoding: .utf8)
        let before = UnchangedFilesTests.stamps(site)
        let quiet = try buildSite(content: content, output: site)
        #expect(quiet.filesKept == 1, "the first file is kept unmade; the only part holds the edited article")
        #expect(UnchangedFilesTests.stamps(site)["assets/search-index.js"] == before["assets/search-index.js"])

        try (original + "\nLena Ode watched; Ode said nothing.\n").write(toFile: article, atomically: true, encoding: .utf8)
        let stamped = UnchangedFilesTests.stamps(site)
        _ = try buildSite(content: content, output: site)
        #expect(UnchangedFilesTests.stamps(site)["assets/search-index.js"] != stamped["assets/search-index.js"])
        #expect(try lenaOde().n == ["Ode"])
        let clean = scratch.path + "/Clean"
        _ = try buildSite(content: content, output: clean)
        #expect(SiteFiles.read(site, "assets/search-index.js") == SiteFiles.read(clean, "assets/search-index.js"))
    }
}
