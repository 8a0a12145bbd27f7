// The built-in theme and a dossier's own templates over it, file by file: what `make install` ships and what
// `dossier init --templates` writes out.

import BuiltinTheme
import Content
import Foundation
import Renderer
import Templating
import Testing

@Suite struct ThemeTests {
    let scratch = Scratch("dossier-theme")

    /// Sources/BuiltinTheme/BuiltinTheme.swift is generated from Templates/; this fails when someone changed
    /// Templates/ and forgot `make theme` (or `make build`, which runs it).
    @Test func theBuiltInThemeIsTheRepositorysTemplatesFolder() {
        let onDisk = SiteFiles.snapshot(Repo.templates).filter { !$0.key.split(separator: "/").contains { $0.hasPrefix(".") } }
        let builtIn = Theme.builtIn.mapValues { Data($0) }
        #expect(Set(builtIn.keys) == Set(onDisk.keys), "run `make theme`: the built-in theme's files differ from Templates/")
        for (path, data) in onDisk.sorted(by: { $0.key < $1.key }) where builtIn[path] != nil {
            #expect(builtIn[path] == data, "run `make theme`: \(path) differs from the built-in copy")
        }
        #expect(BuiltinTheme.files.map(\.path) == BuiltinTheme.files.map(\.path).sorted(), "generated in a stable order")
    }

    /// Without a templates folder a dossier builds with the built-in theme, the same site as with Templates/.
    @Test func withoutTemplatesTheBuiltInThemeBuildsTheSameSite() throws {
        _ = try buildSite(content: Repo.fixture("small"), output: scratch.path + "/Own", templates: Repo.templates)
        _ = try buildSite(content: Repo.fixture("small"), output: scratch.path + "/BuiltIn", templates: scratch.path + "/NoTemplates")
        #expect(SiteFiles.snapshot(scratch.path + "/BuiltIn") == SiteFiles.snapshot(scratch.path + "/Own"))
        #expect(SiteFiles.read(scratch.path + "/BuiltIn", "assets/dossier.css") == SiteFiles.read(Repo.templates, "assets/dossier.css"))
    }

    /// An own base.mustache changes every page; the other layouts stay built-in; removing it falls back.
    @Test func anOwnFileReplacesTheBuiltInOneAndRemovingItFallsBack() throws {
        let own = scratch.path + "/Templates"
        let base = String(decoding: Theme.builtIn["base.mustache"]!, as: UTF8.self)
        scratch.write("Templates/base.mustache", base.replacingOccurrences(of: "<body", with: "<p class=\"own-banner\">Draft</p><body"))
        scratch.write("Templates/assets/dossier.css", "body { color: olive; }\n")
        let site = scratch.path + "/Site"
        _ = try buildSite(content: Repo.fixture("small"), output: site, templates: own)
        for page in ["index.html", "people/index.html", "timeline.html"] {
            #expect(SiteFiles.read(site, page)?.contains("<p class=\"own-banner\">Draft</p>") == true, "\(page) does not use the own base")
        }
        #expect(SiteFiles.read(site, "assets/dossier.css") == "body { color: olive; }\n")
        #expect(SiteFiles.read(site, "assets/search.js") == SiteFiles.read(Repo.templates, "assets/search.js"))

        try FileManager.default.removeItem(atPath: own + "/base.mustache")
        try FileManager.default.removeItem(atPath: own + "/assets/dossier.css")
        _ = try buildSite(content: Repo.fixture("small"), output: site, templates: own)
        #expect(SiteFiles.read(site, "index.html")?.contains("own-banner") == false)
        #expect(SiteFiles.read(site, "assets/dossier.css") == SiteFiles.read(Repo.templates, "assets/dossier.css"))
    }

    /// An error in an own template names that file and line, even when the rest of the theme is built in.
    @Test func anErrorInAnOwnTemplatePointsAtItsFileAndLine() {
        scratch.write("Templates/person.mustache", "{{<base}}{{$content}}\n<h1>{{name}}</h1>\n{{#aliases}}\n{{/content}}{{/base}}\n")
        do {
            _ = try buildSite(content: Repo.fixture("small"), output: scratch.path + "/Site", templates: scratch.path + "/Templates")
            Issue.record("the build should fail")
        } catch {
            #expect(error.diagnostics.map(\.description) ==
                    ["\(scratch.path)/Templates/person.mustache:4:1: error: template does not parse: a section is closed with a different name than it was opened with"])
        }
    }
}
