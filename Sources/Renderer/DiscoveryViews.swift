// What discovery adds to pages: a person's other spellings and quotations, dated sentences on the timeline and
// on the curated events they match.

import Content
import Discovery
import EDTF
import Templating

/// Another spelling of a person's name, and the article that wrote it.
public struct VariantView: Sendable {
    public var text: String
    public var article: ArticleLink
    public var sentenceHref: String      // the first sentence that spells it so, in that article
}

/// A direct quotation of a person, with the article and its date.
public struct QuotationView: Sendable {
    public var text: String
    public var article: ArticleLink
    public var sentenceHref: String      // the sentence that holds it, in that article
}

/// A quotation on its article's page, with who spoke: a person (linked to their page) or an organisation (named as
/// the article names it; organisations have no pages).
public struct ArticleQuotationView: Sendable {
    public var text: String
    public var speaker: PageLink?
    public var organisation: String?
}

extension ArticleQuotationView: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "text": return .text(self.text)
        case "speaker": return self.speaker.map { .object($0) }
        case "organisation": return self.organisation.map(TemplateData.text)
        default: return nil
        }
    }
}

/// A sentence that dates something, with the date expression marked (`<mark>`), escaped.
public struct ReportedView: Sendable {
    public var sentenceHTML: String
    public var date: DateView
    public var article: ArticleLink
    public var sentenceHref: String      // the sentence in its article
}

extension PageBuilder {
    /// What discovery found for a person: other spellings (first page), and their quotations from the articles the
    /// page shows (`shown`), newest first; quotations from articles that do not name them go on the first page.
    func withDiscovery(_ view: PersonPage, person p: Int, part: Part = Part(), shown: [Int], layout: SiteLayout) -> PersonPage {
        var view = view
        let person = dossier.people[p]
        view.curated = person.curated
        if part.isFirst {
            view.variants = person.variants.compactMap { variant in
                dossier.articleBySlug[variant.article].map { a in
                    // The first sentence that spells the name so; the article's top if none does (a spelling kept from
                    // a correction, say).
                    let mention = dossier.articleTexts[a].mentions.first { $0.person == p && $0.text == variant.text }
                    return VariantView(text: variant.text, article: articleLink(a, root: view.page.root),
                                       sentenceHref: mention.map { sentenceHref(a, block: $0.block, sentence: $0.sentence, root: view.page.root) }
                                           ?? view.page.root + Paths.article(dossier.articles[a].slug))
                }
            }
        }
        let quotations = layout.quotationsOf[p]
        let onPage = Set(shown)
        let named = part.count == 1 ? [] : Set(dossier.articlesOfPerson[p])
        for (a, i) in quotations.reversed() where part.count == 1 || onPage.contains(a) || (part.isFirst && !named.contains(a)) {
            let quote = dossier.quotes[a][i]
            view.quotations.append(QuotationView(text: quote.text, article: articleLink(a, root: view.page.root),
                                                 sentenceHref: sentenceHref(a, block: quote.block, sentence: quote.sentence, root: view.page.root)))
        }
        return view
    }

    /// A link to a sentence of article `a` (Paths.sentenceID), from a page whose way to the root is `root`.
    func sentenceHref(_ a: Int, block: Int, sentence: Int, root: String) -> String {
        root + Paths.sentence(dossier.articles[a].slug, block: block, sentence: sentence)
    }

    /// The quotations of article `a` whose speaker it names, person or organisation, in reading order.
    func articleQuotations(_ a: Int, root: String) -> [ArticleQuotationView] {
        (a < dossier.quotes.count ? dossier.quotes[a] : []).compactMap { quote in
            if let p = quote.speaker {
                let person = dossier.people[p]
                return ArticleQuotationView(text: quote.text, speaker: PageLink(label: person.name, href: root + Paths.person(person.slug), current: false))
            }
            return quote.organisation.map { ArticleQuotationView(text: quote.text, organisation: $0) }
        }
    }

    func sentence(of statement: DatedStatement, in a: Int) -> String {
        dossier.articleTexts[a].sentence(block: statement.block, index: statement.sentence)
    }

    /// A dated sentence on the timeline, as reported by its articles: the sentence, linked to the first article
    /// that carries it, with the others after it.
    func reportedEntry(_ reported: ReportedSentence, root: String) -> TimelineEntry {
        let first = reported.articles[0]
        let article = dossier.articles[first]
        // The people the sentence names, so the timeline's person filter keeps it with them.
        var named: [String] = []
        for person in dossier.datedStatements[reported.statement.article][reported.statement.index].people {
            let slug = dossier.people[person].slug
            if !named.contains(slug) { named.append(slug) }
        }
        let others = reported.articles.indices.dropFirst()
        let shown = others.prefix(Self.reportedArticlesShown)
        // Each article linked to its own copy of the sentence.
        let href = { (k: Int) in
            sentenceHref(reported.articles[k], block: reported.sentences[k].block, sentence: reported.sentences[k].sentence, root: root)
        }
        return TimelineEntry(date: Self.dateView(reported.date), kind: "Reported", isEvent: false,
                             title: reported.text, href: href(0),
                             detail: "as reported in “\(article.title)”", people: named.joined(separator: " "), isReported: true,
                             alsoIn: shown.map { PageLink(label: dossier.articles[reported.articles[$0]].title, href: href($0)) },
                             alsoMore: others.count > shown.count ? "and \(Self.plural(others.count - shown.count, "more article"))" : nil)
    }

    /// How many other articles a sentence reported by many lists by title.
    static let reportedArticlesShown = 5

    /// The dated sentences whose date falls on the event and that name one of its people or its place
    /// (`SiteLayout.reportedOfEvent`, the part of them this page shows), each with its date expressions marked.
    func withReported(_ view: EventPage, groups: ArraySlice<[(article: Int, index: Int)]>) -> EventPage {
        var view = view
        for group in groups {
            let a = group[0].article
            let first = dossier.datedStatements[a][group[0].index]
            let text = dossier.articleTexts[a]
            let start = text.document.blocks[first.block].sentences[first.sentence].lowerBound
            let marks = group.map { ref -> Range<Int> in
                let range = dossier.datedStatements[a][ref.index].range
                return (range.lowerBound - start)..<(range.upperBound - start)
            }
            let plain = dossier.wikiLabels.plain(sentence(of: first, in: a), marks: marks)
            view.reported.append(ReportedView(sentenceHTML: HTML.marked(plain.text, plain.marks),
                                              date: Self.dateView(first.date), article: articleLink(a, root: view.page.root),
                                              sentenceHref: sentenceHref(a, block: first.block, sentence: first.sentence, root: view.page.root)))
        }
        return view
    }
}
