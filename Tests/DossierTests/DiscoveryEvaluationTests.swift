// Measures discovery against a hand annotation of seven articles (Fixtures/discovery-annotations.json,
// beside the dossier so the build does not warn about it): precision and recall for person mentions, variant links, resolved dates and quote speakers.

import Content
import Discovery
import Foundation
import Testing

struct Annotation: Decodable {
    struct Article: Decodable {
        var mentions: [[String]]
        var variants: [[String]]
        var dates: [[String]]
        var quotes: [[String]]
    }
    var articles: [String: Article]
    var notPeople: [String]
}

/// Matched, found by the code, expected by the annotation.
struct Score: CustomStringConvertible {
    var name: String
    var matched = 0, found = 0, expected = 0
    var misses: [String] = [], extras: [String] = []
    var precision: Double { found == 0 ? 1 : Double(matched) / Double(found) }
    var recall: Double { expected == 0 ? 1 : Double(matched) / Double(expected) }
    var description: String {
        String(format: "%@: precision %.1f%% (%d/%d), recall %.1f%% (%d/%d)", name, precision * 100, matched, found,
               recall * 100, matched, expected)
    }

    /// Counts multiset matches of keys.
    mutating func add(found f: [String], expected e: [String]) {
        found += f.count; expected += e.count
        var pool = e
        for key in f {
            if let at = pool.firstIndex(of: key) { pool.remove(at: at); matched += 1 } else { extras.append(key) }
        }
        misses += pool
    }
}

@Suite struct DiscoveryEvaluationTests {
    let content = Repo.fixture("discovery")

    func load() throws -> (Dossier, Annotation) {
        let (dossier, log) = linkedDossier(content)
        #expect(!log.hasErrors, "\(log.items)")
        let data = try Data(contentsOf: URL(fileURLWithPath: Repo.fixture("discovery-annotations.json")))
        return (try #require(dossier), try JSONDecoder().decode(Annotation.self, from: data))
    }

    @Test func precisionAndRecallMeetTheBar() throws {
        let (dossier, annotation) = try load()
        var mentions = Score(name: "person mentions"), variants = Score(name: "variant links")
        var dates = Score(name: "resolved dates"), quotes = Score(name: "quote speakers")

        var foundVariants: [String] = []
        for person in dossier.people { for v in person.variants { foundVariants.append("\(v.article): \(v.text) → \(person.slug)") } }
        var expectedVariants: [String] = []

        for (slug, truth) in annotation.articles.sorted(by: { $0.key < $1.key }) {
            let a = try #require(dossier.articleBySlug[slug], "article \(slug)")
            let text = dossier.articleTexts[a]
            mentions.add(found: text.mentions.filter { $0.kind != .wikilink }.map { "\(slug): \($0.text) → \(dossier.people[$0.person].slug)" },
                         expected: truth.mentions.map { "\(slug): \($0[0]) → \($0[1])" })
            expectedVariants += truth.variants.map { "\(slug): \($0[0]) → \($0[1])" }

            // A date counts when it resolves to the annotated EDTF and covers the annotated words (or they cover it).
            var expectedDates = truth.dates
            var foundDateKeys: [String] = [], expectedDateKeys: [String] = []
            for statement in dossier.datedStatements[a] {
                if let i = expectedDates.firstIndex(where: { $0[1] == statement.date.edtf
                        && ($0[0].lowercased().contains(statement.expression.lowercased()) || statement.expression.lowercased().contains($0[0].lowercased())) }) {
                    foundDateKeys.append("\(slug): \(expectedDates[i][0]) = \(expectedDates[i][1])")
                    expectedDates[i] = ["", ""]
                } else {
                    foundDateKeys.append("\(slug): \(statement.expression) = \(statement.date.edtf)")
                }
            }
            expectedDateKeys = truth.dates.map { "\(slug): \($0[0]) = \($0[1])" }
            dates.add(found: foundDateKeys, expected: expectedDateKeys)

            // A speaker counts for the quotation that starts with the annotated words.
            let foundQuotes = dossier.quotes[a].compactMap { quote -> String? in
                guard let speaker = quote.speaker else { return nil }
                let start = truth.quotes.first { quote.text.hasPrefix($0[0]) }?[0] ?? String(quote.text.prefix(30))
                return "\(slug): “\(start)” ← \(dossier.people[speaker].slug)"
            }
            quotes.add(found: foundQuotes, expected: truth.quotes.map { "\(slug): “\($0[0])” ← \($0[1])" })
        }
        variants.add(found: foundVariants, expected: expectedVariants)

        for score in [mentions, variants, dates, quotes] {
            print("discovery evaluation — \(score)")
            for miss in score.misses { print("  missed: \(miss)") }
            for extra in score.extras { print("  wrong:  \(extra)") }
            #expect(score.precision >= 0.95, "\(score)")
            #expect(score.recall >= 0.90, "\(score)")
        }
    }

    @Test func noPageForAPlaceOrOrganisation() throws {
        let (dossier, annotation) = try load()
        let names = Set(dossier.people.map(\.name))
        for phrase in annotation.notPeople {
            #expect(!names.contains(where: { $0.contains(phrase) }), "\(phrase) became a person")
        }
        // Every person nobody curated is one the annotation names.
        let annotated = Set(annotation.articles.values.flatMap { $0.mentions.map { $0[1] } })
        for person in dossier.people where !person.curated {
            #expect(annotated.contains(person.slug), "\(person.name) (\(person.slug)) is not a person in the annotation")
        }
    }
}
