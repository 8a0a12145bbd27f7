// Content/corrections.yml end to end: each kind of decision changes what the pages and the export show, a decision
// that matches nothing is listed by `dossier check`, mistakes in the file are located, and a rebuild after an edit
// of the file equals a clean build.

import Content
import Discovery
import EDTF
import Export
import Foundation
import Renderer
import Testing

@Suite struct CorrectionsTests {
    let scratch = Scratch("corrections")

    static let article = """
        ---
        title: Talks in Riyadh
        date: 2025-02-18
        ---
        Kremlin spokesman Dmitry Peskov said on Monday that Kirill Dmitriev would attend. "We are ready to talk," Dmitriev said.

        Analyst Goldman Fenwick, the bank's economist, said the talks went well. Spokeswoman Sviatlana Tsikhanouskaya said "we will not stop," on Tuesday.

        Opposition leader Swetlana Cichanouska, the exiled leader, told reporters the vote was rigged. "It was stolen," Peskov said.

        Valery Tsepkalo and his wife Veronika Tsepkalo fled. Tsepkalo said the country was changing.

        The committee met later in the week to consider the plan.
        """

    /// A dossier with one curated person and the article above; `corrections`, if given, as Content/corrections.yml.
    func content(_ corrections: String? = nil) -> String {
        scratch.write("Content/dossier.yml", "title: Test\n")
        scratch.write("Content/people/kirill-dmitriev.md", "---\nname: Kirill Dmitriev\n---\n")
        scratch.write("Content/articles/talks.md", Self.article)
        if let corrections { scratch.write("Content/corrections.yml", corrections) }
        return scratch.path + "/Content"
    }

    func export(_ corrections: String? = nil) throws -> DossierExport {
        try DossierExport.read(contentDirectory: content(corrections)).0
    }

    @Test func notAPersonHasNoPageAndNoMentions() throws {
        let before = try export()
        #expect(before.people.contains { $0.slug == "goldman-fenwick" })
        let after = try export("not_people:\n  - Goldman Fenwick\n")
        #expect(!after.people.contains { $0.slug == "goldman-fenwick" })
        #expect(!after.mentions.contains { $0.text.contains("Fenwick") })
        _ = try buildSite(content: scratch.path + "/Content", output: scratch.path + "/Site")
        #expect(SiteFiles.read(scratch.path + "/Site", "people/goldman-fenwick.html") == nil)
        #expect(SiteFiles.read(scratch.path + "/Site", "people/dmitry-peskov.html") != nil)
    }

    @Test func namesThatAreOnePersonMakeOnePageWithTheOtherSpellingAlsoWrittenAs() throws {
        let before = try export()
        #expect(before.people.contains { $0.slug == "swetlana-cichanouska" })      // too far apart for discovery
        let after = try export("same:\n  - [Sviatlana Tsikhanouskaya, Swetlana Cichanouska]\n")
        #expect(!after.people.contains { $0.slug == "swetlana-cichanouska" })
        let kept = try #require(after.people.first { $0.slug == "sviatlana-tsikhanouskaya" })
        #expect(kept.variants.map(\.text) == ["Swetlana Cichanouska"])
        #expect(Set(after.mentions.filter { $0.person == "sviatlana-tsikhanouskaya" }.map(\.text))
                == ["Sviatlana Tsikhanouskaya", "Swetlana Cichanouska"])
        _ = try buildSite(content: scratch.path + "/Content", output: scratch.path + "/Site")
        let page = try #require(SiteFiles.read(scratch.path + "/Site", "people/sviatlana-tsikhanouskaya.html"))
        #expect(page.contains("Swetlana Cichanouska"))
        #expect(SiteFiles.read(scratch.path + "/Site", "people/swetlana-cichanouska.html") == nil)
    }

    @Test func aSurnameInAnArticleIsThePersonTheAnalystSays() throws {
        let before = try export()
        #expect(!before.mentions.contains { $0.text == "Tsepkalo" })
        #expect(CheckReport.make(content: scratch.path + "/Content").ambiguousSurnames.map(\.text) == ["Tsepkalo"])   // the open question
        let after = try export("articles:\n  talks:\n    surnames:\n      Tsepkalo: veronika-tsepkalo\n")
        #expect(CheckReport.make(content: scratch.path + "/Content").ambiguousSurnames.isEmpty)                 // answered
        let mention = try #require(after.mentions.first { $0.text == "Tsepkalo" })
        #expect(mention.person == "veronika-tsepkalo")
        #expect(mention.sentence == "Tsepkalo said the country was changing.")
    }

    @Test func aQuotationsSpeakerIsTheOneTheAnalystSaysOrNobody() throws {
        let before = try export()
        #expect(before.quotations.contains { $0.text == "It was stolen" && $0.speaker == "dmitry-peskov" })
        let after = try export("""
            articles:
              talks:
                speakers:
                  "It was stolen": sviatlana-tsikhanouskaya
                  "ready to talk": nobody
            """)
        #expect(after.quotations.contains { $0.text == "It was stolen" && $0.speaker == "sviatlana-tsikhanouskaya" })
        #expect(!after.quotations.contains { $0.text == "We are ready to talk" && $0.speaker != nil })
        _ = try buildSite(content: scratch.path + "/Content", output: scratch.path + "/Site")
        let page = try #require(SiteFiles.read(scratch.path + "/Site", "people/sviatlana-tsikhanouskaya.html"))
        #expect(page.contains("It was stolen"))
    }

    @Test func aSentencesDateIsTheOneTheAnalystSaysOrNone() throws {
        let before = try export()
        #expect(before.statements.contains { $0.text == "on Tuesday" })
        #expect(!before.statements.contains { $0.sentence.contains("later in the week") })
        let after = try export("""
            articles:
              talks:
                dates:
                  "later in the week": 2025-02-20/2025-02-22
                  "on Tuesday": none
                  "said on Monday": 2025-02-16
            """)
        #expect(!after.statements.contains { $0.text == "on Tuesday" })
        #expect(after.statements.contains { $0.sentence.contains("later in the week") && $0.date.description == "2025-02-20/2025-02-22" })
        #expect(after.statements.contains { $0.text == "on Monday" && $0.date.description == "2025-02-16" })
    }

    @Test func anIgnoredSentenceGivesNoMentionQuotationOrDate() throws {
        let before = try export()
        #expect(before.mentions.contains { $0.text == "Kirill Dmitriev" })
        #expect(before.statements.contains { $0.text == "on Monday" })
        let after = try export("articles:\n  talks:\n    ignore:\n      - would attend\n      - It was stolen\n")
        #expect(!after.mentions.contains { $0.text == "Kirill Dmitriev" })
        #expect(!after.statements.contains { $0.text == "on Monday" })
        #expect(!after.quotations.contains { $0.text == "It was stolen" })
        #expect(after.mentions.contains { $0.text == "Dmitriev" })          // the next sentence is still read
    }

    @Test func checkListsDecisionsThatMatchNothingAndMistakesAreLocated() throws {
        let directory = content("""
            not_people: [Nobody Atall]
            sames: []
            articles:
              talks:
                ignore: ["no such words"]
                speakers: {"It was stolen": dmitry-peskof}
                dates: {"later in the week": 2025-13-01}
              talkz:
                ignore: [x]
            """)
        let path = directory + "/corrections.yml"
        let (_, log) = linkedDossier(directory)
        let messages = log.sorted.map(\.description)
        #expect(messages.contains { $0.hasPrefix(path + ":2:1: warning: unknown key 'sames'") && $0.contains("did you mean 'same'?") })
        #expect(messages.contains { $0.hasPrefix(path + ":6:33: error: no person 'dmitry-peskof'; did you mean 'dmitry-peskov'?") })
        #expect(messages.contains { $0.hasPrefix(path + ":7:34: error: '2025-13-01' is not an EDTF date") })
        #expect(messages.contains { $0.hasPrefix(path + ":8:3: error: no article 'talkz'; did you mean 'talks'?") })
        let report = CheckReport.make(content: directory)
        #expect(report.staleCorrections.map(\.line) == [1, 5])
        #expect(report.text.contains("Corrections that match nothing any more"))
        #expect(report.needsDecision)                                   // `check --strict` exits with 2
    }

    @Test func aRebuildAfterEditingCorrectionsEqualsACleanBuild() throws {
        let directory = content("not_people: [Goldman Fenwick]\n")
        let site = scratch.path + "/Site"
        _ = try buildSite(content: directory, output: site)
        scratch.write("Content/corrections.yml", """
            same:
              - [Sviatlana Tsikhanouskaya, Swetlana Cichanouska]
            articles:
              talks:
                speakers: {"It was stolen": sviatlana-tsikhanouskaya}
            """)
        _ = try buildSite(content: directory, output: site)
        let clean = scratch.path + "/Clean"
        _ = try buildSite(content: directory, output: clean)
        let rebuilt = SiteFiles.snapshot(site).filter { !$0.key.hasPrefix(".") }
        let fresh = SiteFiles.snapshot(clean).filter { !$0.key.hasPrefix(".") }
        #expect(rebuilt.keys.sorted() == fresh.keys.sorted())
        for (path, bytes) in fresh where rebuilt[path] != bytes { Issue.record("\(path) differs after the rebuild") }
        #expect(SiteFiles.read(site, "people/goldman-fenwick.html") != nil)
        #expect(SiteFiles.read(site, "people/sviatlana-tsikhanouskaya.html")?.contains("It was stolen") == true)
    }
}
