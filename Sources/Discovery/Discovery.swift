// Discovery, before linking: reads every article (oldest first) for people nobody curated and for other
// spellings of known people, and returns the people list the linker matches against, with what it decided.

import Content
import EDTF
import Markdown

/// A spelling that might be a known person's, with too little evidence to link it.
public struct VariantSuggestion: Sendable, Equatable {
    public var text: String
    public var article: String
    public var person: String            // slug of the person it resembles
    public var reason: String
}

/// A surname written alone (after Mr., Ms. ...) that names nobody the dossier knows.
public struct UnresolvedSurname: Sendable, Equatable {
    public var text: String
    public var article: String
}

/// What discovery decided, for `dossier check`.
public struct DiscoveryReport: Sendable {
    public var discovered: [String] = []             // slugs of people found in the articles
    public var suggestions: [VariantSuggestion] = []
    public var unresolved: [UnresolvedSurname] = []
    public init() {}
}

/// What discovery decided in each article, in the order it decided. The analysis cache keeps it, so that a rebuild
/// replays the decisions of the articles it read before and decides again only from an article whose names changed
/// (`Discovery.discover`): deciding is sequential and was most of a rebuild's time.
struct DecisionLog: Sendable, Equatable {
    enum Action: Sendable, Equatable {
        case variant(person: Int, text: String, reason: String)
        case discovered(slug: String, name: String, role: String?)
        case suggestion(text: String, person: String, reason: String)
        case unresolved(text: String)
    }
    struct Article: Sendable, Equatable {
        var slug: String
        var runs: UInt64                 // the key of the name runs it decided on (AnalysisCache.runsKey)
        var actions: [Action]
    }
    /// What every decision starts from: the curated people, every slug, the program (AnalysisCache.decisionsStart).
    var start: UInt64
    var articles: [Article] = []
}

public enum Discovery {
    /// What `discover` is given to replay: the last build's decisions, and this build's starting point and run keys
    /// (parallel to `content.articles`). `replayable(a)`: whether article `a`'s runs are kept, so that a replayed
    /// article's runs need not be read.
    struct Replay {
        var previous: DecisionLog?
        var start: UInt64
        var runKeys: [UInt64]
        var replayable: (Int) -> Bool
    }

    /// The curated people with the variants found for them, then the people found in the articles; the name runs
    /// read in each article (parallel to `content.articles`, nil for an article whose decisions were replayed), and
    /// the decisions made, for the next build (nil without `replay`).
    /// `read`: the name runs of article `a` (`runs(in:)` of its parsed body, or what the cache kept of it).
    /// `order`: `order(of: content)`, when the caller has it (it sorts it on another core meanwhile).
    static func discover(_ content: ContentSet, replay: Replay? = nil, order: [Int]? = nil, read: @escaping @Sendable (Int) -> [NameRun])
        -> (people: [Person], report: DiscoveryReport, runs: [[NameRun]?], decisions: DecisionLog?, decided: Int) {
        var people = content.people
        var report = DiscoveryReport()
        var index = KnownIndex()
        // Each person's forms are worked out in parallel, then added in order.
        let curated = people
        for known in Parallel.map(Array(curated.indices), { Self.knownForms(curated[$0], index: $0) }) { index.add(known) }
        var usedSlugs = Set(people.map(\.slug) + content.events.map(\.slug) + content.articles.map(\.slug))
        let order = order ?? Self.order(of: content)

        /// Carries out one decision made in article `a` (now, or by an earlier build: the same either way).
        func apply(_ action: DecisionLog.Action, in a: Int) {
            let articleSlug = content.articles[a].slug
            switch action {
            case .variant(let p, let text, let reason):
                // A person found by title and surname alone takes the whole name when it is written.
                if !people[p].curated, !people[p].name.contains(" "),
                   NameCues.shortForms(of: NameTokens.words(of: text).filter { !Variants.isInitial($0) }).contains(people[p].name) {
                    people[p].variants.append(Variant(text: people[p].name, article: people[p].foundIn ?? articleSlug, reason: "the surname alone, after a title"))
                    people[p].name = text
                } else {
                    people[p].variants.append(Variant(text: text, article: articleSlug, reason: reason))
                }
                // The person's forms so far and the new one: all of them again, for each of a person's variants,
                // was quadratic in them (a rebuild replaying every decision spent a twentieth of its time here).
                if var known = index.people[p] {
                    Self.addForm(text, to: &known)
                    index.add(known)
                } else {
                    index.add(Self.knownForms(people[p], index: p))
                }
            case .discovered(let slug, let name, let role):
                usedSlugs.insert(slug)
                people.append(Person(slug: slug, name: name, aliases: [], role: role, affiliation: nil, born: nil, profile: "",
                                     path: content.articles[a].path, bodyFirstLine: content.articles[a].bodyFirstLine,
                                     curated: false, foundIn: articleSlug))
                index.add(Self.knownForms(people[people.count - 1], index: people.count - 1))
                report.discovered.append(slug)
            case .suggestion(let text, let person, let reason):
                report.suggestions.append(VariantSuggestion(text: text, article: articleSlug, person: person, reason: reason))
            case .unresolved(let text):
                report.unresolved.append(UnresolvedSurname(text: text, article: articleSlug))
            }
        }

        // The same names recur across articles; what each known person is to a name is remembered, and a name
        // seen again is compared only with the people added or changed since.
        var memo = VerdictMemo()
        // The known people's names as Arabic script would write them (CrossScript.skeleton), made on the first Arabic
        // run and again after people were added or changed.
        var skeletons: [String: Set<Int>]?
        var skeletonsAt = -1
        func decide(_ a: Int, _ runs: [NameRun]) -> [DecisionLog.Action] {
            var actions: [DecisionLog.Action] = []
            func act(_ action: DecisionLog.Action) { apply(action, in: a); actions.append(action) }
            var named = Set<Int>()
            var suggested = Set<String>()
            for run in runs {
                let core = run.words.filter { !Variants.isInitial($0) }
                // Written exactly as a known form: the linker finds it.
                let written = WrittenKey(run.words)
                /// What the run writes in brackets after the name is another name of the person it names.
                func alsoKnownAs(_ p: Int) {
                    guard let aka = run.aka, index.byWritten[WrittenKey([aka])]?.contains(p) != true else { return }
                    act(.variant(person: p, text: aka, reason: "written in brackets after the name"))
                }
                if let exact = index.byWritten[written] {
                    named.formUnion(exact)
                    if exact.count == 1 { alsoKnownAs(exact.first!) }
                    continue
                }
                if core.count == 1, let bySurname = index.bySurname[core[0]] { named.formUnion(bySurname); continue }
                // A familiar form of a given name alone, spoken to ("Toria, over to you.", "Thanks, Matt."): the one person
                // named in this article whose given name, written otherwise, it is a form of.
                if core.count == 1, run.isVocative, let p = Self.familiarFormOwner(core[0], named: named, index: index) {
                    act(.variant(person: p, text: core[0], reason: "a familiar form of the given name, spoken to"))
                    continue
                }
                // Written in Arabic script: the longest stretches of it whose consonants are those of one known person's
                // name of two words or more (CrossScript.skeleton), as a variant of that person; the rest nothing.
                if CrossScript.hasArabicLetters(run.text) {
                    if skeletons == nil || skeletonsAt != index.additions {
                        var table: [String: Set<Int>] = [:]
                        for (p, known) in index.people {
                            for form in known.forms where form.count >= 2 && !form.contains(where: CrossScript.hasArabicLetters) {
                                let key = CrossScript.skeleton(form)
                                if key.utf8.count >= 5 { table[key, default: []].insert(p) }
                            }
                        }
                        skeletons = table
                        skeletonsAt = index.additions
                    }
                    var start = 0
                    while start < run.words.count - 1 {
                        var length = min(5, run.words.count - start)
                        var found = false
                        while length >= 2 {
                            let words = Array(run.words[start..<start + length])
                            if let owners = skeletons?[CrossScript.skeleton(words)], owners.count == 1, let p = owners.first {
                                let text = words.joined(separator: " ")
                                if index.people[p]?.written.contains(words) != true {
                                    act(.variant(person: p, text: text, reason: "written in Arabic script: \(words.map(CrossScript.arabicLatin).joined(separator: " "))"))
                                }
                                named.insert(p)
                                found = true
                                break
                            }
                            length -= 1
                        }
                        start += found ? length : 1
                    }
                    continue
                }
                // Written in Cyrillic or Greek: a variant of the one known person its Latin letters name, or nothing.
                if CrossScript.hasForeignLetters(run.text) {
                    // The longest part of the run that names someone ("Глава РФПИ Кирилл Дмитриев": the last two), then
                    // the rest of it.
                    var taken = Set<Int>()
                    for length in stride(from: run.words.count, through: 1, by: -1) {
                        for start in 0...(run.words.count - length) where !(start..<start + length).contains(where: taken.contains) {
                            let words = Array(run.words[start..<start + length])
                            search: for form in CrossScript.latinForms(words) {
                                var verdict: (person: Int, reason: String)?
                                if let found = index.byWritten[WrittenKey(form)] ?? (form.count == 1 ? index.bySurname[form[0]] : nil) {
                                    if found.count == 1 { verdict = (found.first!, "") }
                                } else if let match = memo.match(WrittenKey(form), in: index, named: named), match.strength == .strong {
                                    verdict = (match.person, "; " + match.reason)
                                }
                                guard let verdict else { continue }
                                act(.variant(person: verdict.person, text: words.joined(separator: " "),
                                             reason: "written in another script: \(form.joined(separator: " "))" + verdict.reason))
                                named.insert(verdict.person)
                                taken.formUnion(start..<start + length)
                                break search
                            }
                        }
                    }
                    continue
                }
                // A surname with its particle alone ("bin Zayed", "Van der Berg", misspelt "Inb Najjar"): the people whose
                // name ends in a particle and those words; written so with nobody known, it is reported, not a page.
                if run.startsWithParticle {
                    let rest = Array(core.drop(while: NameCues.isParticle))
                    let ending = rest.last.flatMap { index.bySurname[$0] }?.filter { p in
                        index.people[p]?.written.contains { form in
                            form.count > rest.count && Array(form.suffix(rest.count)) == rest && NameCues.isParticle(form[form.count - rest.count - 1])
                        } == true
                    } ?? []
                    if ending.count == 1, let p = ending.first, !core.contains(where: { NameCues.nameParticles.contains($0.lowercased()) }) {
                        act(.variant(person: p, text: run.text, reason: "the surname with its particle misspelt"))
                    }
                    if ending.isEmpty { act(.unresolved(text: run.text)) } else { named.formUnion(ending) }
                    continue
                }
                // A hyphenated surname alone ("Jean-Pierre" after "Karine Jean-Pierre"): the people whose name ends so.
                if core.count > 1, !run.text.contains(" "), let bySurname = index.bySurname[core[core.count - 1]] {
                    let ending = bySurname.filter { p in index.people[p]?.written.contains { $0.count > core.count && Array($0.suffix(core.count)) == core } == true }
                    if !ending.isEmpty { named.formUnion(ending); continue }
                }
                // A name without its last part ("Dilan Yeşilgöz" of Dilan Yeşilgöz-Zegerius), or with a second surname
                // joined by a hyphen to one known without it; or the last parts alone, a double surname ("López Obrador"):
                // the one person whose name begins or ends so.
                if core.count >= 2, core.count == run.words.count {
                    if let owners = index.byPrefix[written], owners.count == 1, let p = owners.first,
                       !PersonFinder.isGivenName(core[core.count - 1]), !NameCues.isParticle(core[core.count - 1]) {
                        act(.variant(person: p, text: run.text, reason: "the name without its last part"))
                        named.insert(p)
                        continue
                    }
                    let shorter = Array(core.dropLast())
                    if shorter.count >= 2, run.text.hasSuffix(shorter[shorter.count - 1] + "-" + core[core.count - 1]),
                       let owners = index.byWritten[WrittenKey(shorter)], owners.count == 1, let p = owners.first {
                        act(.variant(person: p, text: run.text, reason: "the name with a second surname"))
                        named.insert(p)
                        continue
                    }
                    if let owners = index.bySuffix[written], owners.count == 1, !PersonFinder.isGivenName(core[0]), !NameCues.isParticle(core[0]) {
                        named.formUnion(owners)
                        continue
                    }
                }
                // The whole name of one found before by title and surname alone ("Secretary Blinken" ... "Antony Blinken").
                // (The person's page is evidence enough that the whole name is a person: "Later, Joaquim Inácio Brizo da Lanha
                // signed" after "President Brizo".)
                if core.count >= 2 {
                    let byTitle = Set(NameCues.shortForms(of: core).flatMap { surname in
                        (index.bySurname[surname] ?? []).filter { !people[$0].curated && people[$0].name == surname }
                    })
                    if byTitle.count == 1, let p = byTitle.first {
                        act(.variant(person: p, text: run.text, reason: "the whole name of one named by title and surname"))
                        named.insert(p)
                        continue
                    }
                }
                // A known form with an ordinary capitalised word in front ("Aid M. Rengorda", "Discussed Holirir"):
                // the word is not a given name, so the run is the known person, not somebody new.
                if run.words.count > 1, !PersonFinder.isGivenName(run.words[0]),
                   let known = (1..<run.words.count).lazy.compactMap({ index.byWritten[WrittenKey(Array(run.words[$0...]))] }).first {
                    named.formUnion(known); continue
                }
                // The same name with the family name first or last ("Kishida Fumio", "Fumio Kishida"; "Yoon Suk Yeol").
                if (2...3).contains(core.count), core.count == run.words.count {
                    let familyLast = WrittenKey(Array(core.dropFirst()) + [core[0]]), familyFirst = WrittenKey([core[core.count - 1]] + core.dropLast())
                    if let known = index.byWritten[familyLast] ?? index.byWritten[familyFirst], known.count == 1, let p = known.first {
                        act(.variant(person: p, text: run.text, reason: "the same name with the family name \(index.byWritten[familyLast] != nil ? "first" : "last")"))
                        named.insert(p)
                        continue
                    }
                }
                let match = memo.match(written, in: index, named: named)
                if let match, match.strength == .strong {
                    act(.variant(person: match.person, text: run.text, reason: match.reason))
                    named.insert(match.person)
                    alsoKnownAs(match.person)
                    continue
                }
                if let match, suggested.insert(run.text).inserted {
                    act(.suggestion(text: run.text, person: people[match.person].slug, reason: match.reason))
                }
                if run.isPerson {
                    var slug = Slug.make(from: run.text)
                    if usedSlugs.contains(slug) {
                        var n = 2
                        while usedSlugs.contains("\(slug)-\(n)") { n += 1 }
                        slug = "\(slug)-\(n)"
                    }
                    act(.discovered(slug: slug, name: run.text, role: run.role.map(capitalisedFirst)))
                    named.insert(people.count - 1)
                    alsoKnownAs(people.count - 1)
                    // Named again by the given name alone, as patronymic names are: that word is theirs too.
                    if run.firstWordRecurs, index.bySurname[core[0]] == nil {
                        act(.variant(person: people.count - 1, text: core[0], reason: "the given name alone, as a patronymic name is written"))
                    }
                } else if core.count == 1, run.hasTitle, match == nil, Self.isLoneSurname(core[0]),
                          !(run.role.map { role in
                              // Not a relative's given name ("his wife Akemi"), nor the place of an office ("head of Russia").
                              let last = NameTokens.words(of: role).last?.lowercased() ?? ""
                              return NameCues.relationWords.contains(last) || NameCues.functionWords.contains(last)
                          } ?? false) {
                    // A title and one name, and nobody of that name known yet ("Ambassador Godfrey", "Mr. Hoekstra",
                    // "Foreign Minister Hayashi"): a person named by surname. Written in full later, the name grows.
                    var slug = Slug.make(from: core[0])
                    if usedSlugs.contains(slug) {
                        var n = 2
                        while usedSlugs.contains("\(slug)-\(n)") { n += 1 }
                        slug = "\(slug)-\(n)"
                    }
                    act(.discovered(slug: slug, name: core[0], role: run.role.map(capitalisedFirst)))
                    named.insert(people.count - 1)
                } else if core.count == 1, run.honorific, match == nil {
                    act(.unresolved(text: run.text))
                }
            }
            return actions
        }

        // An article's decisions are replayed while everything before it was decided as in the last build, and it
        // is the same article at the same place with the same name runs. One decided again that decides the same
        // leaves everything as the last build had it, and replaying goes on after it.
        var replaying = replay.map { $0.previous?.start == $0.start } ?? false
        func replayable(_ i: Int) -> DecisionLog.Article? {
            guard replaying, let replay, let old = replay.previous?.articles[safe: i] else { return nil }
            let a = order[i]
            // (A damaged cache could name a person who does not exist yet: that article is decided again.)
            var known = people.count
            let valid = old.actions.allSatisfy { action in
                switch action {
                case .variant(let p, _, _): return p < known
                case .discovered: known += 1; return true
                default: return true
                }
            }
            return old.slug == content.articles[a].slug && old.runs == replay.runKeys[a] && replay.replayable(a) && valid ? old : nil
        }

        // Reading is per article and parallel; deciding is in date order, since each article may add people the next
        // one names. Articles are read in batches, the next batch on the other cores while this one is decided; an
        // article whose decisions look replayable is not read unless replaying stops before it.
        let batches = stride(from: 0, to: order.count, by: 256).map { Array($0..<min($0 + 256, order.count)) }
        func startReading(_ b: Int) -> (articles: [Int], pending: Parallel.Pending<[NameRun]>)? {
            guard b < batches.count else { return nil }
            let toRead = batches[b].filter { replayable($0) == nil }.map { order[$0] }
            return (toRead, Parallel.Pending(toRead, read))
        }
        var reading = startReading(0)
        var runsOfArticle = [[NameRun]?](repeating: nil, count: content.articles.count)
        var log = replay.map { DecisionLog(start: $0.start) }
        var decided = 0
        for b in batches.indices {
            let (readNow, pending) = reading!
            for (a, runs) in zip(readNow, pending.wait()) { runsOfArticle[a] = runs }
            reading = startReading(b + 1)
            for i in batches[b] {
                let a = order[i]
                if let old = replayable(i) {
                    for action in old.actions { apply(action, in: a) }
                    log?.articles.append(old)
                    continue
                }
                let runs = runsOfArticle[a] ?? read(a)
                runsOfArticle[a] = runs
                let actions = runs.isEmpty ? [] : decide(a, runs)
                decided += 1
                let old = replaying ? replay?.previous?.articles[safe: i] : nil
                replaying = old.map { $0.slug == content.articles[a].slug && $0.actions == actions } ?? false
                log?.articles.append(DecisionLog.Article(slug: content.articles[a].slug, runs: replay?.runKeys[a] ?? 0, actions: actions))
            }
        }
        return (people, report, runsOfArticle, log, decided)
    }

    /// Whether one word after a title can be a surname: capitalised, letters (an apostrophe or hyphen inside), not
    /// an ordinary English word, an office, an organisation's or place's word, an acronym or a given name alone.
    static func isLoneSurname(_ word: String) -> Bool {
        guard word.count >= 3, let first = word.first, first.isUppercase,
              word.dropFirst().contains(where: { $0.isLowercase }),
              word.allSatisfy({ $0.isLetter || $0 == "'" || $0 == "’" || $0 == "-" }) else { return false }
        let lowered = word.lowercased()
        return !NameCues.isOrdinaryWord(word) && !NameCues.organisationOrPlaceWords.contains(lowered)
            && !NameCues.titleWords.contains(lowered) && !NameCues.qualifierWords.contains(lowered) && !PersonFinder.isGivenName(word)
    }

    /// The one person of `named` whose given name `word` is a familiar or short form of ("Matt" of Matthew, "Toria"
    /// of Victoria: `NameCues.givenNameEquivalents`), not written so; nil when none or several.
    static func familiarFormOwner(_ word: String, named: Set<Int>, index: KnownIndex) -> Int? {
        let slug = Slug.make(from: word)
        let groups = NameCues.givenNameEquivalents.filter { $0.contains(slug) }
        guard !groups.isEmpty, !NameCues.isOrdinaryWord(word) else { return nil }
        let owners = named.filter { p in
            guard let given = index.people[p]?.given, !given.contains(where: { $0.slug == slug }) else { return false }
            return given.contains { g in groups.contains { $0.contains(g.slug) } }
        }
        return owners.count == 1 ? owners.first : nil
    }

    /// The order in which articles are decided: by date, then by slug.
    static func order(of content: ContentSet) -> [Int] { DateOrder.sorted(content.articles) { ($0.slug, "") } }

    /// The runs of capitalised words that may name people, in one parsed article body. Depends on the body alone.
    /// `title`: the article's title, whose names count when an office stands in front ("Press Secretary Karine
    /// Jean-Pierre"): a title is often in title case, and its other capitalised words say too little.
    static func runs(in document: Document, title: String = "") -> [NameRun] {
        let blocks = document.blocks
        let tokensOfBlock = blocks.map { NameTokens.tokenize($0.text) }
        // Whether the article writes a word in lower case. News prose asks it of many capitalised words (every
        // sentence opener that is no name), so the article's lower-case words are gathered once, on the first ask:
        // by key in a table hashed as WordSet hashes (a Set<Key>, with its SipHash, and a scan of the tokens for
        // each of the first few asks were a sixteenth of a build), and the few words without a key as Strings.
        var lowercase: (keys: KeyTable, others: Set<String>)?
        func writtenInLowerCase(_ word: String) -> Bool {
            if lowercase == nil {
                var keys = KeyTable(capacity: tokensOfBlock.reduce(0) { $0 + $1.count })
                var others = Set<String>()
                for tokens in tokensOfBlock {
                    for token in tokens {
                        if token.key.high != 0 {                    // has a key (`!= .empty`, without the call)
                            if token.key.startsLowercase { keys.insert(token.key) }
                        } else {
                            let written = tokens.word(of: token)
                            if written.startsLowercase { others.insert(written) }
                        }
                    }
                }
                lowercase = (keys, others)
            }
            // A word without a key may still equal one with a key (Unicode equivalence), so the others are asked too.
            if let key = WordSet.Key(word), lowercase!.keys.contains(key) { return true }
            return !lowercase!.others.isEmpty && lowercase!.others.contains(word)
        }
        var runs = PersonFinder.runs(in: title, tokens: NameTokens.tokenize(title)).filter { $0.isPerson && $0.hasTitle }
        runs += blocks.indices.flatMap { PersonFinder.runs(in: blocks[$0].text, tokens: tokensOfBlock[$0], writtenInLowerCase: writtenInLowerCase) }
        // A transcript's speaker labels in capitals ("MINISTER SPOKESPERSON ISABEL RODRÍGUEZ:", "MS. RODRÍGUEZ:"): in a
        // text with two paragraphs or more that open with a label in capitals.
        let opensWithCapitals = blocks.filter { $0.kind == .paragraph && PersonFinder.opensWithCapitalLabel($0.text) }.count
        if opensWithCapitals >= 2 {
            runs += blocks.compactMap { $0.kind == .paragraph ? PersonFinder.speakerLabel(in: $0.text) : nil }
        }
        // Names in Cyrillic or Greek are found apart (CrossScript.swift): they only ever match known people.
        // (One scan for the lead bytes of Greek, Cyrillic and Arabic, 0xCE to 0xDB: most articles have none.)
        let otherScripts = title.utf8.contains { $0 >= 0xCE && $0 <= 0xDB } || blocks.contains { $0.text.utf8.contains { $0 >= 0xCE && $0 <= 0xDB } }
        if otherScripts, runs.contains(where: { CrossScript.hasForeignLetters($0.text) }) || blocks.contains(where: { CrossScript.hasForeignLetters($0.text) }) {
            runs = runs.filter { !CrossScript.hasForeignLetters($0.text) }
                + blocks.indices.flatMap { CrossScript.runs(in: blocks[$0].text, tokens: tokensOfBlock[$0]) }
        }
        if otherScripts, blocks.contains(where: { CrossScript.hasArabicLetters($0.text) }) {
            runs += blocks.indices.flatMap { CrossScript.arabicRuns(in: blocks[$0].text, tokens: tokensOfBlock[$0]) }
        }
        // A name whose last word the article also writes alone, none of its words an ordinary English word or an
        // organisation's or place's: named in full, then by surname, as news prose names people.
        let alone = Set(runs.lazy.filter { $0.words.count == 1 }.map { $0.words[0] })
        for r in runs.indices where runs[r].words.count >= 2 {
            let words = runs[r].words
            guard alone.contains(words[words.count - 1]),
                  !words.contains(where: { NameCues.isOrdinaryWord($0) || NameCues.organisationOrPlaceWords.containsLowercase(of: $0) }) else { continue }
            runs[r].surnameRecurs = true
        }
        // A name of two words whose first word the article writes alone: a patronymic name named again by its given name
        // ("Getachew Reda ... Getachew said"). Not a given name the tables know ("Donald"): those are no patronymic.
        // (Alone as a person is: with a speech verb or a title, "Getachew said"; "Khan Yunes ... Khan spoke" is a town.)
        let aloneAsAPerson = Set(runs.lazy.filter { $0.words.count == 1 && ($0.isAttributed || $0.hasTitle) }.map { $0.words[0] })
        for r in runs.indices where runs[r].words.count == 2 && !runs[r].surnameRecurs && !runs[r].startsWithParticle {
            let words = runs[r].words
            guard aloneAsAPerson.contains(words[0]), !PersonFinder.isGivenName(words[0]), !words[0].contains("-"),
                  !words.contains(where: { NameCues.isOrdinaryWord($0) || NameCues.organisationOrPlaceWords.containsLowercase(of: $0)
                      || NameCues.placeNames.containsLowercase(of: $0) || NameCues.titleWords.containsLowercase(of: $0) }),
                  !NameCues.containsKnownPlace(words) else { continue }
            runs[r].firstWordRecurs = true
        }
        // The same with a particle: "Caroline van der Plas ... Van der Plas said".
        let aloneWithParticle = Set(runs.lazy.filter(\.startsWithParticle).map { $0.words.joined(separator: " ").lowercased() })
        if !aloneWithParticle.isEmpty {
            for r in runs.indices where runs[r].words.count >= 3 && !runs[r].startsWithParticle {
                let words = runs[r].words
                guard let cut = words.indices.dropFirst().first(where: { NameCues.isParticle(words[$0]) }),
                      aloneWithParticle.contains(words[cut...].joined(separator: " ").lowercased()),
                      !words.contains(where: { !NameCues.isParticle($0) && (NameCues.isOrdinaryWord($0) || NameCues.organisationOrPlaceWords.containsLowercase(of: $0)) })
                else { continue }
                runs[r].surnameRecurs = true
            }
        }
        return runs
    }

    /// A discovered person's role as the text gives it, with a capital first letter as a heading wants it.
    static func capitalisedFirst(_ role: String) -> String {
        guard let first = role.first else { return role }
        return first.uppercased() + role.dropFirst()
    }

    static func knownForms(_ person: Person, index: Int) -> Variants.Known {
        var known = Variants.Known(index: index, given: [], surnames: [], forms: [])
        for form in [person.name] + person.aliases + person.variants.map(\.text) { addForm(form, to: &known) }
        return known
    }

    /// `known` with one more written form, as `knownForms` adds each in turn.
    static func addForm(_ form: String, to known: inout Variants.Known) {
        let words = NameTokens.words(of: form)
        let core = words.filter { !Variants.isInitial($0) }
        let shortForms = NameCues.shortForms(of: core)
        guard !shortForms.isEmpty else { return }
        known.written.insert(words)
        known.forms.insert(core)
        for last in shortForms where !known.surnames.contains(last) { known.surnames.append(last); known.surnameKeys.append(Variants.key(last)) }
        if core.count >= 2, !known.given.contains(where: { $0.text == core[0] }) { known.given.append(Variants.GivenName(core[0])) }
    }
}

extension Person {
    /// The person as the name matcher sees them: variant spellings count as aliases.
    public var withVariantsAsAliases: Person {
        var copy = self
        for variant in variants where !copy.aliases.contains(variant.text) { copy.aliases.append(variant.text) }
        return copy
    }
}

/// A set of word keys in one open-addressing table: made per article, where a Set<WordSet.Key> hashed every key
/// with SipHash. Keys are compared and hashed by their two integers here (WordSet.Key's `==` and `slot` are calls
/// into another module).
struct KeyTable {
    private var lows: [UInt64], highs: [UInt64]       // high 0: empty (a key's high holds its length, at least 1)
    private let shift: UInt64

    /// `capacity`: at least the number of keys that will be inserted.
    init(capacity: Int) {
        var bits: UInt64 = 3
        while 1 << bits < 2 * capacity { bits += 1 }
        shift = 64 - bits
        lows = [UInt64](repeating: 0, count: 1 << bits)
        highs = lows
    }

    private func slot(_ low: UInt64, _ high: UInt64) -> Int {
        Int(truncatingIfNeeded: (((low &* 0x9E37_79B9_7F4A_7C15) ^ high) &* 0xBF58_476D_1CE4_E5B9) >> shift)
    }

    mutating func insert(_ key: WordSet.Key) {
        let (low, high) = (key.low, key.high)
        guard high != 0 else { return }
        let mask = lows.count - 1
        var s = slot(low, high)
        while highs[s] != 0 {
            if highs[s] == high, lows[s] == low { return }
            s = (s + 1) & mask
        }
        lows[s] = low
        highs[s] = high
    }

    func contains(_ key: WordSet.Key) -> Bool {
        let (low, high) = (key.low, key.high)
        guard high != 0 else { return false }
        let mask = lows.count - 1
        var s = slot(low, high)
        while highs[s] != 0 {
            if highs[s] == high, lows[s] == low { return true }
            s = (s + 1) & mask
        }
        return false
    }
}
