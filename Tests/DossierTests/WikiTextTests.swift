// Wikilinks outside their body: a dossier with a wikilink in every place a sentence, title or summary can be shown
// (summaries, quoted sentences, quotations, dated sentences, titles, front matter), built as a user builds it. No
// output file may show `[[`; a wikilink to an event is coverage of it; a sentence two articles carry is one entry.

import Discovery
import Foundation
import Renderer
import Testing

@Suite struct WikiTextTests {
    let scratch = Scratch()
    var content: String { scratch.path + "/Content" }
    var site: String { scratch.path + "/Site" }

    init() throws {
        scratch.write("Content/dossier.yml", """
            title: "Talks with [[anna-berg]]"
            subtitle: "About [[harbour-summit|the summit]]"
            base_url: "https://example.org/dossier/"
            """)
        scratch.write("Content/people/anna-berg.md", """
            ---
            name: Anna Berg
            role: "Envoy to [[harbour-summit]]"
            ---
            Envoy of Northland, at [[harbour-summit]].
            """)
        scratch.write("Content/people/omar-haddad.md", "---\nname: Omar Haddad\n---\n")
        scratch.write("Content/events/harbour-summit.md", """
            ---
            title: Harbour summit
            date: 2024-03-05
            place: "Port Mira, host [[omar-haddad]]"
            people: [anna-berg]
            ---
            Where [[anna-berg|Berg]] met [[omar-haddad]].
            """)
        scratch.write("Content/articles/envoys-meet.md", """
            ---
            title: "[[anna-berg]] meets [[omar-haddad|Haddad]]"
            date: 2024-03-06
            source: "[[omar-haddad]] Gazette"
            ---
            [[anna-berg|Anna Berg]] came to the [[harbour-summit]] on 5 March 2024, and [[omar-haddad]] met her.

            "We agreed on [[harbour-summit|the harbour]]," Anna Berg said.

            The two envoys will meet again on 1 April 2024, with [[omar-haddad]] as host.
            """)
        scratch.write("Content/articles/wire-copy.md", """
            ---
            title: "Wire copy"
            date: 2024-03-07
            summary: "A summary naming [[anna-berg]] and [[harbour-summit|the summit]]."
            ---
            Omar Haddad spoke to reporters.

            The two envoys will meet again on 1 April 2024, with [[omar-haddad]] as host.
            """)
        _ = try buildSite(content: content, output: site)
    }

    func page(_ path: String) -> String { SiteFiles.read(site, path) ?? "" }

    @Test func noOutputFileShowsWikilinkMarkup() {
        let files = SiteFiles.list(site)
        #expect(files.contains("feed.xml") && files.contains("assets/search/names.js") && files.contains("briefing.html"))
        for file in files where !file.hasSuffix(".png") {
            #expect(!page(file).contains("[["), "\(file) shows [[")
        }
    }

    @Test func wikilinksReadAsTheWordsTheyShow() {
        let person = page("people/anna-berg.html")
        // The quoted sentence reads as the article does, the wikilink's words marked as the name.
        #expect(person.contains("<mark>Anna Berg</mark> came to the Harbour summit on 5 March 2024, and Omar Haddad met her."))
        #expect(page("index.html").contains("A summary naming Anna Berg and the summit."))
        #expect(page("articles/envoys-meet.html").contains("Anna Berg meets Haddad"))
        #expect(page("timeline.html").contains("The two envoys will meet again on 1 April 2024, with Omar Haddad as host."))
    }

    @Test func aWikilinkToAnEventIsCoverageOfIt() throws {
        let (linked, _) = linkedDossier(content)
        let dossier = try #require(linked)
        let event = try #require(dossier.eventBySlug["harbour-summit"])
        let article = try #require(dossier.articleBySlug["envoys-meet"])
        #expect(dossier.articlesOfEvent[event] == [article])
        #expect(page("events/harbour-summit.html").contains("envoys-meet.html"))
    }

    @Test func aSentenceTwoArticlesCarryIsOneEntryWithBoth() throws {
        let timeline = page("timeline.html")
        #expect(timeline.components(separatedBy: "The two envoys will meet again").count == 2)
        #expect(timeline.contains("as reported in “Anna Berg meets Haddad”</span> <span class=\"item-detail\">and in <a href=\"articles/wire-copy.html#s"))
    }
}
