// Front matter and file problems: each reported at its line and column, in words a person can act on.

@testable import Content
@testable import Discovery
import Foundation
import Testing

/// Loads a content folder made of `files` and returns its diagnostics as printed.
private func problems(_ files: [String: String]) -> [String] {
    let scratch = Scratch()
    scratch.write("Content/dossier.yml", files["dossier.yml"] ?? "title: T\n")
    for (path, text) in files where path != "dossier.yml" { scratch.write("Content/" + path, text) }
    let (set, references, log) = ContentLoader.load(directory: scratch.path + "/Content")
    var all = log
    if let set { all.append(contentsOf: Linker.link(set, references: references).1) }
    return all.sorted.map { $0.description.replacingOccurrences(of: scratch.path + "/", with: "") }
}

@Suite struct FrontMatterTests {
    @Test func yamlThatDoesNotParseIsReportedAtItsLineCountingTheFence() {
        let found = problems(["people/a.md": "---\nname: \"Anna\nrole: x\n---\nBody\n"])
        #expect(found.count == 1)
        // The quote opened on line 2 is never closed: point at where it opens, not at the end of the file.
        #expect(found == ["Content/people/a.md:2:7: error: YAML does not parse: while scanning a quoted scalar: found unexpected end of stream"])
        let colon = problems(["people/b.md": "---\nname: Anna\nrole: a: b\n---\n"])
        #expect(colon == ["Content/people/b.md:3:8: error: YAML does not parse: mapping values are not allowed in this context"])
    }

    @Test func missingRequiredKey() {
        #expect(problems(["people/kirill-dmitriev.md": "---\nrole: Envoy\n---\n"]) ==
                ["Content/people/kirill-dmitriev.md:1:1: error: missing required key 'name': add name: \"Kirill Dmitriev\" (from the file name), spelled as the pages should show it"])
        let event = problems(["events/e.md": "---\ntitle: Talks\n---\n"])
        #expect(event == ["Content/events/e.md:1:1: error: missing required key 'date'"])
    }

    @Test func wrongTypeNamesTheKeyAndWhatItShouldBe() {
        let found = problems(["people/a.md": "---\nname: Anna\naliases: Ana\n---\n"])
        #expect(found == ["Content/people/a.md:3:10: error: 'aliases' should be a list, e.g. [first, second], not text 'Ana'"])
    }

    @Test func unknownKeyIsAWarningWithASuggestion() {
        let found = problems(["people/a.md": "---\nname: Anna\naliasses: [Ana]\n---\n"])
        #expect(found == ["Content/people/a.md:3:1: warning: unknown key 'aliasses' is ignored; did you mean 'aliases'?"])
    }

    @Test func invalidDateSaysWhatIsWrongAndWhere() {
        let found = problems(["events/e.md": "---\ntitle: Talks\ndate: 2025-13-01\n---\n"])
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("Content/events/e.md:3:12: error: date \"2025-13-01\" is not a valid EDTF date: "))
        #expect(found[0].contains("month 13"))
    }

    @Test func frontMatterNeverClosed() {
        #expect(problems(["people/a.md": "---\nname: Anna\n"]) ==
                ["Content/people/a.md:1:1: error: front matter opened with --- on line 1 is never closed: add a line with --- after the last key"])
    }

    @Test func plainTextArticleWithoutDate() {
        let found = problems(["articles/report.txt": "A title\nBody line.\n"])
        #expect(found == ["Content/articles/report.txt:1:1: error: article has no date: a .txt article takes its date from a sidecar report.yml with a line like `date: 2025-04-01`"])
    }

    @Test func emptyAndNonUTF8Files() {
        #expect(problems(["people/a.md": ""]) == ["Content/people/a.md:1:1: error: file is empty"])
        let scratch = Scratch()
        scratch.write("Content/dossier.yml", "title: T\n")
        scratch.write("Content/people/a.md", "")
        try! [UInt8]([0x2D, 0x2D, 0x2D, 0x0A, 0x6E, 0x3A, 0x20, 0xFF, 0x0A]).withUnsafeBufferPointer { Data($0) }.write(to: URL(fileURLWithPath: scratch.path + "/Content/people/a.md"))
        let (_, _, log) = ContentLoader.load(directory: scratch.path + "/Content")
        #expect(log.sorted.map { $0.description.replacingOccurrences(of: scratch.path + "/", with: "") } ==
                ["Content/people/a.md:2:4: error: not UTF-8 text (byte 0xFF at offset 7): save the file as UTF-8"])
    }

    @Test func slugsThatNameNothingGetTheNearestOne() {
        let found = problems([
            "people/kirill-dmitriev.md": "---\nname: Kirill Dmitriev\n---\n",
            "articles/a.md": "---\ntitle: A\ndate: 2025\npeople: [kiril-dmitriev]\n---\nSee [[kirill-dmitriv|him]].\n",
        ])
        #expect(found == [
            "Content/articles/a.md:4:10: error: no person has the slug \"kiril-dmitriev\"; did you mean \"kirill-dmitriev\"?",
            "Content/articles/a.md:6:5: error: [[kirill-dmitriv]] names no person, event or article; did you mean [[kirill-dmitriev]]?",
        ])
    }

    @Test func fileNameThatIsNotASlug() {
        let found = problems(["people/Kirill Dmitriev.md": "---\nname: Kirill Dmitriev\n---\n"])
        #expect(found == ["Content/people/Kirill Dmitriev.md:1:1: error: file name \"Kirill Dmitriev\" is not a valid slug (lower-case letters, digits and hyphens): rename it to \"kirill-dmitriev\""])
    }

    @Test func unsafeURLIsRefused() {
        let found = problems(["articles/a.md": "---\ntitle: A\ndate: 2025\nurl: \"javascript:alert(1)\"\n---\n"])
        #expect(found == ["Content/articles/a.md:4:7: error: url must be a web address starting with http:// or https:// (got \"javascript:alert(1)\")"])
    }
}
