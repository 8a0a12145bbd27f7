// The search index's shards: every word in exactly one, named the same way by the build and by search.js (a table
// both read, Tests/Shared/search-words.json), within their size bound on a dossier of a few thousand articles,
// and the text as a reader sees it (a wikilink as its title, never `[[slug]]`).

import Content
import Discovery
import Foundation
@testable import Renderer
import Testing

@Suite struct SearchShardTests {
    struct Table: Decodable {
        struct Words: Decodable { var text: String; var words: [String] }
        struct ShardKey: Decodable { var word: String; var key: String }
        struct FileKey: Decodable { var key: String; var file: String }
        var words: [Words]; var keys: [String]; var shardKeys: [ShardKey]; var fileKeys: [FileKey]
    }

    static func table() throws -> Table {
        try JSONDecoder().decode(Table.self, from: Data(contentsOf: URL(fileURLWithPath: Repo.root + "/Tests/Shared/search-words.json")))
    }

    @Test func wordsShardKeysAndFileNamesFollowTheTableSearchJSFollows() throws {
        let table = try Self.table()
        for row in table.words { #expect(SearchIndex.words(of: row.text) == row.words, "\(row.text)") }
        for row in table.shardKeys { #expect(SearchIndex.shardKey(for: row.word, keys: Set(table.keys)) == row.key, "\(row.word)") }
        for row in table.fileKeys { #expect(SearchIndex.fileKey(row.key) == row.file, "\(row.key)") }
    }

    /// Words are found piece by piece between characters folding leaves alone (SearchIndex.words); the same as folding
    /// the whole text first and splitting it after, on text made of letters with accents, combining marks, curly quotes,
    /// dashes, capitals with lower cases of another length (İ), Greek, Cyrillic, Han, and characters that fold into
    /// letters (Ω as U+2126, K as U+212A).
    @Test func wordsPieceByPieceAreTheWordsOfTheWholeTextFolded() {
        func folded(_ text: String) -> [String] {
            var out: [String] = [], word = String.UnicodeScalarView(), length = 0
            func flush() {
                if length > 0 && length <= SearchIndex.maxWordLength { out.append(String(word)) }
                word = String.UnicodeScalarView(); length = 0
            }
            for scalar in SearchIndex.fold(text).unicodeScalars {
                if SearchIndex.isWordScalar(scalar.value) { word.append(scalar); length += 1 } else { flush() }
            }
            flush()
            return out
        }
        let pieces = ["a", "Z", "7", " ", ".", "-", "'", "é", "E\u{301}", "\u{301}", "\u{308}", "“", "”", "’", "—", "…", "İ", "ΣΟΦΊΑ",
                      "ς", "Д", "ё", "中", "\u{2126}", "\u{212A}", "\u{00A0}", "\u{00B5}", "ß", "ǅ", "Å", "\u{2260}", "x\u{338}", "ﬁ",
                      String(repeating: "y", count: 41), String(repeating: "é", count: 41), "\u{1F600}", "\n"]
        var generator = SplitMix(seed: 7)
        for _ in 0..<3_000 {
            let text = (0..<(1 + Int(generator.next() % 12))).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            #expect(SearchIndex.words(of: text) == folded(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// 20,000 made-up words (some one or two letters, some Cyrillic, many sharing prefixes) with sizes that force
    /// splits down to several letters.
    @Test func everyWordLandsInExactlyOneShardTheOneItsKeyNames() {
        var generator = SplitMix(seed: 42)
        let letters = Array("aaabcdeeefghiiklmnooprsssttuvwyzдми")
        var sizes: [String: Int] = [:]
        for _ in 0..<20_000 {
            let length = 1 + Int(generator.next() % 9)
            let word = String((0..<length).map { _ in letters[Int(generator.next() % UInt64(letters.count))] })
            sizes[word] = 2_000 + Int(generator.next() % 8_000)
        }
        let shards = SearchIndex.shards(sizes: sizes)
        let keys = Set(shards.map(\.key))
        #expect(keys.count == shards.count, "each key once")
        #expect(shards.map(\.key) == shards.map(\.key).sorted())
        var seen: [String: Int] = [:]
        for shard in shards {
            for word in shard.words {
                seen[word, default: 0] += 1
                #expect(word.hasPrefix(shard.key))
                #expect(SearchIndex.shardKey(for: word, keys: keys) == shard.key, "\(word) is looked up where it is")
            }
            let size = shard.words.reduce(0) { $0 + sizes[$1]! }
            #expect(size <= SearchIndex.shardBudget || shard.key.unicodeScalars.count == SearchIndex.maxKeyLength
                    || shard.words.allSatisfy { $0.unicodeScalars.count == shard.key.unicodeScalars.count }, "\(shard.key): \(size)")
        }
        #expect(seen.count == sizes.count && seen.values.allSatisfy { $0 == 1 })
        #expect(shards.contains { $0.key.unicodeScalars.count >= 3 }, "the sizes force some three-letter shards")
    }

    @Test func wikilinksAreIndexedAsTheTitlesTheyShow() {
        let labels = WikiLabels(people: [Person(slug: "kirill-dmitriev", name: "Kirill Dmitriev", aliases: [], role: nil, affiliation: nil,
                                                         born: nil, profile: "", path: "", bodyFirstLine: 1)])
        let words = SearchIndex.words(of: labels.plain("met [[kirill-dmitriev]] and [[x|the envoy]]."))
        #expect(words == ["met", "kirill", "dmitriev", "and", "the", "envoy"])
    }

    /// 2,500 articles of 120 words each from a 6,000-word vocabulary, 60 people: every search script within its bound,
    /// and every word of an article found in the shard its key names, with the article.
    @Test func aLargeDossiersSearchScriptsStayWithinTheirBound() throws {
        let scratch = Scratch("dossier-search-large")
        scratch.write("Content/dossier.yml", "title: \"Large\"\n")
        var generator = SplitMix(seed: 7)
        let syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "de", "ga", "po", "zu", "ber", "ist", "ond", "ash"]
        func word() -> String { (0..<(2 + Int(generator.next() % 3))).map { _ in syllables[Int(generator.next() % 16)] }.joined() }
        let vocabulary = (0..<6_000).map { _ in word() }
        let people = (0..<60).map { _ in word().capitalized + " " + word().capitalized }
        for (i, name) in people.enumerated() { scratch.write("Content/people/p\(i).md", "---\nname: \"\(name)\"\n---\n") }
        for a in 0..<2_500 {
            var text: [String] = [people[a % 60] + " said."]
            for _ in 0..<120 { text.append(vocabulary[Int(generator.next() % generator.next().clamped(1, 6_000))]) }
            scratch.write("Content/articles/a\(a).md", "---\ntitle: \"Report \(a)\"\ndate: 2024-\(String(format: "%02d", a % 12 + 1))-01\n---\n\(text.joined(separator: " ")).\n")
        }
        let site = scratch.path + "/Site"
        _ = try buildSite(content: scratch.path + "/Content", output: site)
        let files = SiteFiles.list(site + "/assets/search")
        #expect(files.count > 20, "split into shards: \(files.count)")
        for file in files {
            let size = try #require(try? FileManager.default.attributesOfItem(atPath: site + "/assets/search/" + file)[.size] as? Int)
            #expect(size <= (file == "names.js" ? 300_000 : SearchIndex.shardBudget + 20_000), "\(file): \(size) bytes")
        }
        let records = try searchRecords(site)
        let report = try #require(records.first { $0.t == "Report 1234" })
        let body = try #require(SiteFiles.read(scratch.path + "/Content/articles", "a1234.md"))
        for word in SearchIndex.words(of: String(body.split(separator: "\n").last!)) { #expect(report.x.contains(word), "\(word)") }
    }
}


extension UInt64 {
    func clamped(_ low: UInt64, _ high: UInt64) -> UInt64 { Swift.min(Swift.max(self, low), high) }
}
