// Who said it and when, as a reader sees it (issue 25, items 3 and 4): a quotation credited on the speaker's person
// page and in the article's "Who is quoted" list, an organisation shown as an organisation (never as a person, with
// no page), a dated sentence on the event it falls on. The sentences are written fresh here, one per class.

import Content
import Discovery
import Export
import Foundation
@testable import Renderer
import Testing

@Suite struct QuotationPageTests {

    /// What the article page lists as "Who is quoted": each quotation with its person's name or its organisation.
    private func quoted(_ body: String, date: String = "2024-06-14") throws -> [String] {
        let dossier = try oneArticleDossier(body, date: date, people: [("anna-berg", "Anna Berg"), ("paul-ode", "Paul Ode"),
                                                                      ("lena-ode", "Lena Ode")])
        return PageBuilder(dossier: dossier).articlePage(0).quotations.map { quotation in
            "\(quotation.text) ← " + (quotation.speaker?.label ?? quotation.organisation.map { "organisation: \($0)" } ?? "?")
        }
    }

    /// Each row: a construction of news prose, wire copy, translation or transcript, and whom the page credits.
    @Test(arguments: [
        // The subject of the speech verb, not the one spoken of.
        ("Anna Berg met Paul Ode. “He is a friend,” Berg said of Ode.", ["He is a friend ← Anna Berg"]),
        // A possessive and the object of a preposition are not the subject.
        ("Paul Ode’s sister, Anna Berg, wrote that he was “tired but calm”.", ["tired but calm ← Anna Berg"]),
        ("Anna Berg spoke. A spokesman for Paul Ode said the talks were “going nowhere”.", []),
        // "he called", "X, who described", "according to him".
        ("Paul Ode spoke at length. The plan he called “a dead end”.", ["a dead end ← Paul Ode"]),
        ("Lena Ode met Paul Ode, who described the deal as “a fair start”.", ["a fair start ← Paul Ode"]),
        ("Anna Berg denounced what, according to her, is “a campaign of lies”.", ["a campaign of lies ← Anna Berg"]),
        // A participle's subject; the verbs of translated text, speaker after the verb.
        ("Anna Berg dismissed the report, calling its authors “amateurs” on radio.", ["amateurs ← Anna Berg"]),
        ("“I will not resign,” repeated Berg three times.", ["I will not resign ← Anna Berg"]),
        ("Anna Berg said she took “full responsibility”, adding that “the party must change”.",
         ["full responsibility ← Anna Berg", "the party must change ← Anna Berg"]),
        ("Ode “is in good health”, assured the former minister Anna Berg.", ["is in good health ← Anna Berg"]),
        ("The police detained Anna Berg, who said she was “only a witness”.", ["only a witness ← Anna Berg"]),
        // Titles and bodies before a name are the person's.
        ("“We stand firm,” said Secretary of State Anna Berg.", ["We stand firm ← Anna Berg"]),
        ("Harbour Ministry spokeswoman Anna Berg said the plan was “sound”.", ["sound ← Anna Berg"]),
        ("The envoys met in Lyon. Paul Ode: “Nothing is agreed yet.”", ["Nothing is agreed yet. ← Paul Ode"]),
        // The quotation marks translations keep.
        ("«Nothing is agreed yet», Paul Ode said to journalists.", ["Nothing is agreed yet ← Paul Ode"]),
        ("Anna Berg said the plan was „a serious mistake“.", ["a serious mistake ← Anna Berg"]),
        // A line of attribution under a quotation standing alone (a block quote).
        ("Anna Berg spoke first. “We agreed,” Berg said.\n\n> “The talks were frank.”\n>\n> — Paul Ode, in an interview",
         ["We agreed ← Anna Berg", "The talks were frank. ← Paul Ode"]),
        // A role for the person the text was just about.
        ("Anna Berg arrived in Lyon on Monday. “We came to listen,” the foreign minister said.", ["We came to listen ← Anna Berg"]),
        // Several sentences and paragraphs: the continuation is the same speaker's; a paragraph left open runs on.
        ("“We agreed,” Anna Berg said. “The rest can wait.”", ["We agreed ← Anna Berg", "The rest can wait. ← Anna Berg"]),
        ("Paul Ode said: “The harbour stays open all year, whatever the ministers decide\n\n“Nobody will close it while I am here.”",
         ["The harbour stays open all year, whatever the ministers decide ← Paul Ode", "Nobody will close it while I am here. ← Paul Ode"]),
    ])
    func theArticlePageCreditsTheSpeaker(body: String, expected: [String]) throws {
        #expect(try quoted(body) == expected, "\(body)")
    }

    /// A body that speaks is an organisation: named as the article names it in full, never a person.
    @Test(arguments: [
        ("The Ministry of Harbour Affairs rejected the claims. “The report is false,” the ministry said in a statement.",
         ["The report is false ← organisation: Ministry of Harbour Affairs"]),
        ("The Coastal Defence Forces (CDF) moved north. “We hold the bridge,” the CDF said.",
         ["We hold the bridge ← organisation: Coastal Defence Forces"]),
        ("The federation threatened to sue Anna Berg and said: “The federation will answer every lie.”",
         ["The federation will answer every lie. ← organisation: Federation"]),
        ("Players’ union NORDPRO said in a statement that such acts must “never go unpunished”.",
         ["never go unpunished ← organisation: NORDPRO"]),
        ("Hamas said the offer was “an insult”.", ["an insult ← organisation: Hamas"]),
        ("“We reject this,” a spokesperson for the Harbour Ministry said.", ["We reject this ← organisation: Harbour Ministry"]),
        ("The ministry said the report was “false”. It said it would “answer in court”.",
         ["false ← organisation: Ministry", "answer in court ← organisation: Ministry"]),
        ("“We will respond,” the United States said.", ["We will respond ← organisation: United States"]),
        ("Anna Berg rejected the claims as “pure fiction”.", ["pure fiction ← Anna Berg"]),
        ("Norland's Ministry of Harbour Affairs rejected the report as “absurd and motivated”.",
         ["absurd and motivated ← organisation: Ministry of Harbour Affairs"]),
        ("Asked about Anna Berg, the Harbour Ministry said it was “not aware of the situation” when asked on Monday.",
         ["not aware of the situation ← organisation: Harbour Ministry"]),
    ])
    func anOrganisationSpeaksAsAnOrganisation(body: String, expected: [String]) throws {
        #expect(try quoted(body) == expected, "\(body)")
    }

    /// A transcript: the speaker labels' turns, a reporter's outlet asking is the outlet's, a question nobody's.
    @Test func aBriefingsOutletsAskAndItsSpokespersonAnswers() throws {
        let lines = try quoted("""
            MS. BERG: Good afternoon. The talks resume on Monday.

            Reuters: Will Mr. Ode attend the talks?

            MS. BERG: He will.

            Q: And the minister?

            MS. BERG: I have nothing to add.
            """)
        #expect(lines == ["Good afternoon. The talks resume on Monday. ← Anna Berg", "Will Mr. Ode attend the talks? ← organisation: Reuters",
                          "He will. ← Anna Berg", "I have nothing to add. ← Anna Berg"])
    }

    /// A label giving the office only is the one person the briefing names with that office.
    @Test func aLabelOfAnOfficeIsItsHolders() throws {
        let dossier = try oneArticleDossier("""
            Daily press briefing by Matthew Kellner, Department Spokesperson, Washington.

            SPOKESPERSON: Good afternoon. Two items today.

            QUESTION: Any news on the talks?

            SPOKESPERSON: None yet.
            """, date: "2024-06-14")
        let quotes = PageBuilder(dossier: dossier).articlePage(0).quotations.map { "\($0.text) ← \($0.speaker?.label ?? "?")" }
        #expect(quotes == ["Good afternoon. Two items today. ← Matthew Kellner", "None yet. ← Matthew Kellner"])
    }

    /// End to end: the built pages. The organisation is on the article page as an organisation, on no person page,
    /// and in the export as `organisation` with a null speaker; the person's quotation is on their page.
    @Test func theBuiltSiteAndTheExportShowTheOrganisation() throws {
        let scratch = Scratch()
        scratch.write("dossier.yml", "title: T\n")
        scratch.write("people/anna-berg.md", "---\nname: \"Anna Berg\"\n---\n")
        scratch.write("articles/a.md", """
            ---
            title: Harbour row
            date: 2024-06-14
            ---
            The Ministry of Harbour Affairs rejected the claims. “The report is false,” the ministry said in a statement.

            “We will check every figure,” Anna Berg said of the ministry.

            """)
        let output = Scratch()
        _ = try buildSite(content: scratch.path, output: output.path)
        let article = try #require(SiteFiles.read(output.path, "articles/a.html"))
        #expect(article.contains("<span class=\"quotation-organisation\">Ministry of Harbour Affairs</span> · organisation"))
        #expect(article.contains("<a href=\"../people/anna-berg.html\">Anna Berg</a>"))
        let berg = try #require(SiteFiles.read(output.path, "people/anna-berg.html"))
        #expect(berg.contains("We will check every figure") && !berg.contains("The report is false"))
        #expect(!SiteFiles.list(output.path + "/people").contains { $0.lowercased().contains("ministry") })

        let (export, _) = try DossierExport.read(contentDirectory: scratch.path)
        let byOrganisation = export.quotations.filter { $0.organisation != nil }
        #expect(byOrganisation.map(\.organisation) == ["Ministry of Harbour Affairs"])
        #expect(byOrganisation.allSatisfy { $0.speaker == nil })
    }
}

@Suite struct DatedStatementPageTests {

    /// Which day a phrase gives, by tense and modality, ranges and translated styles (2024-06-14 is a Friday).
    @Test(arguments: [
        ("The committee meets this Friday.", "2024-06-14"),
        ("The committee meets this Tuesday.", "2024-06-18"),
        ("The board met this Tuesday.", "2024-06-11"),
        ("Voting will take place from 15 to 17 March.", "2025-03-15/2025-03-17"),
        ("She was barred from the June 20-22 summit.", "2024-06-20/2024-06-22"),
        ("The forum runs from July 24 to 25 in Lyon.", "2024-07-24/2024-07-25"),
        ("He served as mayor from March 2013 to December 2022.", "2013-03/2022-12"),
        ("The players revolted last September.", "2023-09"),
        ("A new vote is planned for October.", "2024-10"),
        ("The decree was signed on the afternoon of the 12th.", "2024-06-12"),
        ("The delegation left on 9th.", "2024-06-09"),
        ("The 9th morning, the troops crossed.", "2024-06-09"),
        ("AFP: The envoy arrived on Sunday. Will he stay?", "2024-06-09"),
        ("The vote was held on Sunday, June 9, after weeks of talks.", "2024-06-09"),
        ("The summit will open on 2024-07-01 in Vilnius.", "2024-07-01"),
        ("The decree of 25.06.2024 stands.", "2024-06-25"),
        ("Sanctions were imposed in 2019 and 2020.", "2019|2020"),
        ("The envoy arrived on June 3 and left the next day.", "2024-06-03|2024-06-04"),
        ("Sunday’s vote will decide it.", "2024-06-16"),
        ("Talks ran from Monday to Wednesday.", "2024-06-10/2024-06-12"),
        ("«Today we sign», the envoy said on Wednesday.", "2024-06-12|2024-06-12"),
        ("The truce holds for 90 days, officials said last week.", ""),
        ("The commission said it had recorded 39 deaths by Monday.", "2024-06-10"),
        ("The commission must report by Monday, she said.", "2024-06-17"),
        ("He said the bill had to pass before Tuesday.", "2024-06-18"),
        ("Talks resume this weekend.", ""),
    ])
    func aPhraseGivesOneDate(sentence: String, expected: String) throws {
        let dossier = try oneArticleDossier(sentence, date: "2024-06-14")
        #expect(dossier.datedStatements[0].map(\.date.edtf) == expected.split(separator: "|").map(String.init), "\(sentence)")
    }

    /// End to end: a sentence with a future weekday is dated on the event it falls on, and shown on its page.
    @Test func aFutureWeekdayLandsOnItsEvent() throws {
        let scratch = Scratch()
        scratch.write("dossier.yml", "title: T\n")
        scratch.write("people/anna-berg.md", "---\nname: \"Anna Berg\"\n---\n")
        scratch.write("events/lyon-talks.md", "---\ntitle: Lyon talks\ndate: 2024-06-18\npeople: [anna-berg]\n---\nTalks.\n")
        scratch.write("events/old-talks.md", "---\ntitle: Old talks\ndate: 2024-06-11\npeople: [anna-berg]\n---\nTalks.\n")
        scratch.write("articles/a.md", "---\ntitle: Ahead of Lyon\ndate: 2024-06-14\n---\nAnna Berg will meet the envoys on Tuesday.\n")
        let output = Scratch()
        _ = try buildSite(content: scratch.path, output: output.path)
        let next = try #require(SiteFiles.read(output.path, "events/lyon-talks.html"))
        let past = try #require(SiteFiles.read(output.path, "events/old-talks.html"))
        #expect(next.contains("will meet the envoys <mark>on Tuesday</mark>"))
        #expect(!past.contains("will meet the envoys"))
        // On the timeline, the sentence's entry carries the day it gives.
        let timeline = try #require(SiteFiles.read(output.path, "timeline.html"))
        let entry = try #require(timeline.components(separatedBy: "<li class=\"tl-entry").first { $0.contains("will meet the envoys on Tuesday") })
        #expect(entry.contains("datetime=\"2024-06-18\""), "\(entry)")
    }
}
