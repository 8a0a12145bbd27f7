// An article is a value: its fields live in one box that copies share (Model.swift), so a change to a copy must
// leave the original as it was, and equality must still compare every field.
import EDTF
import Testing
@testable import Content

@Suite struct ArticleValueTests {
    static func article() throws -> Article {
        Article(slug: "visit", title: "Dmitriev in Washington", date: try EDTFDate.parse("2025-04-02"), source: "Reuters",
                author: nil, url: "https://example.org/a", summary: nil, people: ["kirill-dmitriev"], events: [],
                body: "Kirill Dmitriev arrived.", format: .markdown, path: "articles/visit.md", bodyFirstLine: 7)
    }

    @Test func aChangedCopyLeavesTheOriginalAsItWas() throws {
        let original = try Self.article()
        var copy = original
        #expect(copy == original)
        copy.title = "Another title"
        copy.people.append("steve-witkoff")
        copy.body = "Steve Witkoff met him."
        copy.date = try EDTFDate.parse("2025-04-03")
        #expect(original.title == "Dmitriev in Washington")
        #expect(original.people == ["kirill-dmitriev"])
        #expect(original.body == "Kirill Dmitriev arrived.")
        #expect(original.date.edtf == "2025-04-02")
        #expect(copy.title == "Another title" && copy.people == ["kirill-dmitriev", "steve-witkoff"])
        #expect(copy.body == "Steve Witkoff met him." && copy.bodyHash != original.bodyHash)
        #expect(copy != original)
    }

    @Test func equalityComparesEveryField() throws {
        let a = try Self.article()
        let changes: [(inout Article) -> Void] = [
            { $0.slug = "other" }, { $0.title = "Other" }, { $0.source = nil }, { $0.author = "A. Writer" },
            { $0.url = nil }, { $0.summary = "Short." }, { $0.people = [] }, { $0.events = ["talks"] },
            { $0.format = .plainText }, { $0.path = "articles/other.md" }, { $0.bodyFirstLine = 8 }, { $0.body = "Other text." },
            { $0.date = try! EDTFDate.parse("2025-04") },
        ]
        for change in changes {
            var b = a
            change(&b)
            #expect(b != a)
            // Built apart with the same fields, two articles are equal.
            var c = try Self.article()
            change(&c)
            #expect(b == c)
        }
    }
}
