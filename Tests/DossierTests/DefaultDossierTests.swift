// The shipped dossier: the committed Site/ is exactly a fresh build of Content/, and it says what the
// briefing needs — every person and event page, the garbled names linked to the right people.

import Foundation
import Testing

@Suite struct DefaultDossierTests {
    let scratch = Scratch()
    var fresh: String { scratch.path + "/Site" }

    init() throws {
        _ = try buildSite(content: Repo.content, output: scratch.path + "/Site")
    }

    func page(_ path: String) -> String { SiteFiles.read(fresh, path) ?? "" }

    @Test func committedSiteEqualsAFreshBuild() {
        let committed = SiteFiles.snapshot(Repo.site)
        let built = SiteFiles.snapshot(fresh)
        #expect(committed.keys.sorted() == built.keys.sorted(), "Site/ has other files than a fresh build: run `make site`")
        for (path, bytes) in built where committed[path] != bytes {
            Issue.record("Site/\(path) differs from a fresh build of Content/: run `make site` and commit Site/")
        }
    }

    @Test func pagesForEveryPersonAndEvent() {
        for slug in ["kirill-dmitriev", "steve-witkoff", "donald-trump", "vladimir-putin", "volodymyr-zelensky",
                     "sergei-lavrov", "marc-fogel", "joe-biden"] {
            #expect(page("people/\(slug).html").contains("<h1"), "people/\(slug).html")
        }
        let events = SiteFiles.list(Repo.content + "/events").filter { $0.hasSuffix(".md") }
        #expect(events.count == 10)
        for file in events { #expect(!page("events/" + file.replacingOccurrences(of: ".md", with: ".html")).isEmpty, "\(file)") }
    }

    @Test func garbledNamesLinkToTheRightPerson() {
        let article = page("articles/kremlin-envoys-praise-trump-administration-after-two-day-meeting-in-washington.html")
        for (written, slug) in [("Kiril Dmitriev", "kirill-dmitriev"), ("Dmitliff", "kirill-dmitriev"), ("Dmitliv", "kirill-dmitriev"),
                                ("Steve Witkov", "steve-witkoff"), ("Mark Vogel", "marc-fogel"), ("Vladimir V. Putin", "vladimir-putin"),
                                ("Sergei V. Lavrov", "sergei-lavrov")] {
            #expect(article.contains("href=\"../people/\(slug).html\" title=\"") && article.contains("\">\(written)</a>"),
                    "\(written) → \(slug)")
            #expect(page("people/\(slug).html").contains("<mark>\(written)</mark>"), "\(slug) quotes \(written)")
        }
        // "Witkov" alone, in the sentence about February.
        #expect(page("people/steve-witkoff.html").contains("worked with <mark>Witkov</mark> to help mediate"))
    }

    @Test func personPagesQuoteBothArticles() {
        let dmitriev = page("people/kirill-dmitriev.html")
        #expect(dmitriev.contains("A senior Russian official, <mark>Kirill Dmitriev</mark>, is set to visit Washington this week"))
        #expect(dmitriev.contains("Envoy <mark>Kiril Dmitriev</mark> met at the White House on Wednesday"))
        // The translation's garbles are quoted as they are.
        #expect(dmitriev.contains("<mark>Dmitriev</mark>, who speaks in Russian, spoke to <mark>Dmitriev</mark>, who speaks in Russian"))
        let witkoff = page("people/steve-witkoff.html")
        #expect(witkoff.contains("top Trump administration official <mark>Steve Witkoff</mark>"))
        #expect(witkoff.contains("with <mark>Steve Witkov</mark>, a senior aide"))
    }

    @Test func timelineRunsFromTheInvasionToTheVisit() throws {
        let html = page("timeline.html")
        let invasion = try #require(html.range(of: "2022-02-24"))
        let visit = try #require(html.range(of: "2025-04-01/2025-04-03"))
        #expect(invasion.lowerBound < visit.lowerBound)
        #expect(html.contains("1–3 April 2025"))
        #expect(html.contains("c. 1 April 2025"))
    }
}
