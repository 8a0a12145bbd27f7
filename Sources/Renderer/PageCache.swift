// Incremental rebuilds: what each page was made from, remembered between builds in a hidden folder beside
// the output (`.Site.dossier-cache/`, safe to delete), so a page whose inputs did not change is neither
// rendered nor compared again; its file in the output is kept as it is (same bytes, inode and time).

import Content
import Discovery
import EDTF
import Foundation

/// What a page's bytes depend on, as one number per page. Two builds that give a page the same signature
/// render it to the same bytes, so the second can keep the file the first wrote.
struct PageSignatures {
    /// Everything many pages show: settings, templates, the program itself, every person and event, every
    /// article's slug and title (wikilinks print titles). A change here re-renders every page.
    let global: UInt64
    /// Each article's own inputs: front matter and body.
    let articles: [UInt64]
    /// Each article's spellings of names: who each mention names, as written.
    let spellings: [UInt64]
    /// What the pages listing every article show of each (`listed(_:in:)`), made once for all of them.
    let listedArticles: [UInt64]
    /// Every dated sentence's dates, by earliest day (`order`: its place in article order), and its article.
    let statementBounds: [(earliest: DayStamp, latest: DayStamp, order: Int)]
    let statementArticle: [Int]
    let boundsOrdered: Bool
    /// Quotations by speaker: (article, text), in article order.
    let quotationsOf: [Int: [(article: Int, text: String)]]
    let dossier: Dossier

    init(dossier: Dossier, templatesDirectory: String) {
        self.dossier = dossier
        // The global signature, one thread's work, is made on another core while the articles' are made here.
        let signingGlobally = Parallel.Pending([dossier]) { Self.globalSignature($0, templatesDirectory: templatesDirectory) }
        let articles = Parallel.map(dossier.articles) { article in
            var h = StableHash()
            h.add(article.slug); h.add(article.title); h.add(article.date); h.add(article.source); h.add(article.author)
            h.add(article.url); h.add(article.summary); h.add(article.people); h.add(article.events); h.add(article.bodyHash)
            h.add(article.format.rawValue)
            return h.value
        }
        self.articles = articles
        spellings = dossier.articleTexts.map(\.spellingsHash)
        listedArticles = Parallel.map(Array(dossier.articles.indices)) { Self.listed($0, in: dossier) }
        global = signingGlobally.wait()[0]
        var bounds: [(earliest: DayStamp, latest: DayStamp, order: Int)] = []
        var statementArticle: [Int] = []
        for (a, statements) in dossier.datedStatements.enumerated() {
            for statement in statements {
                bounds.append((statement.date.earliest, statement.date.latest, statementArticle.count))
                statementArticle.append(a)
            }
        }
        // The scan in `event` stops at the first sentence that starts after the event; that is right only if no
        // sentence ends before it starts (none parses so, but the order relies on it): else every sentence is looked at.
        boundsOrdered = bounds.allSatisfy { $0.earliest <= $0.latest }
        statementBounds = bounds.sorted { ($0.earliest, $0.order) < ($1.earliest, $1.order) }
        self.statementArticle = statementArticle
        var quotationsOf: [Int: [(article: Int, text: String)]] = [:]
        for (a, quotes) in dossier.quotes.enumerated() {
            for quote in quotes { if let speaker = quote.speaker { quotationsOf[speaker, default: []].append((a, quote.text)) } }
        }
        self.quotationsOf = quotationsOf
    }

    /// What every page is signed with: settings, templates, the program, every person and event, every article's
    /// slug and title.
    private static func globalSignature(_ dossier: Dossier, templatesDirectory: String) -> UInt64 {
        var g = StableHash()
        g.add("dossier-page-cache-1")
        g.add(Self.programIdentity())
        g.add(Self.templatesFingerprint(templatesDirectory))
        let s = dossier.settings
        g.add(s.title); g.add(s.subtitle); g.add(s.description); g.add(s.baseURL); g.add(s.language)
        g.add(dossier.correctionsSignature)      // a decision can move a mention, quotation or date to any page
        for person in dossier.people {
            // Spellings found by discovery link like aliases, and discovered people are named in every article.
            g.add(person.slug); g.add(person.name); g.add(person.withVariantsAsAliases.aliases); g.add(person.role)
            g.add(person.affiliation); g.add(person.born); g.add(person.profile); g.add(person.curated ? "curated" : "found")
        }
        for event in dossier.events {
            g.add(event.slug); g.add(event.title); g.add(event.date); g.add(event.place); g.add(event.people)
            g.add(event.aliases); g.add(event.description)
        }
        g.add(dossier.articles.count)
        for article in dossier.articles { g.add(article.slug); g.add(article.title) }
        return g.value
    }

    private func start(_ kind: String) -> StableHash {
        var h = StableHash()
        h.add(global)
        h.add(kind)
        return h
    }

    /// An article page shows the article, and who and what it names: all of that follows from its inputs
    /// and the global part (mentions are found with the names of every person).
    func article(_ a: Int) -> UInt64 {
        var h = start("article")
        h.add(articles[a])
        return h.value
    }

    /// A person page quotes every article that mentions them, lists who is mentioned with them (with their
    /// article counts in the graph) and their events (with the articles shared with each), and shows what
    /// discovery found for them in other articles: spellings and quotations, each linked to its article.
    /// Every other article can change none of that without changing the global part (names, aliases, titles).
    func person(_ p: Int) -> UInt64 {
        var h = start("person")
        h.add(p)
        h.add(dossier.articlesOfPerson[p].count)
        for a in dossier.articlesOfPerson[p] { h.add(articles[a]) }
        h.add(dossier.eventsOfPerson[p].count)
        for e in dossier.eventsOfPerson[p] {
            h.add(e)
            h.add(dossier.articlesOfEvent[e].count)
            for a in dossier.articlesOfEvent[e] { h.add(a) }
        }
        h.add(dossier.coMentions[p].count)
        for co in dossier.coMentions[p] { h.add(co.person); h.add(co.articles); h.add(dossier.articlesOfPerson[co.person].count) }
        let person = dossier.people[p]
        h.add(person.variants.count)
        for variant in person.variants {
            h.add(variant.text); h.add(variant.article)
            h.add(dossier.articleBySlug[variant.article].map { articles[$0] } ?? 0)
        }
        let quotations = quotationsOf[p] ?? []
        h.add(quotations.count)
        for quotation in quotations { h.add(quotation.article); h.add(articles[quotation.article]); h.add(quotation.text) }
        return h.value
    }

    /// A person's or event's page past the first (Pagination.swift): the name, the part it is, and the articles it
    /// quotes (`shown`, with their own inputs: their sentences, quotations, links and timeline entries follow from
    /// them and the global part). An edit of one article re-renders its page and the first, not every page.
    func laterPart(_ kind: String, _ index: Int, part: Part, total: Int, shown: some Sequence<Int>) -> UInt64 {
        var h = start(kind + " part")
        h.add(index); h.add(part.number); h.add(part.count); h.add(total)
        for a in shown { h.add(a); h.add(articles[a]) }
        return h.value
    }

    /// An event page lists its people with how many articles each has, quotes the articles covering it, and
    /// shows dated sentences of any article whose date falls within the event's: those articles count too.
    func event(_ e: Int) -> UInt64 {
        var h = start("event")
        h.add(e)
        for slug in dossier.events[e].people {
            if let p = dossier.personBySlug[slug] { h.add(dossier.articlesOfPerson[p].count) }
        }
        h.add(dossier.articlesOfEvent[e].count)
        for a in dossier.articlesOfEvent[e] { h.add(articles[a]) }
        let date = dossier.events[e].date
        let (earliest, latest) = (date.earliest, date.latest)
        // Dated sentences within the event's dates: those from its earliest day on, up to one that starts after it.
        var within: [Int] = []
        var i = statementBounds.partitioningIndex { $0.earliest >= earliest }
        while i < statementBounds.count, statementBounds[i].earliest <= latest || !boundsOrdered {
            if statementBounds[i].latest <= latest { within.append(statementBounds[i].order) }
            i += 1
        }
        for order in within.sorted() {
            let a = statementArticle[order]
            h.add(a); h.add(articles[a])
        }
        return h.value
    }

    /// The home page, the indexes, the timeline, relations and the briefing: the people index shows article counts
    /// per person; the others list every article by what `listed` holds of it, so an edit that changes none of
    /// that (a paragraph added below the first, with no date in it) does not re-render them.
    func list(_ template: String) -> UInt64 {
        var h = start("list " + template)
        switch template {
        case "events": break
        case "people":
            for articles in dossier.articlesOfPerson { h.add(articles.count) }
        default:
            for articles in dossier.articlesOfPerson { h.add(articles.count) }
            h.add(listedArticles.count)
            for article in listedArticles { h.add(article) }
        }
        return h.value
    }

    /// What pages listing every article show of article `a`: its link (title, date, source, summary), author and
    /// URL (briefing), the people and events it names (timeline filter, relations, briefing), and each dated
    /// sentence with its date and the people it names (the timeline's reported entries).
    static func listed(_ a: Int, in dossier: Dossier) -> UInt64 {
        let article = dossier.articles[a]
        var h = StableHash()
        h.add(article.slug); h.add(article.title); h.add(article.date); h.add(article.source); h.add(article.author)
        // The summary lists show is cut from the first paragraph; the whole paragraph signs it, without the cutting
        // (a walk over Characters, for every article, on every build).
        h.add(article.url); h.add(article.summary)
        if article.summary == nil { h.add(dossier.articleTexts[a].firstParagraph) }
        h.add(dossier.peopleOfArticle[a].count)
        for p in dossier.peopleOfArticle[a] { h.add(p) }
        h.add(dossier.eventsOfArticle[a].count)
        for e in dossier.eventsOfArticle[a] { h.add(e) }
        h.add(dossier.datedStatements[a].count)
        for statement in dossier.datedStatements[a] {
            h.add(statement.block); h.add(statement.sentence); h.add(statement.date)
            h.add(statement.sentenceText)
            h.add(statement.people.count)
            for person in statement.people { h.add(person) }
        }
        return h.value
    }

    /// Size and modification time of the running program: a new build of Dossier may render differently.
    static func programIdentity() -> String {
        var info = stat()
        guard stat(Bundle.main.executablePath ?? "/proc/self/exe", &info) == 0 else { return "unknown" }
        return "\(info.st_size) \(info.st_mtim.tv_sec) \(info.st_mtim.tv_nsec)"
    }

    /// Every file of the templates folder, contents included (layouts and partials; the theme's assets too).
    static func templatesFingerprint(_ directory: String) -> UInt64 {
        var h = StableHash()
        for relative in SiteWriter.listFiles(directory).sorted() {
            h.add(relative)
            h.add(FileManager.default.contents(atPath: directory + "/" + relative).map { String(decoding: $0, as: UTF8.self) })
        }
        return h.value
    }
}

/// The cache file: for each page, its signature and the size and modification time its file had when
/// written. A page is reused only when the file in the output still has that size and time.
struct PageCache {
    struct Entry: Equatable {
        var signature: UInt64
        var size: Int
        var modified: Int64                     // nanoseconds since 1970
    }

    var entries: [String: Entry] = [:]

    static let header = "dossier page cache 1"

    /// Whether the output's file at `path`, found with `stamp` (nil: not there), is the one the last build wrote for
    /// `signature`.
    func holds(_ path: String, signature: UInt64, stamp: (size: Int, modified: Int64)?) -> Bool {
        guard let entry = entries[path], entry.signature == signature, let stamp else { return false }
        return stamp.size == entry.size && stamp.modified == entry.modified
    }

    /// `.Site.dossier-cache/` beside `Site/`.
    static func folder(forOutput output: String) -> String {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".dossier-cache"
    }

    /// The cache of the last build into `output`; empty when there is none or it cannot be read.
    /// Read as bytes, field by field: a rebuild of 10,000 articles reads 11,000 lines, and splitting them into
    /// Strings and Substrings took a tenth of it.
    static func load(forOutput output: String) -> PageCache {
        guard let data = FileManager.default.contents(atPath: folder(forOutput: output) + "/pages.tsv") else { return PageCache() }
        return data.withUnsafeBytes { parse(Array($0.bindMemory(to: UInt8.self))) } ?? PageCache()
    }

    /// The entries of a cache file, or nil when it is not one (then nothing in it is trusted).
    static func parse(_ bytes: [UInt8]) -> PageCache? {
        let head = Array((header + "\n").utf8)
        guard bytes.starts(with: head) else { return nil }
        var cache = PageCache()
        cache.entries.reserveCapacity(bytes.count / 48)
        var position = head.count
        let tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
        /// The field from `position` to the next `separator`, moving past it; nil at the end of the bytes.
        func field(until separator: UInt8) -> Range<Int>? {
            guard let end = bytes[position...].firstIndex(of: separator) else { return nil }
            defer { position = end + 1 }
            return position..<end
        }
        while position < bytes.count {
            guard let path = field(until: tab), !path.isEmpty, let signature = field(until: tab), let size = field(until: tab),
                  let modified = field(until: newline),
                  let signatureValue = number(bytes[signature], radix: 16), let sizeValue = number(bytes[size], radix: 10),
                  let modifiedValue = signedNumber(bytes[modified]), sizeValue <= UInt64(Int.max)
            else { return nil }
            cache.entries[String(decoding: bytes[path], as: UTF8.self)] = Entry(signature: signatureValue, size: Int(sizeValue),
                                                                                 modified: modifiedValue)
        }
        return cache
    }

    /// A decimal Int64, perhaps negative (a file may be dated before 1970).
    private static func signedNumber(_ digits: ArraySlice<UInt8>) -> Int64? {
        let negative = digits.first == UInt8(ascii: "-")
        guard let magnitude = number(negative ? digits.dropFirst() : digits, radix: 10), magnitude <= UInt64(Int64.max) else { return nil }
        return negative ? -Int64(magnitude) : Int64(magnitude)
    }

    /// An unsigned number written in `radix` (10 or 16, lower-case), or nil when the digits are not one.
    private static func number(_ digits: ArraySlice<UInt8>, radix: UInt64) -> UInt64? {
        guard !digits.isEmpty, digits.count <= 20 else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt64(byte - UInt8(ascii: "a") + 10)
            default: return nil
            }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
            let (sum, carry) = shifted.addingReportingOverflow(digit)
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return value
    }

    /// Writes a cache file made of `headerLine` and `appendLine`s beside `output` (replacing the old file whole: a
    /// reader never sees half of it).
    static func save(_ bytes: [UInt8], forOutput output: String) {
        let folder = Self.folder(forOutput: output)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        FileWriting.replace(folder + "/pages.tsv", with: bytes)
    }

    /// The file: a header line, then one line per file (a build writes them in the order it planned the pages):
    /// path, signature (hexadecimal), size and modification time, separated by tabs.
    static var headerLine: [UInt8] { Array((header + "\n").utf8) }

    /// One file's line.
    static func appendLine(_ path: String, _ entry: Entry, to out: inout [UInt8]) {
        out += path.utf8
        out.append(UInt8(ascii: "\t")); appendDigits(of: entry.signature, radix: 16, to: &out)
        out.append(UInt8(ascii: "\t")); appendDecimal(Int64(entry.size), to: &out)
        out.append(UInt8(ascii: "\t")); appendDecimal(entry.modified, to: &out)
        out.append(UInt8(ascii: "\n"))
    }

    /// `String(value, radix:)`'s digits (lower case), appended without making the String: three numbers for each of
    /// 11,000 pages are written at the end of every build.
    static func appendDigits(of value: UInt64, radix: UInt64, to out: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)   // 64 bytes
        withUnsafeMutableBytes(of: &digits) { buffer in
            var v = value, n = 0
            repeat {
                let d = UInt8(truncatingIfNeeded: v % radix)
                buffer[63 - n] = d < 10 ? UInt8(ascii: "0") + d : UInt8(ascii: "a") + d - 10
                v /= radix; n += 1
            } while v > 0
            out.append(contentsOf: buffer[(64 - n)...])
        }
    }

    /// `String(value)`'s digits, sign included.
    static func appendDecimal(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        appendDigits(of: value.magnitude, radix: 10, to: &out)
    }

    /// Size and modification time of a file, or nil when it is not there.
    static func stamp(_ path: String) -> (size: Int, modified: Int64)? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return (Int(info.st_size), Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    /// Forgets the pages of `output` (while it is being replaced, no record can vouch for its files).
    static func remove(forOutput output: String) {
        unlink(folder(forOutput: output) + "/pages.tsv")
    }
}

extension Array {
    /// The first index whose element satisfies `belongs`, in an array where those that do come after those that do not.
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
