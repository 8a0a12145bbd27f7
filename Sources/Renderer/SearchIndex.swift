// The search index: every person, event and article with its names and text, written as a classic script
// (assets/search-index.js assigns one global) so search works from file://, where fetch and modules fail.

import Content
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

    static func files(_ dossier: Dossier) -> [OutputFile] {
        [OutputFile(path: Paths.searchIndex, content: .generated { script(records(dossier)) })]
    }

    static func records(_ dossier: Dossier) -> [SearchRecord] {
        // Spellings seen: what the articles actually wrote, so "Dmitliff" finds Kirill Dmitriev even if no alias said so.
        var spellings = [[String]](repeating: [], count: dossier.people.count)
        for text in dossier.articleTexts {
            for mention in text.mentions where mention.kind != .wikilink { spellings[mention.person].append(mention.text) }
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
        // Articles, newest first; their full text is most of the index, so it is made on every core.
        records += Parallel.map(Array(dossier.articles.indices.reversed())) { a in
            let article = dossier.articles[a]
            return SearchRecord(k: "Article", t: article.title, u: Paths.article(article.slug), d: article.date.display,
                                n: [], s: [article.source, article.author].compactMap { $0 }.joined(separator: " · "),
                                x: compact(dossier.articleTexts[a]))
        }
        return records
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
        var pendingSpace = false
        var utf8 = text.utf8.makeIterator()
        while let lead = utf8.next() {
            var scalar = UInt32(lead)
            var bytes: (UInt8, UInt8, UInt8) = (0, 0, 0)
            var count = 1
            if lead >= 0xC0 {
                count = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                scalar = UInt32(lead) & (count == 2 ? 0x1F : count == 3 ? 0x0F : 0x07)
                for k in 1..<count {
                    let next = utf8.next()!
                    scalar = scalar << 6 | UInt32(next & 0x3F)
                    if k == 1 { bytes.0 = next } else if k == 2 { bytes.1 = next } else { bytes.2 = next }
                }
            }
            if scalar >= 0x300 && !(scalar >= 0x2000 && scalar < 0x2070 && scalar != 0x200C && scalar != 0x200D) {
                return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
            if isWhitespace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(lead)
            if count > 1 { out.append(bytes.0) }
            if count > 2 { out.append(bytes.1) }
            if count > 3 { out.append(bytes.2) }
        }
        return String(decoding: out, as: UTF8.self)
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
    static func script(_ records: [SearchRecord]) -> [UInt8] {
        let lines = Parallel.map(records) { record in JSONLine.encode(record) }
        var out = Array("// Search index of this dossier, written by `dossier build`; read by search.js.\nwindow.\(global) = [\n".utf8)
        out.reserveCapacity(out.count + lines.reduce(0) { $0 + $1.count + 2 } + 4)
        for (i, line) in lines.enumerated() {
            if i > 0 { out.append(contentsOf: ",\n".utf8) }
            out.append(contentsOf: line)
        }
        out.append(contentsOf: "\n];\n".utf8)
        return out
    }
}

/// JSON as JSONEncoder writes it with sorted keys and unescaped slashes (a test compares the two), for one record.
enum JSONLine {
    static func encode(_ r: SearchRecord) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(r.x.utf8.count + r.t.utf8.count + 96)
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
        out.append(contentsOf: #","x":"#.utf8); string(r.x, &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    private static let hex = Array("0123456789abcdef".utf8)

    static func string(_ s: String, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
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
        out.append(UInt8(ascii: "\""))
    }
}
