// The search index is written byte by byte for speed; these tests hold it to what JSONEncoder and
// Character.isWhitespace would have produced, on every ASCII byte and on text in other scripts.

import Foundation
@testable import Renderer
import Testing

@Suite struct SearchIndexEncodingTests {
    /// Every ASCII character, escapes, non-ASCII letters, emoji, line and paragraph separators.
    static let awkward: [String] = {
        var all = ""
        for i in 0..<0x80 { all.unicodeScalars.append(Unicode.Scalar(UInt8(i))) }
        return [all, "", "plain", "é ü Дмитриев 😀 \u{2028}\u{2029}\u{85}\u{A0}", "quote \" back \\ slash / </script>", "\r\n\t"]
    }()

    @Test func recordsAreTheJSONThatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (i, text) in Self.awkward.enumerated() {
            let record = SearchRecord(k: "Person", t: text, u: "people/x.html", d: "born \(text)", n: Self.awkward.shuffled().prefix(i).map { $0 },
                                      s: text.uppercased(), x: String(text.reversed()))
            let ours = String(decoding: JSONLine.encode(record), as: UTF8.self)
            let theirs = String(decoding: try encoder.encode(record), as: UTF8.self)
            #expect(ours == theirs)
        }
    }

    @Test func compactionSplitsOnTheSameWhitespaceAsCharacter() {
        var generator = SystemRandomNumberGenerator()
        // Byte-path pieces (ASCII controls, Latin-1, Unicode spaces, curly quotes) and fallback pieces (a space
        // with a combining accent is one whitespace Character; Cyrillic; an Arabic sign that prepends).
        let pieces = ["a", "Bc", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{1C}", "x.y", "\u{1F}", "é", "\u{85}",
                      "\u{A0}", "\u{2003}", "’", "\u{2028}", "\u{200D}", "\u{2060}", " \u{301}", "Д", "\u{600}", "😀", "\u{1F3FB}"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(SearchIndex.compact(text) == text.split(whereSeparator: \.isWhitespace).joined(separator: " "), "\(text.unicodeScalars.map { $0.value })")
        }
    }
}

/// The link checker's shortcut for plain relative links must resolve exactly as its full path does.
@Suite struct LinkResolutionTests {
    @Test func plainLinksResolveAsTheFullPathResolvesThem() {
        let files: Set<String> = ["index.html", "people/a.html", "people/b c.html", "articles/x.html", "assets/dossier.css", "deep/er/page.html"]
        let pages = ["index.html", "people/a.html", "deep/er/page.html", "articles/x.html"]
        let links = ["people/a.html", "../people/a.html", "../../people/a.html", "../../../index.html", "../index.html", "index.html",
                     "people/b%20c.html", "people/./a.html", "people//a.html", "../people/", "./index.html", "../assets/dossier.css",
                     "people/a.html#x", "https://example.org/a", "/index.html", "..", "../", "people/../index.html", "people/a.htm"]
        for page in pages {
            for link in links {
                #expect(LinkChecker.problem(with: link, from: page, files: files) == LinkChecker.resolvedProblem(with: link, from: page, files: files),
                        "\(page) \(link)")
            }
        }
        // Only href and src attributes, after white space, double-quoted; entities in them unescaped.
        let html = "<a href=\"a.html\">x href=\"no\"</a>\n<img\tsrc=\"i.png\" data-href=\"no\" xhref=\"no\"><a href=\"q?a=1&amp;b=2\" title=\"href=&quot;no&quot;\">"
        #expect(LinkChecker.references(in: html) == ["a.html", "no", "i.png", "q?a=1&b=2"])
        let problems = LinkChecker.check(page: "index.html", html: Array(html.utf8), files: ["a.html", "no"], outputLabel: "Site")
        #expect(problems.map { "\($0.line):\($0.column) \($0.message)" } == ["2:6 link \"i.png\" resolves to no file", "2:47 link \"q?a=1&b=2\" resolves to no file"])
        #expect(LinkChecker.plainTarget("../people/a.html", from: "articles/x.html") == "people/a.html")
        #expect(LinkChecker.plainTarget("people/a.html", from: "index.html") == "people/a.html")
        #expect(LinkChecker.plainTarget("../../index.html", from: "articles/x.html") == nil)
        #expect(LinkChecker.problem(with: "../../index.html", from: "articles/x.html", files: files) == "leads outside the site")
        #expect(LinkChecker.plainTarget("../index.html", from: "deep/er/page.html") == "deep/index.html")
    }
}

/// Quoted sentences on person and event pages: escaped, with the names marked; overlapping marks become one.
@Suite struct MarkedSentenceTests {
    @Test func marksAreEscapedMergedAndInOrder() {
        let text = "Kirill Dmitriev & Steve Witkoff met <Putin>'s \"envoy\" — Dmitriev."
        func range(_ word: String, from: Int = 0) -> Range<Int> {
            let bytes = Array(text.utf8), needle = Array(word.utf8)
            let start = (from...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }!
            return start..<(start + needle.count)
        }
        let dmitrievLast = range("Dmitriev", from: 20)
        #expect(HTML.marked(text, [dmitrievLast, range("Steve Witkoff"), range("Kirill"), range("Kirill Dmitriev"), range("Putin")])
                == "<mark>Kirill Dmitriev</mark> &amp; <mark>Steve Witkoff</mark> met &lt;<mark>Putin</mark>&gt;&#39;s &quot;envoy&quot; — <mark>Dmitriev</mark>.")
        // Touching marks join; a mark running past the end is cut there; no marks is the escaped text.
        #expect(HTML.marked("ab cd", [0..<2, 2..<5, 4..<99]) == "<mark>ab cd</mark>")
        #expect(HTML.marked("a<b", []) == "a&lt;b")
    }
}

/// Article lines of the search index are written straight from the blocks; they must equal the lines made
/// from records (compacted text, then escaped), on dossiers with other scripts, escapes and hostile text.
@Suite struct SearchIndexStreamingTests {
    @Test func streamedArticleLinesEqualRecordLines() throws {
        for content in [Repo.content, Repo.fixture("hostile"), Repo.fixture("discovery"), Repo.fixture("small")] {
            let (dossier, _) = linkedDossier(content)
            let linked = try #require(dossier)
            let streamed = SearchIndex.script(linked)
            let viaRecords = SearchIndex.script(lines: SearchIndex.records(linked).map { JSONLine.encode($0) })
            #expect(streamed == viaRecords, "\(content)")
        }
    }
}
