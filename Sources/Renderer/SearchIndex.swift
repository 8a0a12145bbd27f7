// The search index, in classic scripts (each assigns into a global) so search works from file://, where fetch and
// modules fail, and split so that a search loads little of it, whatever the size of the dossier:
//   assets/search/names.js     every person, event and article: kind, title, link, date, other names, one line
//                              under the title; and the names of the text shards. Loaded the first time the box is used.
//   assets/search/text-K.js    the full text's words that start with K (two letters, or more where two would make a
//                              large file), each with the records that use it. Loaded when a word starting with K is typed.
// A record is named by its place in names.js, so a shard holds only words and numbers. Words are folded the
// same way here and in `Templates/assets/search.js` (NFD, accents dropped, lower case, split on anything but letters
// and digits), and a word's shard is found the same way on both sides (`shardKey`); a shared table in
// `Tests/search-words.json` holds the two to the same answers.

import Content
import Discovery
import Foundation

enum SearchIndex {
    static let namesGlobal = "DOSSIER_SEARCH_NAMES"
    static let textGlobal = "DOSSIER_SEARCH_TEXT"
    /// A shard past this many bytes is split by one more letter of its words (up to `maxKeyLength` letters): a typed
    /// word then loads names.js and one shard.
    static let shardBudget = 160_000
    static let maxKeyLength = 5
    /// Longer runs of letters are not words a reader types (identifiers, pasted URLs) and are left out.
    static let maxWordLength = 40

    /// One record of names.js: kind ("P", "E", "A"), title, slug, date as shown, other names (aliases and every
    /// spelling the articles use), and the line under the title (role, place, source).
    struct NameRecord: Equatable, Sendable {
        var kind: String, title: String, slug: String, date: String, names: [String], sub: String
    }

    /// The whole index, made at once: names.js and every shard, each signed by its own bytes, so a rebuild
    /// writes only the shards whose words or records changed.
    /// `articleSignatures`: each article's own inputs (`PageSignatures.articles`); with `wordCache` (a file in the
    /// cache folder beside the output), the words of an article whose inputs did not change are read from there
    /// rather than from its text, so a rebuild after an edit tokenizes one article, not all of them.
    static func files(_ dossier: Dossier, articleSignatures: [UInt64] = [], wordCache: String? = nil) -> [OutputFile] {
        let index = Index(dossier, articleSignatures: articleSignatures, wordCache: wordCache)
        var files: [OutputFile] = []
        func add(_ path: String, _ bytes: [UInt8]) {
            var h = StableHash()
            h.add("search-2"); h.add(path); h.add(String(decoding: bytes, as: UTF8.self))
            files.append(OutputFile(path: path, content: .bytes(bytes), signature: h.value))
        }
        add(Paths.searchNames, index.namesScript())
        for (key, words) in index.shards { add(Paths.searchShard(fileKey(key)), index.shardScript(key: key, words: words)) }
        return files
    }

    /// The records and the postings of every word, then the words cut into shards.
    struct Index {
        var records: [NameRecord] = []
        /// Every word of the text once, by id, and each word's records (ascending), by id.
        var vocabulary: [String] = []
        var postingsOf: [[Int32]] = []
        /// Word → its id.
        var idOf: [String: Int32] = [:]
        /// Shard key → its words, sorted; keys sorted.
        var shards: [(key: String, words: [String])] = []

        init(_ dossier: Dossier, articleSignatures: [UInt64] = [], wordCache: String? = nil) {
            records = SearchIndex.records(dossier)
            var table = WordTable()
            let wordsOfRecord = SearchIndex.wordsOfRecords(dossier, articleSignatures: articleSignatures, wordCache: wordCache, table: &table)
            vocabulary = table.words
            // Postings by word id, each record appended in order: 2.4 million words at 10,000 articles, no String made.
            var postingsOf = [[Int32]](repeating: [], count: vocabulary.count)
            for (r, words) in wordsOfRecord.enumerated() {
                for word in words { postingsOf[Int(word)].append(Int32(r)) }
            }
            self.postingsOf = postingsOf
            var sizes: [String: Int] = [:], idOf: [String: Int32] = [:]
            sizes.reserveCapacity(vocabulary.count); idOf.reserveCapacity(vocabulary.count)
            for (w, word) in vocabulary.enumerated() where !postingsOf[w].isEmpty {
                sizes[word] = word.utf8.count + 6 + SearchIndex.encodedCount(postingsOf[w])
                idOf[word] = Int32(w)
            }
            self.idOf = idOf
            shards = SearchIndex.shards(sizes: sizes)
        }

        func namesScript() -> [UInt8] {
            var out = Array("// Names of this dossier's people, events and articles for search, written by `dossier build`; loaded by search.js.\nwindow.\(SearchIndex.namesGlobal) = {\"shards\":[".utf8)
            for (i, shard) in shards.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONLine.string(shard.key, &out)
            }
            out += Array("],\n\"records\":[\n".utf8)
            for (i, r) in records.enumerated() {
                if i > 0 { out += Array(",\n".utf8) }
                out.append(UInt8(ascii: "["))
                for (j, field) in [r.kind, r.title, r.slug, r.date].enumerated() {
                    if j > 0 { out.append(UInt8(ascii: ",")) }
                    JSONLine.string(field, &out)
                }
                out += Array(",[".utf8)
                for (j, name) in r.names.enumerated() {
                    if j > 0 { out.append(UInt8(ascii: ",")) }
                    JSONLine.string(name, &out)
                }
                out += Array("],".utf8)
                JSONLine.string(r.sub, &out)
                out.append(UInt8(ascii: "]"))
            }
            out += Array("\n]};\n".utf8)
            return out
        }

        func shardScript(key: String, words: [String]) -> [UInt8] {
            var out = Array("// Words of this dossier's text that start with these letters, and the records (by place in names.js) that use them.\n(window.\(SearchIndex.textGlobal) = window.\(SearchIndex.textGlobal) || {})[".utf8)
            JSONLine.string(key, &out)
            out += Array("] = {\n".utf8)
            for (i, word) in words.enumerated() {
                if i > 0 { out += Array(",\n".utf8) }
                JSONLine.string(word, &out)
                out.append(UInt8(ascii: ":"))
                out.append(UInt8(ascii: "\""))
                if let w = idOf[word] { SearchIndex.encode(postingsOf[Int(w)], into: &out) }
                out.append(UInt8(ascii: "\""))
            }
            out += Array("\n};\n".utf8)
            return out
        }
    }

    /// Ascending record numbers as the first in base 36, then each difference from the one before: "0,1,1,2s".
    static func encode(_ ids: [Int32]) -> String {
        var out: [UInt8] = []
        encode(ids, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `encode(ids)`'s bytes, appended (digits and commas only: nothing a JSON string escapes). Written so, without
    /// a String per number, the postings of 10,000 articles (2.4 million numbers) take a few milliseconds.
    static func encode(_ ids: [Int32], into out: inout [UInt8]) {
        var previous: Int32 = 0
        for (i, id) in ids.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            let step = Int64(i == 0 ? id : id - previous)
            if step < 0 { out.append(UInt8(ascii: "-")) }
            PageCache.appendDigits(of: step.magnitude, radix: 36, to: &out)
            previous = id
        }
    }

    /// `encode(ids).utf8.count`, counted.
    static func encodedCount(_ ids: [Int32]) -> Int {
        var count = max(0, ids.count - 1), previous: Int32 = 0
        for (i, id) in ids.enumerated() {
            let step = Int64(i == 0 ? id : id - previous)
            var v = step.magnitude, digits = step < 0 ? 2 : 1
            while v >= 36 { v /= 36; digits += 1 }
            count += digits
            previous = id
        }
        return count
    }

    // MARK: Records

    /// People (by slug), events (in order), articles newest first: the order results tie in.
    static func records(_ dossier: Dossier) -> [NameRecord] {
        // Spellings seen: what the articles actually wrote, so "Dmitliff" finds Kirill Dmitriev even if no alias said so.
        var spellings = [Set<String>](repeating: [], count: dossier.people.count)
        for text in dossier.articleTexts {
            for mention in text.mentions where mention.kind != .wikilink { spellings[mention.person].insert(mention.text) }
        }
        var records: [NameRecord] = []
        for (p, person) in dossier.people.enumerated() {
            var names: [String] = []
            for name in person.aliases + spellings[p].sorted() where name != person.name && !names.contains(name) { names.append(name) }
            records.append(NameRecord(kind: "P", title: person.name, slug: person.slug, date: person.born.map { "born " + $0.display } ?? "",
                                      names: names, sub: [person.role, person.affiliation].compactMap { $0 }.joined(separator: " · ")))
        }
        for event in dossier.events {
            records.append(NameRecord(kind: "E", title: event.title, slug: event.slug, date: event.date.display, names: event.aliases, sub: event.place ?? ""))
        }
        for a in dossier.articles.indices.reversed() {
            let article = dossier.articles[a]
            records.append(NameRecord(kind: "A", title: article.title, slug: article.slug, date: article.date.display, names: [],
                                      sub: [article.source, article.author].compactMap { $0 }.joined(separator: " · ")))
        }
        return records
    }

    /// Each record's words (ids in `table`), each once, in the order of `records`. Articles' words come from
    /// `wordCache` when it holds them under the same key (`wordKey`), and the cache is rewritten with every article's
    /// words when any was missing.
    static func wordsOfRecords(_ dossier: Dossier, articleSignatures: [UInt64], wordCache: String?, table: inout WordTable) -> [[Int32]] {
        func made(_ texts: [[String]]) -> [[String]] { Parallel.map(Array(texts.indices)) { r in Array(Set(words(texts[r]))).sorted() } }
        let texts = documentTexts(dossier, articles: false)
        var result = made(texts).map { table.ids($0) }
        let newestFirst = Array(dossier.articles.indices.reversed())
        guard let wordCache, articleSignatures.count == dossier.articles.count else {
            return result + made(documentTexts(dossier, only: newestFirst)).map { table.ids($0) }
        }
        let keys = newestFirst.map { wordKey(dossier, $0, signature: articleSignatures[$0]) }
        let data = FileManager.default.contents(atPath: wordCache) ?? Data()
        return data.withUnsafeBytes { (file: UnsafeRawBufferPointer) -> [[Int32]] in
            let bytes = file.bindMemory(to: UInt8.self)
            let cached = wordCacheLines(bytes, wanted: Set(keys))
            let missing = newestFirst.indices.filter { cached[keys[$0]] == nil }
            let madeWords = made(documentTexts(dossier, only: missing.map { newestFirst[$0] }))
            var madeByKey: [UInt64: [String]] = [:]
            for (i, r) in missing.enumerated() { madeByKey[keys[r]] = madeWords[i] }
            var out: [UInt8] = []
            let rewrite = !missing.isEmpty || cached.count != Set(keys).count
            if rewrite { out.reserveCapacity(bytes.count + 4_096); out += Array("dossier-search-words-1\n".utf8) }
            for key in keys {
                if let line = cached[key] {
                    // The words of a cached line, read in place: a word's bytes are looked up, not made a String.
                    var ids: [Int32] = []
                    var start = line.lowerBound
                    for i in line where bytes[i] == 0x20 {
                        if i > start { ids.append(table.id(UnsafeBufferPointer(rebasing: bytes[start..<i]))) }
                        start = i + 1
                    }
                    if line.upperBound > start { ids.append(table.id(UnsafeBufferPointer(rebasing: bytes[start..<line.upperBound]))) }
                    result.append(ids)
                    if rewrite {
                        out += Array(String(key, radix: 16).utf8); out.append(0x09)
                        out += UnsafeBufferPointer(rebasing: bytes[line]); out.append(0x0A)
                    }
                } else {
                    let words = madeByKey[key]!
                    result.append(table.ids(words))
                    out += Array(String(key, radix: 16).utf8); out.append(0x09)
                    out += Array(words.joined(separator: " ").utf8); out.append(0x0A)
                }
            }
            if rewrite {
                let temporary = wordCache + ".tmp"
                // The cache folder may not be there yet on a first build (the other caches are written later).
                try? FileManager.default.createDirectory(atPath: (wordCache as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                if FileManager.default.createFile(atPath: temporary, contents: Data(out)) { _ = rename(temporary, wordCache) }
            }
            return result
        }
    }

    /// What an article's words are made of: its own inputs, and the titles its wikilinks show.
    static func wordKey(_ dossier: Dossier, _ a: Int, signature: UInt64) -> UInt64 {
        var h = StableHash()
        h.add("search-words-1"); h.add(PageSignatures.programIdentity()); h.add(signature)
        for link in dossier.articleTexts[a].wikiLinks {
            switch link.target {
            case .person(let p): h.add(dossier.people[p].name)
            case .event(let e): h.add(dossier.events[e].title)
            case .article(let x): h.add(dossier.articles[x].title)
            }
        }
        return h.value
    }

    /// The word cache's lines whose key is wanted: key → where its words are in `bytes` (words separated by spaces);
    /// nothing if the file is not ours.
    static func wordCacheLines(_ bytes: UnsafeBufferPointer<UInt8>, wanted: Set<UInt64>) -> [UInt64: Range<Int>] {
        let head = Array("dossier-search-words-1\n".utf8)
        guard bytes.count >= head.count, bytes.starts(with: head) else { return [:] }
        var result: [UInt64: Range<Int>] = [:]
        result.reserveCapacity(wanted.count)
        var position = head.count
        while position < bytes.count {
            var end = position
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var key: UInt64 = 0, i = position, valid = true
            while i < end && bytes[i] != 0x09 {
                let b = bytes[i]
                let digit: UInt64
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(b - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(b - UInt8(ascii: "a") + 10)
                default: digit = 0; valid = false
                }
                if key > UInt64.max >> 4 { valid = false }
                key = key << 4 | digit
                i += 1
            }
            if valid, i > position, i < end, wanted.contains(key) { result[key] = (i + 1)..<end }
            position = end + 1
        }
        return result
    }

    /// The text searched of each record, in the order of `records`: its title and its body as a reader sees it
    /// (a wikilink as the name or title it shows, never `[[slug]]`).
    static func documentTexts(_ dossier: Dossier, articles withArticles: Bool = true) -> [[String]] {
        let labels = dossier.wikiLabels
        func body(_ text: BodyText) -> [String] { text.document.blocks.map { labels.plain($0.text) } }
        var texts: [[String]] = []
        for (p, person) in dossier.people.enumerated() { texts.append([person.name] + body(dossier.profileTexts[p])) }
        for (e, event) in dossier.events.enumerated() { texts.append([event.title] + body(dossier.eventTexts[e])) }
        if withArticles { texts += documentTexts(dossier, only: Array(dossier.articles.indices.reversed())) }
        return texts
    }

    /// The texts of the articles given, in that order.
    static func documentTexts(_ dossier: Dossier, only articles: [Int]) -> [[String]] {
        let labels = dossier.wikiLabels
        return Parallel.map(articles) { a in
            [dossier.articles[a].title] + dossier.articleTexts[a].document.blocks.map { labels.plain($0.text) }
        }
    }

    // MARK: Words and shards (mirrored in search.js)

    /// The words of `texts`, folded, in order, repeats kept.
    static func words(_ texts: [String]) -> [String] {
        var out: [String] = []
        for text in texts { words(of: text, into: &out) }
        return out
    }

    static func words(of text: String) -> [String] {
        var out: [String] = []
        words(of: text, into: &out)
        return out
    }

    /// Lower-case ASCII is folded byte by byte; text with any other character goes through `fold`.
    private static func words(of text: String, into out: inout [String]) {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var word: [UInt8] = []
            func flush() {
                if !word.isEmpty && word.count <= maxWordLength { out.append(String(decoding: word, as: UTF8.self)) }
                word.removeAll(keepingCapacity: true)
            }
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
                default: flush()
                }
            }
            flush()
            return
        }
        // Other text is cut at characters that folding leaves as they are and that are no part of a word (ASCII ones,
        // U+0080–U+00BF, the general punctuation of U+2010–U+2027 and U+2030–U+205F: no canonical decomposition, no
        // lower case, never reordered); between them, a piece of ASCII letters and digits is lowered byte by byte and
        // only a piece with other characters goes through `fold`. Folding is the same piece by piece (lower-casing
        // maps each scalar on its own), and it was most of the search index's time on news text, where every curly
        // quote or accented name sent a whole paragraph through it.
        let scalars = text.unicodeScalars
        var pieceStart = scalars.startIndex, ascii = true
        var word: [UInt8] = []
        func flush(_ end: String.UnicodeScalarView.Index) {
            guard pieceStart < end else { return }
            if ascii {
                word.removeAll(keepingCapacity: true)
                for scalar in scalars[pieceStart..<end] {
                    let byte = UInt8(scalar.value)
                    word.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
                }
                if word.count <= maxWordLength { out.append(String(decoding: word, as: UTF8.self)) }
            } else {
                foldedWords(of: String(scalars[pieceStart..<end]), into: &out)
            }
        }
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let c = scalars[i].value
            let next = scalars.index(after: i)
            if c < 0x80 ? !((0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c))
                : (c < 0xC0 || (0x2010...0x2027).contains(c) || (0x2030...0x205F).contains(c)) {
                flush(i)
                pieceStart = next; ascii = true
            } else if c >= 0x80 {
                ascii = false
            }
            i = next
        }
        flush(scalars.endIndex)
    }

    /// The words of `text` folded as a whole.
    private static func foldedWords(of text: String, into out: inout [String]) {
        var word = String.UnicodeScalarView(), length = 0
        func flush() {
            if length > 0 && length <= maxWordLength { out.append(String(word)) }
            word = String.UnicodeScalarView(); length = 0
        }
        for scalar in fold(text).unicodeScalars {
            if isWordScalar(scalar.value) { word.append(scalar); length += 1 } else { flush() }
        }
        flush()
    }

    /// As search.js: `text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()`.
    static func fold(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars where !(0x300...0x36F).contains(scalar.value) {
            kept.append(scalar)
        }
        return String(kept).lowercased()
    }

    /// Letters and digits, roughly: ASCII letters and digits, and every scalar from U+00C0 on except the
    /// multiplication and division signs, punctuation and symbol blocks, and variation selectors.
    static func isWordScalar(_ c: UInt32) -> Bool {
        if c < 0x80 { return (0x30...0x39).contains(c) || (0x61...0x7A).contains(c) }
        if c < 0xC0 || c == 0xD7 || c == 0xF7 { return false }
        if (0x2000...0x2BFF).contains(c) || (0x3000...0x303F).contains(c) || (0xFE00...0xFE0F).contains(c)
            || (0xFF00...0xFF0F).contains(c) || c == 0xFEFF || (0xD800...0xDFFF).contains(c) { return false }
        return true
    }

    /// The shards: all words in one (key "") while they fit in `shardBudget` bytes, as in a small dossier; past it,
    /// grouped by their first letter, then two, and so on while a group is too large, a group's words of exactly
    /// its key's length staying in it (at 10,000 articles, mostly two letters, some three).
    static func shards(sizes: [String: Int]) -> [(key: String, words: [String])] {
        var result: [(key: String, words: [String])] = []
        func split(_ words: [String], length: Int) {
            var groups: [String: [String]] = [:]
            for word in words { groups[prefix(word, length), default: []].append(word) }
            for (key, group) in groups {
                let size = group.reduce(0) { $0 + (sizes[$1] ?? 0) }
                if size <= shardBudget || length >= maxKeyLength { result.append((key, group.sorted())); continue }
                let exact = group.filter { $0.unicodeScalars.count <= length }
                if !exact.isEmpty { result.append((key, exact.sorted())) }
                split(group.filter { $0.unicodeScalars.count > length }, length: length + 1)
            }
        }
        split(Array(sizes.keys), length: 0)
        return result.sorted { $0.key < $1.key }
    }

    static func prefix(_ word: String, _ length: Int) -> String {
        String(String.UnicodeScalarView(word.unicodeScalars.prefix(length)))
    }

    /// The shard that holds `word`, or would: the longest key that begins it (as search.js's `shardKey`).
    static func shardKey(for word: String, keys: Set<String>) -> String? {
        let scalars = Array(word.unicodeScalars)
        for length in stride(from: min(scalars.count, maxKeyLength), through: 0, by: -1) {
            let key = String(String.UnicodeScalarView(scalars[0..<length]))
            if keys.contains(key) { return key }
        }
        return nil
    }

    /// A key as part of a file name: ASCII letters and digits as they are, any other scalar as `_` + hex + `_`;
    /// the key of every word, "", as `_`.
    static func fileKey(_ key: String) -> String {
        if key.isEmpty { return "_" }
        var out = ""
        for scalar in key.unicodeScalars {
            if (0x30...0x39).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) { out.unicodeScalars.append(scalar) }
            else { out += "_" + String(scalar.value, radix: 16) + "_" }
        }
        return out
    }
}

/// Words by id, interned from their bytes: the word cache's 2.4 million words (at 10,000 articles) are looked up
/// where they lie in the file, and a String is made once per distinct word.
struct WordTable {
    private(set) var words: [String] = []
    private var arena: [UInt8] = []                // every word's bytes, one after another
    private var spans: [Range<Int>] = []           // each word's bytes in `arena`
    private var slots = [Int32](repeating: -1, count: 1 << 12)   // open addressing: id, or -1
    private var mask = (1 << 12) - 1

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    mutating func id(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        var slot = Self.hash(bytes) & mask
        while true {
            let found = slots[slot]
            if found < 0 { break }
            let span = spans[Int(found)]
            if span.count == bytes.count && arena.withUnsafeBufferPointer({ memcmp($0.baseAddress! + span.lowerBound, bytes.baseAddress!, bytes.count) == 0 }) {
                return found
            }
            slot = (slot + 1) & mask
        }
        let id = Int32(words.count)
        spans.append(arena.count..<(arena.count + bytes.count))
        arena.append(contentsOf: bytes)
        words.append(String(decoding: bytes, as: UTF8.self))
        slots[slot] = id
        if words.count * 2 > slots.count { grow() }
        return id
    }

    mutating func id(_ word: String) -> Int32 {
        var word = word
        return word.withUTF8 { id($0) }
    }

    mutating func ids(_ words: [String]) -> [Int32] { words.map { id($0) } }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for (w, span) in spans.enumerated() {
            var slot = arena.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[span])) } & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(w)
        }
    }
}

/// JSON strings as JSONEncoder writes them with unescaped slashes (a test compares the two).
enum JSONLine {
    private static let hex = Array("0123456789abcdef".utf8)

    static func string(_ s: String, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        escape(s, &out)
        out.append(UInt8(ascii: "\""))
    }

    static func escape(_ s: String, _ out: inout [UInt8]) {
        for byte in s.utf8 { escape(byte, &out) }
    }

    @inline(__always)
    static func escape(_ byte: UInt8, _ out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
        case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
        case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case ..<0x20: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
        default: out.append(byte)
        }
    }
}
