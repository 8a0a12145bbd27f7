// Builds the small fixture dossier as a user would and checks what a reader sees: pages, links both ways,
// sentences, dates, the timeline, and that every link resolves.

import Foundation
import Renderer
import Testing

@Suite struct EndToEndTests {
    let scratch = Scratch()
    var site: String { scratch.path + "/Site" }

    init() throws {
        _ = try buildSite(content: Repo.fixture("small"), output: scratch.path + "/Site")
    }

    func page(_ path: String) -> String { SiteFiles.read(site, path) ?? "" }

    @Test func everyKindOfPageIsWritten() {
        let files = SiteFiles.list(site)
        for path in ["index.html", "timeline.html", "people/index.html", "events/index.html", "articles/index.html",
                     "people/anna-berg.html", "people/paul-berg.html", "people/omar-haddad.html", "people/lena-ode.html",
                     "events/harbour-summit.html", "events/trade-accord.html", "events/first-contact.html",
                     "articles/envoys-meet.html", "articles/accord-reported.html", "articles/garbled-report.html",
                     "assets/dossier.css", "assets/note.txt"] {
            #expect(files.contains(path), "missing \(path)")
        }
    }

    @Test func articleLinksPeopleItMentions() {
        let html = page("articles/envoys-meet.html")
        #expect(html.contains("<a href=\"../people/anna-berg.html\" title=\"Anna Berg\">Anna Berg</a>"))
        #expect(html.contains("<em><a href=\"../people/omar-haddad.html\" title=\"Omar Haddad\">Omar Haddad</a></em>"))
        // The existing link keeps its target: no link inside a link.
        #expect(html.contains("<a href=\"https://example.org/haddad\">Omar Haddad</a>"))
        #expect(!html.contains("<a href=\"https://example.org/haddad\"><a"))
        // "Bergman" and "Bergs" are other words.
        #expect(html.contains("The Bergman family hosted dinner, and Bergs were not mentioned."))
        // A wikilink to another article, with its own text.
        #expect(html.contains("<a href=\"../articles/accord-reported.html\">the next report</a>"))
        #expect(html.contains("href=\"https://example.org/envoys-meet\""))
        #expect(html.contains("datetime=\"2024-03-05\""))
    }

    @Test func plainTextArticleKeepsItsTextAndGetsLinks() {
        let html = page("articles/garbled-report.html")
        #expect(html.contains("Garbled report from the summit"))
        #expect(html.contains("Desk Translator"))
        #expect(html.contains("<a href=\"../people/anna-berg.html\" title=\"Anna Berg\">Ana Bergh</a>"))
        #expect(html.contains("<a href=\"../people/omar-haddad.html\" title=\"Omar Haddad\">O. Haddad</a>"))
    }

    @Test func personPageQuotesEverySentenceThatMentionsThem() {
        let html = page("people/anna-berg.html")
        #expect(html.contains("Envoy of Northland"))
        #expect(html.contains("Ana Bergh"))                                 // also written as
        #expect(html.contains("<mark>Anna Berg</mark> met Omar Haddad on Tuesday."))
        #expect(html.contains("<mark>Berg</mark>’s aides stayed outside."))
        #expect(html.contains("<mark>Ana Bergh</mark> and O. Haddad spoke at the summit at Port Mira."))
        #expect(html.contains("Paul Berg and <mark>Anna Berg</mark> both attended."))
        // "Berg said nothing more." is ambiguous there (two Bergs named): quoted for neither.
        #expect(!html.contains("<mark>Berg</mark> said nothing more."))
        #expect(!page("people/paul-berg.html").contains("<mark>Berg</mark> said nothing more."))
        #expect(html.contains("href=\"../events/harbour-summit.html\""))    // took part
        #expect(html.contains("href=\"../people/omar-haddad.html\""))        // mentioned with
    }

    @Test func frontMatterPeopleAreLinkedWithoutBeingNamed() {
        #expect(page("articles/accord-reported.html").contains("href=\"../people/lena-ode.html\""))
        #expect(page("people/lena-ode.html").contains("href=\"../articles/accord-reported.html\""))
    }

    @Test func eventPageShowsDatePeopleCoverageAndNeighbours() {
        let html = page("events/harbour-summit.html")
        #expect(html.contains("datetime=\"2024-03-04\""))
        #expect(html.contains("4–6 March 2024"))
        #expect(html.contains("Port Mira"))
        #expect(html.contains("href=\"../people/anna-berg.html\""))
        #expect(html.contains("href=\"../articles/envoys-meet.html\""))      // front matter events:
        #expect(html.contains("href=\"../articles/garbled-report.html\""))   // alias in the text
        #expect(html.contains("href=\"../events/first-contact.html\""))      // before
        #expect(html.contains("href=\"../events/trade-accord.html\""))       // after
        // Its description's wikilinks.
        #expect(html.contains("<a href=\"../people/anna-berg.html\">Berg</a>"))
        #expect(html.contains("<a href=\"../people/omar-haddad.html\">Omar Haddad</a>"))
    }

    @Test func timelineIsInDateOrderAtEachDatesPrecision() throws {
        let html = page("timeline.html")
        let order = ["First contact", "Harbour summit", "Envoys meet in Port Mira", "Garbled report from the summit",
                     "Trade accord signed", "Accord reported"]
        let positions = try order.map { title in try #require(html.range(of: title)).lowerBound }
        #expect(positions == positions.sorted())
        #expect(html.contains("datetime=\"2023\""))
        #expect(html.contains("c. April 2024"))
        #expect(html.contains("datetime=\"2024-04\""))
    }

    @Test func homePageListsPeopleEventsArticlesAndTheTimeline() {
        let html = page("index.html")
        #expect(html.contains("Harbour Talks"))
        #expect(html.contains("Two envoys, one harbour, three reports."))
        #expect(html.contains("href=\"people/omar-haddad.html\""))
        #expect(html.contains("href=\"events/trade-accord.html\""))
        #expect(html.contains("href=\"articles/garbled-report.html\""))
        #expect(html.contains("href=\"timeline.html\""))
    }

    @Test func everyLinkNamesAFileThatExists() {
        let files = Set(SiteFiles.list(site))
        var checked = 0
        for path in files where path.hasSuffix(".html") {
            for link in LinkScan.relativeLinks(in: page(path)) {
                checked += 1
                #expect(!link.hasPrefix("/"), "\(path): absolute link \(link)")
                #expect(!link.hasSuffix("/"), "\(path): folder link \(link)")
                #expect(files.contains(LinkScan.resolve(link, from: path)), "\(path): \(link) resolves to no file")
            }
        }
        #expect(checked > 100)
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let other = Scratch()
        _ = try buildSite(content: Repo.fixture("small"), output: other.path + "/Site")
        #expect(SiteFiles.snapshot(site) == SiteFiles.snapshot(other.path + "/Site"))
    }
}

/// An independent crawler for the tests (not the build's own checker), so a bug there cannot hide here.
enum LinkScan {
    static func relativeLinks(in html: String) -> [String] {
        var links: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                let after = rest[start.upperBound...]
                guard let end = after.firstIndex(of: "\"") else { break }
                let value = String(after[..<end]).replacingOccurrences(of: "&amp;", with: "&")
                if !value.contains(":") && !value.hasPrefix("#") { links.append(value) }
                rest = after[end...]
            }
        }
        return links
    }

    static func resolve(_ link: String, from page: String) -> String {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        let path = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        for piece in path.split(separator: "/") {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }
}
