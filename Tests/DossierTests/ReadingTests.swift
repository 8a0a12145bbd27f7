// The reading features as a reader meets them in the built site: the search index and box, the relations graph,
// the time axis and its filter, the briefing book, and feed.xml / sitemap.xml when (and only when) base_url is absolute.

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Renderer
import Testing

/// The records of assets/search/names.js, read back as JSON the way search.js reads them, with the words the text
/// shards give each record (`x`: the record's words, in no particular order, each once).
struct SearchRecordView {
    var k: String, t: String, u: String, d: String, n: [String], s: String, x: Set<String>
}

struct SearchNames: Decodable {
    enum Field: Decodable {
        case text(String), list([String])
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { self = .text(s) } else { self = .list(try c.decode([String].self)) }
        }
        var text: String { if case .text(let s) = self { s } else { "" } }
        var list: [String] { if case .list(let l) = self { l } else { [] } }
    }
    var shards: [String]
    var records: [[Field]]
}

func between(_ text: String, _ open: String, _ close: String) throws -> Data {
    let start = try #require(text.range(of: open)).upperBound
    let end = try #require(text.range(of: close, options: .backwards, range: start..<text.endIndex)).lowerBound
    return Data(text[start..<end].utf8)
}

func searchNames(_ site: String) throws -> SearchNames {
    let script = try #require(SiteFiles.read(site, "assets/search/names.js"))
    return try JSONDecoder().decode(SearchNames.self, from: between(script, "window.DOSSIER_SEARCH_NAMES = ", ";\n"))
}

/// Each shard's words and their record numbers, decoded as search.js does.
func searchShards(_ site: String) throws -> [String: [String: [Int]]] {
    var shards: [String: [String: [Int]]] = [:]
    for key in try searchNames(site).shards {
        let path = "assets/search/text-\(key.isEmpty ? "_" : key).js"
        let script = try #require(SiteFiles.read(site, path), "\(path) is named by names.js")
        let words = try JSONDecoder().decode([String: String].self, from: between(script, "] = ", ";\n"))
        shards[key] = words.mapValues { text in
            var id = 0
            return text.split(separator: ",").map { id += Int($0, radix: 36)!; return id }
        }
    }
    return shards
}

func searchRecords(_ site: String) throws -> [SearchRecordView] {
    let kinds = ["P": ("Person", "people/"), "E": ("Event", "events/"), "A": ("Article", "articles/")]
    var records = try searchNames(site).records.map { r -> SearchRecordView in
        let kind = kinds[r[0].text]!
        return SearchRecordView(k: kind.0, t: r[1].text, u: kind.1 + r[2].text + ".html", d: r[3].text, n: r[4].list, s: r[5].text, x: [])
    }
    for (_, words) in try searchShards(site) {
        for (word, ids) in words { for id in ids { records[id].x.insert(word) } }
    }
    return records
}

@Suite struct ReadingTests {
    let scratch = Scratch()
    var site: String { scratch.path + "/Site" }

    init() throws {
        _ = try buildSite(content: Repo.fixture("small"), output: scratch.path + "/Site")
    }

    func page(_ path: String) -> String { SiteFiles.read(site, path) ?? "" }

    @Test func searchIndexHasEveryPersonEventAndArticleWithNamesAndText() throws {
        let records = try searchRecords(site)
        #expect(records.filter { $0.k == "Person" }.count == 4)
        #expect(records.filter { $0.k == "Event" }.count == 3)
        #expect(records.filter { $0.k == "Article" }.count == 3)
        let anna = try #require(records.first { $0.t == "Anna Berg" })
        #expect(anna.u == "people/anna-berg.html")
        #expect(anna.n.contains("Ana Bergh"))                  // alias
        #expect(anna.n.contains("Berg"))                       // a spelling the articles use
        #expect(anna.s.contains("Envoy of Northland"))
        #expect(anna.d == "born May 1970")
        let summit = try #require(records.first { $0.t == "Harbour summit" })
        #expect(summit.d == "4–6 March 2024")
        #expect(summit.x.isSuperset(of: ["three", "days", "of", "talks", "in", "port", "mira"]))
        let garbled = try #require(records.first { $0.t == "Garbled report from the summit" })
        #expect(garbled.k == "Article" && garbled.d == "6 March 2024")
    }

    @Test func everyPageLoadsSearchRelativelyAndHidesTheBoxUntilScriptRuns() {
        for (path, root) in [("index.html", ""), ("people/anna-berg.html", "../"), ("timeline.html", "")] {
            let html = page(path)
            #expect(html.contains("<script src=\"\(root)assets/search.js\" defer></script>"), "\(path)")
            #expect(html.contains("<div class=\"site-search\" role=\"search\" data-root=\"\(root)\" hidden>"), "\(path)")
        }
        #expect(page("assets/search.js").contains("window.DOSSIER_SEARCH_NAMES"))
        #expect(page("assets/search.js").contains("addScript(\"assets/search/names.js\""))
        #expect(page("assets/search.js").contains("window.DOSSIER_SEARCH_TEXT"))
        #expect(!page("assets/search.js").contains("fetch("))
    }

    @Test func navigationOffersRelationsAndTheBriefingBook() {
        let html = page("events/harbour-summit.html")
        #expect(html.contains("<a href=\"../relations.html\">Relations</a>"))
        #expect(html.contains("<a href=\"../briefing.html\">Briefing</a>"))
        #expect(page("relations.html").contains("<a href=\"relations.html\" aria-current=\"page\">Relations</a>"))
    }

    @Test func relationsGraphLinksEveryPersonAndEventWithWeightedEdges() {
        let html = page("relations.html")
        for slug in ["anna-berg", "omar-haddad", "paul-berg", "lena-ode"] {
            #expect(html.contains("<a class=\"graph-node graph-person\" href=\"people/\(slug).html\">"), "\(slug)")
        }
        for slug in ["first-contact", "harbour-summit", "trade-accord"] {
            #expect(html.contains("<a class=\"graph-node graph-event\" href=\"events/\(slug).html\">"), "\(slug)")
        }
        // Anna Berg and Omar Haddad share three articles: the thickest line, and a row of the table.
        #expect(html.contains("stroke-width=\"4.5\"><title>Anna Berg and Omar Haddad: 3 shared articles</title>"))
        #expect(html.contains("<td><a href=\"people/anna-berg.html\">Anna Berg</a></td><td><a href=\"people/omar-haddad.html\">Omar Haddad</a></td><td>3 shared articles</td>"))
        #expect(html.contains("<title>Anna Berg took part in Harbour summit</title>"))
    }

    @Test func layoutIsTheSameEveryTimeAndInsideThePicture() throws {
        let svg = try #require(page("relations.html").range(of: "<svg class=\"graph\"").map { page("relations.html")[$0.lowerBound...] })
        let other = Scratch()
        _ = try buildSite(content: Repo.fixture("small"), output: other.path + "/Site")
        #expect(SiteFiles.read(other.path + "/Site", "relations.html") == page("relations.html"))
        // Every node centre lies inside the 1000 × 700 view box.
        for match in svg.matches(of: /<circle cx="([0-9.]+)" cy="([0-9.]+)"/) {
            let x = try #require(Double(match.1)), y = try #require(Double(match.2))
            #expect((0...1000).contains(x) && (0...700).contains(y))
        }
    }

    @Test func personPageDrawsTheirNeighbourhood() {
        let html = page("people/anna-berg.html")
        #expect(html.contains("<svg class=\"graph\" id=\"neighbourhood-graph\""))
        #expect(html.contains("<a class=\"graph-node graph-person\" href=\"../people/omar-haddad.html\">"))
        #expect(html.contains("<a class=\"graph-node graph-event\" href=\"../events/harbour-summit.html\">"))
    }

    @Test func timelineAxisDrawsEachPrecisionAndTheListCarriesPeople() {
        let html = page("timeline.html")
        #expect(html.contains("<svg class=\"tl-axis\""))
        #expect(html.contains("<a class=\"tl-mark tl-mark-span tl-mark-event\" href=\"events/first-contact.html\""))        // 2023
        #expect(html.contains("<a class=\"tl-mark tl-mark-bar tl-mark-event\" href=\"events/harbour-summit.html\""))        // 4–6 March
        #expect(html.contains("<a class=\"tl-mark tl-mark-span tl-mark-event tl-mark-hazy\" href=\"events/trade-accord.html\"")) // c. April 2024
        #expect(html.contains("<a class=\"tl-mark tl-mark-point tl-mark-article\" href=\"articles/envoys-meet.html\""))
        // The list works alone; the filter is there for the script and hidden without it.
        #expect(html.contains("<li class=\"tl-entry tl-event\" data-people=\"anna-berg omar-haddad\">"))
        #expect(html.contains("<form class=\"tl-filter\" hidden>"))
        #expect(html.contains("<option value=\"lena-ode\">Lena Ode</option>"))
        #expect(html.contains("<script src=\"assets/timeline.js\"></script>"))
    }

    @Test func briefingBookHasSummaryPeopleEventsInOrderAndArticlesWithSourceAndURL() throws {
        let html = page("briefing.html")
        let order = ["<h2 id=\"summary\">Summary</h2>", "<p class=\"lede\">Two envoys, one harbour, three reports.</p>", "<h2 id=\"people\">People</h2>",
                     ">Anna Berg</a></h3>", "Envoy of Northland", ">Omar Haddad</a></h3>", "<h2 id=\"events\">Events in order</h2>",
                     ">First contact</a></h3>", ">Harbour summit</a></h3>", ">Trade accord signed</a></h3>",
                     "<h2 id=\"articles\">Articles</h2>", "Harbour Gazette · J. Writer", ">Envoys meet in Port Mira</a></h3>",
                     "Original: <a href=\"https://example.org/envoys-meet\" rel=\"noopener noreferrer\">https://example.org/envoys-meet</a>",
                     ">Accord reported</a></h3>"]
        let positions = try order.map { try #require(html.range(of: $0), "\($0)").lowerBound }
        #expect(positions == positions.sorted())
        #expect(html.contains("<section class=\"briefing-section briefing-break\" aria-labelledby=\"events\">"))
        let css = page("assets/dossier.css")
        #expect(css.contains(".briefing-break { break-before: page; }"))
        #expect(css.contains("a[href^=\"http\"]::after { content: \" (\" attr(href) \")\""))
    }

    @Test func noFeedOrSitemapWithoutAnAbsoluteBaseURL() throws {
        #expect(SiteFiles.read(site, "feed.xml") == nil)
        #expect(SiteFiles.read(site, "sitemap.xml") == nil)
        let content = scratch.copy(Repo.fixture("small"), as: "RelativeBase")
        try (String(contentsOfFile: content + "/dossier.yml", encoding: .utf8) + "base_url: \"/\"\n")
            .write(toFile: content + "/dossier.yml", atomically: false, encoding: .utf8)
        _ = try buildSite(content: content, output: scratch.path + "/RelativeSite")
        #expect(!SiteFiles.list(scratch.path + "/RelativeSite").contains("feed.xml"))
    }

    @Test func feedAndSitemapUseTheAbsoluteBaseURLAndOnlyThey() throws {
        let content = scratch.copy(Repo.fixture("small"), as: "Hosted")
        try (String(contentsOfFile: content + "/dossier.yml", encoding: .utf8) + "base_url: \"https://dossier.example.org/harbour\"\n")
            .write(toFile: content + "/dossier.yml", atomically: false, encoding: .utf8)
        let hosted = scratch.path + "/HostedSite"
        _ = try buildSite(content: content, output: hosted)
        let feed = try #require(SiteFiles.read(hosted, "feed.xml"))
        #expect(feed.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://dossier.example.org/harbour/feed.xml\"/>"))
        #expect(feed.contains("<updated>2024-04-02T00:00:00Z</updated>"))
        // Newest first.
        let titles = ["<title>Accord reported</title>", "<title>Garbled report from the summit</title>", "<title>Envoys meet in Port Mira</title>"]
        let positions = try titles.map { try #require(feed.range(of: $0)).lowerBound }
        #expect(positions == positions.sorted())
        #expect(feed.contains("<id>https://dossier.example.org/harbour/articles/envoys-meet.html</id>"))
        #expect(feed.contains("<link rel=\"related\" type=\"text/html\" href=\"https://example.org/envoys-meet\"/>"))
        #expect(feed.contains("<author><name>J. Writer</name></author>"))
        #expect((SiteFiles.read(hosted, "people/anna-berg.html") ?? "").contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Harbour Talks\" href=\"../feed.xml\">"))
        #expect(!page("index.html").contains("application/atom+xml"))
        let sitemap = try #require(SiteFiles.read(hosted, "sitemap.xml"))
        #expect(sitemap.contains("<loc>https://dossier.example.org/harbour/index.html</loc>"))
        #expect(sitemap.contains("<loc>https://dossier.example.org/harbour/people/anna-berg.html</loc>"))
        #expect(sitemap.components(separatedBy: "<loc>").count - 1 == SiteFiles.list(hosted).filter { $0.hasSuffix(".html") }.count)
        for file in [feed, sitemap] { #expect(XMLParser(data: Data(file.utf8)).parse(), "not well-formed XML") }
        // The pages stay relative: the address appears in no HTML file.
        for path in SiteFiles.list(hosted) where path.hasSuffix(".html") {
            #expect(!(SiteFiles.read(hosted, path) ?? "").contains("dossier.example.org"), "\(path)")
        }
    }
}

@Suite struct DefaultDossierReadingTests {
    @Test func searchIndexLeadsGarbledSpellingsToTheRightPeople() throws {
        let records = try searchRecords(Repo.site)
        let dmitriev = try #require(records.first { $0.t == "Kirill Dmitriev" })
        #expect(dmitriev.n.contains("Dmitliff") && dmitriev.u == "people/kirill-dmitriev.html")
        let witkoff = try #require(records.first { $0.t == "Steve Witkoff" })
        #expect(witkoff.n.contains("Witkov") && witkoff.u == "people/steve-witkoff.html")
        // No other person answers to those names.
        #expect(records.filter { $0.k == "Person" && ($0.n.contains("Dmitliff") || $0.n.contains("Witkov")) }.count == 2)
    }

    @Test func defaultDossierHasNoFeedBecauseItGivesNoBaseURL() {
        #expect(SiteFiles.read(Repo.site, "feed.xml") == nil)
        #expect(SiteFiles.read(Repo.site, "sitemap.xml") == nil)
        #expect(SiteFiles.read(Repo.site, "briefing.html") != nil && SiteFiles.read(Repo.site, "relations.html") != nil)
    }
}

@Suite struct LargeDossierReadingTests {
    /// 45 people and 35 events: more than the relations graph draws.
    @Test func relationsGraphKeepsThePeopleNamedMostOftenAndSaysSo() throws {
        let scratch = Scratch()
        scratch.write("Content/dossier.yml", "title: \"Crowd\"\n")
        let words = ["Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Ginkgo", "Hazel", "Ivy"]
        var names: [String] = []
        for i in 0..<45 {
            let name = "\(words[i % 9]) \(words[i / 9])son"
            names.append(name)
            scratch.write("Content/people/p\(i).md", "---\nname: \"\(name)\"\n---\n")
        }
        for i in 0..<35 {
            scratch.write("Content/events/e\(i).md", "---\ntitle: \"Meeting \(i)\"\ndate: 2024-01-\(String(format: "%02d", i % 28 + 1))\npeople: [p\(i), p\(i + 1)]\n---\n")
        }
        // The first five people are named in every article, the others once each.
        for i in 0..<40 {
            scratch.write("Content/articles/a\(i).md", "---\ntitle: \"Report \(i)\"\ndate: 2024-02-01\n---\n\(names[0...4].joined(separator: ", ")) and \(names[i + 5]) met.\n")
        }
        _ = try buildSite(content: scratch.path + "/Content", output: scratch.path + "/Site")
        let html = try #require(SiteFiles.read(scratch.path + "/Site", "relations.html"))
        #expect(html.components(separatedBy: "class=\"graph-node graph-person\"").count - 1 == 40)
        #expect(html.components(separatedBy: "class=\"graph-node graph-event\"").count - 1 == 30)
        #expect(html.contains("<a class=\"graph-node graph-person\" href=\"people/p0.html\">"))     // in all 40 articles
        #expect(!html.contains("<a class=\"graph-node graph-person\" href=\"people/p44.html\">"))   // in one, and last
        #expect(html.contains("The graph shows the 40 people named most often and 30 of the 35 events, those with most of them."))
        #expect(html.contains("The table lists the 200 pairs named together most often, of "))
    }
}
