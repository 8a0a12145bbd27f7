// Discovery as a user sees it: the default dossier still links every garbled name with the aliases removed,
// people nobody curated get pages, places and organisations do not, dates and quotes land on the right pages.

import Content
import Discovery
import EDTF
import Foundation
import Testing

@Suite struct DiscoveryTests {
    /// The default dossier with every `aliases:` line removed from the people files, built to a site.
    @Test func defaultDossierResolvesEveryVariantWithoutAliases() throws {
        let scratch = Scratch()
        let content = scratch.copy(Repo.content, as: "Content")
        for file in SiteFiles.list(content + "/people") {
            let path = content + "/people/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("aliases:") }
                .joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
            #expect(!(try String(contentsOfFile: path, encoding: .utf8)).contains("aliases:"))
        }
        let site = scratch.path + "/Site"
        _ = try buildSite(content: content, output: site)
        let article = SiteFiles.read(site, "articles/kremlin-envoys-praise-trump-administration-after-two-day-meeting-in-washington.html") ?? ""
        for (written, slug) in [("Kiril Dmitriev", "kirill-dmitriev"), ("Dmitliff", "kirill-dmitriev"), ("Dmitliv", "kirill-dmitriev"),
                                ("Steve Witkov", "steve-witkoff"), ("Witkov", "steve-witkoff"), ("Mark Vogel", "marc-fogel"),
                                ("Vladimir V. Putin", "vladimir-putin"), ("Sergei V. Lavrov", "sergei-lavrov")] {
            let person = SiteFiles.read(site, "people/\(slug).html") ?? ""
            #expect(person.contains("<mark>\(written)</mark>"), "\(slug) quotes \(written)")
            #expect(article.contains("<a href=\"../people/\(slug).html\" title=\"") && article.contains("\">\(written)</a>") || written == "Witkov",
                    "\(written) links to \(slug)")
        }
        // "Also written as" names the article each spelling came from.
        let dmitriev = SiteFiles.read(site, "people/kirill-dmitriev.html") ?? ""
        #expect(dmitriev.contains("<li>Dmitliff <span class=\"item-meta\">in <a href=\"../articles/kremlin-envoys-praise-trump-administration-after-two-day-meeting-in-washington.html#s"))   // the sentence that spells it so
        // No page for any place or organisation; the same eight people as with the curated aliases.
        let pages = SiteFiles.list(site + "/people").filter { $0 != "index.html" }
        #expect(pages == ["donald-trump.html", "joe-biden.html", "kirill-dmitriev.html", "marc-fogel.html", "sergei-lavrov.html",
                          "steve-witkoff.html", "vladimir-putin.html", "volodymyr-zelensky.html"])
    }

    @Test func discoveredPeopleGetPagesMarkedNotCurated() throws {
        let scratch = Scratch()
        let site = scratch.path + "/Site"
        _ = try buildSite(content: Repo.fixture("discovery"), output: site)
        let peskov = try #require(SiteFiles.read(site, "people/dmitry-peskov.html"))
        #expect(peskov.contains("Found in the articles, not curated"))
        #expect(peskov.contains("<p class=\"role\">Kremlin spokesman</p>"))
        #expect(peskov.contains("“There is nothing to discuss at the moment”"))
        let gaddafi = try #require(SiteFiles.read(site, "people/muammar-gaddafi.html"))
        #expect(!gaddafi.contains("not curated"))
        #expect(gaddafi.contains("<li>Gadhafi <span class=\"item-meta\">in <a href=\"../articles/gaddafi-vows-to-fight-on.html#s"))
        #expect(gaddafi.contains("“We will not leave Libya”"))
        for place in ["white-house", "state-department", "national-security-council", "gazprom", "european-union", "kremlin"] {
            #expect(SiteFiles.read(site, "people/\(place).html") == nil, "\(place)")
        }
        // A dated sentence on the curated event it matches (same day, same person), and on the timeline.
        let death = try #require(SiteFiles.read(site, "events/navalny-death.html"))
        #expect(death.contains("who died in an Arctic prison <mark>on February 16</mark>"))
        let timeline = try #require(SiteFiles.read(site, "timeline.html"))
        #expect(timeline.contains("Rebels seized the oil port of Brega on February 28."))
    }

    // MARK: - Inline cases


    @Test func capitalLettersAloneAreNoPerson() throws {
        let dossier = try oneArticleDossier("""
        Officials at the White House and the State Department met Goldman Sachs bankers. Saudi Arabia and the National \
        Security Council stayed silent; Harvard University said nothing. Kremlin spokesman Dmitry Peskov said so.
        """)
        #expect(dossier.people.map(\.name) == ["Dmitry Peskov"])
    }

    @Test func surnameAloneAttachesToTheFullNameUsedEarlier() throws {
        let dossier = try oneArticleDossier("Maria Zakharova, the Foreign Ministry spokeswoman, spoke. Later Zakharova added more.")
        let p = try #require(dossier.personBySlug["maria-zakharova"])
        #expect(dossier.people[p].role == "Foreign Ministry spokeswoman")
        #expect(dossier.articleTexts[0].mentions.map(\.text) == ["Maria Zakharova", "Zakharova"])
    }

    @Test func weakEvidenceIsASuggestionNotALink() throws {
        let dossier = try oneArticleDossier("His widow, Yulia Navalnaya, spoke in Munich.", people: [("alexei-navalny", "Alexei Navalny")])
        #expect(dossier.discovery.suggestions.map(\.text) == ["Yulia Navalnaya"])
        #expect(dossier.people.first { $0.slug == "alexei-navalny" }?.variants.isEmpty == true)
        #expect(dossier.personBySlug["yulia-navalnaya"] != nil)
    }

    @Test func datesResolveAgainstTheArticleDate() throws {
        let dossier = try oneArticleDossier("""
        They met on Wednesday. Talks began on February 27 and ended in March 2024. Sanctions came in 2022 and have held \
        since 2019. It happened yesterday, last month and this week. Two days later it rained.
        """, date: "2025-04-03")
        let found = dossier.datedStatements[0].map { "\($0.expression)=\($0.date.edtf)" }
        #expect(found == ["on Wednesday=2025-04-02", "on February 27=2025-02-27", "in March 2024=2024-03", "in 2022=2022",
                          "since 2019=2019/..", "yesterday=2025-04-02", "last month=2025-03",
                          "Two days later=2025-04-04"])   // "this week" is no date (a span no calendar day names)
    }

    @Test func aWeekBeforeADateLaterInTheSentence() throws {
        let dossier = try oneArticleDossier("Envoys met a week before the summit on March 10. The summit was cancelled.", date: "2025-04-03")
        let found = dossier.datedStatements[0].map { "\($0.expression)=\($0.date.edtf)" }
        #expect(found == ["a week before=2025-03-03", "on March 10=2025-03-10"])
    }

    @Test func quotesGoToTheirSpeaker() throws {
        let dossier = try oneArticleDossier("""
        Sergei Lavrov spoke first. “We see progress,” Lavrov said. Kirill Dmitriev wrote on X that “dialogue is back.” \
        He said “more talks will follow.”
        """, people: [("sergei-lavrov", "Sergei Lavrov"), ("kirill-dmitriev", "Kirill Dmitriev")])
        let quotes = dossier.quotes[0].map { "\($0.text) ← \($0.speaker.map { dossier.people[$0].slug } ?? "nobody")" }
        #expect(quotes == ["We see progress ← sergei-lavrov", "dialogue is back. ← kirill-dmitriev", "more talks will follow. ← kirill-dmitriev"])
    }
}
