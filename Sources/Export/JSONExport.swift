// The export as one JSON object, "dossier-export/1" (documented in README, "Data out"): keys sorted, UTF-8,
// absent values as null, so that every record has every key and a reader need not guess.

import EDTF
import Foundation

extension DossierExport {
    public var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(Document(export: self))) ?? Data()
        data.append(0x0A)
        return data
    }

    private struct Document: Encodable {
        let export: DossierExport
        enum Key: String, CodingKey { case format, dossier, people, events, articles, mentions, quotations, statements }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(DossierExport.formatName, forKey: .format)
            try c.encode(export.dossier, forKey: .dossier)
            try c.encode(export.people, forKey: .people)
            try c.encode(export.events, forKey: .events)
            try c.encode(export.articles, forKey: .articles)
            try c.encode(export.mentions, forKey: .mentions)
            try c.encode(export.quotations, forKey: .quotations)
            try c.encode(export.statements, forKey: .statements)
        }
    }
}

/// Keys written by name; `encode` of an Optional writes null (the synthesized `encodeIfPresent` would leave the key out).
private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

private func write(_ encoder: any Encoder, _ fields: [(String, any Encodable)]) throws {
    var c = encoder.container(keyedBy: Key.self)
    for (name, value) in fields { try c.encode(value, forKey: Key(name)) }
}

extension DossierExport.Info: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try write(encoder, [("title", title), ("subtitle", subtitle), ("language", language)])
    }
}

extension DossierExport.Spelling: Encodable {
    public func encode(to encoder: any Encoder) throws { try write(encoder, [("text", text), ("article", article)]) }
}

extension DossierExport.PersonRecord: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try write(encoder, [("slug", slug), ("name", name), ("curated", curated), ("aliases", aliases), ("role", role),
                            ("affiliation", affiliation), ("variants", variants)])
    }
}

extension DossierExport.EventRecord: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try write(encoder, [("slug", slug), ("title", title), ("date", date.edtf), ("place", place), ("people", people),
                            ("aliases", aliases)])
    }
}

extension DossierExport.ArticleRecord: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try write(encoder, [("slug", slug), ("title", title), ("date", date.edtf), ("source", source), ("author", author),
                            ("url", url), ("people", people), ("events", events)])
    }
}

extension DossierExport.MentionRecord: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try write(encoder, [("person", person), ("article", article), ("text", text), ("sentence", sentence)])
    }
}

extension DossierExport.QuotationRecord: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try write(encoder, [("speaker", speaker), ("article", article), ("text", text), ("sentence", sentence), ("organisation", organisation)])
    }
}

extension DossierExport.StatementRecord: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try write(encoder, [("article", article), ("date", date.edtf), ("text", text), ("sentence", sentence),
                            ("people", people), ("events", events)])
    }
}
