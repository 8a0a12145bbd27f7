// `dossier new person|event|article`: the file, its slug and front matter, refusing to overwrite, clear
// errors for bad values, and that what it writes builds.

import Authoring
import Foundation
import Testing

@Suite struct NewPageTests {
    let scratch = Scratch("dossier-new")
    let content: ContentFolder
    init() { content = ContentFolder(scratch.copy(Repo.fixture("small"), as: "Content")) }

    func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func personFileAtTheSlugOfTheName() throws {
        let created = try NewPage.person(name: "Kirill Dmitriev", aliases: ["Kiril Dmitriev", "Dmitliff"],
                                         role: "CEO, Russian Direct Investment Fund", born: "1975-04-12", in: content)
        #expect(created.path == content.path + "/people/kirill-dmitriev.md")
        #expect(try text(created.path) == """
        ---
        name: "Kirill Dmitriev"
        aliases:
          - "Kiril Dmitriev"
          - "Dmitliff"
        role: "CEO, Russian Direct Investment Fund"
        born: 1975-04-12
        ---

        """)
        // Any script becomes an ASCII slug; the name is kept as written.
        let russian = try NewPage.person(name: "Сергей Лавров", in: content)
        #expect(russian.path == content.path + "/people/sergey-lavrov.md")
        #expect(try text(russian.path).contains("name: \"Сергей Лавров\"\n"))
    }

    @Test func eventFileWithDatePlaceAndPeople() throws {
        let created = try NewPage.event(title: "Dmitriev–Witkoff talks: \"day two\"", date: "2025-04-02/2025-04-03",
                                        place: "Washington, D.C.", people: ["anna-berg", "Jonas Lindqvist"], in: content)
        #expect(created.path == content.path + "/events/dmitriev-witkoff-talks-day-two.md")
        #expect(try text(created.path) == """
        ---
        title: "Dmitriev–Witkoff talks: \\"day two\\""
        date: 2025-04-02/2025-04-03
        place: "Washington, D.C."
        people:
          - "anna-berg"
          - "jonas-lindqvist"
        ---

        """)
        #expect(created.notes == ["people/jonas-lindqvist.md does not exist yet; the build needs it: dossier new person \"NAME\""])
    }

    @Test func articleFileReadyForItsText() throws {
        let created = try NewPage.article(title: "Envoys sign harbour accord", date: "2024-03-09~", source: "Harbour Gazette",
                                          author: "J. Writer", url: "https://example.org/accord", in: content)
        #expect(created.path == content.path + "/articles/envoys-sign-harbour-accord.md")
        #expect(try text(created.path) == """
        ---
        title: "Envoys sign harbour accord"
        date: 2024-03-09~
        source: "Harbour Gazette"
        author: "J. Writer"
        url: "https://example.org/accord"
        ---

        """)
    }

    @Test func whatNewWritesBuilds() throws {
        _ = try NewPage.person(name: "Jonas Lindqvist", role: "Harbour master", in: content)
        _ = try NewPage.event(title: "Harbour tour", date: "2024-03-06", people: ["jonas-lindqvist", "anna-berg"], in: content)
        let article = try NewPage.article(title: "Harbour master shows envoys around", date: "2024-03-06", source: "Harbour Gazette", in: content)
        try (try text(article.path) + "Jonas Lindqvist showed Anna Berg the new quay.\n").write(toFile: article.path, atomically: true, encoding: .utf8)

        let site = scratch.path + "/Site"
        _ = try buildSite(content: content.path, output: site)
        let person = try #require(SiteFiles.read(site, "people/jonas-lindqvist.html"))
        #expect(person.contains("Harbour master"))
        #expect(person.contains("<mark>Jonas Lindqvist</mark> showed Anna Berg the new quay."))
        #expect(person.contains("href=\"../events/harbour-tour.html\""))
    }

    @Test func neverOverwritesAndSaysWhy() throws {
        let path = content.path + "/people/anna-berg.md"
        let before = try text(path)
        #expect(throws: AuthoringError(.content, "\(path) already exists; edit it, or choose another name")) {
            try NewPage.person(name: "Anna Berg", in: content)
        }
        #expect(try text(path) == before)
        // A plain-text article holds its slug too.
        #expect(throws: AuthoringError(.content, "\(content.path)/articles/garbled-report.txt already exists; edit it, or choose another title")) {
            try NewPage.article(title: "Garbled report", date: "2024", in: content)
        }
    }

    @Test func badValuesAreUsageErrorsAndWriteNothing() throws {
        let before = SiteFiles.snapshot(content.path)
        #expect(throws: AuthoringError(.usage, "--date \"2025-04-31\" is not a valid EDTF date: April has 30 days, not 31 (write 2025-04-02, 2025-04, 2025, 2025-04-01/2025-04-03, or add ~ for approximate, ? for uncertain)")) {
            try NewPage.event(title: "Talks", date: "2025-04-31", in: content)
        }
        #expect(throws: AuthoringError.self) { try NewPage.person(name: "X", born: "last spring", in: content) }
        #expect(throws: AuthoringError(.usage, "the name \"?!\" has no letters or digits to make a file name from")) {
            try NewPage.person(name: "?!", in: content)
        }
        #expect(throws: AuthoringError(.usage, "--url \"www.example.org\" is not a web address: it must start with http:// or https:// and contain no spaces")) {
            try NewPage.article(title: "T", date: "2024", url: "www.example.org", in: content)
        }
        #expect(SiteFiles.snapshot(content.path) == before)
    }

    @Test func refusesAFolderThatIsNotADossier() throws {
        let empty = scratch.path + "/Empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(throws: AuthoringError(.content, "\(empty)/ has no dossier.yml, so it is not a dossier's content folder: create one with `title: \"...\"`, or pass --content PATH")) {
            try NewPage.person(name: "Anna Berg", in: ContentFolder(empty))
        }
        #expect(throws: AuthoringError(.content, "content folder \(scratch.path)/Nowhere/ not found: run this where Content/ is, or pass --content PATH")) {
            try NewPage.person(name: "Anna Berg", in: ContentFolder(scratch.path + "/Nowhere"))
        }
        #expect(SiteFiles.list(empty).isEmpty)
    }
}
