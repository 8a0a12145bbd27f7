// The search index: every person, event and article with its names and text, written as a classic script
// (assets/search-index.js assigns one global) so search works from file://, where fetch and modules fail.

import Content
import Discovery
import Foundation

/// One searchable record. Short keys keep the file small; `Templates/assets/search.js` reads them.
struct SearchRecord: Encodable, Sendable {
    var k: String        // kind: "Person", "Event", "Article"
    var t: String        // title or name
    var u: String        // path from the site root
    var d: String        // date as shown ("1–3 April 2025"); for people "born …" when known, else ""
    var n: [String]      // other names: aliases and every spelling the articles use
    var s: String        // one line under the title: role, place, or source
    var x: String        // the full text, whitespace collapsed
}

enum SearchIndex {
    static let global = "DOSSIER_SEARCH"
    static let partsGlobal = "DOSSIER_SEARCH_PARTS"
    /// Articles per part of the index. The articles' text is most of the index (57 MB for 10,000 articles); in
    /// parts, an edit rewrites one part, and a part whose articles did not change is not even made. Parts of 100
    /// (570 KB): with 500, making the one part took a tenth of a rebuild after an edit.
    static let articlesPerPart = 100

    /// `assets/search-index.js` (people and events, and the names of the parts), then the parts in
    /// `assets/search/`, newest articles first, each signed by its articles' inputs (`articleSignatures`).
    /// `global`: what every page depends on (`PageSignatures.global`), which signs the first file with the spellings.
    static func files(_ dossier: Dossier, global: UInt64, articleSignatures: [UInt64], spellings: [UInt64]) -> [OutputFile] {
        let newestFirst = Array(dossier.articles.indices.reversed())
        let parts = stride(from: 0, to: newestFirst.count, by: articlesPerPart).map {
            Array(newestFirst[$0..<min($0 + articlesPerPart, newestFirst.count)])
        }
        let partPaths = parts.indices.map { Paths.searchIndexPart($0 + 1) }
        let identity = PageSignatures.programIdentity()
        var files = [OutputFile(path: Paths.searchIndex, content: .generated { script(dossier, parts: partPaths) },
                                signature: indexSignature(global: global, parts: partPaths, spellings: spellings))]
        for (path, articles) in zip(partPaths, parts) {
            var h = StableHash()
            h.add("search-part-1"); h.add(identity); h.add(path)
            for a in articles { h.add(articleSignatures[a]) }
            files.append(OutputFile(path: path, content: .generated { part(dossier, articles: articles) }, signature: h.value))
        }
        return files
    }

    /// What the first file is made from: its people and events (all of their fields are in `global`, with the
    /// program, the templates and every article's slug and title), the names of the parts, and the spellings the
    /// articles use for each person (`PageSignatures.spellings`, one hash per article), which an edit of one
    /// article can change. Hashing every mention costs a fraction of making the file, which an edit would
    /// otherwise do each time.
    static func indexSignature(global: UInt64, parts: [String], spellings: [UInt64]) -> UInt64 {
        var h = StableHash()
        h.add("search-index-1"); h.add(global); h.add(parts)
        for article in spellings { h.add(article) }
        return h.value
    }

    /// The index's first file: people and events, and the parts that hold the articles, in the order they load.
    static func script(_ dossier: Dossier, parts: [String]) -> [UInt8] {
        var out = script(lines: Parallel.map(records(dossier, articles: false)) { JSONLine.encode($0) })
        out += Array("window.\(partsGlobal) = [".utf8)
        for (i, part) in parts.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONLine.string(part, &out)
        }
        out += Array("];\n".utf8)
        return out
    }

    /// One part: the lines of `articles`, made straight from their blocks (no String is made of the text).
    /// On all cores: a rebuild after an edit makes one part, and waits for it.
    static func part(_ dossier: Dossier, articles: [Int]) -> [UInt8] {
        part(lines: Parallel.map(articles) { a in
            JSONLine.encode(articleRecord(dossier, a, text: "")) { out in appendCompactedJSON(dossier.articleTexts[a], to: &out) }
        })
    }

    /// A part of the index, one record a line: it adds them to what search-index.js began.
    static func part(lines: [[UInt8]]) -> [UInt8] {
        joined(lines, opening: "// Part of the search index of this dossier, written by `dossier build`; loaded by search.js.\nwindow.\(global).push(\n",
               closing: "\n);\n")
    }

    /// Every record, the articles' with their text as a String: what the index says, spelled out. `part`
    /// writes the articles' lines without it, and a test holds the two to the same bytes.
    static func records(_ dossier: Dossier, articles withArticles: Bool = true) -> [SearchRecord] {
        // Spellings seen: what the articles actually wrote, so "Dmitliff" finds Kirill Dmitriev even if no alias said so.
        var spellings = [Set<String>](repeating: [], count: dossier.people.count)
        for text in dossier.articleTexts {
            for mention in text.mentions where mention.kind != .wikilink { spellings[mention.person].insert(mention.text) }
        }
        var records: [SearchRecord] = []
        for (p, person) in dossier.people.enumerated() {
            var names: [String] = []
            for name in person.aliases + spellings[p].sorted() where name != person.name && !names.contains(name) { names.append(name) }
            records.append(SearchRecord(k: "Person", t: person.name, u: Paths.person(person.slug),
                                        d: person.born.map { "born " + $0.display } ?? "", n: names,
                                        s: [person.role, person.affiliation].compactMap { $0 }.joined(separator: " · "),
                                        x: compact(dossier.profileTexts[p])))
        }
        for (e, event) in dossier.events.enumerated() {
            records.append(SearchRecord(k: "Event", t: event.title, u: Paths.event(event.slug), d: event.date.display,
                                        n: event.aliases, s: event.place ?? "", x: compact(dossier.eventTexts[e])))
        }
        // Articles, newest first.
        if withArticles {
            records += Parallel.map(Array(dossier.articles.indices.reversed())) { a in
                articleRecord(dossier, a, text: compact(dossier.articleTexts[a]))
            }
        }
        return records
    }

    static func articleRecord(_ dossier: Dossier, _ a: Int, text: String) -> SearchRecord {
        let article = dossier.articles[a]
        return SearchRecord(k: "Article", t: article.title, u: Paths.article(article.slug), d: article.date.display,
                            n: [], s: [article.source, article.author].compactMap { $0 }.joined(separator: " · "), x: text)
    }

    /// `compact(text)` as a JSON string's contents, appended without making the String: byte by byte where the
    /// byte path applies (see `compact(_:)`), through `compact` and the escaper for blocks where it does not.
    static func appendCompactedJSON(_ text: BodyText, to out: inout [UInt8]) {
        for (i, block) in text.document.blocks.enumerated() {
            if i > 0 { out.append(0x20) }
            let mark = out.count
            if !appendCompacted(block.text, to: &out, escape: true) {
                out.removeSubrange(mark...)
                JSONLine.escape(compact(block.text), &out)
            }
        }
    }

    /// The body's plain text in one line: each block's words joined by single spaces, blocks by a space.
    static func compact(_ text: BodyText) -> String {
        text.document.blocks.map { compact($0.text) }.joined(separator: " ")
    }

    /// `text.split(whereSeparator: \.isWhitespace).joined(separator: " ")`, byte by byte where that is provably
    /// the same: when every scalar is below U+0300 or General Punctuation (quotes, dashes, Unicode spaces), no
    /// scalar joins a neighbour into one Character, so a whitespace scalar is exactly a whitespace Character.
    /// Other text (combining marks, other scripts) takes Character's own path.
    static func compact(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        guard appendCompacted(text, to: &out, escape: false) else { return text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        return String(decoding: out, as: UTF8.self)
    }

    /// The byte path of `compact`, appending to `out` (JSON-escaped when `escape`); false, with `out` partly
    /// written, when a scalar outside the byte path's range means Character's rules must decide.
    static func appendCompacted(_ text: String, to out: inout [UInt8], escape: Bool) -> Bool {
        var text = text
        return text.withUTF8 { appendCompacted($0, to: &out, escape: escape) }
    }

    private static func appendCompacted(_ buffer: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], escape: Bool) -> Bool {
        out.reserveCapacity(out.count + buffer.count)
        /// Printable ASCII that is written as it is (escaping, quotes and backslashes are not).
        @inline(__always) func plain(_ byte: UInt8) -> Bool {
            byte > 0x20 && byte < 0x7F && !(escape && (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")))
        }
        var pendingSpace = false, wroteAny = false
        var p = 0
        while p < buffer.count {
            let lead = buffer[p]
            p += 1
            // A run of plain ASCII, single spaces between its words included, is written as it stands: most text is.
            if plain(lead) {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                wroteAny = true
                let start = p - 1
                var end = p
                while end < buffer.count {
                    if plain(buffer[end]) { end += 1 }
                    else if buffer[end] == 0x20, end + 1 < buffer.count, plain(buffer[end + 1]) { end += 2 }
                    else { break }
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<end]))
                p = end
                continue
            }
            var scalar = UInt32(lead)
            var bytes: (UInt8, UInt8, UInt8) = (0, 0, 0)
            var count = 1
            if lead >= 0xC0 {
                count = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                scalar = UInt32(lead) & (count == 2 ? 0x1F : count == 3 ? 0x0F : 0x07)
                for k in 1..<count {
                    let next = buffer[p]
                    p += 1
                    scalar = scalar << 6 | UInt32(next & 0x3F)
                    if k == 1 { bytes.0 = next } else if k == 2 { bytes.1 = next } else { bytes.2 = next }
                }
            }
            if scalar >= 0x300 && !(scalar >= 0x2000 && scalar < 0x2070 && scalar != 0x200C && scalar != 0x200D) { return false }
            if isWhitespace(scalar) {
                pendingSpace = wroteAny
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            wroteAny = true
            if count == 1 {
                if escape { JSONLine.escape(lead, &out) } else { out.append(lead) }
                continue
            }
            out.append(lead)
            out.append(bytes.0)
            if count > 2 { out.append(bytes.1) }
            if count > 3 { out.append(bytes.2) }
        }
        return true
    }

    /// Unicode's White_Space below U+0300 and in General Punctuation.
    private static func isWhitespace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F: return true
        default: return false
        }
    }

    /// A classic script, one record a line, deterministic (keys in sorted order, records in dossier order).
    /// Written byte by byte: JSONEncoder took longer than finding the names in the articles did.
    static func script(lines: [[UInt8]]) -> [UInt8] {
        joined(lines, opening: "// Search index of this dossier, written by `dossier build`; read by search.js.\nwindow.\(global) = [\n",
               closing: "\n];\n")
    }

    /// `opening`, the lines separated by ",\n", then `closing`: the index and its parts differ only in what
    /// surrounds the records.
    private static func joined(_ lines: [[UInt8]], opening: String, closing: String) -> [UInt8] {
        var out = Array(opening.utf8)
        out.reserveCapacity(out.count + lines.reduce(0) { $0 + $1.count + 2 } + closing.utf8.count)
        for (i, line) in lines.enumerated() {
            if i > 0 { out.append(contentsOf: ",\n".utf8) }
            out.append(contentsOf: line)
        }
        out.append(contentsOf: closing.utf8)
        return out
    }
}

/// JSON as JSONEncoder writes it with sorted keys and unescaped slashes (a test compares the two), for one record.
enum JSONLine {
    /// `text`, when given, writes the contents of "x" in place of `r.x` (already escaped).
    static func encode(_ r: SearchRecord, text: ((inout [UInt8]) -> Void)? = nil) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(r.x.utf8.count + r.t.utf8.count + (text == nil ? 96 : 8192))
        out.append(contentsOf: #"{"d":"#.utf8); string(r.d, &out)
        out.append(contentsOf: #","k":"#.utf8); string(r.k, &out)
        out.append(contentsOf: #","n":["#.utf8)
        for (i, name) in r.n.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            string(name, &out)
        }
        out.append(contentsOf: #"],"s":"#.utf8); string(r.s, &out)
        out.append(contentsOf: #","t":"#.utf8); string(r.t, &out)
        out.append(contentsOf: #","u":"#.utf8); string(r.u, &out)
        out.append(contentsOf: #","x":"#.utf8)
        if let text {
            out.append(UInt8(ascii: "\""))
            text(&out)
            out.append(UInt8(ascii: "\""))
        } else {
            string(r.x, &out)
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

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
