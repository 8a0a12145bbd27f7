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

    func sentence(of statement: DatedStatement, in a: Int) -> String {
        dossier.articleTexts[a].sentence(block: statement.block, index: statement.sentence)
    }

    /// Timeline entries for dated sentences, as reported by their article: the sentence, linked to the article.
    func reportedEntries(root: String) -> [(date: EDTFDate, entry: TimelineEntry)] {
        reportedStatements().map { a, statement in
            let article = dossier.articles[a]
            // The people the sentence names, so the timeline's person filter keeps it with them.
            var named: [String] = []
            for person in statement.people {
                let slug = dossier.people[person].slug
                if !named.contains(slug) { named.append(slug) }
            }
            return (statement.date, TimelineEntry(date: Self.dateView(statement.date), kind: "Reported", isEvent: false,
                                                  title: sentence(of: statement, in: a), href: root + Paths.article(article.slug),
                                                  detail: "as reported in “\(article.title)”", people: named.joined(separator: " "),
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
            view.reported.append(ReportedView(sentenceHTML: HTML.marked(sentence(of: statement, in: a), marks[[a, statement.block, statement.sentence]]!),
                                              date: Self.dateView(statement.date), article: articleLink(a, root: view.page.root)))
        }
        return view
    }
}
