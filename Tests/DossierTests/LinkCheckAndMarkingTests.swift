// The link checker's byte-level reading of pages, and quoted sentences with names marked: both work on bytes
// for speed, and these tests hold them to what the slower, plainer definitions give.

import Foundation
@testable import Renderer
import Testing

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

    /// Pages of one folder share what their links resolved to (LinkMemo): a broken link found on an earlier page is
    /// still reported on every later page that has it, at its own place.
    @Test func aMemoSharedByAFoldersPagesReportsEveryPagesBrokenLinks() {
        let memo = LinkMemo()
        let files: Set<String> = ["people/x.html", "articles/a.html", "articles/b.html"]
        let first = Array("<a href=\"../people/x.html\">x</a> <a href=\"../people/gone.html\">g</a>".utf8)
        let second = Array("<p>\n<a href=\"../people/gone.html\">g</a> <a href=\"../people/x.html\">x</a>".utf8)
        let a = LinkChecker.check(page: "articles/a.html", html: first, files: files, outputLabel: "Site", memo: memo)
        let b = LinkChecker.check(page: "articles/b.html", html: second, files: files, outputLabel: "Site", memo: memo)
        #expect(a.map { "\($0.path):\($0.line):\($0.column) \($0.message)" } == ["Site/articles/a.html:1:37 link \"../people/gone.html\" resolves to no file"])
        #expect(b.map { "\($0.path):\($0.line):\($0.column) \($0.message)" } == ["Site/articles/b.html:2:4 link \"../people/gone.html\" resolves to no file"])
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
        // Escaping alone is marking nothing: the five characters, anywhere, multi-byte text left as it is.
        #expect(HTML.escape("<Ana & \"Bergh\"'s> — é") == "&lt;Ana &amp; &quot;Bergh&quot;&#39;s&gt; — é")
        #expect(HTML.escape("plain — é") == "plain — é")
        // A sentence of a block, marked in place, is the sentence cut out and marked.
        let sentence = range("Steve Witkoff met <Putin>'s")
        #expect(HTML.marked(text, sentence, [0..<5, 19..<24]) == HTML.marked("Steve Witkoff met <Putin>'s", [0..<5, 19..<24]))
        #expect(HTML.marked(text, sentence, [0..<5, 19..<24]) == "<mark>Steve</mark> Witkoff met &lt;<mark>Putin</mark>&gt;&#39;s")
        // A quote's view writes the same into the page after what is there, with one mark or several.
        for marks in [[0..<5, 19..<24], [6..<13]] {
            var page = Array("<p>".utf8)
            MarkedSentence(text, sentence, marks).write(to: &page)
            #expect(String(decoding: page, as: UTF8.self) == "<p>" + HTML.marked(text, sentence, marks))
        }
        #expect(String(describing: MarkedSentence(text, sentence, [6..<13])) == "Steve <mark>Witkoff</mark> met &lt;Putin&gt;&#39;s")
    }
}

/// The graph's coordinates are counted in tenths rather than printed by `String(format:)`; they must read the same.
@Suite struct GraphNumberTests {
    @Test func numbersReadAsPrintfPrintsThemToATenth() {
        func printed(_ value: Double) -> String {
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
        }
        var values: [Double] = [0, -0.0, 0.04, -0.04, 0.05, -0.05, 0.95, -0.95, 1.25, 12.35, 999.95, -1.5, -0.5, 1e14 + 0.3, -7.06]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0 ..< 20_000 {                                   // a fixed walk over the sizes and places a drawing uses
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append((Double(state >> 11) / Double(1 << 53) - 0.3) * 2_000)
        }
        for value in values { #expect(GraphSVG.number(value) == printed(value), "\(value)") }
    }
}
