// Every discovered fact on a page links to the sentence it came from: a person's quotation, an event's dated
// statement and a timeline entry link to `../articles/x.html#s4-2`, and that article page wraps the very sentence in a
// span with that id; the link check fails a build whose fragment names no id.

import Content
import Foundation
@testable import Markdown
import PropertyBased
@testable import Renderer
import Testing

@Suite struct FactAnchorTests {
    /// Two articles that carry one dated sentence at different places (the second has two paragraphs before it), a
    /// quotation, a person and the event the sentence dates.
    static func content(in scratch: Scratch, extraBody: String = "") -> String {
        scratch.write("Content/dossier.yml", "title: Anchors\n")
        scratch.write("Content/people/anna-berg.md", "---\nname: Anna Berg\nrole: Minister\n---\nA minister.\n")
        scratch.write("Content/events/berg-visit.md", """
        ---
        title: Berg visit to Oslo
        date: 2025-04-02
        place: Oslo
        people: [anna-berg]
        ---
        The visit.

        """)
        scratch.write("Content/articles/first.md", """
        ---
        title: First report
        date: 2025-04-03
        ---
        An opening paragraph about the weather, which was *mild. Very* mild.

        Anna Berg arrived in Oslo on April 2. "We came to talk," Berg told reporters. Nothing else happened.

        """)
        scratch.write("Content/articles/second.md", """
        ---
        title: Second report
        date: 2025-04-04
        ---
        A second opening.

        Another paragraph, with nobody in it.

        Anna Berg arrived in Oslo on April 2.
        \(extraBody)
        """)
        return scratch.path + "/Content"
    }

    /// The href of the first `<a class="in-context" href="…">` (or of an `<a href>` after `after`) in `html`.
    static func href(in html: String, after marker: String, attribute: String = "<a class=\"in-context\" href=\"") -> String? {
        guard let start = html.range(of: marker)?.upperBound,
              let open = html.range(of: attribute, range: start..<html.endIndex)?.upperBound,
              let close = html[open...].firstIndex(of: "\"") else { return nil }
        return String(html[open..<close])
    }

    /// The text of the element with `id` (tags dropped): what `:target` marks.
    static func target(_ id: String, in html: String) -> String? {
        guard let open = html.range(of: "<span id=\"\(id)\">") else { return nil }
        var depth = 1, i = open.upperBound, text = ""
        while i < html.endIndex {
            if html[i...].hasPrefix("<span") { depth += 1 }
            if html[i...].hasPrefix("</span>") { depth -= 1; if depth == 0 { return text } }
            if html[i] == "<" { i = html[i...].firstIndex(of: ">").map { html.index(after: $0) } ?? html.endIndex; continue }
            text.append(html[i]); i = html.index(after: i)
        }
        return nil
    }

    /// Follows a link from a page in `folder` to an article sentence: the article's file and the text with that id.
    static func follow(_ href: String, site: String) throws -> (file: String, id: String, text: String) {
        let parts = href.split(separator: "#", maxSplits: 1).map(String.init)
        try #require(parts.count == 2 && (parts[0].hasPrefix("../articles/") || parts[0].hasPrefix("articles/")), "\(href)")
        let file = parts[0].hasPrefix("../") ? String(parts[0].dropFirst(3)) : parts[0]
        let page = try #require(SiteFiles.read(site, file), "\(file)")
        let text = try #require(target(parts[1], in: page), "\(file) has no <span id=\"\(parts[1])\">")
        return (file, parts[1], text)
    }

    @Test func aPersonsQuotationLinksToTheSentenceThatHoldsIt() throws {
        let scratch = Scratch()
        let site = scratch.path + "/Site"
        _ = try buildSite(content: Self.content(in: scratch), output: site)
        let person = try #require(SiteFiles.read(site, "people/anna-berg.html"))
        let quotation = try #require(Self.href(in: person, after: "<ul class=\"quotation-list\">"))
        let (file, id, text) = try Self.follow(quotation, site: site)
        #expect(file == "articles/first.html" && id == "s2-2")
        #expect(text == "“We came to talk,” Berg told reporters.")
        // Each sentence quoted under "In the articles" links to itself, in its own article.
        let second = try #require(Self.href(in: person, after: "<a class=\"item-title\" href=\"../articles/second.html\">"))
        #expect(try Self.follow(second, site: site).text == "Anna Berg arrived in Oslo on April 2.")
        #expect(second.hasSuffix("second.html#s3-1"))
    }

    @Test func anEventsDatedStatementLinksToItsSentence() throws {
        let scratch = Scratch()
        let site = scratch.path + "/Site"
        _ = try buildSite(content: Self.content(in: scratch), output: site)
        let event = try #require(SiteFiles.read(site, "events/berg-visit.html"))
        let statement = try #require(Self.href(in: event, after: "<ul class=\"reported-list\">"))
        let (_, _, text) = try Self.follow(statement, site: site)
        #expect(text == "Anna Berg arrived in Oslo on April 2.")
    }

    @Test func aTimelineEntryLinksEachArticleToItsOwnCopyOfTheSentence() throws {
        let scratch = Scratch()
        let site = scratch.path + "/Site"
        _ = try buildSite(content: Self.content(in: scratch), output: site)
        let timeline = try #require(SiteFiles.read(site, "timeline.html"))
        let entry = try #require(timeline.range(of: "tl-reported").map { String(timeline[$0.upperBound...].prefix(2000)) })
        let first = try #require(Self.href(in: entry, after: "badge-reported", attribute: "<a class=\"item-title\" href=\""))
        let also = try #require(Self.href(in: entry, after: "and in ", attribute: "<a href=\""))
        let a = try Self.follow(first, site: site), b = try Self.follow(also, site: site)
        #expect(a.file == "articles/first.html" && a.id == "s2-1")
        #expect(b.file == "articles/second.html" && b.id == "s3-1")
        #expect(a.text == "Anna Berg arrived in Oslo on April 2." && b.text == a.text)
        // Only sentences that carry a fact get an id: the openings carry none.
        let article = try #require(SiteFiles.read(site, "articles/second.html"))
        #expect(article.components(separatedBy: "<span id=").count - 1 == 1)
    }

    @Test func aLinkToAnIdThatDoesNotExistFailsTheBuild() throws {
        let scratch = Scratch()
        let site = scratch.path + "/Site"
        let content = Self.content(in: scratch, extraBody: "\nSee [the arrival](first.html#s2-1) and [nothing](first.html#s9-9).\n")
        do {
            _ = try buildSite(content: content, output: site)
            Issue.record("the build passed a link to an id that does not exist")
        } catch {
            let messages = error.diagnostics.map(\.description)
            // Reported where the body wrote it, as a broken link is.
            #expect(messages == ["\(content)/articles/second.md:11:40: error: link to articles/first.html#s9-9: no such id"], "\(messages)")
            #expect(!messages.contains { $0.contains("#s2-1") }, "\(messages)")
            #expect(!FileManager.default.fileExists(atPath: site + "/index.html"))
        }
    }

    /// Ids are found as `id="…"`, sentence ids coded exactly, anything else by a hash; a link to a page with several
    /// ids is checked against that page's own.
    @Test func fragmentsAreCodedSoThatOnlyEqualOnesMatch() {
        let html = Array("<p id=\"people\"><span id=\"s4-2\">x</span> <a href=\"#s4-2\">y</a> <a href=\"#s4-3\">z</a> <a href=\"#people\">w</a></p>".utf8)
        let check = FragmentCheck(articlePaths: ["articles/a.html"])
        check.record(page: "articles/a.html", html: html)
        let problems = check.problems(articlePaths: ["articles/a.html"], outputLabel: "Site").map(\.description)
        #expect(problems == ["Site/articles/a.html:1:66: error: link to articles/a.html#s4-3: no such id"])
        #expect(Fragment.text(Fragment.code(Array("s12-30".utf8))) == "s12-30")
        #expect(!Fragment.isSentence(Fragment.code(Array("s04-2".utf8))) && !Fragment.isSentence(Fragment.code(Array("s4-".utf8))))
    }

    /// A name in an image's alt text or in a sentence that is all a link's text is a fact too: its link still lands.
    @Test func aSentenceInAnImageOrALinkStillHasItsId() throws {
        let scratch = Scratch()
        let site = scratch.path + "/Site"
        let content = Self.content(in: scratch)
        scratch.write("Content/assets/photo.png", "not really a picture")
        scratch.write("Content/articles/third.md", """
        ---
        title: Third report
        date: 2025-04-05
        ---
        ![Anna Berg in Oslo](../assets/photo.png)

        [Anna Berg spoke to the press.](https://example.org/a)

        """)
        _ = try buildSite(content: content, output: site)           // every link to a sentence names an id
        let article = try #require(SiteFiles.read(site, "articles/third.html"))
        #expect(article.contains("<p><span id=\"s1-1\"></span><img src=\"../assets/photo.png\" alt=\"Anna Berg in Oslo\" /></p>"))
        #expect(article.contains("<a href=\"https://example.org/a\"><span id=\"s2-1\">Anna Berg spoke to the press.</span></a>"))
        let person = try #require(SiteFiles.read(site, "people/anna-berg.html"))
        #expect(person.contains("third.html#s1-1") && person.contains("third.html#s2-1"))
    }

    // MARK: - The span in the body

    /// Tags of the rendered body nest (span, em, strong, a, …), and each anchor's id is there at most once.
    static func nests(_ html: String) -> Bool {
        // On bytes: a combining mark after ">" makes one Character of the two.
        let bytes = Array(html.utf8)
        var stack: [[UInt8]] = []
        var i = 0
        while let lt = bytes[i...].firstIndex(of: UInt8(ascii: "<")) {
            guard let gt = bytes[lt...].firstIndex(of: UInt8(ascii: ">")) else { return false }
            let tag = Array(bytes[(lt + 1)..<gt])
            i = gt + 1
            if tag.first == UInt8(ascii: "!") || tag.last == UInt8(ascii: "/") { continue }
            let name = Array(tag.prefix { $0 != 0x20 })
            if name.first == UInt8(ascii: "/") { if stack.popLast() != Array(name.dropFirst()) { return false } } else { stack.append(name) }
        }
        return stack.isEmpty
    }

    static let pieces = RenderedBodyTests.pieces + [". ", ". The ", "! Then ", " *a. B* ", " *Anna.* Then", " “Quoted. Still,” said ", " Berg. ", "\n\nOmar. "]

    /// Both ways of rendering a body (rendered bytes with tags spliced in, a fresh parse with nodes put in) put the
    /// sentence spans at the same places, beside links anywhere, and the result always nests.
    @Test func sentenceSpansAreTheSameBothWaysAndAlwaysNest() async {
        let input = Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 1...24)
        let picks = Gen.int(in: 0...1_000_000).array(of: 0...8)
        await propertyCheck(count: 400, input: input, picks) { indexes, picks in
            let source = indexes.map { Self.pieces[$0] }.joined()
            let (document, rendered) = Markdown.analyzeAndRender(source, headingOffset: 1)
            guard let rendered else { return }
            var insertions: [Insertion] = []
            for (n, pick) in picks.enumerated() where !document.blocks.isEmpty {
                let b = pick % document.blocks.count
                let length = document.blocks[b].text.utf8.count
                let start = (pick / 7) % (length + 1), end = min(length, start + (pick / 13) % 12)
                insertions.append(Insertion(block: b, range: start..<end, destination: "../people/p-\(n).html", title: "P",
                                            replacement: n % 3 == 0 ? "[\(n)]" : nil))
            }
            var anchors: [SentenceAnchor] = []
            for (b, block) in document.blocks.enumerated() {
                for (s, range) in block.sentences.enumerated() where (b + s) % 3 != 2 {
                    anchors.append(SentenceAnchor(block: b, range: range, id: "s\(b + 1)-\(s + 1)"))
                }
            }
            let expected = Markdown.renderHTML(source, insertions: insertions, anchors: anchors, headingOffset: 1)
            let spliced = Markdown.renderHTMLBytes(rendered, blocks: document.blocks, insertions: insertions, anchors: anchors, headingOffset: 1)
            // Spliced unless a sentence had no text to wrap (its empty span at the block's start is left to the parse).
            if let spliced { #expect(String(decoding: spliced, as: UTF8.self) == expected, "\(source.debugDescription)") }
            else { #expect(expected.contains("\"></span>"), "\(source.debugDescription)") }
            #expect(Self.nests(expected), "\(source.debugDescription): \(expected)")
            for anchor in anchors { #expect(expected.components(separatedBy: "id=\"\(anchor.id)\"").count <= 2) }
        }
    }

    @Test func aSentenceIsWrappedWholeWhereItCanBeAndFromItsStartWhereItCannot() {
        func render(_ source: String) -> String {
            let document = Markdown.analyze(source)
            let anchors = document.blocks.enumerated().flatMap { b, block in
                block.sentences.enumerated().map { SentenceAnchor(block: b, range: $1, id: "s\(b + 1)-\($0 + 1)") }
            }
            return Markdown.renderHTML(source, anchors: anchors)
        }
        #expect(render("Anna met *Omar* today. Then [she](x.html) left.")
                == "<p><span id=\"s1-1\">Anna met <em>Omar</em> today.</span> <span id=\"s1-2\">Then <a href=\"x.html\">she</a> left.</span></p>\n")
        // A sentence that ends inside an emphasis it did not start in is marked up to where the emphasis starts.
        #expect(render("Anna met Omar. Then *she left. Later* he did.")
                == "<p><span id=\"s1-1\">Anna met Omar.</span> <span id=\"s1-2\">Then </span><em>she left. <span id=\"s1-3\">Later</span></em> he did.</p>\n")
    }
}
