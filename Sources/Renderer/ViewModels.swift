// Page view models: ready-made strings and lists for the Mustache layouts, so templates stay logic-less.
// Every string here is plain text (the template escapes it) except fields named `...HTML`, which the
// renderer built from cmark output or from escaped text.

import Templating

/// What every page carries: the site, the way back to the root, the navigation. Classes, as `DateView` is: every
/// `{{page.…}}` a layout reads (a score a page) copied a struct of this size into a new box, strings and all.
public final class PageContext: Sendable {
    public let root: String              // "" on top-level pages, "../" one folder down: prefix of every link
    public let pageTitle: String         // the <title>: page title · site title
    public let site: SiteView
    public let nav: [NavItem]
    public let kind: String              // page kind, also a CSS class: index, person, event, article, people, events, articles, timeline
    public let feedHref: String?         // feed.xml, relative, when the site has one (base_url is absolute)

    public init(root: String, pageTitle: String, site: SiteView, nav: [NavItem], kind: String, feedHref: String? = nil) {
        self.root = root; self.pageTitle = pageTitle; self.site = site; self.nav = nav; self.kind = kind; self.feedHref = feedHref
    }
}

public final class SiteView: Sendable {
    public let title: String
    public let subtitle: String?
    public let description: String?
    public let language: String

    public init(title: String, subtitle: String?, description: String?, language: String) {
        self.title = title; self.subtitle = subtitle; self.description = description; self.language = language
    }
}

public final class NavItem: Sendable {
    public let label: String
    public let href: String
    public let current: Bool

    public init(label: String, href: String, current: Bool) {
        self.label = label; self.href = href; self.current = current
    }
}

/// A date at its own precision: `<time datetime="{{iso}}">{{display}}</time>`.
/// A class: every article link and timeline entry has one, and a layout entering `{{#date}}` copied a struct's
/// three strings into a new box each time; a class is handed over with one count.
public final class DateView: Sendable {
    public let display: String           // "1–3 April 2025", "c. 1 April 2025", "April 2025"
    public let iso: String               // "2025-04-01", "2025-04", "2025" (an interval's start)
    public let edtf: String              // "2025-04-01/2025-04-03"
    public let approximate: Bool
    public let uncertain: Bool
    public let interval: Bool

    public init(display: String, iso: String, edtf: String, approximate: Bool, uncertain: Bool, interval: Bool) {
        self.display = display; self.iso = iso; self.edtf = edtf
        self.approximate = approximate; self.uncertain = uncertain; self.interval = interval
    }
}

// The elements of the lists pages show are classes, as DateView is: a layout looping over a list got each element
// as a copy of the struct (every string counted again) in a new box, hundreds of thousands of times a build.

public final class PersonLink: Sendable {
    public let name: String
    public let href: String
    public let role: String?
    public let count: Int                // articles (in lists), shared articles (co-mentions), mentions (on an article)
    public let countLabel: String        // "3 articles", "1 article", "2 mentions"

    public init(name: String, href: String, role: String? = nil, count: Int, countLabel: String) {
        self.name = name; self.href = href; self.role = role; self.count = count; self.countLabel = countLabel
    }
}

public final class EventLink: Sendable {
    public let title: String
    public let href: String
    public let date: DateView
    public let place: String?

    public init(title: String, href: String, date: DateView, place: String? = nil) {
        self.title = title; self.href = href; self.date = date; self.place = place
    }
}

public final class ArticleLink: Sendable {
    public let title: String
    public let href: String
    public let date: DateView
    public let source: String?
    public let summary: String?

    public init(title: String, href: String, date: DateView, source: String? = nil, summary: String? = nil) {
        self.title = title; self.href = href; self.date = date; self.source = source; self.summary = summary
    }
}

/// One sentence quoted from an article, with the name it is about marked (`<mark>`), escaped. A struct of one
/// reference: a list element is then one count to copy, as the class it was, and one allocation less.
public struct QuoteView: Sendable {
    public let sentenceHTML: MarkedSentence
    public let sentenceHref: String      // the sentence in its article: `../articles/x.html#s4-2`

    public init(sentenceHTML: MarkedSentence, sentenceHref: String) {
        self.sentenceHTML = sentenceHTML; self.sentenceHref = sentenceHref
    }
}

public final class ArticleQuotes: Sendable {
    public let article: ArticleLink
    public let quotes: [QuoteView]

    public init(article: ArticleLink, quotes: [QuoteView]) {
        self.article = article; self.quotes = quotes
    }
}

public final class TimelineEntry: Sendable {
    public let date: DateView
    public let kind: String              // "Event" or "Article"
    public let isEvent: Bool
    public let title: String
    public let href: String
    public let detail: String?           // place of an event, source of an article
    public let people: String            // slugs of the people in it, space-separated: the timeline filter's data-people
    public let isReported: Bool          // a dated sentence of an article, as the article reports it (kind "Reported")
    public let alsoIn: [PageLink]        // a reported sentence: the other articles that carry it (label: title), each
                                         // linked to its own sentence
    public let alsoMore: String?         // "and 12 more articles", past those listed

    public init(date: DateView, kind: String, isEvent: Bool, title: String, href: String, detail: String? = nil, people: String = "",
                isReported: Bool = false, alsoIn: [PageLink] = [], alsoMore: String? = nil) {
        self.date = date; self.kind = kind; self.isEvent = isEvent; self.title = title; self.href = href; self.detail = detail
        self.people = people; self.isReported = isReported; self.alsoIn = alsoIn; self.alsoMore = alsoMore
    }
}

public struct TimelineMonth: Sendable {
    public var label: String             // "April 2025", or "2025" for entries known only to the year
    public var iso: String               // "2025-04" or "2025"
    public var entries: [TimelineEntry]
}

public struct TimelineYear: Sendable {
    public var year: String
    public var months: [TimelineMonth]
}

/// A large timeline's overview: each year, with the pages it is cut into (the year, or its months).
public struct TimelineOverviewYear: Sendable {
    public var year: String
    public var periods: [TimelinePeriodLink]
}

public struct TimelinePeriodLink: Sendable {
    public var title: String             // "2025", "April 2025", "April 2025, part 2 of 3"
    public var href: String
    public var count: String             // "412 entries"
    public var number: Int               // its place among the timeline's pages, from 1
}

/// What a person or event page says first: how much, from when to when, and with whom.
public final class RecordSummary: Sendable {
    public let articleCount: String      // "120 articles"
    public let first: ArticleLink        // the oldest article naming them
    public let last: ArticleLink         // the newest
    public let namedWith: [PersonLink]   // named most often with them (in the same articles)
    public let more: String?             // where the rest is, when the page is one of several
    public var oneArticle: Bool { first === last }

    public init(articleCount: String, first: ArticleLink, last: ArticleLink, namedWith: [PersonLink], more: String?) {
        self.articleCount = articleCount; self.first = first; self.last = last; self.namedWith = namedWith; self.more = more
    }
}

// MARK: - Pages

public struct IndexPage: Sendable {
    public var page: PageContext
    public var people: [PersonLink]          // most-mentioned first
    public var latestEvents: [EventLink]     // newest first, at most 5
    public var articles: [ArticleLink]       // newest first, the latest few
    public var counts: String                // "8 people · 10 events · 2 articles"
    public var peopleNote: String? = nil     // when not everyone is listed: which are
    public var articlesNote: String? = nil   // when not every article is listed: which are
}

public struct PeopleIndexPage: Sendable {
    public var page: PageContext
    public var people: [PersonLink]          // by name
    public var pager: Pager? = nil           // a long list's pages (nil: all on one)
}

public struct PersonPage: Sendable {
    public var page: PageContext
    public var name: String
    public var role: String?
    public var affiliation: String?
    public var born: DateView?
    public var aliases: [String]             // "also written as"
    public var profileHTML: String
    public var events: [EventLink]           // took part in, oldest first
    public var articles: [ArticleQuotes]     // every article that mentions them, with the sentences
    public var articleCount: String          // "2 articles"
    public var coMentioned: [PersonLink]     // most often mentioned with them
    public var timeline: [TimelineEntry]     // their events and articles, oldest first
    public var neighbourhoodSVG: String = "" // who and what they are linked to, drawn at build time (Relations.swift)
    // Discovery (see DiscoveryViews.swift):
    public var curated = true                // false: found in the articles, nobody wrote a profile
    public var variants: [VariantView] = []  // other spellings found in the articles, with where
    public var quotations: [QuotationView] = []  // what they said, with the article and its date
    // Pages within a budget (Pagination.swift):
    public var summary: RecordSummary? = nil // first page: counts, first and last article, named most often with
    public var pager: Pager? = nil           // when the articles are on several pages
}

public struct EventsIndexPage: Sendable {
    public var page: PageContext
    public var events: [EventLink]           // oldest first
    public var pager: Pager? = nil
}

public struct EventPage: Sendable {
    public var page: PageContext
    public var title: String
    public var date: DateView
    public var place: String?
    public var people: [PersonLink]
    public var descriptionHTML: String
    public var articles: [ArticleQuotes]     // articles covering it, with the sentences that refer to it (may be none)
    public var previous: EventLink?
    public var next: EventLink?
    public var reported: [ReportedView] = [] // dated sentences of articles that match its date and a person or place
    public var summary: RecordSummary? = nil
    public var pager: Pager? = nil
}

public struct ArticlesIndexPage: Sendable {
    public var page: PageContext
    public var articles: [ArticleLink]       // newest first
    public var pager: Pager? = nil
}

public struct ArticlePage: Sendable {
    public var page: PageContext
    public var title: String
    public var date: DateView
    public var source: String?
    public var author: String?
    public var url: String?                  // the original, http(s) only
    public var bodyHTML: UTF8Text            // cmark output with people linked, written out as the bytes it is
    public var people: [PersonLink]          // count = mentions in this article
    public var events: [EventLink]
    public var quotations: [ArticleQuotationView] = []   // who is quoted, person or organisation (DiscoveryViews.swift)
}

public struct TimelinePage: Sendable {
    public var page: PageContext
    public var years: [TimelineYear]
    public var axisSVG: String = ""          // the time axis above the list (TimelineAxis.swift)
    public var filter: [FilterOption] = []   // people the list can be narrowed to
    // A large timeline: the overview (timeline.html) and a page per period (timeline/2025-04.html).
    public var overview: [TimelineOverviewYear] = []   // the overview: every period page, by year
    public var events: [TimelineEntry] = []  // the overview: every event
    public var period: String? = nil         // a period page: its title
    public var pager: Pager? = nil           // a period page: the previous and next periods
}
