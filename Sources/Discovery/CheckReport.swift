// What `dossier check` reports: people found in the articles, spellings linked and suggested, surnames it could not
// place, curated people and events no article mentions, undated articles, aliases claimed twice.

import Content
import Foundation

public struct CheckReport: Sendable, Codable, Equatable {
    public struct Found: Sendable, Codable, Equatable {
        public var name: String, slug: String, role: String?, articles: [String]
    }
    public struct Spelling: Sendable, Codable, Equatable {
        public var text: String, article: String, person: String, reason: String
    }
    public struct Place: Sendable, Codable, Equatable {
        public var text: String, article: String
    }
    /// A surname written alone that two or more people in play have: left unlinked, for the analyst to decide.
    public struct Shared: Sendable, Codable, Equatable {
        public var text: String, article: String, people: [String]
    }
    public struct Located: Sendable, Codable, Equatable {
        public var path: String, line: Int, column: Int, message: String
    }

    public var discoveredPeople: [Found] = []
    public var variantLinks: [Spelling] = []
    public var variantSuggestions: [Spelling] = []
    public var unresolvedSurnames: [Place] = []
    public var ambiguousSurnames: [Shared] = []
    public var unmentionedPeople: [String] = []          // slugs of curated people no article names
    public var unmentionedEvents: [String] = []          // slugs of events no article covers
    public var articlesWithoutDates: [Located] = []
    public var aliasesClaimedTwice: [Located] = []
    public var staleCorrections: [Located] = []          // decisions of corrections.yml that match nothing now
    public var otherProblems: [Located] = []             // the rest of what `build` would report

    /// Something an analyst has to decide: a suggestion, an unplaced surname, an undated article, a disputed alias.
    public var needsDecision: Bool {
        !variantSuggestions.isEmpty || !unresolvedSurnames.isEmpty || !ambiguousSurnames.isEmpty || !articlesWithoutDates.isEmpty || !aliasesClaimedTwice.isEmpty
            || !staleCorrections.isEmpty
    }
    public var hasErrors: Bool { otherProblems.contains { $0.message.hasPrefix("error: ") } }

    /// Reads, links and reports on a content folder.
    public static func make(content directory: String) -> CheckReport {
        var report = CheckReport()
        let (content, references, loadLog) = ContentLoader.load(directory: directory)
        var log = loadLog
        if let content {
            let (dossier, linkLog) = Linker.link(content, references: references)
            log.append(contentsOf: linkLog)
            report.fill(from: dossier)
        }
        for item in log.sorted {
            let located = Located(path: item.path, line: item.line, column: item.column, message: "\(item.severity.rawValue): \(item.message)")
            if item.path.contains("articles/"), item.message.contains("no date") || item.message.contains("required key 'date'") {
                report.articlesWithoutDates.append(located)
            } else if item.message.contains("stale correction") {
                report.staleCorrections.append(located)
            } else if item.message.contains("is claimed by") {
                report.aliasesClaimedTwice.append(located)
            } else {
                report.otherProblems.append(located)
            }
        }
        return report
    }

    mutating func fill(from dossier: Dossier) {
        for (p, person) in dossier.people.enumerated() {
            let articles = dossier.articlesOfPerson[p].map { dossier.articles[$0].slug }
            if !person.curated {
                discoveredPeople.append(Found(name: person.name, slug: person.slug, role: person.role, articles: articles))
            } else if articles.isEmpty {
                unmentionedPeople.append(person.slug)
            }
            for variant in person.variants {
                variantLinks.append(Spelling(text: variant.text, article: variant.article, person: person.slug, reason: variant.reason))
            }
        }
        variantSuggestions = dossier.discovery.suggestions.map { Spelling(text: $0.text, article: $0.article, person: $0.person, reason: $0.reason) }
        unresolvedSurnames = dossier.discovery.unresolved.map { Place(text: $0.text, article: $0.article) }
        ambiguousSurnames = Self.ambiguousSurnames(in: dossier)
        unmentionedEvents = dossier.events.indices.filter { dossier.articlesOfEvent[$0].isEmpty }.map { dossier.events[$0].slug }
    }

    /// Surnames written alone and left unlinked because more than one person could be meant: two named in full in the
    /// article, or, with none of them named there, two in the dossier. Never guessed (Linker.analyze); listed here.
    static func ambiguousSurnames(in dossier: Dossier) -> [Shared] {
        var bySurname: [String: [Int]] = [:]
        for (p, person) in dossier.people.enumerated() {
            let words = NameTokens.words(of: person.name)
            // (The words a name is named by alone: the first of a Chinese or Korean name, "Wang" of Wang Yi.)
            if words.count >= 2 { for surname in NameCues.shortForms(of: words) { bySurname[surname, default: []].append(p) } }
        }
        let shared = bySurname.filter { $0.value.count > 1 }
        guard !shared.isEmpty else { return [] }
        var result: [Shared] = []
        for (a, text) in dossier.articleTexts.enumerated() {
            let named = Set(dossier.peopleOfArticle[a])
            var reported = Set<String>()
            let mentions = text.mentions
            for (b, block) in text.document.blocks.enumerated() {
                let tokens = NameTokens.tokenize(block.text)
                for token in tokens {
                    let word = tokens.word(of: token)
                    guard let people = shared[word], !reported.contains(word),
                          !mentions.contains(where: { $0.block == b && $0.range.overlaps(token.start..<token.end) }) else { continue }
                    let here = people.filter(named.contains)
                    let candidates = here.count > 1 ? here : here.isEmpty ? people : []
                    guard candidates.count > 1 else { continue }
                    reported.insert(word)
                    result.append(Shared(text: word, article: dossier.articles[a].slug, people: candidates.map { dossier.people[$0].slug }.sorted()))
                }
            }
        }
        return result
    }

    /// The report for people: one section per kind, each line saying what, where, and why.
    public var text: String {
        var out: [String] = []
        func section<T>(_ title: String, _ items: [T], _ line: (T) -> String) {
            out.append("\(title) (\(items.count))")
            out += items.isEmpty ? ["  none"] : items.map { "  " + line($0) }
        }
        section("People found in the articles, not curated", discoveredPeople) {
            "\($0.name) [\($0.slug)]\($0.role.map { ", \($0)" } ?? ""), in \($0.articles.joined(separator: ", "))"
        }
        section("Spellings linked to a person", variantLinks) { "\"\($0.text)\" in \($0.article) → \($0.person): \($0.reason)" }
        section("Spellings suggested, not linked (add an alias to link, or leave it)", variantSuggestions) {
            "\"\($0.text)\" in \($0.article) might be \($0.person): \($0.reason)"
        }
        section("Surnames used alone that name nobody known", unresolvedSurnames) { "\"\($0.text)\" in \($0.article)" }
        section("Surnames used alone that two people in play have (not linked; name one in full nearby, or add an alias)", ambiguousSurnames) {
            "\"\($0.text)\" in \($0.article) could be \($0.people.joined(separator: " or "))"
        }
        section("Curated people no article mentions", unmentionedPeople) { $0 }
        section("Events no article covers", unmentionedEvents) { $0 }
        section("Articles without a date", articlesWithoutDates) { "\($0.path):\($0.line):\($0.column): \($0.message)" }
        section("Aliases claimed by two people", aliasesClaimedTwice) { "\($0.path):\($0.line):\($0.column): \($0.message)" }
        if !staleCorrections.isEmpty {
            section("Corrections that match nothing any more (Content/corrections.yml)", staleCorrections) { "\($0.path):\($0.line):\($0.column): \($0.message)" }
        }
        if !otherProblems.isEmpty { section("Other problems", otherProblems) { "\($0.path):\($0.line):\($0.column): \($0.message)" } }
        return out.joined(separator: "\n")
    }

    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
