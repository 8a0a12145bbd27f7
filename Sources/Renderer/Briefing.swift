// The briefing book: the whole dossier on one page (summary, people, events in order, articles with source and
// URL), made to be printed or saved as PDF; the print stylesheet in dossier.css does the page breaks.

import Content

extension PageBuilder {
    func briefingPage() -> BriefingPage {
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
        let articles = dossier.articles.enumerated().map { a, article in
            BriefingArticle(anchor: "article-" + article.slug, title: article.title, href: root + Paths.article(article.slug),
                            date: articleDates[a], source: article.source, author: article.author, url: article.url,
                            summary: summary(a), people: dossier.peopleOfArticle[a].map { dossier.people[$0].name })
        }
        let counts = [Self.plural(dossier.people.count, "person").replacingOccurrences(of: "persons", with: "people"),
                      Self.plural(dossier.events.count, "event"), Self.plural(dossier.articles.count, "article")]
        return BriefingPage(page: page, counts: counts.joined(separator: " · "), people: people, events: events, articles: articles)
    }
}
