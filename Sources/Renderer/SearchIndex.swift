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
        /// Word → the records whose text holds it, ascending.
        var postings: [String: [Int32]] = [:]
        /// Shard key → its words, sorted; keys sorted.
        var shards: [(key: String, words: [String])] = []

        init(_ dossier: Dossier, articleSignatures: [UInt64] = [], wordCache: String? = nil) {
            records = SearchIndex.records(dossier)
            var r: Int32 = 0
            SearchIndex.forEachRecordsWords(dossier, articleSignatures: articleSignatures, wordCache: wordCache) { words in
                for word in words { postings[word, default: []].append(r) }
                r += 1
            }
            var encoded: [String: Int] = [:]
            for (word, ids) in postings { encoded[word] = word.utf8.count + 6 + SearchIndex.encode(ids).utf8.count }
            shards = SearchIndex.shards(sizes: encoded)
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
                JSONLine.string(SearchIndex.encode(postings[word] ?? []), &out)
            }
            out += Array("\n};\n".utf8)
            return out
        }
    }

    /// Ascending record numbers as the first in base 36, then each difference from the one before: "0,1,1,2s".
    static func encode(_ ids: [Int32]) -> String {
        var previous: Int32 = 0
        return ids.enumerated().map { i, id in
            defer { previous = id }
            return String(i == 0 ? id : id - previous, radix: 36)
        }.joined(separator: ",")
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

    /// Each record's words, sorted, each once, in the order of `records`. Articles' words come from `wordCache` when
    /// it holds them under the same key (`wordKey`), and the cache is rewritten with every article's words.
    static func wordsOfRecords(_ dossier: Dossier, articleSignatures: [UInt64], wordCache: String?) -> [[String]] {
        var result: [[String]] = []
        forEachRecordsWords(dossier, articleSignatures: articleSignatures, wordCache: wordCache) { result.append($0) }
        return result
    }

    /// `wordsOfRecords` handed to `body` one record at a time, articles made in batches on every core and the cache
    /// written as they come: the words of every article at once (and the cache's bytes) were the peak of a first build's
    /// memory at 10,000 articles, 68 of 434 MB.
    static func forEachRecordsWords(_ dossier: Dossier, articleSignatures: [UInt64], wordCache: String?, _ body: ([String]) -> Void) {
        let texts = documentTexts(dossier, articles: false)
        for words in Parallel.map(Array(texts.indices), { r in Array(Set(words(texts[r]))).sorted() }) { body(words) }
        let newestFirst = Array(dossier.articles.indices.reversed())
        // An article's text is made, read and dropped on the core that folds it.
        let articleWords: @Sendable (Int) -> [String] = { a in Array(Set(words(documentText(dossier, article: a)))).sorted() }
        let batch = 1024
        guard let wordCache, articleSignatures.count == dossier.articles.count else {
            for start in stride(from: 0, to: newestFirst.count, by: batch) {
                for words in Parallel.map(Array(newestFirst[start..<min(start + batch, newestFirst.count)]), articleWords) { body(words) }
            }
            return
        }
        let keys = newestFirst.map { wordKey(dossier, $0, signature: articleSignatures[$0]) }
        let cached = readWordCache(wordCache, wanted: Set(keys))
        let rewrite = cached.count != Set(keys).count || keys.contains { cached[$0] == nil }
        var done = false
        /// Every article's words to `body`, and to the cache file when `fd` is given (until a write fails).
        func run(_ fd: Int32?) -> Bool {
            done = true
            var out: [UInt8] = Array("dossier-search-words-1\n".utf8)
            var written = true
            for start in stride(from: 0, to: newestFirst.count, by: batch) {
                let range = start..<min(start + batch, newestFirst.count)
                let made = Parallel.map(range.filter { cached[keys[$0]] == nil }.map { newestFirst[$0] }, articleWords)
                var next = 0
                for i in range {
                    let words: [String]
                    if let hit = cached[keys[i]] { words = hit } else { words = made[next]; next += 1 }
                    body(words)
                    guard fd != nil else { continue }
                    out += String(keys[i], radix: 16).utf8; out.append(0x09)
                    for (k, word) in words.enumerated() {
                        if k > 0 { out.append(0x20) }
                        out += word.utf8
                    }
                    out.append(0x0A)
                }
                if let fd, written {
                    written = FileWriting.writeAll(fd, out) == nil
                    out.removeAll(keepingCapacity: true)
                }
            }
            return written
        }
        if rewrite {
            // The cache folder may not be there yet on a first build (the other caches are written later).
            try? FileManager.default.createDirectory(atPath: (wordCache as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            FileWriting.replace(wordCache, writing: run)
        }
        if !done { _ = run(nil) }
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

    /// The cache's lines whose key is wanted; nothing if the file is missing or not ours.
    static func readWordCache(_ path: String, wanted: Set<UInt64>) -> [UInt64: [String]] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.first.map({ String(decoding: $0, as: UTF8.self) }) == "dossier-search-words-1" else { return [:] }
        let body = Array(lines.dropFirst())
        let parsed = Parallel.map(Array(body.indices)) { i -> (UInt64, [String])? in
            let line = body[i]
            guard let tab = line.firstIndex(of: 0x09), let key = UInt64(String(decoding: line[line.startIndex..<tab], as: UTF8.self), radix: 16),
                  wanted.contains(key) else { return nil }
            let rest = line[(tab + 1)...]
            return (key, rest.isEmpty ? [] : rest.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) })
        }
        var result: [UInt64: [String]] = [:]
        for case let (key, words)? in parsed { result[key] = words }
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
        Parallel.map(articles) { documentText(dossier, article: $0) }
    }

    /// One article's searched text: its title and its blocks as a reader sees them.
    static func documentText(_ dossier: Dossier, article a: Int) -> [String] {
        [dossier.articles[a].title] + dossier.articleTexts[a].document.blocks.map { dossier.wikiLabels.plain($0.text) }
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

    /// Cut at ASCII bytes that are neither letters nor digits, which `fold` keeps as they are and which split words:
    /// a run of ASCII letters and digits is folded byte by byte, and only a run holding another character goes
    /// through `fold` (NFD does not reorder across an ASCII character and lower-casing is per scalar, so folding
    /// the runs one by one gives the words folding the whole text gave). Folding whole paragraphs because of one
    /// dash or accent was a fifth of a first build at 10,000 articles.
    private static func words(of text: String, into out: inout [String]) {
        var text = text
        text.withUTF8 { bytes in
            let count = bytes.count
            var i = 0
            while i < count {
                if bytes[i] < 0x80 && !isASCIIWordByte(bytes[i]) { i += 1; continue }
                var end = i, ascii = true
                while end < count {
                    let byte = bytes[end]
                    if byte >= 0x80 { ascii = false } else if !isASCIIWordByte(byte) { break }
                    end += 1
                }
                let run = UnsafeBufferPointer(rebasing: bytes[i..<end])
                if !ascii {
                    foldedWords(of: String(decoding: run, as: UTF8.self), into: &out)
                } else if run.count <= maxWordLength {
                    out.append(String(unsafeUninitializedCapacity: run.count) { word in
                        for k in 0..<run.count {
                            let byte = run[k]
                            word[k] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                        }
                        return run.count
                    })
                }
                i = end
            }
        }
    }

    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// The words of text holding a character other than ASCII: folded (`fold`), then split on what is not a word scalar.
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
