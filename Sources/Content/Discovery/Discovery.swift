// Discovery, before linking: reads every article (oldest first) for people nobody curated and for other
// spellings of known people, and returns the people list the linker matches against, with what it decided.

import EDTF
import Markdown

/// Another spelling of a person's name, found in an article.
public struct Variant: Sendable, Equatable {
    public var text: String              // as written: "Dmitliff", "Mark Vogel"
    public var article: String           // slug of the article it came from
    public var reason: String            // why it was linked
}

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

public enum Discovery {
    /// The curated people with the variants found for them, then the people found in the articles, and the
    /// name runs read in each article (parallel to `content.articles`, for the cache).
    /// `read`: the name runs of article `a` (`runs(in:)` of its parsed body, or what the cache kept of it).
    static func discover(_ content: ContentSet, read: @escaping @Sendable (Int) -> [NameRun])
        -> (people: [Person], report: DiscoveryReport, runs: [[NameRun]]) {
        var people = content.people
        var report = DiscoveryReport()
        var index = KnownIndex()
        for p in people.indices { index.add(Self.knownForms(people[p], index: p)) }
        var usedSlugs = Set(people.map(\.slug) + content.events.map(\.slug) + content.articles.map(\.slug))
        let order = content.articles.indices.sorted {
            let x = content.articles[$0], y = content.articles[$1]
            return x.date != y.date ? x.date < y.date : x.slug < y.slug
        }
        // The same names recur across articles; what each known person is to a name is remembered, and a name
        // seen again is compared only with the people added or changed since.
        var memo = VerdictMemo()
        func decide(_ a: Int, _ runs: [NameRun]) {
            let articleSlug = content.articles[a].slug
            var named = Set<Int>()
            var suggested = Set<String>()
            for run in runs {
                let core = run.words.filter { !Variants.isInitial($0) }
                // Written exactly as a known form: the linker finds it.
                if let exact = index.byWritten[run.words] { named.formUnion(exact); continue }
                if core.count == 1, let bySurname = index.bySurname[core[0]] { named.formUnion(bySurname); continue }
                // A known form with an ordinary capitalised word in front ("Aid M. Rengorda", "Discussed Holirir"):
                // the word is not a given name, so the run is the known person, not somebody new.
                if run.words.count > 1, !PersonFinder.isGivenName(run.words[0]),
                   let known = (1..<run.words.count).lazy.compactMap({ index.byWritten[Array(run.words[$0...])] }).first {
                    named.formUnion(known); continue
                }
                let match = memo.match(run.words, in: index, named: named)
                if let match, match.strength == .strong {
                    people[match.person].variants.append(Variant(text: run.text, article: articleSlug, reason: match.reason))
                    index.add(Self.knownForms(people[match.person], index: match.person))
                    named.insert(match.person)
                    continue
                }
                if let match, suggested.insert(run.text).inserted {
                    report.suggestions.append(VariantSuggestion(text: run.text, article: articleSlug,
                                                                person: people[match.person].slug, reason: match.reason))
                }
                if run.isPerson {
                    var slug = Slug.make(from: run.text)
                    if usedSlugs.contains(slug) {
                        var n = 2
                        while usedSlugs.contains("\(slug)-\(n)") { n += 1 }
                        slug = "\(slug)-\(n)"
                    }
                    usedSlugs.insert(slug)
                    people.append(Person(slug: slug, name: run.text, aliases: [], role: run.role.map(capitalisedFirst),
                                         affiliation: nil, born: nil, profile: "", path: content.articles[a].path,
                                         bodyFirstLine: content.articles[a].bodyFirstLine, curated: false, foundIn: articleSlug))
                    index.add(Self.knownForms(people[people.count - 1], index: people.count - 1))
                    named.insert(people.count - 1)
                    report.discovered.append(slug)
                } else if core.count == 1, run.honorific, match == nil {
                    report.unresolved.append(UnresolvedSurname(text: run.text, article: articleSlug))
                }
            }
        }

        // Reading is per article and parallel; deciding is in date order, since each article may add people the next
        // one names. Articles are read in batches, the next batch on the other cores while this one is decided.
        let batches = stride(from: 0, to: order.count, by: 256).map { Array(order[$0..<min($0 + 256, order.count)]) }
        var reading = batches.first.map { Parallel.Pending($0, read) }
        var runsOfArticle = [[NameRun]](repeating: [], count: content.articles.count)
        for b in batches.indices {
            let runsOfBatch = reading!.wait()
            reading = b + 1 < batches.count ? Parallel.Pending(batches[b + 1], read) : nil
            for (a, runs) in zip(batches[b], runsOfBatch) {
                runsOfArticle[a] = runs
                if !runs.isEmpty { decide(a, runs) }
            }
        }
        return (people, report, runsOfArticle)
    }

    /// The runs of capitalised words that may name people, in one parsed article body. Depends on the body alone.
    static func runs(in document: Document) -> [NameRun] {
        let blocks = document.blocks
        let tokensOfBlock = blocks.map { NameTokens.tokenize($0.text) }
        // Whether the article writes a word in lower case. Most articles ask about a few words, and searching the
        // tokens for them is cheaper than hashing every word; one that asks more gets a set of its lower-case words.
        var asked = 0
        var lowercase: Set<String>?
        func writtenInLowerCase(_ word: String) -> Bool {
            asked += 1
            if lowercase == nil, asked > 4 { lowercase = Set(tokensOfBlock.joined().lazy.map(\.word).filter(\.startsLowercase)) }
            if let lowercase { return lowercase.contains(word) }
            return tokensOfBlock.contains { $0.contains { $0.word == word && $0.word.startsLowercase } }
        }
        return blocks.indices.flatMap { PersonFinder.runs(in: blocks[$0].text, tokens: tokensOfBlock[$0], writtenInLowerCase: writtenInLowerCase) }
    }

    /// A discovered person's role as the text gives it, with a capital first letter as a heading wants it.
    static func capitalisedFirst(_ role: String) -> String {
        guard let first = role.first else { return role }
        return first.uppercased() + role.dropFirst()
    }

    static func knownForms(_ person: Person, index: Int) -> Variants.Known {
        var known = Variants.Known(index: index, given: [], surnames: [], forms: [])
        for form in [person.name] + person.aliases + person.variants.map(\.text) {
            let words = NameTokens.words(of: form)
            let core = words.filter { !Variants.isInitial($0) }
            guard let last = core.last else { continue }
            known.written.insert(words)
            known.forms.insert(core)
            if !known.surnames.contains(last) { known.surnames.append(last); known.surnameKeys.append(Variants.key(last)) }
            if core.count >= 2, !known.given.contains(where: { $0.text == core[0] }) { known.given.append(Variants.GivenName(core[0])) }
        }
        return known
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
