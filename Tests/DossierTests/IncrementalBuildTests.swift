// Rebuilding after an edit: only the pages that depend on the edited article are rendered again, the rest
// keep their files (bytes, inode, modification time), and the result is the same as a clean build.

@testable import Discovery
import Foundation
@testable import Content
import Markdown
@testable import Renderer
import PropertyBased
import Testing

@Suite struct IncrementalBuildTests {
    let scratch = Scratch("dossier-incremental")
    var content: String { scratch.path + "/Content" }
    var site: String { scratch.path + "/Site" }

    init() {
        scratch.copy(Repo.fixture("small"), as: "Content")
    }

    func stamp(_ relative: String) -> (inode: UInt64, modified: Int) {
        var info = stat()
        _ = stat(site + "/" + relative, &info)
        return (UInt64(info.st_ino), info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec)
    }

    func append(_ text: String, to relative: String) throws {
        let path = content + "/" + relative
        let old = try String(contentsOfFile: path, encoding: .utf8)
        try (old + text).write(toFile: path, atomically: false, encoding: .utf8)
    }

    @Test func aSecondBuildWithNoChangeRendersNothing() throws {
        let first = try buildSite(content: content, output: site)
        #expect(first.reused == 0)
        #expect(first.rendered == first.pageCount)
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/.Site.dossier-cache/pages.tsv"))

        let second = try buildSite(content: content, output: site)
        #expect(second.rendered == 0)
        #expect(second.reused == first.pageCount)
        #expect(second.pageCount == first.pageCount)
        #expect(second.write.written == 0)
    }

    @Test func editingOneArticleRendersOnlyThePagesThatShowIt() throws {
        let first = try buildSite(content: content, output: site)
        let untouched = ["people/paul-berg.html", "people/lena-ode.html", "events/first-contact.html", "events/trade-accord.html",
                         "articles/accord-reported.html", "articles/garbled-report.html", "people/index.html"]
        let before = Dictionary(uniqueKeysWithValues: untouched.map { ($0, stamp($0)) })

        // envoys-meet names Anna Berg and Omar Haddad and covers the harbour summit.
        try append("\nOmar Haddad later spoke to reporters about the harbour.\n", to: "articles/envoys-meet.md")
        let second = try buildSite(content: content, output: site)

        #expect(first.articlesAnalysed == 3 && first.articlesReused == 0)
        #expect(second.articlesAnalysed == 1 && second.articlesReused == 2, "only the edited article is analysed again")
        // The article, the people it names (Anna Berg, Omar Haddad), the event it covers (the harbour summit).
        // The other people and events, the two other articles and every list are kept: the sentence changes
        // nothing a list shows of the article (its first paragraph, people, events, dated sentences).
        #expect(second.rendered == 1 + 2 + 1)
        #expect(second.reused == 2 + 2 + 2 + 7)
        #expect(second.reused == first.pageCount - second.rendered)
        let article = SiteFiles.read(site, "articles/envoys-meet.html") ?? ""
        #expect(article.contains("later spoke to reporters about the harbour."))
        let haddad = SiteFiles.read(site, "people/omar-haddad.html") ?? ""
        #expect(haddad.contains("<mark>Omar Haddad</mark> later spoke to reporters about the harbour."))
        for (path, old) in before {
            let now = stamp(path)
            #expect(now.inode == old.inode && now.modified == old.modified, "\(path) was rewritten")
        }

        // The same as building from scratch, byte for byte.
        let clean = scratch.path + "/Clean"
        _ = try buildSite(content: content, output: clean)
        #expect(SiteFiles.snapshot(site) == SiteFiles.snapshot(clean))
    }

    @Test func editsThatChangeWhatListsShowRenderThemAgain() throws {
        _ = try buildSite(content: content, output: site)
        let lists = ["index.html", "articles/index.html", "timeline.html", "relations.html", "briefing.html"]
        // A dated sentence: the timeline reports it. A new first paragraph: every list with summaries shows it.
        // A person named for the first time in the article: lists that count or draw who appears where.
        for (edit, changed) in [("\nOn 3 March 2024 the envoys met again.\n", ["timeline.html"]),
                                ("", ["index.html", "articles/index.html", "briefing.html"]),
                                ("\nLena Ode watched from the quay.\n", ["index.html", "relations.html", "briefing.html", "timeline.html"])] {
            let before = Dictionary(uniqueKeysWithValues: lists.map { ($0, SiteFiles.read(site, $0) ?? "") })
            if edit.isEmpty {
                let path = content + "/articles/envoys-meet.md"
                let text = try String(contentsOfFile: path, encoding: .utf8)
                let end = try #require(text.range(of: "\n---\n")).upperBound
                try (String(text[..<end]) + "A new opening paragraph.\n\n" + text[end...]).write(toFile: path, atomically: false, encoding: .utf8)
            } else {
                try append(edit, to: "articles/envoys-meet.md")
            }
            _ = try buildSite(content: content, output: site)
            for list in changed { #expect(SiteFiles.read(site, list) != before[list], "\(list) after \(edit.debugDescription)") }
            let clean = scratch.path + "/Clean-\(changed.count)"
            _ = try buildSite(content: content, output: clean)
            #expect(SiteFiles.snapshot(site) == SiteFiles.snapshot(clean), "after \(edit.debugDescription)")
        }
    }

    @Test func aFileChangedInTheOutputIsRenderedAgain() throws {
        _ = try buildSite(content: content, output: site)
        try "tampered".write(toFile: site + "/people/paul-berg.html", atomically: false, encoding: .utf8)
        let second = try buildSite(content: content, output: site)
        #expect(second.rendered == 1)
        #expect(SiteFiles.read(site, "people/paul-berg.html")?.contains("Paul Berg") == true)
    }

    @Test func aChangedTemplateRendersEveryPage() throws {
        let templates = scratch.copy(Repo.templates, as: "Templates")
        let first = try SiteBuilder.build(BuildOptions(content: content, templates: templates, output: site))
        let footer = templates + "/base.mustache"
        let text = try String(contentsOfFile: footer, encoding: .utf8)
        try text.replacingOccurrences(of: "Built with Dossier", with: "Built with Dossier, again")
            .write(toFile: footer, atomically: false, encoding: .utf8)
        let second = try SiteBuilder.build(BuildOptions(content: content, templates: templates, output: site))
        #expect(second.rendered == first.pageCount)
        #expect(SiteFiles.read(site, "index.html")?.contains("Built with Dossier, again") == true)
    }

    /// A cache cut short (a build killed while appending) keeps its whole records and is rewritten whole by the next
    /// build; one that is not a cache at all is ignored. Either way the site equals a clean build.
    @Test func aDamagedAnalysisCacheIsIgnored() throws {
        _ = try buildSite(content: content, output: site)
        let before = SiteFiles.snapshot(site)
        let file = scratch.path + "/.Site.dossier-cache/analysis.bin"
        var bytes = [UInt8](try #require(FileManager.default.contents(atPath: file)))
        bytes.removeLast(bytes.count / 2)
        #expect(FileManager.default.createFile(atPath: file, contents: Data(bytes)))
        try append("\nA new closing line.\n", to: "articles/accord-reported.md")
        let second = try buildSite(content: content, output: site)
        #expect(second.articlesAnalysed >= 1 && second.articlesAnalysed < 3)   // the records before the cut are used
        let clean = scratch.path + "/Clean"
        _ = try buildSite(content: content, output: clean)
        #expect(SiteFiles.snapshot(site) == SiteFiles.snapshot(clean))
        #expect(SiteFiles.snapshot(site) != before)
        #expect(try buildSite(content: content, output: site).articlesAnalysed == 0)

        #expect(FileManager.default.createFile(atPath: file, contents: Data("not a cache at all".utf8)))
        try append("\nAnother closing line.\n", to: "articles/accord-reported.md")
        let third = try buildSite(content: content, output: site)
        #expect(third.articlesAnalysed == 3)
        _ = try buildSite(content: content, output: clean)
        #expect(SiteFiles.snapshot(site) == SiteFiles.snapshot(clean))
    }

    /// Every build writes an index of the cache's records beside it, so that a rebuild need not read every record's
    /// header; an index that does not describe the file as it is (left by a save cut short, say) is not believed.
    @Test func aStaleIndexOfTheAnalysisCacheIsNotBelieved() throws {
        _ = try buildSite(content: content, output: site)
        let index = scratch.path + "/.Site.dossier-cache/analysis.bin.index"
        let firstIndex = try #require(FileManager.default.contents(atPath: index))
        try append("\nA first new line.\n", to: "articles/accord-reported.md")
        #expect(try buildSite(content: content, output: site).articlesAnalysed == 1)     // its record appended
        #expect(FileManager.default.contents(atPath: index) != firstIndex)
        // The first build's index lacks that record: believed, it would have the next build analyse that article again.
        #expect(FileManager.default.createFile(atPath: index, contents: firstIndex))
        try append("\nAnother new line.\n", to: "articles/envoys-meet.md")
        let third = try buildSite(content: content, output: site)
        #expect(third.articlesAnalysed == 1 && third.articlesReused == 2)
        let clean = scratch.path + "/Clean"
        _ = try buildSite(content: content, output: clean)
        #expect(SiteFiles.snapshot(site) == SiteFiles.snapshot(clean))
        #expect(try buildSite(content: content, output: site).articlesAnalysed == 0)

        // An index for this very file whose count of records is damaged: not believed either, and no crash.
        var damaged = [UInt8](try #require(FileManager.default.contents(atPath: index)))
        let countAt = "dossier analysis index 1\n".utf8.count + 16
        for i in 0..<8 { damaged[countAt + i] = i == 7 ? 0x7F : 0xFF }
        #expect(FileManager.default.createFile(atPath: index, contents: Data(damaged)))
        try append("\nA third new line.\n", to: "articles/envoys-meet.md")
        let fourth = try buildSite(content: content, output: site)
        #expect(fourth.articlesAnalysed == 1 && fourth.articlesReused == 2)
    }

    /// Each rebuild appends what it analysed; once the records in use are less than half of the file it is rewritten
    /// with them alone, so editing one article again and again does not grow the cache without end.
    @Test func theAnalysisCacheDoesNotGrowWithoutEnd() throws {
        _ = try buildSite(content: content, output: site)
        let file = scratch.path + "/.Site.dossier-cache/analysis.bin"
        let size = { (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0 }
        let first = size()
        var largest = first
        for round in 1...12 {
            try append("\nAdded in round \(round).\n", to: "articles/accord-reported.md")
            #expect(try buildSite(content: content, output: site).articlesAnalysed == 1)
            largest = max(largest, size())
        }
        #expect(largest > first)
        #expect(largest <= 4 * first)      // with every record kept, 12 edits make it 6.5 times as big
        #expect(try buildSite(content: content, output: site).articlesAnalysed == 0)
    }

    @Test func deletingTheCacheGivesAFullBuildWithTheSameSite() throws {
        let first = try buildSite(content: content, output: site)
        let before = SiteFiles.snapshot(site)
        try FileManager.default.removeItem(atPath: scratch.path + "/.Site.dossier-cache")
        let second = try buildSite(content: content, output: site)
        #expect(second.rendered == first.pageCount)
        #expect(second.write.written == 0)
        #expect(SiteFiles.snapshot(site) == before)
    }
}

/// The incremental path plans pages itself (IncrementalPages); it must plan exactly the pages a full render
/// makes, so a page kind added to PageBuilder.allPages() without a signature fails here, not in a user's site.
@Suite struct IncrementalPlanTests {
    @Test func theIncrementalPlanHasEveryPageOfAFullRender() throws {
        for content in [Repo.content, Repo.fixture("small")] {
            let (dossier, _) = linkedDossier(content)
            let linked = try #require(dossier)
            let full = PageBuilder(dossier: linked).allPages().map { "\($0.path) \($0.template)" }
            let plan = IncrementalPages(dossier: linked, templatesDirectory: Repo.templates, output: "/nonexistent/Site")
            #expect(plan.planned.map { "\($0.path) \($0.template)" }.sorted() == full.sorted())
            #expect(plan.toRender.count == full.count)
        }
    }
}

/// Discovery reads every article: a name found in one article is linked in others, its spellings and quotes
/// land on its page, dated sentences on events and the timeline. Incremental builds must still equal clean ones.
@Suite struct IncrementalDiscoveryTests {
    let scratch = Scratch("dossier-incremental-discovery")

    @Test func editsThatChangeWhatDiscoveryFindsGiveTheSameSiteAsACleanBuild() throws {
        let content = scratch.copy(Repo.fixture("discovery"), as: "Content")
        let site = scratch.path + "/Site"
        _ = try buildSite(content: content, output: site)
        let articles = SiteFiles.list(content + "/articles").filter { $0.hasSuffix(".md") }
        let target = try #require(articles.first)
        let path = content + "/articles/" + target
        let original = try String(contentsOfFile: path, encoding: .utf8)
        // Person and event pages are re-rendered only when what they show changes: these edits reach pages of
        // people and events the article did not name before (a quotation, a dated sentence on another event).
        let edits = [
            "\nForeign Minister Radoslaw Sikorski said on Tuesday that \"the talks will go on,\" and Sikorski left on March 3.\n",
            "\nRadoslaw Sikorsky, the foreign minister, was seen again two days later.\n",
            "\n\"Alexei Navalny's death is a crime,\" Antony Blinken said on 16 February 2024.\n",
            nil,                                                        // back to the article as it was
        ]
        for (n, edit) in edits.enumerated() {
            let now = try String(contentsOfFile: path, encoding: .utf8)
            try (edit.map { now + $0 } ?? original).write(toFile: path, atomically: false, encoding: .utf8)
            _ = try buildSite(content: content, output: site)
            let clean = scratch.path + "/Clean\(n)"
            _ = try buildSite(content: content, output: clean)
            let incremental = SiteFiles.snapshot(site), fresh = SiteFiles.snapshot(clean)
            #expect(incremental.keys.sorted() == fresh.keys.sorted())
            for (page, bytes) in fresh where incremental[page] != bytes { Issue.record("edit \(n): \(page) differs from a clean build") }
        }
        // The edits did reach the site and went again: the new name had a page of its own.
        #expect(!SiteFiles.list(site + "/people").contains("radoslaw-sikorski.html"))
    }
}

/// Discovery decides article by article, oldest first, each decision resting on those before it; a rebuild replays
/// the last build's decisions and decides again only from the edited article, and on to the newest only when the
/// edited article decides differently. Either way the site is a clean build's.
@Suite struct DiscoveryReplayTests {
    let scratch = Scratch("dossier-discovery-replay")
    let oldest = "articles/gaddafi-vows-to-fight-on.md"       // 2011; the other six articles are from 2023 and 2024

    /// The rebuild's report and the people pages before and after it.
    func rebuild(after edit: String) throws -> (report: BuildReport, peopleBefore: [String], peopleAfter: [String]) {
        let content = scratch.copy(Repo.fixture("discovery"), as: "Content")
        let site = scratch.path + "/Site"
        let first = try buildSite(content: content, output: site)
        #expect(first.articlesDecided == 7)
        let peopleBefore = SiteFiles.list(site + "/people")
        let handle = try #require(FileHandle(forWritingAtPath: content + "/" + oldest))
        handle.seekToEndOfFile()
        handle.write(Data(edit.utf8))
        try handle.close()
        let report = try buildSite(content: content, output: site)
        let clean = try buildSite(content: content, output: scratch.path + "/Clean")
        #expect(clean.articlesDecided == 7, "no cache beside a new output: every article is decided")
        let incremental = SiteFiles.snapshot(site), fresh = SiteFiles.snapshot(scratch.path + "/Clean")
        #expect(incremental.keys.sorted() == fresh.keys.sorted())
        for (page, bytes) in fresh where incremental[page] != bytes { Issue.record("\(page) differs from a clean build") }
        return (report, peopleBefore, SiteFiles.list(site + "/people"))
    }

    @Test func anEditThatNamesNobodyNewDecidesOnlyTheEditedArticle() throws {
        let (report, before, after) = try rebuild(after: "\nNothing more was said that night.\n")
        #expect(report.articlesDecided == 1)
        #expect(after == before, "the people the replayed articles had found are all still there")
        #expect(before.count > 10)
    }

    @Test func anEditThatFindsSomebodyNewDecidesEveryLaterArticleAgain() throws {
        let (report, before, after) = try rebuild(after: "\nForeign Minister Radoslaw Sikorski said the talks would go on.\n")
        #expect(report.articlesDecided == 7)
        #expect(Set(after).subtracting(before) == ["radoslaw-sikorski.html"])
    }
}

/// The analysis cache keeps each article's analysis, quotations and dated sentences: what it reads back must be
/// what was written, for every article of the discovery fixture (quotations with their speakers, dates
/// of every precision).
@Suite struct AnalysisCacheEncodingTests {
    @Test func everyIntegerReadsBackAsWritten() async {
        // Numbers of every byte length, side by side: the writer makes a long one in a register and appends it at
        // once, so a wrong length or byte order would shift every number after it.
        let edges: [UInt64] = [0, 1, 0x7F, 0x80, 0x3FFF, 0x4000, 1 << 56 - 1, 1 << 56, 1 << 63 - 1, 1 << 63, .max]
        await propertyCheck(count: 300, input: Gen.uint64(in: 0...UInt64.max).array(of: 0...12), Gen.int(in: Int.min...Int.max).array(of: 0...12)) { random, signed in
            let values = edges + random
            var writer = ByteWriter()
            for (v, i) in zip(values, signed + Array(repeating: 0, count: values.count)) { writer.uint64(v); writer.int(i) }
            var reader = ByteReader(bytes: writer.bytes, position: 0)
            for (v, i) in zip(values, signed + Array(repeating: 0, count: values.count)) {
                #expect((try? reader.uint64()) == v)
                #expect((try? reader.int()) == i)
            }
            #expect(reader.position == writer.bytes.count)
        }
    }

    @Test func entriesReadBackAsWritten() throws {
        let (dossier, _) = linkedDossier(Repo.fixture("discovery"))
        let linked = try #require(dossier)
        #expect(linked.quotes.joined().contains { $0.speaker != nil })
        #expect(!linked.datedStatements.joined().isEmpty)
        for a in linked.articles.indices {
            let entry = AnalysisCache.Entry(text: linked.articleTexts[a], quotes: linked.quotes[a], dates: linked.datedStatements[a])
            var writer = ByteWriter()
            writer.entry(entry)
            var reader = ByteReader(bytes: writer.bytes, position: 0)
            let back = try reader.entry()
            #expect(back.quotes == entry.quotes)
            #expect(back.dates == entry.dates)
            #expect(back.text.document == entry.text.document)
            #expect(back.text.mentions == entry.text.mentions)
            #expect(back.text.eventMentions == entry.text.eventMentions)
            // What every rebuild needs of every article is read without the mentions, and agrees with them.
            let mentions = entry.text.mentions
            var firstNamed: [Int] = []
            for m in mentions where !firstNamed.contains(m.person) { firstNamed.append(m.person) }
            #expect(back.text.peopleNamed == firstNamed)
            #expect(back.text.spellingsHash == entry.text.spellingsHash)
            for statement in entry.dates {
                #expect(statement.people == mentions.filter { $0.block == statement.block && $0.sentence == statement.sentence }.map(\.person))
            }
            #expect(reader.position == writer.bytes.count)
        }
        #expect(linked.datedStatements.joined().contains { !$0.people.isEmpty })
        // The spellings' hash changes with a spelling, and not with a wikilink's text.
        let named = try #require(linked.articleTexts.first { $0.mentions.contains { $0.kind != .wikilink } })
        var respelled = named
        let m = try #require(respelled.mentions.firstIndex { $0.kind != .wikilink })
        respelled.mentions[m].text += "x"
        #expect(respelled.spellingsHash != named.spellingsHash)
        #expect(respelled.peopleNamed == named.peopleNamed)
        // A document that does not decode (its bytes damaged) is made again from the body, not shown empty.
        let a = try #require(linked.articles.indices.first { !linked.articleTexts[$0].document.blocks.isEmpty })
        let entry = AnalysisCache.Entry(text: linked.articleTexts[a], quotes: linked.quotes[a], dates: linked.datedStatements[a])
        var writer = ByteWriter()
        writer.entry(entry)
        var document = ByteWriter()
        document.document(entry.text.document)
        var damaged = writer.bytes
        for i in (damaged.count - document.bytes.count)..<damaged.count { damaged[i] = 0xFF }
        var reader = ByteReader(bytes: damaged, position: 0)
        let remade = Markdown.analyze(linked.articles[a].body)
        let back = try reader.entry(document: { remade })
        #expect(back.text.mentions == entry.text.mentions)
        #expect(back.text.document == entry.text.document)
        var undamaged = ByteReader(bytes: damaged, position: 0)
        #expect(try undamaged.entry().text.document.blocks.isEmpty, "without a way to make it again, nothing is made up")

        // The name runs discovery reads in each article, with their roles and cues.
        let (content, _, _) = ContentLoader.load(directory: Repo.fixture("discovery"))
        for article in try #require(content).articles {
            let runs = Discovery.runs(in: Markdown.analyze(article.body))
            var writer = ByteWriter()
            writer.runs(runs)
            var reader = ByteReader(bytes: writer.bytes, position: 0)
            #expect(try reader.runs() == runs)
        }
    }
}
