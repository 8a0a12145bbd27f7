// The export as FollowTheMoney entities (https://followthemoney.tech), one JSON object a line, as Aleph
// (`ftm store`, `alephclient write-entities`) and OpenSanctions load them: {"id", "schema", "properties"}, every
// property a list of strings. Ids are made from slugs ("dossier-person-kirill-dmitriev"), so a second export of the
// same dossier gives the same ids and a re-import updates rather than duplicates.
//
//   Person          a person page: name, alias (aliases and the spellings the articles use), position, notes (profile), description (affiliation)
//   Event           a curated event: name, date or startDate/endDate, location, involved (its people), notes
//   Article         an article: title, publishedAt, author, publisher, sourceUrl, summary, peopleMentioned, bodyText
//   Documentation   an article about a person or an event (role "mentions" or "covers")
//   Mention         each spelling of a person in an article (name as written, resolved to the Person)
//   Documentation   a quotation: the article, the speaker, role "quoted", the quoted words as summary
//   Event           a dated statement: the sentence as name and summary, its date, the people it names (involved),
//                   with a Documentation from its article (role "reports")
//   UnknownLink     people named in the same articles, role "co-mentioned in N articles"

import EDTF
import Foundation

extension DossierExport {
    public var followTheMoney: Data {
        var lines: [FtMEntity] = []
        let prefix = "dossier-"
        func personID(_ slug: String) -> String { prefix + "person-" + slug }
        func eventID(_ slug: String) -> String { prefix + "event-" + slug }
        func articleID(_ slug: String) -> String { prefix + "article-" + slug }

        for p in people {
            var e = FtMEntity(id: personID(p.slug), schema: "Person")
            e.add("name", p.name)
            e.add("alias", p.aliases + p.variants.map(\.text))
            e.add("position", p.role)
            e.add("notes", p.profile)
            if let affiliation = p.affiliation { e.add("description", "Affiliation: \(affiliation)") }
            if !p.curated { e.add("keywords", "found in the articles, not curated") }
            lines.append(e)
        }
        for event in events {
            var e = FtMEntity(id: eventID(event.slug), schema: "Event")
            e.add("name", event.title)
            e.add("alias", event.aliases)
            e.addDate(event.date)
            e.add("location", event.place)
            e.add("involved", event.people.map(personID))
            e.add("notes", event.description)
            lines.append(e)
        }
        // Mentions, quotations and statements are numbered within their article, in the export's order.
        var numbered: [String: Int] = [:]
        func number(_ key: String) -> Int { numbered[key, default: 0] += 1; return numbered[key]! }
        let nameOf = Dictionary(people.map { ($0.slug, $0.name) }, uniquingKeysWith: { a, _ in a })
        for article in articles {
            var e = FtMEntity(id: articleID(article.slug), schema: "Article")
            e.add("title", article.title)
            e.add("name", article.title)
            if let day = FtMDate.single(article.date) { e.add("publishedAt", day) }
            e.add("author", article.author)
            e.add("publisher", article.source)
            e.add("sourceUrl", article.url)
            e.add("summary", article.summary)
            e.add("peopleMentioned", article.people.compactMap { nameOf[$0] })
            e.add("bodyText", article.bodyText)
            lines.append(e)
            for person in article.people {
                var link = FtMEntity(id: "\(prefix)documentation-\(article.slug)-person-\(person)", schema: "Documentation")
                link.add("document", articleID(article.slug))
                link.add("entity", personID(person))
                link.add("role", "mentions")
                lines.append(link)
            }
            for event in article.events {
                var link = FtMEntity(id: "\(prefix)documentation-\(article.slug)-event-\(event)", schema: "Documentation")
                link.add("document", articleID(article.slug))
                link.add("entity", eventID(event))
                link.add("role", "covers")
                lines.append(link)
            }
        }
        // Each spelling of a person in an article once: what the article wrote, resolved to the person.
        var spelled = Set<String>()
        for mention in mentions where spelled.insert("\(mention.article)\t\(mention.person)\t\(mention.text)").inserted {
            let n = number("m \(mention.article) \(mention.person)")
            var e = FtMEntity(id: "\(prefix)mention-\(mention.article)-\(mention.person)-\(n)", schema: "Mention")
            e.add("document", articleID(mention.article))
            e.add("resolved", personID(mention.person))
            e.add("name", mention.text)
            e.add("detectedSchema", "Person")
            lines.append(e)
        }
        for quote in quotations {
            guard let speaker = quote.speaker else { continue }      // Documentation needs the entity it documents
            var e = FtMEntity(id: "\(prefix)quotation-\(quote.article)-\(speaker)-\(number("q \(quote.article) \(speaker)"))", schema: "Documentation")
            e.add("document", articleID(quote.article))
            e.add("entity", personID(speaker))
            e.add("role", "quoted")
            e.add("summary", quote.text)
            e.add("description", quote.sentence)
            lines.append(e)
        }
        for statement in statements {
            let n = number("s \(statement.article)")
            var e = FtMEntity(id: "\(prefix)statement-\(statement.article)-\(n)", schema: "Event")
            e.add("name", statement.sentence)
            e.add("summary", statement.text)
            e.addDate(statement.date)
            e.add("involved", statement.people.map(personID))
            e.add("keywords", "dated statement")
            lines.append(e)
            var link = FtMEntity(id: "\(prefix)documentation-\(statement.article)-statement-\(n)", schema: "Documentation")
            link.add("document", articleID(statement.article))
            link.add("entity", e.id)
            link.add("role", "reports")
            lines.append(link)
        }
        for pair in coMentions {
            var e = FtMEntity(id: "\(prefix)comention-\(pair.a)-\(pair.b)", schema: "UnknownLink")
            e.add("subject", personID(pair.a))
            e.add("object", personID(pair.b))
            e.add("role", "co-mentioned in \(pair.articles) article\(pair.articles == 1 ? "" : "s")")
            lines.append(e)
        }
        var data = Data()
        for entity in lines {
            data.append(entity.json)
            data.append(0x0A)
        }
        return data
    }
}

struct FtMEntity {
    let id: String
    let schema: String
    private(set) var properties: [String: [String]] = [:]

    init(id: String, schema: String) { self.id = id; self.schema = schema }

    mutating func add(_ property: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        if !(properties[property]?.contains(value) ?? false) { properties[property, default: []].append(value) }
    }

    mutating func add(_ property: String, _ values: [String]) { for value in values { add(property, value) } }

    /// A single date as `date`; an interval as `startDate` and `endDate` (an open end is left out).
    mutating func addDate(_ date: EDTFDate) {
        if date.isInterval {
            let (start, end) = FtMDate.ends(date)
            add("startDate", start)
            add("endDate", end)
        } else {
            add("date", FtMDate.single(date))
        }
    }

    var json: Data {
        struct Line: Encodable { let id: String; let schema: String; let properties: [String: [String]] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(Line(id: id, schema: schema, properties: properties))) ?? Data()
    }
}

/// EDTF as FollowTheMoney dates: ISO 8601 prefixes at the date's own precision ("2025-04-02", "2025-04", "2025").
/// FtM has no approximate, uncertain or unspecified dates: the qualifiers are dropped, and unspecified digits cut
/// the date to what is known ("2025-XX-XX" → "2025"; "201X" has no whole year, and no date).
enum FtMDate {
    static func single(_ date: EDTFDate) -> String? {
        date.isInterval ? ends(date).start : side(date.edtf)
    }

    static func ends(_ date: EDTFDate) -> (start: String?, end: String?) {
        let sides = date.edtf.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard sides.count == 2 else { return (side(date.edtf), nil) }
        return (side(sides[0]), side(sides[1]))
    }

    static func side(_ text: String) -> String? {
        var parts: [String] = []
        for part in text.filter({ !"~?%".contains($0) }).split(separator: "-") {
            guard !part.contains("X"), let number = Int(part) else { break }
            if parts.count == 1 && number > 12 { break }           // a season ("2025-21"): the year is what is sure
            parts.append(String(part))
        }
        guard let year = parts.first, year.count == 4 else { return nil }
        return parts.prefix(3).joined(separator: "-")
    }
}
