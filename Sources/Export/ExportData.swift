// What a dossier exports: its people (curated and found in the articles), events, articles, mentions, quotations
// and dated statements, as plain records with slugs for references. JSON, CSV and FollowTheMoney are all written
// from these records (JSONExport, CSVExport, FtMExport), so the three formats always say the same thing.

import Content
import Discovery
import EDTF
import Foundation

public struct DossierExport: Sendable, Equatable {
    public struct Info: Sendable, Equatable {
        public var title: String, subtitle: String?, language: String?
    }
    public struct Spelling: Sendable, Equatable {
        public var text: String, article: String
    }
    public struct PersonRecord: Sendable, Equatable {
        public var slug: String, name: String, curated: Bool, aliases: [String], role: String?, affiliation: String?
        public var variants: [Spelling]
        /// The profile as plain text (wikilinks as the names they show): FollowTheMoney's `notes`; not in the JSON schema.
        public var profile: String
    }
    public struct EventRecord: Sendable, Equatable {
        public var slug: String, title: String, date: EDTFDate, place: String?, people: [String], aliases: [String]
        public var description: String
    }
    public struct ArticleRecord: Sendable, Equatable {
        public var slug: String, title: String, date: EDTFDate, source: String?, author: String?, url: String?
        public var people: [String], events: [String]
        public var summary: String?
        /// The body as plain text, paragraph by paragraph (FollowTheMoney's `bodyText`, which Aleph indexes).
        public var bodyText: String
    }
    public struct MentionRecord: Sendable, Equatable {
        public var person: String, article: String, text: String, sentence: String
        /// How the article names them: name, alias, surname or wikilink (CSV only).
        public var kind: String
    }
    public struct QuotationRecord: Sendable, Equatable {
        /// Nil when the article does not say who spoke.
        public var speaker: String?
        public var article: String, text: String, sentence: String
        /// The organisation that spoke ("Rapid Support Forces"), when a body and not a person did; `speaker` is then nil.
        public var organisation: String? = nil
    }
    public struct StatementRecord: Sendable, Equatable {
        public var article: String, date: EDTFDate, text: String, sentence: String, people: [String], events: [String]
    }

    public var dossier: Info
    public var people: [PersonRecord]
    public var events: [EventRecord]
    public var articles: [ArticleRecord]
    public var mentions: [MentionRecord]
    public var quotations: [QuotationRecord]
    public var statements: [StatementRecord]

    public static let formatName = "dossier-export/1"
}

public enum ExportFailure: Error, Sendable {
    /// The content has errors: the same ones `dossier build` reports, all of them.
    case content([Diagnostic])
}

extension DossierExport {
    /// Reads and links a content folder as `dossier build` does (without its caches). Errors in the content stop
    /// the export, with every diagnostic; warnings are returned beside the export.
    public static func read(contentDirectory: String) throws(ExportFailure) -> (DossierExport, warnings: [Diagnostic]) {
        let (content, references, loadLog) = ContentLoader.load(directory: contentDirectory)
        var log = loadLog
        guard let content else { throw .content(log.sorted) }
        let (dossier, linkLog) = Linker.link(content, references: references)
        log.append(contentsOf: linkLog)
        if log.hasErrors { throw .content(log.sorted) }
        return (DossierExport(dossier), log.sorted.filter { $0.severity == .warning })
    }

    /// The records of a linked dossier, every array in a fixed order: by slug, then article, then position in it.
    public init(_ d: Dossier) {
        let personSlug = d.people.map(\.slug)
        let eventSlug = d.events.map(\.slug)
        func slugs(_ indexes: [Int], _ table: [String]) -> [String] { Array(Set(indexes.map { table[$0] })).sorted() }

        dossier = Info(title: d.settings.title, subtitle: d.settings.subtitle, language: d.settings.language)
        people = d.people.indices.map { i in
            let p = d.people[i]
            return PersonRecord(slug: p.slug, name: p.name, curated: p.curated, aliases: p.aliases, role: p.role, affiliation: p.affiliation,
                         variants: p.variants.map { Spelling(text: $0.text, article: $0.article) }
                            .sorted { ($0.article, $0.text) < ($1.article, $1.text) },
                         profile: PlainSentences(text: d.profileTexts[i], dossier: d).body)
        }.sorted { $0.slug < $1.slug }
        events = d.events.indices.map { e in
            let event = d.events[e]
            return EventRecord(slug: event.slug, title: event.title, date: event.date, place: event.place,
                               people: Array(Set(event.people.filter { d.personBySlug[$0] != nil })).sorted(),
                               aliases: event.aliases, description: PlainSentences(text: d.eventTexts[e], dossier: d).body)
        }.sorted { $0.slug < $1.slug }
        articles = d.articles.indices.map { a in
            let article = d.articles[a]
            return ArticleRecord(slug: article.slug, title: article.title, date: article.date, source: article.source,
                                 author: article.author, url: article.url, people: slugs(d.peopleOfArticle[a], personSlug),
                                 events: slugs(d.eventsOfArticle[a], eventSlug), summary: article.summary,
                                 bodyText: PlainSentences(text: d.articleTexts[a], dossier: d).body)
        }.sorted { $0.slug < $1.slug }

        // Mentions, quotations and statements: made per article in text order, then sorted stably by slug, so that
        // within one person and article they stay in the order the article has them.
        var mentions: [(key: String, record: MentionRecord)] = []
        var quotations: [(key: String, record: QuotationRecord)] = []
        var statements: [StatementRecord] = []
        // Each statement's events, by the rule of the event pages' "Reported" list (Dossier.statementsOfEvents).
        var all: [(article: Int, index: Int)] = []
        var firstOf: [Int] = []                       // per article, where its statements start in `all`
        for (a, list) in d.datedStatements.enumerated() {
            firstOf.append(all.count)
            all += list.indices.map { (a, $0) }
        }
        var eventsOf = [[Int]](repeating: [], count: all.count)
        for (e, chosen) in d.statementsOfEvents(all).enumerated() { for s in chosen { eventsOf[s].append(e) } }
        for a in d.articles.indices {     // one article at a time: a body's document is decoded when first asked for
            let slug = d.articles[a].slug
            let text = d.articleTexts[a]
            let plain = PlainSentences(text: text, dossier: d)
            for mention in text.mentions.sorted(by: { ($0.block, $0.range.lowerBound) < ($1.block, $1.range.lowerBound) }) {
                let written = mention.kind == .wikilink && mention.text.isEmpty ? d.people[mention.person].name : mention.text
                mentions.append((personSlug[mention.person], MentionRecord(
                    person: personSlug[mention.person], article: slug, text: written,
                    sentence: plain.sentence(block: mention.block, index: mention.sentence), kind: mention.kind.rawValue)))
            }
            for quote in d.quotes[safe: a] ?? [] {
                let speaker = quote.speaker.map { personSlug[$0] }
                quotations.append((speaker ?? "\u{10FFFF}", QuotationRecord(
                    speaker: speaker, article: slug, text: quote.text, sentence: plain.sentence(block: quote.block, index: quote.sentence),
                    organisation: quote.organisation)))
            }
            let list = d.datedStatements[safe: a] ?? []
            for i in list.indices.sorted(by: { (list[$0].block, list[$0].range.lowerBound) < (list[$1].block, list[$1].range.lowerBound) }) {
                let statement = list[i]
                statements.append(StatementRecord(
                    article: slug, date: statement.date, text: statement.expression,
                    sentence: plain.sentence(block: statement.block, index: statement.sentence),
                    people: slugs(statement.people, personSlug),
                    events: eventsOf[firstOf[a] + i].map { eventSlug[$0] }.sorted()))
            }
        }
        // Articles are visited in date order; the sort below is stable, so ties keep text order.
        self.mentions = mentions.enumerated().sorted { x, y in
            (x.element.key, x.element.record.article, x.offset) < (y.element.key, y.element.record.article, y.offset)
        }.map(\.element.record)
        self.quotations = quotations.enumerated().sorted { x, y in
            (x.element.key, x.element.record.article, x.offset) < (y.element.key, y.element.record.article, y.offset)
        }.map(\.element.record)
        self.statements = statements.enumerated().sorted { x, y in
            (x.element.article, x.offset) < (y.element.article, y.offset)
        }.map(\.element)
    }
}

/// Sentences of one article body as plain text: wikilinks replaced by the words they show, runs of white space
/// made one space. Each block's bytes and links are gathered once, however many mentions it holds.
final class PlainSentences {
    let text: BodyText
    let dossier: Dossier
    private var bytesOfBlock: [Int: [UInt8]] = [:]
    private lazy var linksOfBlock: [Int: [WikiLink]] = Dictionary(grouping: text.wikiLinks, by: \.block)
        .mapValues { $0.sorted { $0.range.lowerBound < $1.range.lowerBound } }

    init(text: BodyText, dossier: Dossier) { self.text = text; self.dossier = dossier }

    func sentence(block: Int, index: Int) -> String {
        let b = text.document.blocks[block]
        guard b.sentences.indices.contains(index) else { return "" }
        return plain(block: block, range: b.sentences[index])
    }

    /// Every block, a paragraph each, separated by a blank line.
    var body: String {
        text.document.blocks.indices.map { plain(block: $0, range: 0..<text.document.blocks[$0].text.utf8.count) }
            .filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    private func plain(block: Int, range: Range<Int>) -> String {
        let bytes: [UInt8]
        if let kept = bytesOfBlock[block] { bytes = kept } else {
            bytes = Array(text.document.blocks[block].text.utf8)
            bytesOfBlock[block] = bytes
        }
        var out: [UInt8] = []
        var i = range.lowerBound
        for link in linksOfBlock[block] ?? [] where link.range.lowerBound >= i && link.range.upperBound <= range.upperBound {
            out += bytes[i..<link.range.lowerBound]
            out += Array((link.text ?? title(of: link.target)).utf8)
            i = link.range.upperBound
        }
        if i < range.upperBound { out += bytes[i..<min(range.upperBound, bytes.count)] }
        return String(decoding: out, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private func title(of target: LinkTarget) -> String {
        switch target {
        case .person(let p): dossier.people[p].name
        case .event(let e): dossier.events[e].title
        case .article(let a): dossier.articles[a].title
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
