// Links the content: finds every mention of every person and event alias in every body (one pass per text
// for all names), resolves wikilinks and front-matter slugs, and builds the cross-references both ways.

import Content
import Dispatch
import EDTF
import Foundation
import Markdown

public enum Linker {
    public static func link(_ content: ContentSet, references: [String: SlugReferences] = [:],
                            cache: AnalysisCache? = nil) -> (Dossier, DiagnosticLog) {
        var log = DiagnosticLog()
        // Each body is parsed at most once, for discovery and for the linking below; with a cache, only bodies
        // whose name runs it does not hold are parsed now, and the rest only if their analysis is not kept either.
        // The articles' order on the page is sorted on another core while discovery (in a rebuild, one core
        // replaying the last build's decisions) runs here.
        let sortingArticles = Parallel.Pending([content.articles]) { DateOrder.sorted($0) { ($0.title, $0.slug) } }
        let sortingForDiscovery = Parallel.Pending([content]) { Discovery.order(of: $0) }
        let runKeys = Parallel.map(content.articles) { cache?.runsKey($0) ?? 0 }
        let runsKept = runKeys.map { cache?.hasRuns($0) ?? false }
        // Each body parsed here is also rendered here, so that its page splices its links in rather than parsing it
        // again (Markdown.RenderedBody). Article pages move a body's headings one level down, under the page's <h1>.
        let parsed = Parallel.map(Array(content.articles.indices)) { a in
            runsKept[a] ? nil : Markdown.analyzeAndRender(content.articles[a].body, headingOffset: 1)
        }
        // Curated people with their variants, then people found in the articles; with a cache, the last build's
        // decisions are replayed as far as they still hold (Discovery.discover).
        let replay = cache.map { cache in
            Discovery.Replay(previous: cache.previousDecisions, start: cache.decisionsStart(content), runKeys: runKeys,
                             replayable: { runsKept[$0] })
        }
        let discovered = Discovery.discover(content, replay: replay, order: sortingForDiscovery.wait()[0]) { a in
            cache?.lookupRuns(runKeys[a]) ?? Discovery.runs(in: parsed[a]?.document ?? Markdown.analyze(content.articles[a].body), title: content.articles[a].title)
        }
        // The analyst's decisions on people (Content/corrections.yml) are carried out on what discovery returned,
        // after it, so that its replayed decisions stay as they were (CorrectionsApply.swift).
        var found = discovered.people, discoveryReport = discovered.report
        var correctionsMatched = CorrectionsApplier.applyToPeople(content.corrections, people: &found, report: &discoveryReport, log: &log)
        let lowercased = found.map { $0.name.lowercased() }
        let people = found.indices.sorted { (lowercased[$0], found[$0].slug) < (lowercased[$1], found[$1].slug) }
            .map { found[$0] }
        let events = content.events.sorted { $0.date != $1.date ? $0.date < $1.date : ($0.title, $0.slug) < ($1.title, $1.slug) }
        let articleOrder = sortingArticles.wait()[0]
        let articles = articleOrder.map { content.articles[$0] }

        let personBySlug = Dictionary(people.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { a, _ in a })
        let eventBySlug = Dictionary(events.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { a, _ in a })
        let articleBySlug = Dictionary(articles.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { a, _ in a })
        let targets = TargetTable(people: personBySlug, events: eventBySlug, articles: articleBySlug)
        reportSlugClashes(people: people, events: events, articles: articles, log: &log)

        // The name table is built on another core while the profiles and event notes, which link no names, are
        // analysed here: in a rebuild, each took a few milliseconds with the other core idle.
        let buildingNames = Parallel.Pending([people.map(\.withVariantsAsAliases)]) { people -> (NameTable, DiagnosticLog) in
            var log = DiagnosticLog()
            return (NameTable(people: people, references: references, log: &log), log)
        }
        let eventPhrases = eventIndex(events)
        let profileTexts = Parallel.map(people) { person in
            analyze(person.profile, wikilinks: true, names: nil, events: nil, targets: targets)
        }
        let eventTexts = Parallel.map(events) { event in
            analyze(event.description, wikilinks: true, names: nil, events: nil, targets: targets)
        }
        let (names, namesLog) = buildingNames.wait()[0]
        log.append(contentsOf: namesLog)

        // Bodies, in parallel: each article on its own, nothing shared but the read-only tables; each block's words
        // are found once for names, quotations and dates.
        // With a cache (incremental rebuilds), a body analysed by an earlier build with the same tables is not analysed again.
        let tables = cache?.tables(people: people, events: events, articles: articles)
        // Each article's own decisions (surnames, speakers, dates, sentences ignored): an article with any is analysed
        // every build, so that whether each still matches is known, and keyed apart from its uncorrected analysis.
        let decisionsOfArticle = articleDecisions(content.corrections, articleBySlug: articleBySlug, personBySlug: personBySlug, log: &log)
        let articleKeys = Parallel.map(articles) { article in
            let key = tables.map { cache!.key(tables: $0, article: article) } ?? 0
            return decisionsOfArticle[article.slug] == nil ? key : key ^ content.corrections.signature
        }
        let allSlugs = Array(personBySlug.keys) + Array(eventBySlug.keys) + Array(articleBySlug.keys)
        let speakers = Quotes.speakersBySurname(people)
        let readings = Parallel.map(Array(articles.indices)) { a in
            let article = articles[a]
            var danglingLinks = DiagnosticLog()
            if article.mayHaveWikiLinks {                         // else the body need not be read for it
                checkWikiLinks(in: article.body, firstLine: article.bodyFirstLine, path: article.path, enabled: article.format == .markdown,
                               targets: targets, allSlugs: allSlugs, log: &danglingLinks)
            }
            let decisions = decisionsOfArticle[article.slug] ?? []
            if decisions.isEmpty, let cached = cache?.lookup(articleKeys[a], document: { Markdown.analyze(article.body) }) {
                return (entry: cached, danglingLinks: danglingLinks, matched: Set<Int>())
            }
            let document = parsed[articleOrder[a]]?.document ?? Markdown.analyze(article.body)
            let tokens = document.blocks.map { NameTokens.tokenize($0.text) }
            var text = analyze(document, tokens: tokens, wikilinks: article.format == .markdown, names: names,
                               events: eventPhrases, targets: targets)
            text.rendered = parsed[articleOrder[a]]?.rendered
            var matched = decisions.isEmpty ? [] : CorrectionsApplier.applyToMentions(decisions, text: &text, tokens: tokens, personBySlug: personBySlug)
            var dates = TextDates.statements(in: document, tokens: tokens, articleDate: article.date)
            // Who each dated sentence names: the mentions grouped by sentence once (in their order), not filtered
            // again for every dated sentence, which was quadratic in an article's length (16 MB of prose: 12 s).
            if !dates.isEmpty {
                var peopleOfSentence: [SentenceKey: [Int]] = [:]
                for mention in text.mentions { peopleOfSentence[SentenceKey(block: mention.block, sentence: mention.sentence), default: []].append(mention.person) }
                for d in dates.indices { dates[d].people = peopleOfSentence[SentenceKey(block: dates[d].block, sentence: dates[d].sentence)] ?? [] }
            }
            var quotes = Quotes.find(in: text, tokens: tokens, speakers: speakers)
            if !decisions.isEmpty {
                matched.formUnion(CorrectionsApplier.applyToFindings(decisions, text: text, quotes: &quotes, dates: &dates, personBySlug: personBySlug))
            }
            let entry = AnalysisCache.Entry(text: text, quotes: quotes, dates: dates)
            return (entry: entry, danglingLinks: danglingLinks, matched: matched)
        }
        let articleTexts = readings.map(\.entry.text)
        let quotes = readings.map(\.entry.quotes)
        let datedStatements = readings.map(\.entry.dates)
        // The cache file is written on another core while the cross-references are made here and the pages are
        // rendered; the build waits for it before it ends (AnalysisCache.finishSaving).
        cache?.saveInBackground(keys: articleKeys, texts: readings.map(\.entry), runKeys: runKeys, runs: discovered.runs,
                                decisions: discovered.decisions, decided: discovered.decided)

        // A decision that matches nothing any more is a warning where it is written (`dossier check` lists them).
        for reading in readings { correctionsMatched.formUnion(reading.matched) }
        reportStale(content.corrections, matched: correctionsMatched, applied: Set(decisionsOfArticle.values.joined().map(\.0)), log: &log)

        // Dangling slugs, reported where they were written.
        for reading in readings { log.append(contentsOf: reading.danglingLinks) }
        for person in people { checkWikiLinks(in: person.profile, firstLine: person.bodyFirstLine, path: person.path, enabled: true, targets: targets, allSlugs: allSlugs, log: &log) }
        for event in events { checkWikiLinks(in: event.description, firstLine: event.bodyFirstLine, path: event.path, enabled: true, targets: targets, allSlugs: allSlugs, log: &log) }

        // Cross-references: each article's people (in the order first named) and events, in parallel; then the
        // reverse lists, in article order.
        let ofArticle = Parallel.map(Array(articles.indices)) { a -> (people: [Int], events: [Int], log: DiagnosticLog) in
            var log = DiagnosticLog()
            let article = articles[a]
            var list: [Int] = []                  // a handful of people: a search of the list beats a Set
            func add(_ person: Int) { if !list.contains(person) { list.append(person) } }
            for person in articleTexts[a].peopleNamed { add(person) }
            for (i, slug) in article.people.enumerated() {
                if let p = personBySlug[slug] { add(p) }
                else { report(slug: slug, kind: "person", at: references[article.path]?.people[safe: i], path: article.path, candidates: Array(personBySlug.keys), log: &log) }
            }
            var events: [Int] = []
            for (i, slug) in article.events.enumerated() {
                if let e = eventBySlug[slug] { events.append(e) }
                else { report(slug: slug, kind: "event", at: references[article.path]?.events[safe: i], path: article.path, candidates: Array(eventBySlug.keys), log: &log) }
            }
            for mention in articleTexts[a].eventMentions { events.append(mention.event) }
            events.sort()
            var distinct: [Int] = []
            for e in events where distinct.last != e { distinct.append(e) }
            return (list, distinct, log)
        }
        let peopleOfArticle = ofArticle.map(\.people)
        let eventsOfArticle = ofArticle.map(\.events)
        var personArticles = [[Int]](repeating: [], count: people.count)
        var eventArticles = [[Int]](repeating: [], count: events.count)
        for (a, found) in ofArticle.enumerated() {
            log.append(contentsOf: found.log)
            for p in found.people { personArticles[p].append(a) }
            for e in found.events { eventArticles[e].append(a) }
        }
        let articlesOfPerson = personArticles, articlesOfEvent = eventArticles

        var eventsOfPerson = [[Int]](repeating: [], count: people.count)
        for (e, event) in events.enumerated() {
            let refs = references[event.path]
            for (i, slug) in event.people.enumerated() {
                if let p = personBySlug[slug] {
                    if eventsOfPerson[p].last != e { eventsOfPerson[p].append(e) }
                } else {
                    report(slug: slug, kind: "person", at: refs?.people[safe: i], path: event.path, candidates: Array(personBySlug.keys), log: &log)
                }
            }
        }

        // Co-mentions: for each person, the others named in their articles, counted; linear in the sum of
        // (people per article)². Ties between equal counts go by name, then by the order of people.
        let byName = people.indices.sorted(by: { (people[$0].name, $0) < (people[$1].name, $1) })
        let nameRank = Self.ranks(of: byName)
        // Counted in an array by person rather than a dictionary: with its hashing, counting was 6 % of a
        // rebuild's samples.
        let coMentions = Parallel.map(Array(people.indices)) { x -> [CoMention] in
            var counts = [Int].filled(with: 0, count: people.count)
            var named: [Int] = []
            for a in articlesOfPerson[x] where peopleOfArticle[a].count > 1 {
                for y in peopleOfArticle[a] where y != x {
                    if counts[y] == 0 { named.append(y) }
                    counts[y] += 1
                }
            }
            // Most articles first, then by name: sorted as integers that say both (the count's complement above the
            // rank), where comparing pairs in a closure was a twentieth of a rebuild's samples.
            var keys = named.map { UInt64(UInt32.max - UInt32(counts[$0])) << 32 | UInt64(nameRank[$0]) }
            keys.sort()
            return keys.map { CoMention(person: byName[Int($0 & 0xFFFF_FFFF)], articles: Int(UInt32.max - UInt32($0 >> 32))) }
        }

        // Titles, summaries, quotations and dated sentences are shown as text outside their body: wikilinks in them read as
        // the words they show (WikiText.swift).
        let labels = WikiLabels(people: people, events: events, articles: articles).settled()
        let shown = labels.shownAsText(settings: content.settings, people: people, events: events, articles: articles)
        let discoveredText = labels.shownAsText(quotes: quotes, dates: datedStatements)
        var dossier = Dossier(settings: shown.settings, people: shown.people, events: shown.events, articles: shown.articles, assets: content.assets,
                              articleTexts: articleTexts, profileTexts: profileTexts, eventTexts: eventTexts,
                              articlesOfPerson: articlesOfPerson, eventsOfPerson: eventsOfPerson, articlesOfEvent: articlesOfEvent,
                              peopleOfArticle: peopleOfArticle, eventsOfArticle: eventsOfArticle, coMentions: coMentions,
                              personBySlug: personBySlug, eventBySlug: eventBySlug, articleBySlug: articleBySlug,
                              quotes: discoveredText.quotes, datedStatements: discoveredText.dates, discovery: discoveryReport)
        dossier.wikiLabels = labels
        dossier.correctionsSignature = content.corrections.signature
        return (dossier, log)
    }

    /// Each article's decisions, by slug, with their indices in the file; a decision naming an article or person
    /// the dossier does not have is an error where it is written, with the nearest slug.
    static func articleDecisions(_ corrections: Corrections, articleBySlug: [String: Int], personBySlug: [String: Int],
                                 log: inout DiagnosticLog) -> [String: [(Int, Correction)]] {
        var result: [String: [(Int, Correction)]] = [:]
        var reported = Set<String>()
        for (i, correction) in corrections.items.enumerated() {
            guard let slug = correction.article else { continue }
            guard articleBySlug[slug] != nil else {
                if reported.insert(slug).inserted {
                    let guess = Suggestions.nearest(to: slug, in: articleBySlug.keys).map { "; did you mean '\($0)'?" } ?? ""
                    log.error(corrections.path, correction.articleLine, correction.articleColumn, "no article '\(slug)'\(guess)")
                }
                continue
            }
            let person: String?
            switch correction.kind {
            case .surname(_, _, let p): person = p
            case .speaker(_, _, let p): person = p
            default: person = nil
            }
            if let person, personBySlug[person] == nil {
                let guess = Suggestions.nearest(to: person, in: personBySlug.keys).map { "; did you mean '\($0)'?" } ?? ""
                log.error(corrections.path, correction.targetLine, correction.targetColumn, "no person '\(person)'\(guess)")
                continue
            }
            result[slug, default: []].append((i, correction))
        }
        return result
    }

    /// Warnings for the decisions that matched nothing in this build.
    /// `applied`: the article decisions that were valid (the others were reported as errors).
    static func reportStale(_ corrections: Corrections, matched: Set<Int>, applied: Set<Int>, log: inout DiagnosticLog) {
        for (i, correction) in corrections.items.enumerated() where !matched.contains(i) {
            if correction.article != nil, !applied.contains(i) { continue }
            log.warning(corrections.path, correction.line, correction.column, "stale correction, matches nothing: " + CorrectionsApplier.describe(correction.kind))
        }
    }

    /// The inverse of an ordering: for each index, its place in `order`.
    static func ranks(of order: [Int]) -> [Int] {
        var rank = [Int](repeating: 0, count: order.count)
        for (place, index) in order.enumerated() { rank[index] = place }
        return rank
    }

    // MARK: - Finding names in one body

    static func analyze(_ source: String, wikilinks: Bool, names: NameTable?, events: PhraseIndex<Int>?, targets: TargetTable) -> BodyText {
        let document = Markdown.analyze(source)
        return analyze(document, tokens: document.blocks.map { NameTokens.tokenize($0.text) }, wikilinks: wikilinks,
                       names: names, events: events, targets: targets)
    }

    /// The index of the sentence (sorted, non-overlapping ranges) holding `offset`, by binary search; 0 when none does.
    static func sentenceIndex(of offset: Int, in sentences: [Range<Int>]) -> Int {
        var low = 0, high = sentences.count
        while low < high { let mid = (low + high) / 2; if sentences[mid].upperBound <= offset { low = mid + 1 } else { high = mid } }
        return low < sentences.count && sentences[low].contains(offset) ? low : 0
    }

    /// A sentence of an article: its block and its place in the block.
    struct SentenceKey: Hashable { let block: Int, sentence: Int }

    /// `tokens`: the words of each block of `document`.
    static func analyze(_ document: Document, tokens tokensOfBlock: [Tokens], wikilinks: Bool, names: NameTable?,
                        events: PhraseIndex<Int>?, targets: TargetTable) -> BodyText {
        var body = BodyText(document: document)
        var mentions: [Mention] = []                    // set on the body once, at the end
        var surnameHits: [(block: Int, range: Range<Int>, sentence: Int, text: String, candidates: [Int])] = []
        for (b, block) in body.document.blocks.enumerated() {
            let tokens = tokensOfBlock[b]
            let sentenceOf = sentenceIndexes(tokens, block.sentences)
            var masked: [Range<Int>] = []
            if wikilinks {
                for link in findWikiLinks(block.text, targets: targets) {
                    body.wikiLinks.append(WikiLink(block: b, range: link.range, target: link.target, text: link.text))
                    masked.append(link.range)
                    if case .person(let p) = link.target {
                        let sentence = sentenceIndex(of: link.range.lowerBound, in: block.sentences)
                        mentions.append(Mention(person: p, block: b, range: link.range, sentence: sentence, kind: .wikilink,
                                                     text: link.text ?? ""))
                    } else if case .event(let e) = link.target {
                        // A wikilink to an event is coverage of it, as a phrase of its aliases is.
                        let sentence = block.sentences.firstIndex { $0.contains(link.range.lowerBound) } ?? 0
                        body.eventMentions.append(EventMention(event: e, block: b, range: link.range, sentence: sentence))
                    }
                }
            }
            // The wikilinks are found in order and do not overlap: a binary search finds the one a name could be in,
            // rather than a scan of all of them per name (one long paragraph of both was quadratic).
            func isMasked(_ range: Range<Int>) -> Bool {
                var low = 0, high = masked.count
                while low < high { let mid = (low + high) / 2; if masked[mid].upperBound <= range.lowerBound { low = mid + 1 } else { high = mid } }
                return low < masked.count && masked[low].overlaps(range)
            }
            if let names {
                // A name stays inside one sentence and has no possessive before its last word.
                let found = names.index.matches(in: tokens) { first, last in
                    sentenceOf[first] == sentenceOf[last] && (first..<last).allSatisfy { !tokens[$0].isPossessive }
                }
                for match in found {
                    let range = tokens[match.first].start..<tokens[match.last].end
                    guard !isMasked(range) else { continue }
                    let text = substring(block.text, range)
                    let sentence = sentenceOf[match.first]
                    if let direct = match.values.first(where: { $0.kind != .surname }) {
                        mentions.append(Mention(person: direct.person, block: b, range: range, sentence: sentence, kind: direct.kind, text: text))
                    } else {
                        // After "King", "Prince", "Sheikh" ... a single name is the royal's own, not a surname of
                        // someone known ("King Salman" is not Mohammed bin Salman).
                        if match.first > 0, NameCues.royalTitles.containsLowercase(of: tokens.word(match.first - 1)) { continue }
                        // A surname that is a month ("May") is the person's only where nothing else can be meant:
                        // "May said", "May's deal", "Mrs May", not "in May", "on May 5", "May I ask".
                        if match.first == match.last, NameCues.calendarWords.containsLowercase(of: tokens.word(match.first)) {
                            let next = match.last + 1
                            let spoke = next < tokens.count && sentenceOf[next] == sentence
                                && NameCues.attributionVerbs.containsLowercase(of: tokens.word(next))
                            let addressed = match.first > 0 && NameCues.honorifics.containsLowercase(of: tokens.word(match.first - 1))
                            guard spoke || addressed || tokens[match.last].isPossessive else { continue }
                        }
                        surnameHits.append((b, range, sentence, text, match.values.map(\.person)))
                    }
                }
            }
            if let events {
                let found = events.matches(in: tokens) { first, last in sentenceOf[first] == sentenceOf[last] }
                for match in found {
                    let range = tokens[match.first].start..<tokens[match.last].end
                    for e in Set(match.values).sorted() {
                        body.eventMentions.append(EventMention(event: e, block: b, range: range, sentence: sentenceOf[match.first]))
                    }
                }
            }
        }
        // A surname alone names the one person of that surname whom this article also names in full;
        // with one such person in the whole dossier it is unambiguous anyway.
        if !surnameHits.isEmpty {
            let named = Set(mentions.map(\.person))
            for hit in surnameHits {
                let person: Int?
                if hit.candidates.count == 1 { person = hit.candidates[0] }
                else {
                    let here = hit.candidates.filter(named.contains)
                    if here.count == 1 { person = here[0] }
                    else {
                        // Several of that surname named in full: the one in play, named in full in this sentence or the
                        // one before and the only one of them there ("Akie Abe ... Shinzo Abe ... Abe"); else nobody.
                        let inPlay = Set(mentions.lazy.filter { $0.kind != .surname && $0.block == hit.block
                            && ($0.sentence == hit.sentence || $0.sentence == hit.sentence - 1) && $0.range.upperBound <= hit.range.lowerBound
                            && here.contains($0.person) }.map(\.person))
                        person = inPlay.count == 1 ? inPlay.first : nil
                    }
                }
                if let person {
                    mentions.append(Mention(person: person, block: hit.block, range: hit.range, sentence: hit.sentence, kind: .surname, text: hit.text))
                }
            }
            mentions.sort { ($0.block, $0.range.lowerBound) < ($1.block, $1.range.lowerBound) }
        }
        body.mentions = mentions
        return body
    }

    private static func sentenceIndexes(_ tokens: Tokens, _ sentences: [Range<Int>]) -> [Int] {
        var result = [Int].filled(with: 0, count: tokens.count)
        var s = 0
        for (i, token) in tokens.enumerated() {
            while s + 1 < sentences.count, token.start >= sentences[s].upperBound { s += 1 }
            result[i] = s
        }
        return result
    }

    static func substring(_ text: String, _ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return String(text[start..<end])
    }

    // MARK: - Wikilinks

    struct TargetTable: Sendable {
        var people: [String: Int], events: [String: Int], articles: [String: Int]
        func resolve(_ slug: String) -> LinkTarget? {
            if let p = people[slug] { return .person(p) }
            if let e = events[slug] { return .event(e) }
            if let a = articles[slug] { return .article(a) }
            return nil
        }
    }

    struct RawWikiLink { var range: Range<Int>; var slug: String; var text: String? }

    /// `[[slug]]` and `[[slug|text]]` on one line, at most 300 bytes long.
    static func scanWikiLinks(_ text: String) -> [RawWikiLink] {
        // Most blocks have none: a scan in place answers them without the copy below.
        guard text.utf8.containsDoubleBracket else { return [] }
        var result: [RawWikiLink] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == UInt8(ascii: "["), bytes[i + 1] == UInt8(ascii: "[") else { i += 1; continue }
            var j = i + 2
            var close: Int?
            while j + 1 < bytes.count, j - i < 300, bytes[j] != UInt8(ascii: "\n"), bytes[j] != UInt8(ascii: "[") {
                if bytes[j] == UInt8(ascii: "]"), bytes[j + 1] == UInt8(ascii: "]") { close = j; break }
                j += 1
            }
            guard let close else { i += 2; continue }
            let inner = String(decoding: bytes[(i + 2)..<close], as: UTF8.self)
            let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            let slug = parts[0].trimmingCharacters(in: .whitespaces)
            let label = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
            result.append(RawWikiLink(range: i..<(close + 2), slug: slug, text: label?.isEmpty == true ? nil : label))
            i = close + 2
        }
        return result
    }

    static func findWikiLinks(_ text: String, targets: TargetTable) -> [(range: Range<Int>, target: LinkTarget, text: String?)] {
        scanWikiLinks(text).compactMap { raw in targets.resolve(raw.slug).map { (raw.range, $0, raw.text) } }
    }

    private static func checkWikiLinks(in source: String, firstLine: Int, path: String, enabled: Bool, targets: TargetTable,
                                       allSlugs: [String], log: inout DiagnosticLog) {
        guard enabled, source.utf8.containsDoubleBracket else { return }
        // Only the lines holding "[[" are made into Strings: splitting every body into lines was a fourteenth of a
        // full build on prose with a wikilink in most articles.
        for (n, text) in linesWithDoubleBracket(source) {
            for raw in scanWikiLinks(text) where targets.resolve(raw.slug) == nil {
                let column = substring(text, 0..<raw.range.lowerBound).unicodeScalars.count + 1
                var message = "[[\(raw.slug)]] names no person, event or article"
                if let guess = Suggestions.nearest(to: raw.slug, in: allSlugs) { message += "; did you mean [[\(guess)]]?" }
                log.error(path, firstLine + n, column, message)
            }
        }
    }

    /// The lines of `source` that hold "[[", with their numbers from 0 (lines end at "\n", as `split` cut them).
    static func linesWithDoubleBracket(_ source: String) -> [(line: Int, text: String)] {
        var result: [(line: Int, text: String)] = []
        let utf8 = source.utf8
        var line = 0, lineStart = utf8.startIndex, previous: UInt8 = 0, found = false
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let byte = utf8[i]
            if byte == 0x0A {
                if found { result.append((line, String(source[lineStart..<i]))) }
                line += 1; found = false; previous = 0
                lineStart = utf8.index(after: i)
            } else {
                if byte == 0x5B && previous == 0x5B { found = true }
                previous = byte
            }
            i = utf8.index(after: i)
        }
        if found { result.append((line, String(source[lineStart..<utf8.endIndex]))) }
        return result
    }

    private static func report(slug: String, kind: String, at location: SourceLocation?, path: String, candidates: [String], log: inout DiagnosticLog) {
        var message = "no \(kind) has the slug \"\(slug)\""
        if let guess = Suggestions.nearest(to: slug, in: candidates) { message += "; did you mean \"\(guess)\"?" }
        else { message += " (add \(kind == "person" ? "people" : "events")/\(Slug.make(from: slug)).md, or fix the slug)" }
        log.error(path, location?.line ?? 1, location?.column ?? 1, message)
    }

    private static func reportSlugClashes(people: [Person], events: [Event], articles: [Article], log: inout DiagnosticLog) {
        var owner: [String: String] = [:]
        for (slug, path) in people.map({ ($0.slug, $0.path) }) + events.map({ ($0.slug, $0.path) }) + articles.map({ ($0.slug, $0.path) }) {
            if let first = owner[slug] {
                log.warning(path, 1, 1, "slug \"\(slug)\" is also used by \(first); [[\(slug)]] links to the person, then the event, then the article")
            } else {
                owner[slug] = path
            }
        }
    }

    private static func eventIndex(_ events: [Event]) -> PhraseIndex<Int> {
        var index = PhraseIndex<Int>()
        for (e, event) in events.enumerated() {
            for alias in event.aliases { index.insert(NameTokens.words(of: alias), e) }
        }
        return index
    }
}

/// The names of all people in one trie: full names, aliases and surnames.
struct NameTable: Sendable {
    struct Entry: Sendable, Equatable { var person: Int; var kind: MentionKind }
    var index = PhraseIndex<Entry>()

    init(people: [Person], references: [String: SlugReferences], log: inout DiagnosticLog) {
        // Who claims each written form, so a form two people claim can be dropped rather than guessed.
        var claims: [[String]: [(person: Int, kind: MentionKind, alias: Int?)]] = [:]
        var order: [[String]] = []
        func claim(_ words: [String], _ person: Int, _ kind: MentionKind, alias: Int? = nil) {
            guard !words.isEmpty else { return }
            if claims[words] == nil { order.append(words) }
            // A person may write the same form twice (name and alias); count them once.
            if !(claims[words]?.contains { $0.person == person } ?? false) {
                claims[words, default: []].append((person, kind, alias))
            }
        }
        for (p, person) in people.enumerated() {
            claim(NameTokens.words(of: person.name), p, .name)
            for (a, alias) in person.aliases.enumerated() { claim(NameTokens.words(of: alias), p, .alias, alias: a) }
        }
        for words in order {
            let owners = claims[words]!
            let distinct = Set(owners.map(\.person))
            if distinct.count > 1 {
                let names = distinct.sorted().map { people[$0].name }
                for owner in owners where owner.kind == .alias {
                    let person = people[owner.person]
                    let at = owner.alias.flatMap { references[person.path]?.aliases[safe: $0] }
                    log.warning(person.path, at?.line ?? 1, at?.column ?? 1,
                                "alias \"\(words.joined(separator: " "))\" is claimed by \(names.joined(separator: " and ")); it is not linked to either")
                }
                continue
            }
            index.insert(words, Entry(person: owners[0].person, kind: owners[0].kind))
        }
        // Surnames: the last word of each person's name and of their longer aliases, unless two people claim that
        // alias. A surname that is nobody's explicit name or alias matches as a surname, resolved per article.
        var surnames: [[String]: [Int]] = [:]
        for (p, person) in people.enumerated() {
            for form in [person.name] + person.aliases {
                let words = NameTokens.words(of: form)
                guard words.count >= 2, Set(claims[words]?.map(\.person) ?? []).count <= 1 else { continue }
                for last in NameCues.shortForms(of: words) where !(surnames[[last]]?.contains(p) ?? false) { surnames[[last], default: []].append(p) }
            }
        }
        for (words, candidates) in surnames.sorted(by: { $0.key.joined() < $1.key.joined() }) where claims[words] == nil {
            for p in candidates { index.insert(words, Entry(person: p, kind: .surname)) }
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

/// Articles in date order (a date before another by `EDTFDate.<`; equal dates by a tie-break), with each article's
/// keys made once: comparing articles copied whole, their dates' bounds worked out again at every comparison,
/// was a twentieth of a rebuild at 10,000 articles.
enum DateOrder {
    static func sorted(_ articles: [Article], tieBreak: (Article) -> (String, String)) -> [Int] {
        // Equal dates have equal canonical texts, so (earliest, latest, text) orders as `!=` then `<` did. The text is
        // made only for two different dates over the same days, which is rare: most ties are the same date.
        // The keys are read in place: copying a key with its strings out of an array, twice a comparison, was most
        // of the sort's time.
        let spans = articles.map { (earliest: $0.date.earliest, latest: $0.date.latest, date: $0.date) }
        let ties = articles.map(tieBreak)
        return spans.withUnsafeBufferPointer { spans in
            ties.withUnsafeBufferPointer { ties in
                articles.indices.sorted { a, b in
                    if spans[a].earliest != spans[b].earliest { return spans[a].earliest < spans[b].earliest }
                    if spans[a].latest != spans[b].latest { return spans[a].latest < spans[b].latest }
                    if spans[a].date != spans[b].date { return spans[a].date.edtf < spans[b].date.edtf }
                    return ties[a] < ties[b]
                }
            }
        }
    }
}
