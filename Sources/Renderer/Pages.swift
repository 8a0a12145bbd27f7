// Turns the linked dossier into page view models: one per person, event and article, the three indexes,
// the home page and the timeline. Pure: no I/O, so it can be tested and run in parallel.

import Content
import Discovery
import Foundation
import EDTF
import Markdown
import Templating

/// A page to render: where it goes, which layout, and the values the layout receives.
struct PageSpec: Sendable {
    var path: String
    var template: String
    var model: any Sendable
}

struct PageBuilder: Sendable {
    let dossier: Dossier
    /// Per article, made once: every person page, index and timeline lists the same articles again.
    let articleDates: PerArticle<DateView>
    let summaries: PerArticle<String?>
    /// Links to each article from a page one folder down (people/, events/, articles/): person and event pages
    /// list tens of thousands of them between them.
    let articleLinksFromFolder: PerArticle<ArticleLink>
    /// Each article's timeline entry from a page one folder down: every person page's timeline lists its articles.
    let articleEntriesFromFolder: PerArticle<TimelineEntry>

    /// `fewPages`: only a few pages will be asked for (a rebuild after an edit), so each article's values are made
    /// when a page first shows it rather than all up front on every core.
    init(dossier: Dossier, fewPages: Bool = false) {
        self.dossier = dossier
        let count = dossier.articles.count
        let dates = PerArticle(count: count, upFront: !fewPages) { Self.dateView(dossier.articles[$0].date) }
        let summaries = PerArticle(count: count, upFront: !fewPages) { Self.summary(of: $0, in: dossier) }
        articleDates = dates
        self.summaries = summaries
        articleLinksFromFolder = PerArticle(count: count, upFront: !fewPages) { a in
            Self.articleLink(dossier.articles[a], root: "../", date: dates[a], summary: summaries[a])
        }
        articleEntriesFromFolder = PerArticle(count: count, upFront: !fewPages) { a in
            Self.timelineEntry(article: a, in: dossier, root: "../", date: dates[a])
        }
    }

    /// The layouts a complete site needs; a missing one fails the build instead of producing empty pages.
    static let layouts = ["index", "people", "person", "events", "event", "articles", "article", "timeline", "relations", "briefing"]

    /// One page of the site before its view model is built: where it goes, which layout, what it shows: which part
    /// of a long list (`part`), read from the indexes made once for the whole site (`layout`).
    struct Plan: Sendable {
        enum Kind: Sendable { case list, person(Int), event(Int), article(Int) }
        var path: String
        var template: String
        var kind: Kind
        var part = Part()
        var layout: SiteLayout
    }

    /// Every page of the site, in a fixed order. The one list of pages: full and incremental builds both use it.
    func plan() -> [Plan] { Self.plan(dossier) }

    static func plan(_ dossier: Dossier) -> [Plan] {
        let layout = SiteLayout(dossier)
        func list(_ path: String, _ template: String, _ part: Part = Part()) -> Plan {
            Plan(path: path, template: template, kind: .list, part: part, layout: layout)
        }
        func index(_ folder: String, _ template: String, count: Int, perPage: Int) -> [Plan] {
            Part.split(count, perPage: perPage).map { list(Paths.listPage(folder, $0.number), template, $0) }
        }
        var pages: [Plan] = [list(Paths.home, "index")]
        pages += index("people", "people", count: dossier.people.count, perPage: Budget.peoplePerListPage)
        pages += index("events", "events", count: dossier.events.count, perPage: Budget.eventsPerListPage)
        pages += index("articles", "articles", count: dossier.articles.count, perPage: Budget.articlesPerListPage)
        pages.append(list(Paths.timeline, "timeline"))
        for (i, period) in layout.timelinePeriods.enumerated() {
            pages.append(list(Paths.timeline(period: period.key), "timeline",
                              Part(number: i + 1, count: layout.timelinePeriods.count, items: period.items, key: period.key)))
        }
        pages.append(list(Paths.relations, "relations"))
        pages.append(list(Paths.briefing, "briefing"))
        for (i, period) in layout.briefingPeriods.enumerated() {
            pages.append(list(Paths.briefing(period: period.key), "briefing",
                              Part(number: i + 1, count: layout.briefingPeriods.count, items: period.items, key: period.key)))
        }
        for p in dossier.people.indices {
            for part in Part.split(dossier.articlesOfPerson[p].count, perPage: Budget.articlesPerRecordPage) {
                pages.append(Plan(path: Paths.person(dossier.people[p].slug, page: part.number), template: "person", kind: .person(p),
                                  part: part, layout: layout))
            }
        }
        for e in dossier.events.indices {
            let articles = dossier.articlesOfEvent[e].count, reported = layout.reportedOfEvent[e].count
            let count = max(Part.split(articles, perPage: Budget.articlesPerRecordPage).count,
                            Part.split(reported, perPage: Budget.reportedPerEventPage).count)
            for n in 1...count {
                let first = min(articles, (n - 1) * Budget.articlesPerRecordPage)
                let part = Part(number: n, count: count, items: first..<min(articles, n * Budget.articlesPerRecordPage))
                pages.append(Plan(path: Paths.event(dossier.events[e].slug, page: n), template: "event", kind: .event(e), part: part, layout: layout))
            }
        }
        pages += dossier.articles.indices.map {
            Plan(path: Paths.article(dossier.articles[$0].slug), template: "article", kind: .article($0), layout: layout)
        }
        return pages
    }

    /// The view model of one planned page.
    func model(for page: Plan) -> any Sendable {
        switch page.kind {
        case .person(let p): return personPageWithGraph(p, part: page.part, layout: page.layout)
        case .event(let e): return eventPage(e, part: page.part, layout: page.layout)
        case .article(let a): return articlePage(a)
        case .list:
            switch page.template {
            case "index": return indexPage()
            case "people": return peopleIndex(page.part)
            case "events": return eventsIndex(page.part)
            case "articles": return articlesIndex(page.part)
            case "timeline": return timelinePage(page.part, layout: page.layout)
            case "relations": return relationsPage()
            default: return briefingPage(page.part, layout: page.layout)
            }
        }
    }

    func allPages() -> [PageSpec] {
        plan().map { PageSpec(path: $0.path, template: $0.template, model: model(for: $0)) }
    }

    // MARK: - Shared pieces

    func context(_ path: String, title: String?, kind: String) -> PageContext {
        let root = Paths.root(of: path)
        let items: [(String, String, [String])] = [
            ("Overview", Paths.home, ["index"]),
            ("People", Paths.peopleIndex, ["people", "person"]),
            ("Events", Paths.eventsIndex, ["events", "event"]),
            ("Articles", Paths.articlesIndex, ["articles", "article"]),
            ("Timeline", Paths.timeline, ["timeline"]),
            ("Relations", Paths.relations, ["relations"]),
            ("Briefing", Paths.briefing, ["briefing"]),
        ]
        let settings = dossier.settings
        return PageContext(
            root: root,
            pageTitle: title.map { "\($0) · \(settings.title)" } ?? settings.title,
            site: SiteView(title: settings.title, subtitle: settings.subtitle, description: settings.description, language: settings.language),
            nav: items.map { NavItem(label: $0.0, href: root + $0.1, current: $0.2.contains(kind)) },
            kind: kind,
            feedHref: Feeds.base(settings) == nil ? nil : root + Paths.feed)
    }

    static func dateView(_ date: EDTFDate) -> DateView {
        DateView(display: date.display, iso: date.isoDatetime, edtf: date.edtf, approximate: date.isApproximate,
                 uncertain: date.isUncertain, interval: date.isInterval)
    }

    func personLink(_ p: Int, root: String, count: Int, unit: String) -> PersonLink {
        // Read in place (as in bodyHTML): a copy of the whole Person per link showed in the profile.
        dossier.people.withUnsafeBufferPointer { people in
            PersonLink(name: people[p].name, href: root + Paths.person(people[p].slug), role: people[p].role, count: count,
                       countLabel: Self.plural(count, unit))
        }
    }

    func eventLink(_ e: Int, root: String) -> EventLink {
        let event = dossier.events[e]
        return EventLink(title: event.title, href: root + Paths.event(event.slug), date: Self.dateView(event.date), place: event.place)
    }

    func articleLink(_ a: Int, root: String) -> ArticleLink {
        if root == "../" { return articleLinksFromFolder[a] }
        return Self.articleLink(dossier.articles[a], root: root, date: articleDates[a], summary: summaries[a])
    }

    static func articleLink(_ article: Article, root: String, date: DateView, summary: String?) -> ArticleLink {
        ArticleLink(title: article.title, href: root + Paths.article(article.slug), date: date, source: article.source, summary: summary)
    }

    /// The front matter's summary, or the first paragraph cut at a word near 280 characters.
    func summary(_ a: Int) -> String? { summaries[a] }

    static func summary(of a: Int, in dossier: Dossier) -> String? {
        if let summary = dossier.articles[a].summary { return summary }
        guard let first = dossier.articleTexts[a].firstParagraph.map(dossier.wikiLabels.plain) else { return nil }
        // Walk at most 280 Characters (counting them all walked the whole paragraph, for every page listing it).
        guard let end = first.index(first.startIndex, offsetBy: 280, limitedBy: first.endIndex), end < first.endIndex else { return first }
        let cut = first[..<end]
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + " …"
    }

    static func plural(_ n: Int, _ unit: String) -> String { "\(n) \(unit)\(n == 1 ? "" : "s")" }

    // MARK: - Home and indexes

    func indexPage() -> IndexPage {
        let page = context(Paths.home, title: nil, kind: "index")
        let ranked = dossier.people.indices
            .sorted { (dossier.articlesOfPerson[$1].count, dossier.people[$0].name) < (dossier.articlesOfPerson[$0].count, dossier.people[$1].name) }
        let people = ranked.prefix(Budget.homePeople)
            .map { personLink($0, root: page.root, count: dossier.articlesOfPerson[$0].count, unit: "article") }
        let articles = dossier.articles.indices.reversed().prefix(Budget.homeArticles).map { articleLink($0, root: page.root) }
        let counts = [Self.plural(dossier.people.count, "person").replacingOccurrences(of: "persons", with: "people"),
                      Self.plural(dossier.events.count, "event"), Self.plural(dossier.articles.count, "article")]
        return IndexPage(page: page, people: people,
                         latestEvents: dossier.events.indices.reversed().prefix(Budget.homeEvents).map { eventLink($0, root: page.root) },
                         articles: articles,
                         counts: counts.joined(separator: " · "),
                         peopleNote: people.count < dossier.people.count
                            ? "The \(people.count) named in the most articles, of \(dossier.people.count)." : nil,
                         articlesNote: articles.count < dossier.articles.count
                            ? "The latest \(articles.count), of \(dossier.articles.count)." : nil)
    }

    func peopleIndex(_ part: Part = Part()) -> PeopleIndexPage {
        let page = context(Paths.listPage("people", part.number), title: Self.numbered("People", part), kind: "people")
        return PeopleIndexPage(page: page, people: dossier.people.indices[clamped(part, dossier.people.count)].map {
            personLink($0, root: page.root, count: dossier.articlesOfPerson[$0].count, unit: "article")
        }, pager: Pager.make(part, root: page.root) { Paths.listPage("people", $0) })
    }

    func eventsIndex(_ part: Part = Part()) -> EventsIndexPage {
        let page = context(Paths.listPage("events", part.number), title: Self.numbered("Events", part), kind: "events")
        return EventsIndexPage(page: page, events: dossier.events.indices[clamped(part, dossier.events.count)].map { eventLink($0, root: page.root) },
                               pager: Pager.make(part, root: page.root) { Paths.listPage("events", $0) })
    }

    func articlesIndex(_ part: Part = Part()) -> ArticlesIndexPage {
        let page = context(Paths.listPage("articles", part.number), title: Self.numbered("Articles", part), kind: "articles")
        let newestFirst = Array(dossier.articles.indices.reversed())
        return ArticlesIndexPage(page: page, articles: newestFirst[clamped(part, newestFirst.count)].map { articleLink($0, root: page.root) },
                                 pager: Pager.make(part, root: page.root) { Paths.listPage("articles", $0) })
    }

    /// The items a part shows of a list of `count`; a list on one page shows all of it.
    func clamped(_ part: Part, _ count: Int) -> Range<Int> {
        part.count == 1 ? 0..<count : part.items.clamped(to: 0..<count)
    }

    /// "Articles", or "Articles, page 2 of 5" past the first page of several.
    static func numbered(_ title: String, _ part: Part) -> String {
        part.number == 1 ? title : "\(title), page \(part.number) of \(part.count)"
    }

    // MARK: - Person

    /// Page `part.number` of a person: the first has the profile, a summary, events and relations; every page
    /// quotes its share of the articles (newest first) with the sentences naming them, and their quotations.
    func personPage(_ p: Int, part: Part = Part(), layout: SiteLayout? = nil) -> PersonPage {
        let person = dossier.people[p]
        let path = Paths.person(person.slug, page: part.number)
        let page = context(path, title: Self.numbered(person.name, part), kind: "person")
        let newestFirst = Array(dossier.articlesOfPerson[p].reversed())
        let shown = Array(newestFirst[clamped(part, newestFirst.count)])
        let articles = shown.map { a in
            ArticleQuotes(article: articleLink(a, root: page.root), quotes: quotes(of: p, in: a, root: page.root))
        }
        let first = part.isFirst
        var view = PersonPage(
            page: page, name: person.name, role: person.role, affiliation: person.affiliation,
            born: person.born.map(Self.dateView), aliases: person.aliases,
            profileHTML: first ? bodyHTML(dossier.profileTexts[p], source: person.profile, root: page.root, linkMentions: false) : "",
            events: first ? dossier.eventsOfPerson[p].map { eventLink($0, root: page.root) } : [],
            articles: articles, articleCount: Self.plural(newestFirst.count, "article"),
            coMentioned: first ? dossier.coMentions[p].prefix(10).map { personLink($0.person, root: page.root, count: $0.articles, unit: "shared article") } : [],
            timeline: timeline(events: first ? dossier.eventsOfPerson[p] : [], articles: shown.reversed(), root: page.root).map(\.entry))
        view.pager = Pager.make(part, root: page.root) { Paths.person(person.slug, page: $0) }
        if first, !newestFirst.isEmpty {
            view.summary = RecordSummary(
                articleCount: Self.plural(newestFirst.count, "article"),
                first: articleLink(newestFirst[newestFirst.count - 1], root: page.root), last: articleLink(newestFirst[0], root: page.root),
                namedWith: dossier.coMentions[p].prefix(3).map { personLink($0.person, root: page.root, count: $0.articles, unit: "shared article") },
                more: part.count > 1 ? "The articles are on \(part.count) pages, newest first." : nil)
        }
        return withDiscovery(view, person: p, part: part, shown: shown, layout: layout ?? SiteLayout(dossier))
    }

    /// The sentences of article `a` that mention person `p`, each once, in reading order, with the names marked.
    /// Each links to its sentence in the article (`root`: the way from the page to the site's root).
    func quotes(of p: Int, in a: Int, root: String) -> [QuoteView] {
        // By index, reading only the fields needed: a copy of each mention (its text) was most of a person page's time,
        // and a copy of the article's BodyText (its arrays) showed too.
        let mentions = dossier.articleTexts[a].mentions
        let article = root + Paths.article(dossier.articles[a].slug) + "#"
        return Self.quotes(dossier.articleTexts[a].document.blocks, labels: dossier.wikiLabels, article: article,
                           mentions.indices.lazy.filter { mentions[$0].person == p }.map { (mentions[$0].block, mentions[$0].sentence, mentions[$0].range) })
    }

    /// Groups marked ranges by sentence in one pass (a long article can hold tens of thousands of mentions).
    /// `blocks`: the article's document's (read once: each `BodyText.document` takes a lock and copies the document).
    /// `article`: the link to the article with its `#`, to which each sentence's id is added.
    static func quotes(_ blocks: [TextBlock], labels: WikiLabels, article: String,
                       _ marks: some Sequence<(block: Int, sentence: Int, range: Range<Int>)>) -> [QuoteView] {
        var order: [SentenceKey] = []
        var ranges: [[Range<Int>]] = []
        var place: [SentenceKey: Int] = [:]       // kept only for long lists: a few sentences are searched faster
        // Where each sentence starts, read in place rather than through a copy of its block.
        let sentenceStart = { (block: Int, sentence: Int) in
            blocks.withUnsafeBufferPointer { $0[block].sentences.withUnsafeBufferPointer { $0[sentence].lowerBound } }
        }
        for mark in marks {
            let key = SentenceKey(block: mark.block, sentence: mark.sentence)
            let start = sentenceStart(mark.block, mark.sentence)
            let found = order.count > 16 ? place[key] : order.lastIndex(of: key)
            let k = found ?? order.count
            if found == nil {
                order.append(key)
                ranges.append([])
                if order.count == 17 { for (i, key) in order.enumerated() { place[key] = i } }   // from here on, looked up
                else if order.count > 17 { place[key] = k }
            }
            ranges[k].append((mark.range.lowerBound - start)..<(mark.range.upperBound - start))
        }
        return blocks.withUnsafeBufferPointer { blocks in
            order.indices.map { k in
                QuoteView(sentenceHTML: MarkedSentence(blocks[order[k].block].text, blocks[order[k].block].sentences[order[k].sentence], ranges[k],
                                                          labels: labels),
                          sentenceHref: article + Paths.sentenceID(block: order[k].block, sentence: order[k].sentence))
            }
        }
    }

    struct SentenceKey: Hashable { var block: Int, sentence: Int }

    // MARK: - Event

    /// Page `part.number` of an event: the first has who took part and what happened; every page quotes its share
    /// of the articles covering it (newest first) and of the dated sentences that fall on it.
    func eventPage(_ e: Int, part: Part = Part(), layout: SiteLayout? = nil) -> EventPage {
        let event = dossier.events[e]
        let path = Paths.event(event.slug, page: part.number)
        let page = context(path, title: Self.numbered(event.title, part), kind: "event")
        let first = part.isFirst
        let people = !first ? [] : event.people.compactMap { dossier.personBySlug[$0] }.map {
            personLink($0, root: page.root, count: dossier.articlesOfPerson[$0].count, unit: "article")
        }
        let newestFirst = Array(dossier.articlesOfEvent[e].reversed())
        let articles = newestFirst[clamped(part, newestFirst.count)].map { a in
            ArticleQuotes(article: articleLink(a, root: page.root), quotes: eventQuotes(of: e, in: a, root: page.root))
        }
        var view = EventPage(
            page: page, title: event.title, date: Self.dateView(event.date), place: event.place, people: people,
            descriptionHTML: first ? bodyHTML(dossier.eventTexts[e], source: event.description, root: page.root, linkMentions: false) : "",
            articles: articles,
            previous: e > 0 ? eventLink(e - 1, root: page.root) : nil,
            next: e + 1 < dossier.events.count ? eventLink(e + 1, root: page.root) : nil)
        view.pager = Pager.make(part, root: page.root) { Paths.event(event.slug, page: $0) }
        let layout = layout ?? SiteLayout(dossier)
        if first, !newestFirst.isEmpty {
            // Who the articles covering it name most, besides nobody in particular: counted over its own articles only.
            var named: [Int: Int] = [:]
            for a in newestFirst { for p in dossier.peopleOfArticle[a] { named[p, default: 0] += 1 } }
            let top = named.sorted { ($1.value, dossier.people[$0.key].name) < ($0.value, dossier.people[$1.key].name) }.prefix(3)
            view.summary = RecordSummary(
                articleCount: Self.plural(newestFirst.count, "article"),
                first: articleLink(newestFirst[newestFirst.count - 1], root: page.root), last: articleLink(newestFirst[0], root: page.root),
                namedWith: top.map { personLink($0.key, root: page.root, count: $0.value, unit: "article") },
                more: part.count > 1 ? "The articles and dated sentences are on \(part.count) pages." : nil)
        }
        let groups = layout.reportedOfEvent[e]
        let from = min(groups.count, (part.number - 1) * Budget.reportedPerEventPage)
        return withReported(view, groups: part.count == 1 ? groups[...] : groups[from..<min(groups.count, from + Budget.reportedPerEventPage)])
    }

    func eventQuotes(of e: Int, in a: Int, root: String) -> [QuoteView] {
        // Fields read in place, as in `quotes(of:in:)`, rather than through a copy of the BodyText.
        Self.quotes(dossier.articleTexts[a].document.blocks, labels: dossier.wikiLabels,
                    article: root + Paths.article(dossier.articles[a].slug) + "#",
                    dossier.articleTexts[a].eventMentions.lazy.filter { $0.event == e }.map { ($0.block, $0.sentence, $0.range) })
    }

    // MARK: - Article

    func articlePage(_ a: Int) -> ArticlePage {
        let article = dossier.articles[a]
        let path = Paths.article(article.slug)
        let page = context(path, title: article.title, kind: "article")
        var mentionCounts: [Int: Int] = [:]
        for mention in dossier.articleTexts[a].mentions { mentionCounts[mention.person, default: 0] += 1 }
        var view = ArticlePage(
            page: page, title: article.title, date: articleDates[a], source: article.source, author: article.author,
            url: article.url,
            bodyHTML: UTF8Text(bytes: bodyHTMLBytes(dossier.articleTexts[a], source: article.body, root: page.root, linkMentions: true,
                                                    anchors: factSentences(a))),
            people: dossier.peopleOfArticle[a].map { personLink($0, root: page.root, count: mentionCounts[$0] ?? 0, unit: "mention") },
            events: dossier.eventsOfArticle[a].map { eventLink($0, root: page.root) })
        view.quotations = articleQuotations(a, root: page.root)
        return view
    }

    /// The body as HTML: wikilinks become links, and (in articles) the first mention of each person in each
    /// paragraph links to their page.
    func bodyHTML(_ text: BodyText, source: String, root: String, linkMentions: Bool) -> String {
        String(decoding: bodyHTMLBytes(text, source: source, root: root, linkMentions: linkMentions), as: UTF8.self)
    }

    /// `bodyHTML` as UTF-8 bytes: an article page writes its body as it is, without making a String of it.
    /// `anchors`: sentences to give ids (an article's `factSentences`).
    func bodyHTMLBytes(_ text: BodyText, source: String, root: String, linkMentions: Bool, anchors: [SentenceAnchor] = []) -> [UInt8] {
        var insertions: [Insertion] = []
        for link in text.wikiLinks {
            let (href, title) = target(link.target, root: root)
            insertions.append(Insertion(block: link.block, range: link.range, destination: href, title: nil, replacement: link.text ?? title))
        }
        if linkMentions {
            // Each person is linked once per block. Mentions come block by block (Linker.analyze), so the people
            // linked in the current block are all it needs to remember: a set of (block, person) showed in the profile.
            var linked: [Int] = [], linkedBlock = -1
            func linkedFirst(_ mention: Mention) -> Bool {
                if mention.block != linkedBlock { linked.removeAll(keepingCapacity: true); linkedBlock = mention.block }
                if linked.contains(mention.person) { return false }
                linked.append(mention.person)
                return true
            }
            // The two fields read in place, through the buffer: a copy of the whole Person for each mention showed in
            // the profile.
            dossier.people.withUnsafeBufferPointer { people in
                for mention in text.mentions where mention.kind != .wikilink && linkedFirst(mention) {
                    insertions.append(Insertion(block: mention.block, range: mention.range, destination: root + Paths.person(people[mention.person].slug),
                                                title: people[mention.person].name, replacement: nil))
                }
            }
        }
        insertions.sort { ($0.block, $0.range.lowerBound) < ($1.block, $1.range.lowerBound) }
        // Rendered when it was parsed for the analysis, with the links spliced in: the same bytes without a second parse.
        if let rendered = text.rendered,
           let html = Markdown.renderHTMLBytes(rendered, blocks: text.document.blocks, insertions: insertions, anchors: anchors, headingOffset: 1) {
            return html
        }
        return Array(Markdown.renderHTML(source, insertions: insertions, anchors: anchors, headingOffset: 1).utf8)
    }

    /// The sentences of article `a` that carry a discovered fact (a mention of a person or an event, a quotation, a
    /// dated statement), each once, with its id (Paths.sentenceID): the places other pages link to. Only these get
    /// an id, so that an article page grows by a tag pair per fact sentence, not per sentence.
    func factSentences(_ a: Int) -> [SentenceAnchor] {
        let text = dossier.articleTexts[a]
        var keys: [Int] = []                               // block << 32 | sentence, sorted and made unique below
        for mention in text.mentions { keys.append(mention.block << 32 | mention.sentence) }
        for mention in text.eventMentions { keys.append(mention.block << 32 | mention.sentence) }
        if a < dossier.quotes.count { for quote in dossier.quotes[a] { keys.append(quote.block << 32 | quote.sentence) } }
        if a < dossier.datedStatements.count { for statement in dossier.datedStatements[a] { keys.append(statement.block << 32 | statement.sentence) } }
        guard !keys.isEmpty else { return [] }
        keys.sort()
        let blocks = text.document.blocks
        var anchors: [SentenceAnchor] = []
        var previous = -1
        for key in keys where key != previous {
            previous = key
            let (b, s) = (key >> 32, key & 0xFFFF_FFFF)
            guard blocks.indices.contains(b), blocks[b].sentences.indices.contains(s) else { continue }
            anchors.append(SentenceAnchor(block: b, range: blocks[b].sentences[s], id: Paths.sentenceID(block: b, sentence: s)))
        }
        return anchors
    }

    func target(_ target: LinkTarget, root: String) -> (href: String, title: String) {
        switch target {
        case .person(let p): return (root + Paths.person(dossier.people[p].slug), dossier.people[p].name)
        case .event(let e): return (root + Paths.event(dossier.events[e].slug), dossier.events[e].title)
        case .article(let a): return (root + Paths.article(dossier.articles[a].slug), dossier.articles[a].title)
        }
    }

    // MARK: - Timeline

    func timelineEntry(event e: Int, root: String) -> TimelineEntry {
        let event = dossier.events[e]
        return TimelineEntry(date: Self.dateView(event.date), kind: "Event", isEvent: true, title: event.title,
                             href: root + Paths.event(event.slug), detail: event.place,
                             people: event.people.filter { dossier.personBySlug[$0] != nil }.joined(separator: " "))
    }

    func timelineEntry(article a: Int, root: String) -> TimelineEntry {
        if root == "../" { return articleEntriesFromFolder[a] }
        return Self.timelineEntry(article: a, in: dossier, root: root, date: articleDates[a])
    }

    static func timelineEntry(article a: Int, in dossier: Dossier, root: String, date: DateView) -> TimelineEntry {
        let article = dossier.articles[a]
        return TimelineEntry(date: date, kind: "Article", isEvent: false, title: article.title,
                             href: root + Paths.article(article.slug), detail: article.source,
                             people: dossier.peopleOfArticle[a].map { dossier.people[$0].slug }.joined(separator: " "))
    }

    /// Events and article publications, oldest first by the earliest instant each date can mean;
    /// on the same date events come before articles.
    func timeline(events: [Int], articles: [Int], root: String) -> [(date: EDTFDate, entry: TimelineEntry)] {
        var items: [(date: EDTFDate, entry: TimelineEntry)] = []
        items += events.map { (dossier.events[$0].date, timelineEntry(event: $0, root: root)) }
        items += articles.map { (dossier.articles[$0].date, timelineEntry(article: $0, root: root)) }
        return items.sorted { a, b in
            if a.date != b.date { return a.date < b.date }
            return (a.entry.isEvent ? 0 : 1, a.entry.title) < (b.entry.isEvent ? 0 : 1, b.entry.title)
        }
    }

    /// The timeline: all of it on one page for a small dossier; for a large one an overview (the axis of the
    /// events, the periods with their counts, the events) and a page per period (`part.key`).
    func timelinePage(_ part: Part = Part(), layout: SiteLayout) -> TimelinePage {
        let periods = layout.timelinePeriods
        let path = part.key.isEmpty ? Paths.timeline : Paths.timeline(period: part.key)
        let period = part.key.isEmpty ? nil : periods[part.number - 1]
        let page = context(path, title: period.map { "Timeline: \($0.title)" } ?? "Timeline", kind: "timeline")
        let items = periods.isEmpty ? layout.timelineItems[...] : period.map { layout.timelineItems[$0.items] } ?? []
        let entries = items.map { (date: $0.date, entry: timelineEntry($0, layout: layout, root: page.root)) }
        var model = TimelinePage(page: page, years: Self.years(entries))
        let named = Set(entries.flatMap { $0.entry.people.split(separator: " ") })
        model.filter = dossier.people.filter { named.contains(Substring($0.slug)) }.map { FilterOption(value: $0.slug, label: $0.name) }
        if periods.isEmpty || period == nil {
            // The axis: events and articles on one page; only the events over a large dossier's overview.
            let marks = periods.isEmpty ? entries.filter { !$0.entry.isReported }
                : timeline(events: Array(dossier.events.indices), articles: [], root: page.root)
            model.axisSVG = TimelineAxis.svg(marks.compactMap { date, entry in
                TimelineAxis.item(date: date, isEvent: entry.isEvent, title: entry.title, href: entry.href, people: entry.people)
            })
        }
        if !periods.isEmpty, period == nil {
            var overview: [TimelineOverviewYear] = []
            for (i, period) in periods.enumerated() {
                let year = Self.group(layout.timelineItems[period.items.lowerBound].date).year
                if overview.last?.year != year { overview.append(TimelineOverviewYear(year: year, periods: [])) }
                overview[overview.count - 1].periods.append(
                    TimelinePeriodLink(title: period.title, href: page.root + Paths.timeline(period: period.key), count: Self.plural(period.items.count, "entry").replacingOccurrences(of: "entrys", with: "entries"),
                                       number: i + 1))
            }
            model.overview = overview
            model.events = timeline(events: Array(dossier.events.indices), articles: [], root: page.root).map(\.entry)
        }
        if let period {
            let link = { (n: Int) in PageLink(label: periods[n].title, href: page.root + Paths.timeline(period: periods[n].key)) }
            let i = part.number - 1
            model.period = period.title
            model.pager = Pager(label: period.title, previous: i > 0 ? link(i - 1) : nil, next: i + 1 < periods.count ? link(i + 1) : nil,
                                pages: [])
        }
        return model
    }

    /// Entries grouped by year and month, in their order.
    static func years(_ items: some Sequence<(date: EDTFDate, entry: TimelineEntry)>) -> [TimelineYear] {
        var years: [TimelineYear] = []
        for item in items {
            let (yearLabel, monthLabel, monthISO) = group(item.date)
            if years.last?.year != yearLabel { years.append(TimelineYear(year: yearLabel, months: [])) }
            if years[years.count - 1].months.last?.label != monthLabel {
                years[years.count - 1].months.append(TimelineMonth(label: monthLabel, iso: monthISO, entries: []))
            }
            let y = years.count - 1, m = years[y].months.count - 1
            years[y].months[m].entries.append(item.entry)
        }
        return years
    }

    func timelineEntry(_ item: TimelineItem, layout: SiteLayout, root: String) -> TimelineEntry {
        switch item.kind {
        case .event(let e): return timelineEntry(event: e, root: root)
        case .article(let a): return timelineEntry(article: a, root: root)
        case .reported(let r): return reportedEntry(layout.reported[r], root: root)
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// The year and month heading a date is listed under; a date known only to the year gets the year alone.
    static func group(_ date: EDTFDate) -> (year: String, month: String, iso: String) {
        // An open start ("../2025") is listed where its end is.
        let start = date.earliest == .distantPast ? date.latest : date.earliest
        let year = String(start.year)
        guard date.month != nil else { return (year, year, year) }
        let iso = "\(year)-\(start.month < 10 ? "0" : "")\(start.month)"
        return (year, "\(monthNames[start.month - 1]) \(year)", iso)
    }
}

/// One value per article, made from its index: all up front on every core, or each when first asked for (from
/// any thread; two threads asking at once may both make it, and make the same value).
final class PerArticle<Value: Sendable>: @unchecked Sendable {
    private let all: [Value]?
    private let lock = NSLock()
    private var made: [Value?]
    private let make: @Sendable (Int) -> Value

    init(count: Int, upFront: Bool, make: @escaping @Sendable (Int) -> Value) {
        self.make = make
        all = upFront ? Parallel.map(Array(0..<count), make) : nil
        made = upFront ? [] : [Value?](repeating: nil, count: count)
    }

    subscript(index: Int) -> Value {
        if let all { return all[index] }
        lock.lock()
        let kept = made[index]
        lock.unlock()
        if let kept { return kept }
        let value = make(index)
        lock.lock()
        made[index] = value
        lock.unlock()
        return value
    }
}
