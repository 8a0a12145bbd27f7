// What discovery adds to pages: a person's other spellings and quotations, dated sentences on the timeline and
// on the curated events they match.

import Content
import Discovery
import EDTF

/// Another spelling of a person's name, and the article that wrote it.
public struct VariantView: Sendable {
    public var text: String
    public var article: ArticleLink
}

/// A direct quotation of a person, with the article and its date.
public struct QuotationView: Sendable {
    public var text: String
    public var article: ArticleLink
}

/// A sentence that dates something, with the date expression marked (`<mark>`), escaped.
public struct ReportedView: Sendable {
    public var sentenceHTML: String
    public var date: DateView
    public var article: ArticleLink
}

extension PageBuilder {
    func withDiscovery(_ view: PersonPage, person p: Int) -> PersonPage {
        var view = view
        let person = dossier.people[p]
        view.curated = person.curated
        view.variants = person.variants.compactMap { variant in
            dossier.articleBySlug[variant.article].map { VariantView(text: variant.text, article: articleLink($0, root: view.page.root)) }
        }
        for (a, quotes) in dossier.quotes.enumerated() {
            for quote in quotes where quote.speaker == p {
                view.quotations.append(QuotationView(text: quote.text, article: articleLink(a, root: view.page.root)))
            }
        }
        return view
    }

    /// Each dated sentence once per date, in article order.
    func reportedStatements() -> [(article: Int, statement: DatedStatement)] {
        var result: [(article: Int, statement: DatedStatement)] = []
        for (a, statements) in dossier.datedStatements.enumerated() {
            var seen = Set<String>()
            for statement in statements where seen.insert("\(statement.block) \(statement.sentence) \(statement.date.edtf)").inserted {
                result.append((a, statement))
            }
        }
        return result
    }

    /// The sentence as written (wikilinks and all), for the offsets of what is marked in it.
    func sentence(of statement: DatedStatement, in a: Int) -> String {
        dossier.articleTexts[a].sentence(block: statement.block, index: statement.sentence)
    }

    /// Timeline entries for dated sentences, as reported by their articles: the sentence once, linked to the first
    /// article that carries it, with every one of them named.
    func reportedEntries(root: String) -> [(date: EDTFDate, entry: TimelineEntry)] {
        dossier.reportedSentences().map { reported in
            // The people the sentence names, so the timeline's person filter keeps it with them.
            var named: [String] = []
            for person in reported.people {
                let slug = dossier.people[person].slug
                if !named.contains(slug) { named.append(slug) }
            }
            let titles = reported.articles.map { "“\(dossier.articles[$0].title)”" }
            return (reported.date, TimelineEntry(date: Self.dateView(reported.date), kind: "Reported", isEvent: false,
                                                 title: reported.sentence, href: root + Paths.article(dossier.articles[reported.articles[0]].slug),
                                                 detail: "as reported in " + titles.joined(separator: ", "), people: named.joined(separator: " "),
                                                 isReported: true))
        }
    }

    /// Dated sentences whose date falls on the event and that name one of its people or its place.
    func withReported(_ view: EventPage, event e: Int) -> EventPage {
        var view = view
        let event = dossier.events[e]
        let people = Set(event.people.compactMap { dossier.personBySlug[$0] })
        let place = event.place.flatMap { NameTokens.words(of: $0).first }
        var marks: [[Int]: [Range<Int>]] = [:]      // [article, block, sentence] → date expressions that match
        var order: [(article: Int, statement: DatedStatement)] = []
        for (a, statement) in reportedStatements() {
            // The sentence's date must fall within the event's: "in February", "in 2022" or "this week" do not date a day's event.
            guard event.date.earliest <= statement.date.earliest, statement.date.latest <= event.date.latest else { continue }
            let text = dossier.articleTexts[a]
            let sharesPerson = statement.people.contains(where: people.contains)
            let sharesPlace = place.map { NameTokens.words(of: sentence(of: statement, in: a)).contains($0) } ?? false
            guard sharesPerson || sharesPlace else { continue }
            let key = [a, statement.block, statement.sentence]
            let start = text.document.blocks[statement.block].sentences[statement.sentence].lowerBound
            if marks[key] == nil { order.append((a, statement)) }
            marks[key, default: []].append((statement.range.lowerBound - start)..<(statement.range.upperBound - start))
        }
        for (a, statement) in order {
            view.reported.append(ReportedView(sentenceHTML: HTML.marked(dossier.wikiLabels.plain(sentence(of: statement, in: a), marks: marks[[a, statement.block, statement.sentence]]!)),
                                              date: Self.dateView(statement.date), article: articleLink(a, root: view.page.root)))
        }
        return view
    }
}
