// `dossier check`: what it reports, and when it says a decision is needed.

import Content
import Discovery
import Foundation
import Testing

@Suite struct CheckReportTests {
    @Test func defaultDossierNeedsNoDecision() {
        let report = CheckReport.make(content: Repo.content)
        #expect(!report.needsDecision && !report.hasErrors)
        #expect(report.discoveredPeople.isEmpty && report.unmentionedPeople.isEmpty && report.unmentionedEvents.isEmpty)
    }

    @Test func reportsWhatNeedsADecision() throws {
        let scratch = Scratch()
        scratch.write("dossier.yml", "title: T\n")
        scratch.write("people/alexei-navalny.md", "---\nname: \"Alexei Navalny\"\naliases: [\"Navalny\"]\n---\n")
        scratch.write("people/oleg-orlov.md", "---\nname: \"Oleg Orlov\"\naliases: [\"Navalny\"]\n---\n")
        scratch.write("people/nobody-here.md", "---\nname: \"Nobody Here\"\n---\n")
        scratch.write("events/quiet.md", "---\ntitle: Quiet\ndate: 2024-01-01\n---\n")
        scratch.write("articles/a.md", "---\ntitle: A\ndate: 2024-03-01\n---\nHis widow, Yulia Navalnaya, spoke. Mr. Sobol declined to comment. Mr. Steel did too.\n")
        scratch.write("articles/b.txt", "Title\nBody.\n")
        let report = CheckReport.make(content: scratch.path)
        // "Mr. Sobol": a title and a surname alone are a person; "Mr. Steel" may be a word, so it is left to decide.
        #expect(report.discoveredPeople.map(\.slug) == ["sobol", "yulia-navalnaya"])
        #expect(report.variantSuggestions.map(\.text) == ["Yulia Navalnaya"])
        #expect(report.unresolvedSurnames.map(\.text) == ["Steel"])
        #expect(report.unmentionedPeople == ["alexei-navalny", "nobody-here", "oleg-orlov"])
        #expect(report.unmentionedEvents == ["quiet"])
        #expect(report.articlesWithoutDates.map(\.path) == [scratch.path + "/articles/b.txt"])
        #expect(report.aliasesClaimedTwice.count == 2)
        #expect(report.needsDecision)
        #expect(report.text.contains("\"Yulia Navalnaya\" in a might be alexei-navalny"))
        let decoded = try JSONDecoder().decode(CheckReport.self, from: Data(report.json.utf8))
        #expect(decoded == report)
    }
}
