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

        // A sentence that names nobody: only the article's own page shows it (and the shard of the search index
        // that holds its words: a small dossier has one).
        let article = content + "/articles/envoys-meet.md"
        try (try String(contentsOfFile: article, encoding: .utf8) + "\nThe weather stayed mild all week.\n")
            .write(toFile: article, atomically: true, encoding: .utf8)
        let report = try buildSite(content: content, output: site)

        let after = Self.stamps(site)
        let changed = after.keys.filter { after[$0] != before[$0] }.sorted()
        #expect(changed == ["articles/envoys-meet.html", "assets/search/text-_.js"])
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

/// The search index: names.js with every name, and the text in shards by the words' first letters. A rebuild
/// after an edit rewrites only the files whose bytes change, and equals a clean build.
@Suite struct SearchIndexRebuildTests {
    /// names.js lists, for each person, every spelling the articles use: an edit that adds one rewrites it,
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
        _ = try buildSite(content: content, output: site)
        #expect(UnchangedFilesTests.stamps(site)["assets/search/names.js"] == before["assets/search/names.js"])
        #expect(UnchangedFilesTests.stamps(site)["assets/search/text-_.js"] != before["assets/search/text-_.js"])
        #expect(try searchRecords(site).first { $0.t == "Accord reported" }?.x.contains("evening") == true)

        try (original + "\nLena Ode watched; Ode said nothing.\n").write(toFile: article, atomically: true, encoding: .utf8)
        let stamped = UnchangedFilesTests.stamps(site)
        _ = try buildSite(content: content, output: site)
        #expect(UnchangedFilesTests.stamps(site)["assets/search/names.js"] != stamped["assets/search/names.js"])
        #expect(try lenaOde().n == ["Ode"])
        let clean = scratch.path + "/Clean"
        _ = try buildSite(content: content, output: clean)
        #expect(SiteFiles.snapshot(site) == SiteFiles.snapshot(clean))
    }

    /// The words of an article whose inputs did not change come from the cache beside the output, not its text:
    /// a rebuild after an edit reads one article's words. Shown by a cache line altered by hand, which the rebuild
    /// believes for the unchanged article and not for the edited one.
    @Test func aRebuildTakesUnchangedArticlesWordsFromTheCache() throws {
        let scratch = Scratch("dossier-search-words")
        let content = scratch.copy(Repo.fixture("small"), as: "Content")
        let site = scratch.path + "/Site", cache = scratch.path + "/.Site.dossier-cache/search-words.txt"
        _ = try buildSite(content: content, output: site)
        let lines = try String(contentsOfFile: cache, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.first == "dossier-search-words-1" && lines.count == 4, "a header and the three articles")
        // Newest first: accord-reported, then garbled-report, then envoys-meet. Both altered lines gain a word.
        var altered = lines
        altered[1] += " sentinelaccord"
        altered[2] += " sentinelgarbled"
        try (altered.joined(separator: "\n") + "\n").write(toFile: cache, atomically: true, encoding: .utf8)
        let article = content + "/articles/accord-reported.md"
        try (try String(contentsOfFile: article, encoding: .utf8) + "\nA quiet evening.\n").write(toFile: article, atomically: true, encoding: .utf8)
        _ = try buildSite(content: content, output: site)
        let records = try searchRecords(site)
        #expect(records.first { $0.t == "Garbled report from the summit" }?.x.contains("sentinelgarbled") == true)
        #expect(records.first { $0.t == "Accord reported" }?.x.contains("sentinelaccord") == false)
        #expect(records.first { $0.t == "Accord reported" }?.x.contains("quiet") == true)
    }
}
