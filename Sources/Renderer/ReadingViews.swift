// View models of the reading pages: the relations graph, the briefing book, and the timeline's person filter.
// Like ViewModels.swift: plain text everywhere except fields ending in `SVG` or `HTML`, which the renderer built.

/// A person the timeline can be narrowed to (a `<option>` of the filter).
public struct FilterOption: Sendable {
    public var value: String                 // the person's slug, as in the entries' data-people
    public var label: String
}

/// One line of the relations table: the same edges as the picture, for reading and for screen readers.
public struct RelationRow: Sendable {
    public var from: String
    public var fromHref: String
    public var to: String
    public var toHref: String
    public var detail: String                // "2 shared articles", "took part"
}

public struct RelationsPage: Sendable {
    public var page: PageContext
    public var graphSVG: String              // people and events laid out at build time
    public var note: String?                 // what was left out of a very large dossier's graph and tables
    public var people: [RelationRow]         // who appears with whom, most shared articles first
    public var events: [RelationRow]         // who took part in what, in date order
}

public struct BriefingPerson: Sendable {
    public var anchor: String                // "person-kirill-dmitriev"
    public var name: String
    public var href: String
    public var role: String?
    public var affiliation: String?
    public var aliases: [String]
    public var profileHTML: String
    public var articleCount: String
}

public struct BriefingEvent: Sendable {
    public var anchor: String
    public var title: String
    public var href: String
    public var date: DateView
    public var place: String?
    public var people: [String]
    public var descriptionHTML: String
}

public struct BriefingArticle: Sendable {
    public var anchor: String
    public var title: String
    public var href: String
    public var date: DateView
    public var source: String?
    public var author: String?
    public var url: String?
    public var summary: String?
    public var people: [String]
}

public struct BriefingPage: Sendable {
    public var page: PageContext
    public var counts: String
    public var people: [BriefingPerson]      // by name
    public var events: [BriefingEvent]       // oldest first
    public var articles: [BriefingArticle]   // oldest first (a small dossier: every article, in full)
    // A large dossier: the book lists its pages of articles; each lists a period's articles, one line each.
    public var articlePeriods: [TimelinePeriodLink] = []
    public var period: String? = nil         // a page of articles: its period
    public var dated: [BriefingArticle] = [] // a page of articles: each one's date, title, source and address
    public var pager: Pager? = nil           // a page of articles: the previous and next periods
}
