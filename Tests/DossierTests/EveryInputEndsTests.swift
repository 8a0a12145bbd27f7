// Every input ends: named pipes, sockets and folder cycles in Content/ are skipped with a warning (a named pipe
// opened for reading waits for a writer for ever), and dates millions of years apart give a timeline of a few
// ticks, not one per month.

import Foundation
import Testing
@testable import Renderer
import EDTF
import Content

@Suite struct EveryInputEndsTests {
    let scratch = Scratch()
    var site: String { scratch.path + "/Site" }

    @Test func namedPipesAndSocketsAreSkippedWithAWarning() throws {
        let content = scratch.copy(Repo.fixture("small"), as: "Content")
        for path in ["articles/pipe.md", "people/pipe.md", "events/pipe.md", "assets/pipe.txt"] {
            #expect(mkfifo(content + "/" + path, 0o644) == 0)
        }
        try FileManager.default.createSymbolicLink(atPath: content + "/articles/to-pipe.md", withDestinationPath: "pipe.md")
        let socketPath = content + "/assets/socket"
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in socketPath.utf8.prefix(raw.count - 1).enumerated() { raw[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)

        let report = try buildSite(content: content, output: site)
        let warnings = report.warnings.map { "\($0.path): \($0.message)" }
        for path in ["articles/pipe.md", "articles/to-pipe.md", "people/pipe.md", "events/pipe.md", "assets/pipe.txt"] {
            #expect(warnings.contains("\(content)/\(path): skipped: a named pipe (FIFO), not a file; Content/ holds files and folders only"), "\(path)")
        }
        #expect(warnings.contains("\(socketPath): skipped: a socket, not a file; Content/ holds files and folders only"))
        #expect(!FileManager.default.fileExists(atPath: site + "/articles/pipe.html"))
        #expect(!FileManager.default.fileExists(atPath: site + "/assets/pipe.txt"))
        #expect(FileManager.default.fileExists(atPath: site + "/articles/envoys-meet.html"))
    }

    @Test func aNamedPipeAsTheSettingsFileIsRefusedNotWaitedFor() {
        let content = scratch.copy(Repo.fixture("small"), as: "Content")
        unlink(content + "/dossier.yml")
        #expect(mkfifo(content + "/dossier.yml", 0o644) == 0)
        #expect(throws: BuildFailure.self) { try buildSite(content: content, output: site) }
    }

    @Test func folderCyclesInAssetsAreReportedAndNotFollowed() throws {
        let content = scratch.copy(Repo.fixture("small"), as: "Content")
        scratch.write("Content/assets/maps/harbour.txt", "a map")
        try FileManager.default.createSymbolicLink(atPath: content + "/assets/here", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: content + "/assets/again", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: content + "/assets/maps/up", withDestinationPath: "..")
        let report = try buildSite(content: content, output: site)
        let warnings = report.warnings.map { "\($0.path): \($0.message)" }
        for path in ["assets/again", "assets/here", "assets/maps/up"] {
            #expect(warnings.contains("\(content)/\(path): skipped: a folder cycle, this leads back to assets/ (a symbolic link to a folder above it)"), "\(warnings)")
        }
        let assets = SiteFiles.list(site + "/assets")
        #expect(assets.contains("maps/harbour.txt") && assets.contains("note.txt"))
        #expect(!assets.contains { $0.hasPrefix("here/") || $0.hasPrefix("again/") || $0.hasPrefix("maps/up/") })
    }

    /// The probe's ranges: before, `Y-1000000/2025-04-01` made a 141 MB timeline in 46 s and `Y-10000000/...` never ended.
    @Test func datesMillionsOfYearsApartGiveASmallTimeline() throws {
        let content = scratch.copy(Repo.fixture("small"), as: "Content")
        for (slug, date) in [("deep-past", "Y-1000000/2025-04-01"), ("deeper-past", "Y-10000000/2025-04-01"),
                             ("far-future", "Y17000000002"), ("from-the-start", "Y-999999999/..")] {
            scratch.write("Content/events/\(slug).md", "---\ntitle: \"\(slug)\"\ndate: \"\(date)\"\n---\nA long time.\n")
        }
        _ = try buildSite(content: content, output: site)
        let timeline = try #require(SiteFiles.read(site, "timeline.html"))
        #expect(timeline.utf8.count < 100_000)
        let ticks = timeline.components(separatedBy: "class=\"tl-axis-tick\"").count - 1
        #expect(ticks > 0 && ticks <= 3 * (TimelineAxis.maxYearTicks + 1) + 25)
        #expect(timeline.contains(">1000000 BC</text>"))
        #expect(SiteFiles.read(site, "events/deeper-past.html")?.contains("10000001 BC – 1 April 2025") == true)
        #expect(SiteFiles.read(site, "events/far-future.html")?.contains("year 17000000002") == true)
        for path in SiteFiles.list(site) {
            let size = (try? FileManager.default.attributesOfItem(atPath: site + "/" + path)[.size] as? Int) ?? 0
            #expect(size < 200_000, "\(path): \(size) bytes")
        }
    }

    @Test func yearTicksStepBy1_2_5TimesAPowerOfTen() {
        #expect(TimelineAxis.yearStep(span: 3) == 1)
        #expect(TimelineAxis.yearStep(span: 12) == 1)
        #expect(TimelineAxis.yearStep(span: 20) == 2)
        #expect(TimelineAxis.yearStep(span: 50) == 5)
        #expect(TimelineAxis.yearStep(span: 1_000) == 100)
        #expect(TimelineAxis.yearStep(span: 10_002_025) == 1_000_000)
        #expect(TimelineAxis.yearStep(span: 17_000_000_000) == 2_000_000_000)
        let segment = TimelineAxis.Segment(first: DayStamp(year: -10_000_000, month: 1, day: 1).daysSince1970,
                                           last: DayStamp(year: 2025, month: 4, day: 1).daysSince1970, x: 16, width: 800)
        let svg = TimelineAxis.ticks(segment, axisY: 100)
        let labels = svg.components(separatedBy: "class=\"tl-axis-label\"").dropFirst().compactMap { $0.split(separator: ">").dropFirst().first?.split(separator: "<").first.map(String.init) }
        #expect(labels == ["10000000 BC", "9000000 BC", "8000000 BC", "7000000 BC", "6000000 BC", "5000000 BC", "4000000 BC", "3000000 BC",
                           "2000000 BC", "1000000 BC"])
    }

    /// A long article of news-like prose (quotes, dates, names): each dated sentence names exactly the people its
    /// mentions name, in order. The Linker groups mentions by sentence once (it filtered them all again for each
    /// dated sentence: quadratic); Benchmarks/long-article.py measures the time by hand, this checks the result.
    @Test func aLongArticleOfNewsProseDatesEverySentenceWithItsPeople() throws {
        let content = scratch.copy(Repo.fixture("small"), as: "Content")
        let sentences = [
            "\u{201C}We will not yield,\u{201D} Anna Berg said on 3 April 2025.",
            "Omar Haddad met Lena Ode in the harbour in March 2024, and Berg stayed away.",
            "According to officials, talks resumed last month.",
            "Haddad told reporters that nothing was agreed.",
            "On 2 May 2025 the envoys met again, without Anna Berg.",
        ]
        var body = ""
        var n = 0
        while body.utf8.count < 300_000 {
            body += (0..<4).map { sentences[($0 + n) % sentences.count] }.joined(separator: " ") + "\n\n"
            n += 1
        }
        scratch.write("Content/articles/long-wire.md", "---\ntitle: Long wire\ndate: 2025-04-04\n---\n" + body)
        let (linked, log) = linkedDossier(content)
        let dossier = try #require(linked, "\(log.items)")
        let a = try #require(dossier.articles.firstIndex { $0.slug == "long-wire" })
        let mentions = dossier.articleTexts[a].mentions
        let statements = dossier.datedStatements[a]
        #expect(statements.count > 1_000)
        for statement in statements.prefix(200) + statements.suffix(200) {
            let expected = mentions.filter { $0.block == statement.block && $0.sentence == statement.sentence }.map(\.person)
            #expect(statement.people == expected)
        }
        let anna = try #require(dossier.personBySlug["anna-berg"]), omar = try #require(dossier.personBySlug["omar-haddad"])
        let lena = try #require(dossier.personBySlug["lena-ode"])
        let march = try #require(statements.first { $0.expression == "in March 2024" })
        #expect(march.people == [omar, lena, anna])
        #expect(statements.first { $0.expression == "last month" }?.people == [])
    }
}
