// Pages within a budget at any size: how many items a page of each kind shows, how long lists are cut into pages
// with stable, file-named URLs, and the indexes made once per build that let each page read only its own items
// (an event page its dated sentences, a timeline page its period) instead of walking the whole dossier.
// A small dossier (the default) fits every list on one page, and its pages look as they always did.

import Content
import Discovery
import EDTF
import Foundation

/// How much one page shows. Counts rather than bytes, so the pages of a build are known before any is rendered;
/// chosen so a page stays well under 1 MB (the page-budget test builds a large dossier and checks every page).
enum Budget {
    static let homePeople = 20
    static let homeEvents = 5
    static let homeArticles = 10
    static let articlesPerListPage = 200
    static let peoplePerListPage = 500
    static let eventsPerListPage = 300
    /// Person and event pages: the articles quoted (each with its sentences), and an event's dated sentences.
    static let articlesPerRecordPage = 50
    static let reportedPerEventPage = 100
    /// Entries of one timeline page: the whole timeline of a small dossier, else a year, a month or part of one (at
    /// 10,000 realistic articles a page of 1,000 was 566 KB, most of it dated sentences).
    static let timelineEntriesPerPage = 800
    /// The briefing book lists every article on its one page up to this many, else a page per year (or month).
    static let briefingArticlesOnOnePage = 500
    static let briefingArticlesPerPage = 1_500
}

/// Which page of a paginated list a planned page is: its number (from 1), how many there are, and the items it
/// shows (indices into the list it cuts). A page of one is `Part()`.
struct Part: Sendable, Hashable {
    var number = 1
    var count = 1
    var items: Range<Int> = 0..<0
    /// A period's key for timeline and briefing pages ("2025", "2025-04", "2025-04-2"); empty otherwise.
    var key = ""

    /// The parts of a list of `total` items, `perPage` a page; always at least one (an empty list has a page too).
    static func split(_ total: Int, perPage: Int) -> [Part] {
        let count = max(1, (total + perPage - 1) / perPage)
        return (0..<count).map { i in Part(number: i + 1, count: count, items: (i * perPage)..<min(total, (i + 1) * perPage)) }
    }

    var isFirst: Bool { number == 1 }
}

/// A run of consecutive timeline (or briefing) items shown on one page: a year, a month, or part of a month.
struct Period: Sendable, Hashable {
    var key: String                      // the file name: "2025", "2025-04", "2025-04-2"
    var title: String                    // "2025", "April 2025", "April 2025, part 2"
    var items: Range<Int>

    /// Cuts `dates` (sorted) into periods of at most `perPage` items: a year when it fits, else its months (items
    /// known only to the year stay on the year's page), and a month that does not fit in parts.
    static func cut(_ dates: [EDTFDate], perPage: Int) -> [Period] {
        var periods: [Period] = []
        var used = Set<String>()
        // Keys are file names: a year or month that comes back (dates not in listing order) gets a part of its own.
        func add(_ key: String, _ title: String, _ items: Range<Int>) {
            var unique = key, n = 2
            while used.contains(unique) { unique = "\(key)-\(n)"; n += 1 }
            used.insert(unique)
            periods.append(Period(key: unique, title: title, items: items))
        }
        // Each date's year and month (0: known only to the year) as PageBuilder.group shows them, as numbers: its
        // strings are made only where a period starts.
        let shown = dates.map { date -> (year: Int, month: Int) in
            let start = date.earliest == .distantPast ? date.latest : date.earliest
            return (start.year, date.month == nil ? 0 : start.month)
        }
        var start = 0
        while start < dates.count {
            let year = PageBuilder.group(dates[start]).year
            var end = start
            while end < dates.count, shown[end].year == shown[start].year { end += 1 }
            if end - start <= perPage {
                add(year, year, start..<end)
            } else {
                var m = start
                while m < end {
                    let (_, label, iso) = PageBuilder.group(dates[m])
                    var n = m
                    while n < end, shown[n] == shown[m] { n += 1 }
                    let parts = Part.split(n - m, perPage: perPage)
                    for part in parts {
                        let key = part.number == 1 ? iso : "\(iso)-\(part.number)"
                        let title = part.count == 1 ? label : "\(label), part \(part.number) of \(part.count)"
                        add(key, title, (m + part.items.lowerBound)..<(m + part.items.upperBound))
                    }
                    m = n
                }
            }
            start = end
        }
        return periods
    }
}

/// A dated sentence as the timeline shows it: once, with every article that carries it.
struct ReportedSentence: Sendable {
    var date: EDTFDate
    var text: String                     // the sentence, plain
    var articles: [Int]                  // in article order
    var sentences: [(block: Int, sentence: Int)]   // parallel to `articles`: where each carries it (its link's id)
    var statement: (article: Int, index: Int)   // the first article's statement: its people
}

/// What the timeline lists, in order: events, article publications and dated sentences.
struct TimelineItem: Sendable {
    enum Kind: Sendable { case event(Int), article(Int), reported(Int) }
    var date: EDTFDate
    var kind: Kind
}

/// Made once per build from the dossier, read by every page that needs it: the plan (how many pages) and the view
/// models (what each shows) use the same one, so they cannot disagree.
final class SiteLayout: Sendable {
    /// Each article's dated sentences once per date (index into `datedStatements[a]`), in article order.
    let statements: [(article: Int, index: Int)]
    /// Per event: the dated sentences that fall on it and name one of its people or its place, grouped by sentence
    /// (several dates of one sentence marked together), in article order.
    let reportedOfEvent: [[[(article: Int, index: Int)]]]
    /// The timeline: every item in order; the sentences it shows; its pages (empty: it fits on one).
    let timelineItems: [TimelineItem]
    let reported: [ReportedSentence]
    let timelinePeriods: [Period]
    /// The briefing book's article pages (empty: every article is on briefing.html), by article order.
    let briefingPeriods: [Period]
    /// Per person: their quotations (article, index into `quotes[article]`), in article order.
    let quotationsOf: [[(article: Int, index: Int)]]

    init(_ dossier: Dossier) {
        var statements: [(article: Int, index: Int)] = []
        var datesOfSentence: [Int: [Int]] = [:]      // block << 32 | sentence → its statements kept, of this article
        for (a, list) in dossier.datedStatements.enumerated() {
            datesOfSentence.removeAll(keepingCapacity: true)
            // A date is compared only with those of its own sentence: hashing every date was a tenth of the layout.
            for i in list.indices {
                let key = list[i].block << 32 | list[i].sentence
                if let kept = datesOfSentence[key], kept.contains(where: { list[$0].date == list[i].date }) { continue }
                datesOfSentence[key, default: []].append(i)
                statements.append((a, i))
            }
        }
        self.statements = statements
        reportedOfEvent = Self.reportedOfEvents(dossier, statements)
        let large = dossier.events.count + dossier.articles.count + statements.count > Budget.timelineEntriesPerPage
        (timelineItems, reported) = Self.timeline(dossier, statements, onlyNamed: large)
        timelinePeriods = large ? Period.cut(timelineItems.map(\.date), perPage: Budget.timelineEntriesPerPage) : []
        var quotationsOf = [[(article: Int, index: Int)]](repeating: [], count: dossier.people.count)
        for (a, quotes) in dossier.quotes.enumerated() {
            for (i, quote) in quotes.enumerated() { if let speaker = quote.speaker { quotationsOf[speaker].append((a, i)) } }
        }
        self.quotationsOf = quotationsOf
        briefingPeriods = dossier.articles.count > Budget.briefingArticlesOnOnePage
            ? Period.cut(dossier.articles.map(\.date), perPage: Budget.briefingArticlesPerPage) : []
    }

    /// Where a sentence is: its article, block and place in the block.
    private struct SentencePlace: Hashable { var article: Int, block: Int, sentence: Int }

    /// Dated sentences by event (`Dossier.statementsOfEvents`), grouped by sentence.
    private static func reportedOfEvents(_ dossier: Dossier, _ statements: [(article: Int, index: Int)]) -> [[[(article: Int, index: Int)]]] {
        let chosenOfEvent = dossier.statementsOfEvents(statements)
        return Parallel.map(Array(chosenOfEvent.indices)) { e -> [[(article: Int, index: Int)]] in
            let chosen = chosenOfEvent[e]
            // Several dates of one sentence are marked together, where the sentence first comes.
            var groups: [[(article: Int, index: Int)]] = []
            var groupOf: [SentencePlace: Int] = [:]
            for s in chosen {
                let ref = statements[s]
                let statement = dossier.datedStatements[ref.article][ref.index]
                let key = SentencePlace(article: ref.article, block: statement.block, sentence: statement.sentence)
                if let g = groupOf[key] { groups[g].append(ref) } else { groupOf[key] = groups.count; groups.append([ref]) }
            }
            return groups
        }
    }

    /// Timeline items oldest first by the earliest instant each date can mean; on the same date events come before
    /// the rest, then by title. A dated sentence written alike in several articles is one item with all of them.
    /// `onlyNamed`: keep only the sentences that name a person or an event of the dossier (large dossiers).
    private static func timeline(_ dossier: Dossier, _ statements: [(article: Int, index: Int)], onlyNamed: Bool)
        -> ([TimelineItem], [ReportedSentence]) {
        var reported: [ReportedSentence] = []
        // Sentences alike are found by a hash of date and text, with a chain per hash: a dictionary keyed by the pair
        // held a copy of every sentence and date, and filling that memory was a third of the timeline's making.
        var firstWithHash: [Int: Int] = [:]         // hash → the last sentence in `reported` with it
        var previousWithHash: [Int] = []            // per sentence in `reported`: the one before it with its hash, or -1
        // Room for every sentence at once: grown by doubling, the copies and the fresh memory they touch cost more.
        reported.reserveCapacity(statements.count); firstWithHash.reserveCapacity(statements.count)
        previousWithHash.reserveCapacity(statements.count)
        var eventSentences: [Int: Set<Int>] = [:]   // per article with event mentions: block << 32 | sentence
        for (a, text) in dossier.articleTexts.enumerated() where onlyNamed && !text.eventMentions.isEmpty {
            eventSentences[a] = Set(text.eventMentions.map { $0.block << 32 | $0.sentence })
        }
        for ref in statements {
            let statement = dossier.datedStatements[ref.article][ref.index]
            if onlyNamed, statement.people.isEmpty,
               !(eventSentences[ref.article]?.contains(statement.block << 32 | statement.sentence) ?? false) { continue }
            let text = dossier.wikiLabels.plain(statement.sentenceText.isEmpty
                ? dossier.articleTexts[ref.article].sentence(block: statement.block, index: statement.sentence) : statement.sentenceText)
            var hasher = Hasher()
            hasher.combine(statement.date); hasher.combine(text)
            let hash = hasher.finalize()
            var r = firstWithHash[hash] ?? -1
            while r >= 0, reported[r].date != statement.date || reported[r].text != text { r = previousWithHash[r] }
            if r >= 0 {
                if reported[r].articles.last != ref.article {
                    reported[r].articles.append(ref.article)
                    reported[r].sentences.append((statement.block, statement.sentence))
                }
                continue
            }
            previousWithHash.append(firstWithHash[hash] ?? -1)
            firstWithHash[hash] = reported.count
            reported.append(ReportedSentence(date: statement.date, text: text, articles: [ref.article],
                                             sentences: [(statement.block, statement.sentence)], statement: ref))
        }
        // The items, by number: events, then articles, then the dated sentences; their dates and titles read where
        // they are rather than copied into a list of 100,000 items.
        let (events, articles) = (dossier.events.count, dossier.articles.count)
        func date(_ i: Int) -> EDTFDate {
            i < events ? dossier.events[i].date : i < events + articles ? dossier.articles[i - events].date : reported[i - events - articles].date
        }
        func title(_ i: Int) -> String {
            i < events ? dossier.events[i].title : i < events + articles ? dossier.articles[i - events].title : reported[i - events - articles].text
        }
        func kind(_ i: Int) -> TimelineItem.Kind {
            i < events ? .event(i) : i < events + articles ? .article(i - events) : .reported(i - events - articles)
        }
        let items = 0..<(events + articles + reported.count)
        // Listed under the year and month they are shown in (PageBuilder.group), those known only to the year first in
        // it: an open start ("../2025") would otherwise come before every year, and "in 2024" among January's days,
        // splitting a year's or a month's entries in two.
        // Sorted first by one number (year, month, earliest day), then each run of items of the same day by the rest:
        // comparing tuples of dates and titles across 100,000 items was a third of the timeline's making.
        let listed = items.map { i -> (key: (Int, Int), day: Int) in     // day: the earliest day's (year, month, day) as one number
            let date = date(i)
            let earliest = date.earliest
            let start = earliest == .distantPast ? date.latest : earliest
            return ((start.year, date.month == nil ? 0 : start.month), earliest.year * 512 + earliest.month * 32 + earliest.day)
        }
        // Years and months ranked, so that (rank, day) is one pair of numbers to compare.
        let groups = Array(Set(listed.map { $0.key.0 << 4 | $0.key.1 })).sorted()
        var rankOf: [Int: Int] = [:]
        for (rank, group) in groups.enumerated() { rankOf[group] = rank }
        var order = items.indices.map { i in (rank: rankOf[listed[i].key.0 << 4 | listed[i].key.1]!, day: listed[i].day, item: i) }
        order.sort { ($0.rank, $0.day, $0.item) < ($1.rank, $1.day, $1.item) }
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, order[end].rank == order[start].rank, order[end].day == order[start].day { end += 1 }
            if end - start > 1 {
                // On the same day: by date (a day before a month), events before the rest, then by title. The run's few
                // distinct dates are ranked once: comparing two dates works out their bounds and EDTF texts each time.
                let run = order[start..<end].map(\.item)
                var distinct: [EDTFDate] = [], distinctOf = [Int](repeating: 0, count: run.count)
                var placeOf: [EDTFDate: Int] = [:]
                for (k, i) in run.enumerated() {
                    let d = date(i)
                    if let place = placeOf[d] { distinctOf[k] = place; continue }
                    placeOf[d] = distinct.count; distinctOf[k] = distinct.count; distinct.append(d)
                }
                // Ranks as `<` orders them: dates neither before nor after each other share one.
                var rankOfDistinct = [Int](repeating: 0, count: distinct.count), rank = 0
                let ascending = distinct.indices.sorted { distinct[$0] < distinct[$1] }
                for (n, d) in ascending.enumerated() {
                    if n > 0, distinct[ascending[n - 1]] < distinct[d] { rank += 1 }
                    rankOfDistinct[d] = rank
                }
                var keyed = run.indices.map { k in (date: rankOfDistinct[distinctOf[k]], kind: run[k] < events ? 0 : 1, item: run[k]) }
                keyed.sort { x, y in
                    if (x.date, x.kind) != (y.date, y.kind) { return (x.date, x.kind) < (y.date, y.kind) }
                    return (title(x.item), x.item) < (title(y.item), y.item)
                }
                for (k, entry) in keyed.enumerated() { order[start + k].item = entry.item }
            }
            start = end
        }
        return (order.map { TimelineItem(date: date($0.item), kind: kind($0.item)) }, reported)
    }
}

// MARK: - The pager view model

/// A link to one page of a paginated list.
public final class PageLink: Sendable {
    public let label: String             // "2", or a period's title
    public let href: String
    public let current: Bool

    public init(label: String, href: String, current: Bool = false) {
        self.label = label; self.href = href; self.current = current
    }
}

/// The links between the pages of a list cut into several (absent on a list of one page).
public final class Pager: Sendable {
    public let label: String             // "Page 2 of 5", "April 2025"
    public let previous: PageLink?
    public let next: PageLink?
    public let pages: [PageLink]         // every page, the current one marked

    public init(label: String, previous: PageLink?, next: PageLink?, pages: [PageLink]) {
        self.label = label; self.previous = previous; self.next = next; self.pages = pages
    }

    /// The pager of page `part` of a list whose page n is at `path(n)`, seen from a page whose links start with `root`;
    /// nil for a list of one page.
    static func make(_ part: Part, root: String, path: (Int) -> String) -> Pager? {
        guard part.count > 1 else { return nil }
        func link(_ n: Int) -> PageLink { PageLink(label: "Page \(n)", href: root + path(n), current: n == part.number) }
        return Pager(label: "Page \(part.number) of \(part.count)",
                     previous: part.number > 1 ? link(part.number - 1) : nil,
                     next: part.number < part.count ? link(part.number + 1) : nil,
                     pages: (1...part.count).map { n in PageLink(label: String(n), href: root + path(n), current: n == part.number) })
    }
}
