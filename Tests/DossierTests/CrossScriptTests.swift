// Names written in Cyrillic or Greek link to the Latin-script person (Discovery/CrossScript.swift), end to end.

import Export
import Foundation
import Testing

@Suite struct CrossScriptTests {
    let scratch = Scratch("cross-script")

    static let russian = """
        ---
        title: Дмитриев в Вашингтоне
        date: 2025-04-02
        ---
        Глава РФПИ Кирилл Дмитриев прибыл в Вашингтон. По словам Дмитриева, встреча прошла хорошо.

        «Мы готовы к диалогу», — сказал Дмитриев журналистам. Песков не стал комментировать визит Дмитриеву.
        """

    func export(person name: String) throws -> DossierExport {
        scratch.write("Content/dossier.yml", "title: Test\n")
        scratch.write("Content/people/kirill-dmitriev.md", "---\nname: \(name)\n---\n")
        scratch.write("Content/people/kyriakos-mitsotakis.md", "---\nname: Kyriakos Mitsotakis\n---\n")
        scratch.write("Content/articles/rbc.md", Self.russian)
        scratch.write("Content/articles/kathimerini.md", """
            ---
            title: Συνάντηση
            date: 2025-04-03
            ---
            Ο πρωθυπουργός Κυριάκος Μητσοτάκης δήλωσε ότι η συνάντηση ήταν καλή. Ο Μητσοτάκης ταξίδεψε στην Αθήνα.
            """)
        return try DossierExport.read(contentDirectory: scratch.path + "/Content").0
    }

    @Test func aRussianReportLinksTheLatinScriptPersonInEveryCase() throws {
        let export = try export(person: "Kirill Dmitriev")
        let written = export.mentions.filter { $0.article == "rbc" && $0.person == "kirill-dmitriev" }.map(\.text)
        #expect(written == ["Кирилл Дмитриев", "Дмитриева", "Дмитриев", "Дмитриеву"])
        // Cyrillic capitals alone make nobody: no page for Песков, Глава, РФПИ or Вашингтон.
        #expect(export.people.map(\.slug) == ["kirill-dmitriev", "kyriakos-mitsotakis"])
        let person = try #require(export.people.first { $0.slug == "kirill-dmitriev" })
        #expect(person.variants.map(\.text).contains("Кирилл Дмитриев"))
    }

    @Test func theSameVariantRulesApplyAcrossScripts() throws {
        // Кирилл Дмитриев reads as Kirill Dmitriev, one spelling from the curated Kirill Dmitriyev.
        let export = try export(person: "Kirill Dmitriyev")
        #expect(export.mentions.contains { $0.text == "Кирилл Дмитриев" && $0.person == "kirill-dmitriev" })
    }

    @Test func aGreekReportLinksItsPersonAndThePageShowsTheNameAsWritten() throws {
        let export = try export(person: "Kirill Dmitriev")
        #expect(export.mentions.filter { $0.article == "kathimerini" }.map(\.text) == ["Κυριάκος Μητσοτάκης", "Μητσοτάκης"])
        _ = try buildSite(content: scratch.path + "/Content", output: scratch.path + "/Site")
        let page = try #require(SiteFiles.read(scratch.path + "/Site", "people/kyriakos-mitsotakis.html"))
        #expect(page.contains("Κυριάκος Μητσοτάκης"))
        let article = try #require(SiteFiles.read(scratch.path + "/Site", "articles/rbc.html"))
        #expect(article.contains("../people/kirill-dmitriev.html"))
    }
}
