// `dossier import`: pasted articles become Content/articles/<slug>.md that build into exactly what the
// curated dossier shows (the two seed articles), with the people it names and the names it does not know.

import Authoring
import Foundation
import Testing

@Suite struct ImportTests {
    static let seeds = Repo.root + "/Tests/DossierTests/Fixtures/seeds"

    /// The issue's acceptance test: the curated Content/ without its articles, plus the two seeds imported with
    /// the dates of BRIEFING-FACTS.md, builds into the same people pages, quoting the same sentences.
    @Test func seedArticlesImportIntoTheSamePeopleAndMentionsAsTheCuratedDossier() async throws {
        let scratch = Scratch("dossier-import")
        let content = scratch.copy(Repo.content, as: "Content")
        for file in try FileManager.default.contentsOfDirectory(atPath: content + "/articles") {
            try FileManager.default.removeItem(atPath: content + "/articles/" + file)
        }
        let first = try await DossierBinary.run(["import", Self.seeds + "/000_219828e929a4978d.txt", "--date", "2025-04-01~",
                                                 "--source", "Caliber.Az, citing CNN", "--content", content])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.hasPrefix(content + "/articles/senior-russian-negotiator-set-for-first-visit-to-washington-since-ukraine-invasion.md\n"))
        #expect(first.output.contains("It names 7 people of \(content)/people/:"))
        #expect(first.output.contains("  Kirill Dmitriev      9 mentions  as \"Kirill Dmitriev\", \"Dmitriev\"\n"))

        // The second seed has no headline line: it comes from --title, and the text arrives on standard input.
        let second = try await DossierBinary.run(["import", "-", "--date", "2025-04-03",
                                                  "--source", "The New York Times (machine translation)",
                                                  "--title", "Kremlin envoys praise Trump administration after two-day meeting in Washington",
                                                  "--content", content],
                                                 stdin: try String(contentsOfFile: Self.seeds + "/001_5b7f0de8f4dd8af4.txt", encoding: .utf8))
        #expect(second.status == 0, "\(second.errors)")
        #expect(second.output.contains("  Kirill Dmitriev  14 mentions  as \"Kiril Dmitriev\", \"Dmitriev\", \"Dmitliff\", \"Dmitliv\"\n"))
        #expect(second.output.contains("  Marc Fogel        1 mention   as \"Mark Vogel\"\n"))

        let imported = scratch.path + "/Site"
        let curated = scratch.path + "/Curated"
        _ = try buildSite(content: content, output: imported)
        _ = try buildSite(content: Repo.content, output: curated)
        let people = SiteFiles.list(curated + "/people")
        #expect(people.count == 9)                       // eight people and the list
        #expect(SiteFiles.list(imported + "/people") == people)
        // Same people, mentions, sentences and co-mentions. Only the neighbourhood graph may differ: its event
        // edges weigh how many articles cover an event, and the curated articles also list events in front matter.
        let withoutGraph = { (html: String?) in html.map { $0.replacingOccurrences(of: #"<svg[\s\S]*?</svg>"#, with: "", options: .regularExpression) } }
        for page in people {
            #expect(withoutGraph(SiteFiles.read(imported + "/people", page)) == withoutGraph(SiteFiles.read(curated + "/people", page)), "people/\(page) differs")
        }
        // The articles read the same too (the curated ones also list their events in front matter).
        let article = "articles/kremlin-envoys-praise-trump-administration-after-two-day-meeting-in-washington.html"
        let body = { (site: String) in SiteFiles.read(site, article)?.components(separatedBy: "article-body")[1].components(separatedBy: "</div>")[0] }
        #expect(body(imported) != nil && body(imported) == body(curated))
    }

    /// For the tests below: a scratch copy of the small fixture, fresh for each test.
    let scratch = Scratch("dossier-import")
    let content: ContentFolder
    init() { content = ContentFolder(scratch.copy(Repo.fixture("small"), as: "Content")) }

    @Test func plainTextBecomesAnEscapedMarkdownArticleWithFrontMatter() throws {
        let text = "Envoys agree on *harbour* fees\nBy Jo Reporter\nAnna Berg and Omar Haddad signed at 10:00 # sharp.\n\n  Their host, Jonas Lindqvist of the Port Authority, watched; later Berg left.\n"
        let result = try ArticleImport.run(text: text, origin: "pasted.txt",
                                           options: ImportOptions(date: "2024-03-07", source: "Harbour \"Gazette\"", url: "https://example.org/fees"),
                                           into: content)
        #expect(result.path == content.path + "/articles/envoys-agree-on-harbour-fees.md")
        #expect(try String(contentsOfFile: result.path, encoding: .utf8) == """
        ---
        title: "Envoys agree on *harbour* fees"
        date: 2024-03-07
        source: "Harbour \\"Gazette\\""
        author: "Jo Reporter"
        url: "https://example.org/fees"
        ---
        Anna Berg and Omar Haddad signed at 10:00 \\# sharp.

        Their host, Jonas Lindqvist of the Port Authority, watched; later Berg left.

        """)
        #expect(result.people.map(\.name) == ["Anna Berg", "Omar Haddad"])
        #expect(result.people[0].mentions == 2)
        #expect(result.people[0].writtenAs == ["Anna Berg", "Berg"])
        #expect(result.otherNames == ["Jonas Lindqvist"])      // "Port Authority" is an organisation
        #expect(result.problems.isEmpty)
    }

    /// The small heuristic for names the dossier does not know: titles and sentence-initial words are not
    /// names, initials are kept, organisations are left out, known people are not repeated.
    @Test func otherNamesAreCapitalisedRunsThatMatchNobody() throws {
        let text = """
        Harbour guests
        The envoy met Foreign Minister Ivo Kask and Maria J. Santos in Tallinn; Ukrainian President Petro Nowak sent regards.
        Mira Stone left early, before Anna Berg spoke at the National Maritime Museum with Ivo Kask.
        """
        let result = try ArticleImport.run(text: text, origin: "guests.txt", options: ImportOptions(date: "2024-03-08"), into: content)
        #expect(result.people.map(\.name) == ["Anna Berg"])
        // The museum is listed too: an organisation the short list of organisation words does not know.
        #expect(result.otherNames == ["Ivo Kask", "Maria J. Santos", "Petro Nowak", "National Maritime Museum"])
    }

    @Test func markdownKeepsItsBodyAndTakesTheHeadingAsTitle() throws {
        let text = "# Harbour summit *ends*\n\nBy Lena Ode\n\nThe summit ended. **Paul Berg** spoke last.\n\n- one\n- two\n"
        let result = try ArticleImport.run(text: text, origin: "notes.md", options: ImportOptions(date: "2024-03"), into: content)
        #expect(result.path.hasSuffix("/articles/harbour-summit-ends.md"))
        #expect(try String(contentsOfFile: result.path, encoding: .utf8) == """
        ---
        title: "Harbour summit *ends*"
        date: 2024-03
        author: "Lena Ode"
        ---
        The summit ended. **Paul Berg** spoke last.

        - one
        - two

        """)
        #expect(result.people.map(\.slug) == ["paul-berg"])
    }

    @Test func titleOptionKeepsTheFirstLineAsText() throws {
        let result = try ArticleImport.run(text: "Anna Berg arrived on Monday.\nShe left on Tuesday.", origin: "-",
                                           options: ImportOptions(date: "2024-03-04", title: "Berg visits"), into: content)
        let text = try String(contentsOfFile: result.path, encoding: .utf8)
        #expect(text.hasSuffix("---\nAnna Berg arrived on Monday.\n\nShe left on Tuesday.\n"))
        #expect(text.contains("title: \"Berg visits\"\n"))
    }

    @Test func refusesWhatItCannotImportWithoutWritingAnything() throws {
        let before = SiteFiles.snapshot(content.path)
        func failure(_ text: String, origin: String = "x.txt", _ options: ImportOptions) -> AuthoringError? {
            do throws(AuthoringError) {
                _ = try ArticleImport.run(text: text, origin: origin, options: options, into: content)
                return nil
            } catch { return error }
        }
        let badDate = failure("Title\nText.", ImportOptions(date: "2024-02-30"))
        #expect(badDate == AuthoringError(.usage, "--date \"2024-02-30\" is not a valid EDTF date: February 2024 has 29 days, not 30 (write 2025-04-02, 2025-04, 2025, 2025-04-01/2025-04-03, or add ~ for approximate, ? for uncertain)"))
        #expect(failure("Title\nText.", ImportOptions(date: "2024", url: "javascript:alert(1)"))?.kind == .usage)
        #expect(failure("   \n\n", ImportOptions(date: "2024")) == AuthoringError(.usage, "x.txt is empty: nothing to import"))
        #expect(failure("Only a title\n", ImportOptions(date: "2024")) == AuthoringError(.usage, "x.txt has no article text after its title"))
        #expect(failure("---\ntitle: x\n---\nText", origin: "a.md", ImportOptions(date: "2024"))?.message.contains("already has front matter") == true)
        // A text without a headline (like the second seed) is not given its first paragraph as a title.
        let seed = try String(contentsOfFile: Self.seeds + "/001_5b7f0de8f4dd8af4.txt", encoding: .utf8)
        #expect(failure(seed, origin: "001.txt", ImportOptions(date: "2025-04-03")) == AuthoringError(.usage, "the first line of 001.txt reads like a sentence, not a headline (\"Kremlin envoys on Thursday praised the Trump admin…\"): give the headline with --title \"...\"; the first line then stays the first paragraph"))
        // The slug of an existing article is taken, whichever its format.
        #expect(failure("Garbled report\nNew text.", ImportOptions(date: "2024")) == AuthoringError(.content, "\(content.path)/articles/garbled-report.txt already exists; edit it, or choose another title"))
        #expect(failure("Envoys meet in Port Mira\nNew text.", ImportOptions(date: "2024", title: "Envoys meet")) == AuthoringError(.content, "\(content.path)/articles/envoys-meet.md already exists; edit it, or choose another title"))
        #expect(SiteFiles.snapshot(content.path) == before, "a refused import wrote something")
    }
}
