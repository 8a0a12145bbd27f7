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
        [OutputFile(path: Paths.searchIndex, content: .bytes(Array(script(records(dossier)).utf8)))]
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

    /// The body's plain text in one line.
    static func compact(_ text: BodyText) -> String {
        text.document.blocks.map { $0.text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.joined(separator: " ")
    }

    /// A classic script, one record a line, deterministic (sorted keys, records in dossier order).
    static func script(_ records: [SearchRecord]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let lines = records.map { String(decoding: (try? encoder.encode($0)) ?? Data("{}".utf8), as: UTF8.self) }
        return "// Search index of this dossier, written by `dossier build`; read by search.js.\n"
            + "window.\(global) = [\n" + lines.joined(separator: ",\n") + "\n];\n"
    }
}
