// A dossier anywhere, as a new user starts one: `dossier init`, then commands with no folder options, from the
// dossier's folder or any folder below it; `dossier --version`.

import CommandLineSupport
import Foundation
import Testing

@Suite struct StartingADossierTests {
    let scratch = Scratch("dossier-init")

    @Test func initThenBuildWithNoOptions() async throws {
        let made = try await DossierBinary.run(["init", "brief", "--title", "Test: \"quotes\" too"], in: scratch.path)
        #expect(made.status == 0, "\(made.errors)")
        let root = scratch.path + "/brief"
        #expect(SiteFiles.list(root) == ["Content/articles/example-how-an-article-is-written.md", "Content/dossier.yml",
                                        "Content/events/.gitkeep", "Content/people/.gitkeep", "README.md"])
        #expect(SiteFiles.read(root, "Content/dossier.yml")?.hasPrefix("title: \"Test: \\\"quotes\\\" too\"\n") == true)

        let built = try await DossierBinary.run(["build"], in: root)
        #expect(built.status == 0, "\(built.errors)")
        #expect(built.errors.isEmpty, "the new dossier builds without a warning: \(built.errors)")
        #expect(built.output.hasPrefix("Built Site/"))
        #expect(built.output.contains(" pages (1 person, 0 events, 1 article, "), "\(built.output)")
        let article = try #require(SiteFiles.read(root + "/Site", "articles/example-how-an-article-is-written.html"))
        #expect(article.contains("<h1>Example: how an article is written</h1>"))
        #expect(SiteFiles.read(root + "/Site", "index.html")?.contains("Test: &quot;quotes&quot; too") == true)
        // The name in the example is found, with its role, and the date in its text is on the timeline.
        #expect(SiteFiles.read(root + "/Site", "people/anna-example.html")?.contains("Foreign Minister") == true)
        #expect(SiteFiles.read(root + "/Site", "timeline.html")?.contains("2025-03-03") == true)
        // The theme is built in: its stylesheet, with no Templates/ anywhere near.
        #expect(SiteFiles.read(root + "/Site", "assets/dossier.css") == SiteFiles.read(Repo.templates, "assets/dossier.css"))

        // Every other command finds Content/ too, from the dossier's folder or below it.
        try FileManager.default.createDirectory(atPath: root + "/notes/drafts", withIntermediateDirectories: true)
        let below = root + "/notes/drafts"
        let person = try await DossierBinary.run(["new", "person", "Anna Example", "--role", "Foreign Minister"], in: below)
        #expect(person.status == 0, "\(person.errors)")
        #expect(person.output == "../../Content/people/anna-example.md\n")
        let check = try await DossierBinary.run(["check"], in: below)
        #expect(check.status == 0)
        let rebuilt = try await DossierBinary.run(["build"], in: below)
        #expect(rebuilt.status == 0, "\(rebuilt.errors)")
        #expect(rebuilt.output.hasPrefix("Built ../../Site/"))
        #expect(!FileManager.default.fileExists(atPath: below + "/Site"))
        #expect(SiteFiles.read(root + "/Site", "people/anna-example.html")?.contains("Foreign Minister") == true)
    }

    @Test func initWithTemplatesWritesTheThemeToEditAndItIsUsed() async throws {
        #expect(try await DossierBinary.run(["init", "brief", "--templates"], in: scratch.path).status == 0)
        let root = scratch.path + "/brief"
        #expect(SiteFiles.snapshot(root + "/Templates") == SiteFiles.snapshot(Repo.templates))
        #expect(SiteFiles.read(root, "Content/dossier.yml")?.hasPrefix("title: \"Brief\"\n") == true)
        scratch.write("brief/Templates/nav.mustache", "<nav class=\"own-nav\">{{#nav}}<a href=\"{{root}}{{href}}\">{{label}}</a>{{/nav}}</nav>\n")
        #expect(try await DossierBinary.run(["build"], in: root).status == 0)
        #expect(SiteFiles.read(root + "/Site", "index.html")?.contains("own-nav") == true)
        try FileManager.default.removeItem(atPath: root + "/Templates/nav.mustache")
        #expect(try await DossierBinary.run(["build"], in: root).status == 0)
        #expect(SiteFiles.read(root + "/Site", "index.html")?.contains("own-nav") == false)
    }

    @Test func initRefusesAFolderThatIsNotEmpty() async throws {
        scratch.write("brief/notes.txt", "mine")
        let refused = try await DossierBinary.run(["init", "brief"], in: scratch.path)
        #expect(refused.status == 1)
        #expect(refused.errors == "error: brief/ is not empty (notes.txt): `dossier init` starts a dossier in a new or empty folder only, so that nothing there is replaced\n")
        #expect(SiteFiles.list(scratch.path + "/brief") == ["notes.txt"])
        // An empty folder, or one holding only a fresh git repository, is fine.
        try FileManager.default.createDirectory(atPath: scratch.path + "/repo/.git", withIntermediateDirectories: true)
        #expect(try await DossierBinary.run(["init", "repo"], in: scratch.path).status == 0)
    }

    @Test func aTemplatesFolderThatDoesNotExistIsAMistake() async throws {
        _ = try await DossierBinary.run(["init", "brief"], in: scratch.path)
        let result = try await DossierBinary.run(["build", "--templates", "Themes"], in: scratch.path + "/brief")
        #expect(result.status == 64)
        #expect(result.errors.hasPrefix("Error: --templates Themes: no such folder."))
    }

    @Test func versionIsTheOneInTheSource() async throws {
        let result = try await DossierBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.output == DossierVersion.current + "\n")
    }

    @Test func initHasHelpWithAnExample() async throws {
        let result = try await DossierBinary.run(["init", "--help"])
        #expect(result.output.contains("Example:"))
    }
}
