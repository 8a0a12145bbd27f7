// Odd input: other scripts, huge files, huge lines, deep nesting, many files, an empty dossier — and
// random bytes and random front matter thrown at the loader. No crash; content or a located error.

@testable import Content
@testable import Discovery
import Foundation
import Markdown
import PropertyBased
import Renderer
import Testing

@Suite struct RobustnessTests {
    let scratch = Scratch()

    func dossier(_ files: [String: String]) -> String {
        scratch.write("Content/dossier.yml", files["dossier.yml"] ?? "title: Odd input\n")
        for (path, text) in files where path != "dossier.yml" { scratch.write("Content/" + path, text) }
        return scratch.path + "/Content"
    }

    @Test func otherScriptsGetASCIISlugsAndAreMatched() throws {
        #expect(Slug.make(from: "Зеленський") == "zelenskiy")
        #expect(Slug.make(from: "Кирилл Дмитриев") == "kirill-dmitriev")
        #expect(Slug.make(from: "Señor Müller-Łukasz") == "senor-muller-lukasz")
        #expect(Slug.make(from: "«»…") == "untitled")
        let content = dossier([
            "people/volodymyr-zelensky.md": "---\nname: Володимир Зеленський\naliases: [Volodymyr Zelensky]\n---\n",
            "articles/kyiv.md": "---\ntitle: Київ\ndate: 2025-03\n---\nВолодимир Зеленський заявив. Зеленський пішов. Volodymyr Zelensky left.\n",
        ])
        _ = try buildSite(content: content, output: scratch.path + "/Site")
        let page = SiteFiles.read(scratch.path + "/Site", "people/volodymyr-zelensky.html") ?? ""
        #expect(page.contains("<mark>Володимир Зеленський</mark> заявив."))
        #expect(page.contains("<mark>Зеленський</mark> пішов."))
        #expect(page.contains("<mark>Volodymyr Zelensky</mark> left."))
    }

    @Test func aHugeArticleWithHugeLinesBuilds() throws {
        // ~4 MB here to keep the suite quick in debug builds; `DOSSIER_STRESS_MB=10` runs the full 10 MB case.
        let megabytes = Int(ProcessInfo.processInfo.environment["DOSSIER_STRESS_MB"] ?? "") ?? 4
        let sentence = "Anna Berg met the envoy in the harbour and said nothing of note. "
        let longLine = String(repeating: "word ", count: 20_000)       // 100,000 characters on one line
        var body = longLine + "\n\n"
        while body.utf8.count < megabytes * 1_000_000 { body += String(repeating: sentence, count: 40) + "\n\n" }
        body += "The last paragraph names Anna Berg.\n"
        let content = dossier([
            "people/anna-berg.md": "---\nname: Anna Berg\n---\n",
            "articles/huge.md": "---\ntitle: Huge\ndate: 2025\n---\n" + body,
        ])
        _ = try buildSite(content: content, output: scratch.path + "/Site")
        let page = SiteFiles.read(scratch.path + "/Site", "articles/huge.html") ?? ""
        #expect(page.contains("The last paragraph names <a href=\"../people/anna-berg.html\" title=\"Anna Berg\">Anna Berg</a>."))
    }

    @Test func deeplyNestedMarkdownBuilds() throws {
        let quotes = String(repeating: ">", count: 5_000) + " deep\n\n"
        let lists = (0..<2_000).map { String(repeating: "  ", count: $0) + "- item \($0)" }.joined(separator: "\n") + "\n\n"
        let emphasis = String(repeating: "*", count: 10_000) + "x" + String(repeating: "*", count: 10_000) + "\n\n"
        let brackets = String(repeating: "[ ", count: 10_000) + "Anna Berg" + String(repeating: " ]", count: 10_000) + "\n"
        let content = dossier([
            "people/anna-berg.md": "---\nname: Anna Berg\n---\n",
            "articles/nested.md": "---\ntitle: Nested\ndate: 2025\n---\n" + quotes + lists + emphasis + brackets,
        ])
        _ = try buildSite(content: content, output: scratch.path + "/Site")
        #expect(SiteFiles.read(scratch.path + "/Site", "people/anna-berg.html")?.contains("articles/nested.html") == true)
    }

    @Test func thousandsOfFilesBuild() throws {
        var files: [String: String] = [:]
        for i in 0..<300 { files["people/person-\(i).md"] = "---\nname: Given\(i) Family\(i)\n---\n" }
        for i in 0..<2_000 {
            files["articles/report-\(i).md"] = "---\ntitle: Report \(i)\ndate: 2024-\(String(format: "%02d", i % 12 + 1))-\(String(format: "%02d", i % 28 + 1))\n---\nGiven\(i % 300) Family\(i % 300) met Family\((i + 1) % 300).\n"
        }
        let report = try buildSite(content: dossier(files), output: scratch.path + "/Site")
        #expect(report.pages["article"] == 2_000)
        #expect(report.pages["person"] == 300)
        let page = SiteFiles.read(scratch.path + "/Site", "people/person-7.html") ?? ""
        #expect(page.contains("Mentioned in 14 articles"))
    }

    @Test func anEmptyContentFolderIsAClearError() {
        scratch.write("Content/.keep", "")
        do {
            _ = try buildSite(content: scratch.path + "/Content", output: scratch.path + "/Site")
            Issue.record("an empty content folder should not build")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "\(scratch.path)/Content/dossier.yml:1:1: error: dossier.yml is missing: create it with at least `title: \"...\"`",
            ])
        }
    }

    @Test func aDossierWithOnlyItsSettingsBuildsAnEmptySite() throws {
        let report = try buildSite(content: dossier([:]), output: scratch.path + "/Site")
        #expect(report.pages["person"] == nil && report.pages["article"] == nil && report.pages["event"] == nil)
        for page in ["index.html", "timeline.html", "people/index.html", "events/index.html", "articles/index.html"] {
            #expect(SiteFiles.read(scratch.path + "/Site", page)?.contains("Odd input") == true, "\(page)")
        }
    }

    @Test func twoPeopleClaimingOneAliasIsAWarningAtTheAlias() throws {
        let content = dossier([
            "people/alan-smith.md": "---\nname: Alan Smith\naliases: [\"The Envoy\"]\n---\n",
            "people/bea-jones.md": "---\nname: Bea Jones\naliases:\n  - B. Jones\n  - The Envoy\n---\n",
            "articles/a.md": "---\ntitle: A\ndate: 2025\n---\nThe Envoy met Bea Jones.\n",
        ])
        let report = try buildSite(content: content, output: scratch.path + "/Site")
        #expect(report.warnings.map { $0.description.replacingOccurrences(of: scratch.path + "/", with: "") } == [
            "Content/people/alan-smith.md:3:12: warning: alias \"The Envoy\" is claimed by Alan Smith and Bea Jones; it is not linked to either",
            "Content/people/bea-jones.md:5:5: warning: alias \"The Envoy\" is claimed by Alan Smith and Bea Jones; it is not linked to either",
        ])
        #expect(SiteFiles.read(scratch.path + "/Site", "people/alan-smith.html")?.contains("articles/a.html") == false)
    }
}

/// Random input at the loader: it never crashes, and every file either loads or gets an error with a location.
@Suite struct LoaderPropertyTests {
    /// Runs per property; `DOSSIER_FUZZ_COUNT=20000 swift test --filter LoaderPropertyTests` runs longer.
    static let count = Int(ProcessInfo.processInfo.environment["DOSSIER_FUZZ_COUNT"] ?? "") ?? 150

    /// Loads one person file with `bytes` and checks the outcome is a person or a located error for that file.
    static func check(_ bytes: [UInt8], scratch: Scratch) {
        let path = scratch.path + "/Content/people/someone.md"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let (set, references, log) = ContentLoader.load(directory: scratch.path + "/Content")
        let loaded = set?.people.contains { $0.slug == "someone" } ?? false
        // A file that is not loaded says why, where. One may also load with an error, when only an optional field is
        // wrong (`born: "\u0000"`): the person stays, so that the articles naming them report nothing more.
        let errors = log.errors.filter { $0.path == path }
        #expect(errors.allSatisfy { $0.line >= 1 && $0.column >= 1 }, "bytes \(bytes.prefix(80)) errors=\(errors)")
        #expect(loaded || !errors.isEmpty, "bytes \(bytes.prefix(80)) loaded=\(loaded) errors=\(log.errors)")
        if let set { _ = Linker.link(set, references: references) }
    }

    /// The case the random front matter found: an invalid optional date is an error at the date, and the person stays.
    @Test func anInvalidBornDateIsALocatedErrorAndThePersonStays() {
        let scratch = Scratch()
        scratch.write("Content/dossier.yml", "title: Fuzz\n")
        scratch.write("Content/people/someone.md", "---\nname: Anna Berg\nborn: \"\\u0000\"\n---\nA profile.\n")
        let (set, _, log) = ContentLoader.load(directory: scratch.path + "/Content")
        #expect(set?.people.map(\.name) == ["Anna Berg"])
        #expect(log.errors.map { "\($0.line):\($0.column)" } == ["3:8"])
        #expect(log.errors.first?.message.hasPrefix("born \"\u{0}\" is not a valid EDTF date") == true)
    }

    @Test func randomBytes() async {
        let scratch = Scratch()
        scratch.write("Content/dossier.yml", "title: Fuzz\n")
        scratch.write("Content/people/.keep", "")
        await propertyCheck(count: Self.count, input: Gen.uint8().array(of: 0...400)) { bytes in
            Self.check(bytes, scratch: scratch)
        }
    }

    @Test func randomFrontMatter() async {
        let scratch = Scratch()
        scratch.write("Content/dossier.yml", "title: Fuzz\n")
        scratch.write("Content/people/.keep", "")
        let keys = ["name", "aliases", "role", "affiliation", "born", "aliasses", "title", "date", "", "- ", "name:name"]
        let values = ["Anna Berg", "\"Anna", "[Ana, Anna]", "[unclosed", "{a: b}", "1975", "1975-13-01", "2025-02-29", "~", "null",
                      "'quoted'", ": colon", "&anchor x", "*alias", "|", ">", "\"\\u0000\"", "Зеленський", "<script>", "[[x]]", "- item"]
        let entry = Gen.int(in: 0...(keys.count * values.count * 3 - 1)).map { n in (n % keys.count, n / keys.count % values.count, n % 3) }
        await propertyCheck(count: Self.count, input: entry.array(of: 0...8), Gen.bool, Gen.bool) { entries, fenced, closed in
            var text = fenced ? "---\n" : ""
            for (k, v, i) in entries { text += ["", "  ", "\t"][i] + keys[k] + ": " + values[v] + "\n" }
            if fenced && closed { text += "---\nA profile.\n" }
            Self.check(Array(text.utf8), scratch: scratch)
        }
    }

    @Test func randomMarkdownBodiesRenderInert() async {
        let pieces = ["Anna Berg", "Berg's", "*", "_", "[", "]", "(", ")", "<script>", "</script>", "<img src=x onerror=y>", "javascript:",
                      "[[anna-berg]]", "[[nobody|x]]", "\n", "\n\n", "> ", "- ", "1. ", "`", "```", "\\", "&amp;", "“", "’", "Зеленський", " ", "."]
        await propertyCheck(count: Self.count, input: Gen.int(in: 0...(pieces.count - 1)).array(of: 0...60)) { indexes in
            let body = indexes.map { pieces[$0] }.joined()
            let document = Markdown.analyze(body)
            var insertions: [Insertion] = []
            for (b, block) in document.blocks.enumerated() {
                let tokens = NameTokens.tokenize(block.text)
                for token in tokens where tokens.word(of: token) == "Berg" {
                    insertions.append(Insertion(block: b, range: token.start..<token.end, destination: "../people/anna-berg.html"))
                }
            }
            let html = Markdown.renderHTML(body, insertions: insertions, headingOffset: 1)
            for tag in Inert.tags(in: html) {
                #expect(!tag.lowercased().hasPrefix("<script") && !Inert.hasEventHandler(tag), "\(body.debugDescription) → \(tag)")
            }
        }
    }
}
