// The briefing book: the whole dossier on one page (summary, people, events in order, articles with source and
// URL), made to be printed or saved as PDF; the print stylesheet in dossier.css does the page breaks. A large
// dossier's articles are a dated list instead, a page per year (or month) linked from the book's contents.

import Content

extension PageBuilder {
    func briefingPage(_ part: Part = Part(), layout: SiteLayout? = nil) -> BriefingPage {
        let periods = layout?.briefingPeriods ?? []
        if !part.key.isEmpty { return briefingArticles(part, periods: periods) }
        let page = context(Paths.briefing, title: "Briefing book", kind: "briefing")
        let root = page.root
        let people = dossier.people.enumerated().map { p, person in
            BriefingPerson(anchor: "person-" + person.slug, name: person.name, href: root + Paths.person(person.slug),
                           role: person.role, affiliation: person.affiliation, aliases: person.aliases,
                           profileHTML: bodyHTML(dossier.profileTexts[p], source: person.profile, root: root, linkMentions: false),
                           articleCount: Self.plural(dossier.articlesOfPerson[p].count, "article"))
        }
        let events = dossier.events.enumerated().map { e, event in
            BriefingEvent(anchor: "event-" + event.slug, title: event.title, href: root + Paths.event(event.slug),
                          date: Self.dateView(event.date), place: event.place,
                          people: event.people.compactMap { dossier.personBySlug[$0] }.map { dossier.people[$0].name },
                          descriptionHTML: bodyHTML(dossier.eventTexts[e], source: event.description, root: root, linkMentions: false))
        }
        let articles = !periods.isEmpty ? [] : dossier.articles.enumerated().map { a, article in
            BriefingArticle(anchor: "article-" + article.slug, title: article.title, href: root + Paths.article(article.slug),
                            date: articleDates[a], source: article.source, author: article.author, url: article.url,
                            summary: summary(a), people: dossier.peopleOfArticle[a].map { dossier.people[$0].name })
        }
        let counts = [Self.plural(dossier.people.count, "person").replacingOccurrences(of: "persons", with: "people"),
                      Self.plural(dossier.events.count, "event"), Self.plural(dossier.articles.count, "article")]
        var book = BriefingPage(page: page, counts: counts.joined(separator: " · "), people: people, events: events, articles: articles)
        book.articlePeriods = periods.enumerated().map { i, period in
            TimelinePeriodLink(title: period.title, href: root + Paths.briefing(period: period.key),
                               count: Self.plural(period.items.count, "article"), number: i + 1)
        }
        return book
    }

    /// A page of the briefing book listing the articles of one period, oldest first, one line each.
    func briefingArticles(_ part: Part, periods: [Period]) -> BriefingPage {
        let period = periods[part.number - 1]
        let page = context(Paths.briefing(period: period.key), title: "Briefing book: articles, \(period.title)", kind: "briefing")
        let root = page.root
        var book = BriefingPage(page: page, counts: Self.plural(period.items.count, "article"), people: [], events: [], articles: [])
        book.period = period.title
        book.dated = period.items.map { a in
            let article = dossier.articles[a]
            return BriefingArticle(anchor: "article-" + article.slug, title: article.title, href: root + Paths.article(article.slug),
                                   date: articleDates[a], source: article.source, author: article.author, url: article.url,
                                   summary: nil, people: [])
        }
        let link = { (n: Int) in PageLink(label: periods[n].title, href: root + Paths.briefing(period: periods[n].key)) }
        let i = part.number - 1
        book.pager = Pager(label: period.title, previous: i > 0 ? link(i - 1) : nil, next: i + 1 < periods.count ? link(i + 1) : nil, pages: [])
        return book
    }
}
