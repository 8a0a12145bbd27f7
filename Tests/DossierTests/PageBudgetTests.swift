// Pages within a budget at any size: a large generated dossier (Tests/large_dossier.py) builds into pages a
// browser can open (every HTML page ≤ 1 MB, the home page ≤ 150 KB, every link checked by the build), with its
// long lists cut into pages that link to each other; and the cutting itself, at its boundaries.

import Foundation
@testable import Content
import EDTF
@testable import Renderer
import Testing

/// A dossier written by Tests/large_dossier.py into a scratch folder.
func generatedDossier(_ scratch: Scratch, articles: Int) throws -> String {
    let content = scratch.path + "/Content"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", Repo.root + "/Tests/large_dossier.py", content, "--articles", String(articles)]
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    return content
}

/// Built once for the suite: 1,200 short articles with dated sentences and quotations, three people named in
/// about a quarter of them each.
private enum LargeSite {
    static let scratch = Scratch("dossier-page-budget")
    static let built: Result<(site: String, report: BuildReport), any Error> = Result {
        let content = try generatedDossier(scratch, articles: 1_200)
        let site = scratch.path + "/Site"
        return (site, try buildSite(content: content, output: site))
    }
}

@Suite struct PageBudgetTests {
    var site: String { get throws { try LargeSite.built.get().site } }

    func html(_ relative: String) throws -> String {
        try #require(SiteFiles.read(try site, relative), "\(relative) is missing")
    }

    /// Where a link of `page` leads, from the site's root: "articles/page/2.html".
    func resolve(_ href: String, from page: String) -> String {
        URL(string: href, relativeTo: URL(string: "file:///site/" + page))!.absoluteURL.standardized.path.replacingOccurrences(of: "/site/", with: "")
    }

    /// The pages the links of `class` in `page` lead to, from the site's root.
    func targets(_ page: String, class name: String) throws -> [String] {
        links(try html(page), class: name).map { resolve($0, from: page) }
    }

    /// The hrefs of the links of `class` in a page.
    func links(_ page: String, class name: String) -> [String] {
        page.components(separatedBy: "class=\"\(name)\"").dropFirst().compactMap { rest in
            rest.components(separatedBy: "href=\"").dropFirst().first?.components(separatedBy: "\"").first
        }
    }

    @Test func everyPageIsWithinTheBudget() throws {
        let site = try site
        let pages = SiteFiles.list(site).filter { $0.hasSuffix(".html") }
        #expect(pages.count > 1_300)
        for page in pages {
            let size = try FileManager.default.attributesOfItem(atPath: site + "/" + page)[.size] as? Int ?? 0
            #expect(size <= 1_000_000, "\(page) is \(size) bytes")
        }
        let home = try FileManager.default.attributesOfItem(atPath: site + "/index.html")[.size] as? Int ?? 0
        #expect(home <= 150_000, "index.html is \(home) bytes")
    }

    @Test func theHomePageShowsTheLatestAndLinksTheFullLists() throws {
        let home = try html("index.html")
        #expect(home.contains("1200 articles"))
        #expect(home.contains("The latest 10, of 1200."))
        #expect(home.contains("href=\"articles/index.html\""))
        #expect(home.components(separatedBy: "class=\"article-item\"").count - 1 == 10)
        // The full list: 200 a page, newest first, pages linked both ways.
        let first = try html("articles/index.html")
        #expect(first.contains("Page 1 of 6"))
        #expect(first.contains("article-01200.html") && !first.contains("article-01000.html"))
        #expect(try targets("articles/index.html", class: "page-step page-next") == ["articles/page/2.html"])
        let last = try html("articles/page/6.html")
        #expect(last.contains("article-00001.html"))
        #expect(try targets("articles/page/6.html", class: "page-step page-prev") == ["articles/page/5.html"])
        #expect(last.contains("href=\"../../articles/index.html\">1</a>"))
    }

    @Test func theTimelineIsAnOverviewWithAPagePerPeriod() throws {
        let overview = try html("timeline.html")
        #expect(overview.contains("Years and months"))
        #expect(!overview.contains("badge-reported"), "the overview lists periods and events, not every sentence")
        // Follow the periods from the first by their next links: every period page, in order, each once.
        let listed = try targets("timeline.html", class: "tl-periods-link")
        var page = try #require(listed.first)
        var visited: [String] = []
        while !visited.contains(page) {
            visited.append(page)
            #expect(try html(page).contains("href=\"../timeline.html\""))
            guard let next = try targets(page, class: "page-step page-next").first else { break }
            #expect(try targets(next, class: "page-step page-prev") == [page])
            page = next
        }
        #expect(visited == listed, "the next links lead through every period the overview lists")
        #expect(visited.count > 12, "a busy year is cut into months")
        #expect(visited.contains("timeline/2024-03.html"))
        // The wire sentence many articles carry is listed once, with the others after it.
        let march = try html("timeline/2024-03.html")
        let sentence = "signed the framework agreement in Geneva."
        #expect(march.components(separatedBy: sentence).count - 1 == 1)
        #expect(march.contains("and in <a href=\"../articles/article-"))
        // Only sentences that name someone of the dossier: the joint statement names nobody.
        #expect(!march.contains("Negotiators said in a joint statement"))
    }

    @Test func aPersonNamedInManyArticlesHasPagesNewestFirst() throws {
        let site = try site
        let people = SiteFiles.list(site + "/people").filter { $0.hasSuffix("/page-2.html") }
        let slug = try #require(people.first?.components(separatedBy: "/").first)
        let first = try html("people/\(slug).html")
        let total = try #require(first.components(separatedBy: "Named in ").dropFirst().first?.components(separatedBy: " article").first.flatMap { Int($0) })
        #expect(total > 50)
        #expect(first.contains("class=\"record-summary\""))
        #expect(first.contains("Page 1 of \((total + 49) / 50)"))
        var page = "people/\(slug).html", articles: [String] = [], count = 0
        while true {
            let text = try html(page)
            count += 1
            let quoted = text.components(separatedBy: "<p class=\"quote-article\"><a class=\"item-title\" href=\"").dropFirst()
                .compactMap { $0.components(separatedBy: "\"").first }
            articles += quoted
            guard let next = try targets(page, class: "page-step page-next").first else { break }
            #expect(try targets(next, class: "page-step page-prev") == [page])
            page = next
        }
        #expect(count == (total + 49) / 50)
        #expect(articles.count == total && Set(articles).count == total, "every article once")
        #expect(articles == articles.sorted(by: >), "newest first (the generated slugs follow the dates)")
    }

    @Test func theBriefingBookListsArticlesByYear() throws {
        let book = try html("briefing.html")
        #expect(book.contains("href=\"briefing/2024.html\""))
        let year = try html("briefing/2024.html")
        #expect(year.contains("Articles, 2024"))
        #expect(try targets("briefing/2024.html", class: "page-step page-next") == ["briefing/2025.html"])
    }
}

/// Where long lists are cut: at their boundaries.
@Suite struct PaginationTests {
    @Test func partsCoverTheListOnceAtAnySize() {
        #expect(Part.split(0, perPage: 50).map(\.items) == [0..<0])
        #expect(Part.split(50, perPage: 50).map(\.items) == [0..<50])
        #expect(Part.split(51, perPage: 50).map(\.items) == [0..<50, 50..<51])
        let parts = Part.split(101, perPage: 50)
        #expect(parts.map(\.number) == [1, 2, 3] && parts.allSatisfy { $0.count == 3 })
    }

    @Test func pagesHaveStableFileNames() {
        #expect(Paths.listPage("articles", 1) == "articles/index.html")
        #expect(Paths.listPage("articles", 2) == "articles/page/2.html")
        #expect(Paths.person("anna-berg", page: 1) == "people/anna-berg.html")
        #expect(Paths.person("anna-berg", page: 3) == "people/anna-berg/page-3.html")
        #expect(Paths.timeline(period: "2025-04-2") == "timeline/2025-04-2.html")
    }

    @Test func aPagerLinksNeighboursRelativelyAndNothingForOnePage() throws {
        #expect(Pager.make(Part(), root: "../") { Paths.person("x", page: $0) } == nil)
        let middle = try #require(Pager.make(Part(number: 2, count: 3), root: "../../") { Paths.person("x", page: $0) })
        #expect(middle.previous?.href == "../../people/x.html")
        #expect(middle.next?.href == "../../people/x/page-3.html")
        #expect(middle.pages.map(\.current) == [false, true, false])
    }

    func dates(_ texts: [String]) throws -> [EDTFDate] { try texts.map { try EDTFDate.parse($0) } }

    @Test func aYearThatFitsIsOnePageElseItsMonthsElseParts() throws {
        // Fits: one page for the year.
        #expect(Period.cut(try dates(["2024-01-02", "2024-05-01", "2025-03-01"]), perPage: 2).map(\.key) == ["2024", "2025"])
        // Too many for a year: its months; the date known only to the year keeps the year's page.
        let months = Period.cut(try dates(["2024", "2024-01-02", "2024-01-03", "2024-02-01"]), perPage: 3)
        #expect(months.map(\.key) == ["2024", "2024-01", "2024-02"])
        #expect(months.map(\.items) == [0..<1, 1..<3, 3..<4])
        // Too many for a month: parts of it.
        let parts = Period.cut(try dates(["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"]), perPage: 2)
        #expect(parts.map(\.key) == ["2024-01", "2024-01-2", "2024-01-3"])
        #expect(parts.map(\.title) == ["January 2024, part 1 of 3", "January 2024, part 2 of 3", "January 2024, part 3 of 3"])
    }

    @Test func aYearThatComesBackGetsAFileOfItsOwn() throws {
        // Out of listing order (an open start sorts first): each period still names a file no other does.
        let cut = Period.cut(try dates(["../2024-03", "2023-05-01", "2024-01-01", "2024-01-02"]), perPage: 1)
        #expect(Set(cut.map(\.key)).count == cut.count)
        #expect(cut.map(\.key) == ["2024", "2023", "2024-01", "2024-01-2"])
    }
}

/// A rebuild after an edit that moves every page boundary (an article added) equals a clean build.
@Suite struct PaginatedIncrementalTests {
    let scratch = Scratch("dossier-paged-incremental")

    @Test func addingAnArticleShiftsThePagesAsACleanBuildWould() throws {
        let content = try generatedDossier(scratch, articles: 260)
        let site = scratch.path + "/Site"
        _ = try buildSite(content: content, output: site)
        #expect(FileManager.default.fileExists(atPath: site + "/articles/page/2.html"))
        let added = """
            ---
            title: "One more article"
            date: 2025-12-31
            ---
            On 30 December 2025, the talks went on.

            """
        try added.write(toFile: content + "/articles/article-99999.md", atomically: false, encoding: .utf8)
        _ = try buildSite(content: content, output: site)
        let clean = scratch.path + "/Clean"
        _ = try buildSite(content: content, output: clean)
        #expect(SiteFiles.snapshot(site) == SiteFiles.snapshot(clean))
        #expect(SiteFiles.read(site, "articles/index.html")?.contains("article-99999.html") == true)

        // The oldest article is on the last page of the people it names: an edit of it renders that page and the
        // first (its summary), not the pages between, and the site is still what a clean build makes.
        let oldest = content + "/articles/article-00001.md"
        try (try String(contentsOfFile: oldest, encoding: .utf8) + "\nA line added to the oldest article.\n")
            .write(toFile: oldest, atomically: false, encoding: .utf8)
        let edited = try buildSite(content: content, output: site)
        let paged = SiteFiles.list(site + "/people").filter { $0.hasSuffix("/page-2.html") }.count
        #expect(paged > 0)
        #expect(edited.rendered < edited.pageCount / 4)
        try FileManager.default.removeItem(atPath: clean)
        _ = try buildSite(content: content, output: clean)
        #expect(SiteFiles.snapshot(site) == SiteFiles.snapshot(clean))
        #expect(SiteFiles.read(site, "articles/article-00001.html")?.contains("A line added to the oldest article.") == true)
    }
}
