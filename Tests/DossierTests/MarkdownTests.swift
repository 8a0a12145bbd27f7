// MarkdownTests.swift — tests for the Markdown module: safe/smart rendering, analysis, link insertion, escaping.
import Testing
import Markdown

@Suite struct MarkdownTests {
    // MARK: renderHTML

    @Test func rendersEmphasisHeadingsAndLists() {
        let html = Markdown.renderHTML("# Title\n\n## Sub\n\n*em* and **strong**\n\n- a\n- b\n\n1. one\n2. two\n")
        #expect(html.contains("<h1>Title</h1>"))
        #expect(html.contains("<h2>Sub</h2>"))
        #expect(html.contains("<em>em</em> and <strong>strong</strong>"))
        #expect(html.contains("<ul>\n<li>a</li>\n<li>b</li>\n</ul>"))
        #expect(html.contains("<ol>\n<li>one</li>\n<li>two</li>\n</ol>"))
    }

    @Test func smartPunctuation() {
        let html = Markdown.renderHTML("It's 1990--1995, \"quoted\"---really...")
        #expect(html == "<p>It’s 1990–1995, “quoted”—really…</p>\n")
    }

    @Test func rawHTMLIsOmitted() {
        let html = Markdown.renderHTML("<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> more\n")
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("<img"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
        #expect(html.contains("Text "))
    }

    @Test func dangerousURLsAreDropped() {
        let html = Markdown.renderHTML("[x](javascript:alert(1)) and [y](VBScript:msgbox) and [z](https://ok.example)")
        #expect(!html.lowercased().contains("javascript:"))
        #expect(!html.lowercased().contains("vbscript:"))
        #expect(html.contains("<a href=\"\">x</a>"))
        #expect(html.contains("<a href=\"https://ok.example\">z</a>"))
    }

    // MARK: analyze

    @Test func blocksInDocumentOrderWithoutCode() {
        let source = """
        # Heading

        First paragraph
        with a soft break.

        > Quoted text.

        - Item one
        - Item two

        ```swift
        let code = 1
        ```

            indented code

        <div>html block</div>

        Setext
        ------

        Last line\\
        after a hard break.
        """
        let doc = Markdown.analyze(source)
        #expect(doc.blocks.map(\.text) == [
            "Heading", "First paragraph with a soft break.", "Quoted text.", "Item one", "Item two",
            "Setext", "Last line after a hard break.",
        ])
        #expect(doc.blocks.map(\.kind) == [.heading(1), .paragraph, .paragraph, .paragraph, .paragraph, .heading(2), .paragraph])
    }

    @Test func plainTextAndLinkedRanges() throws {
        let doc = Markdown.analyze("*Kirill* Dmitriev met [Steve Witkoff](https://x.example)")
        let block = try #require(doc.blocks.first)
        #expect(block.text == "Kirill Dmitriev met Steve Witkoff")
        #expect(block.linkedRanges.map { slice(block.text, $0) } == ["Steve Witkoff"])
    }

    @Test func inlineTextRules() throws {
        let doc = Markdown.analyze("Use `let x = 1` here <b>bold</b> ![a *cat*](cat.png) &amp; more")
        let block = try #require(doc.blocks.first)
        #expect(block.text == "Use let x = 1 here bold a cat & more")
        #expect(block.linkedRanges.map { slice(block.text, $0) } == ["a cat"])   // alt text cannot take a link
    }

    @Test func linksInOrder() {
        let source = """
        See [a](https://a.example "T") and ![alt *x*](img.png), <https://auto.example>, [ref][r].

        > [![inner](in.png)](https://outer.example)

        [r]: /ref
        """
        #expect(Markdown.analyze(source).links == [
            Link(destination: "https://a.example", isImage: false, text: "a"),
            Link(destination: "img.png", isImage: true, text: "alt x"),
            Link(destination: "https://auto.example", isImage: false, text: "https://auto.example"),
            Link(destination: "/ref", isImage: false, text: "ref"),
            Link(destination: "https://outer.example", isImage: false, text: "inner"),
            Link(destination: "in.png", isImage: true, text: "inner"),
        ])
    }

    @Test func sentencesOfNewsProse() throws {
        let doc = Markdown.analyze("Vladimir V. Putin met Mr. Witkoff in the U.S. on Tuesday. He said \"yes.\" Then he left.")
        let block = try #require(doc.blocks.first)
        #expect(block.sentences.map { slice(block.text, $0) } == [
            "Vladimir V. Putin met Mr. Witkoff in the U.S. on Tuesday.", "He said “yes.”", "Then he left.",
        ])
    }

    @Test(arguments: [
        ("No terminal punctuation here", ["No terminal punctuation here"]),
        ("Is it? Yes! 5 more died. (Then) silence. “Quoted” text.", ["Is it?", "Yes!", "5 more died.", "(Then) silence.", "“Quoted” text."]),
        ("Born Jan. 5 in St. Petersburg, Dr. Ivanov works at Acme Inc. in Kyiv. Зеленський spoke.",
         ["Born Jan. 5 in St. Petersburg, Dr. Ivanov works at Acme Inc. in Kyiv.", "Зеленський spoke."]),
        ("He said no. Then he left at 5 p.m. on Friday.", ["He said no.", "Then he left at 5 p.m. on Friday."]),
        ("version 2.0 is out. e.g. lowercase next", ["version 2.0 is out. e.g. lowercase next"]),
    ])
    func sentenceRules(_ text: String, _ expected: [String]) throws {
        let block = try #require(Markdown.analyze(text).blocks.first)
        #expect(block.sentences.map { slice(block.text, $0) } == expected)
    }

    // MARK: insertions

    @Test func linksANameInPlainText() {
        let source = "Kirill Dmitriev met Steve Witkoff."
        let html = Markdown.renderHTML(source, insertions: [insertion(source, "Steve Witkoff", "/people/steve-witkoff/", title: "Envoy")])
        #expect(html == "<p>Kirill Dmitriev met <a href=\"/people/steve-witkoff/\" title=\"Envoy\">Steve Witkoff</a>.</p>\n")
    }

    @Test func linksANameInsideEmphasis() {
        let source = "*Kirill Dmitriev* met him."
        let html = Markdown.renderHTML(source, insertions: [insertion(source, "Kirill Dmitriev", "/p/kd/")])
        #expect(html == "<p><em><a href=\"/p/kd/\">Kirill Dmitriev</a></em> met him.</p>\n")
    }

    @Test func doesNotLinkInsideAnExistingLink() {
        let source = "[Steve Witkoff](https://x.example) spoke."
        let html = Markdown.renderHTML(source, insertions: [insertion(source, "Steve Witkoff", "/p/sw/")])
        #expect(html == Markdown.renderHTML(source))
        #expect(!html.contains("/p/sw/"))
    }

    @Test func replacesAWikilink() throws {
        let source = "Met [[kirill-dmitriev|Dmitriev]] today."
        let text = try #require(Markdown.analyze(source).blocks.first?.text)
        #expect(text == source)   // one merged text node, brackets intact
        let html = Markdown.renderHTML(source, insertions: [
            insertion(source, "[[kirill-dmitriev|Dmitriev]]", "/people/kirill-dmitriev/", replacement: "Dmitriev"),
        ])
        #expect(html == "<p>Met <a href=\"/people/kirill-dmitriev/\">Dmitriev</a> today.</p>\n")
    }

    @Test func insertedDangerousURLIsStillDropped() {
        let source = "Click here now."
        let html = Markdown.renderHTML(source, insertions: [
            insertion(source, "here", "javascript:alert(1)", title: "\"><script>"),
        ])
        #expect(!html.lowercased().contains("javascript:"))
        #expect(!html.contains("<script>"))
        #expect(html.contains(">here</a>"))
    }

    @Test func multiByteOffsets() {
        let source = "Зеленський met \"Trump\" in Kyiv."
        let html = Markdown.renderHTML(source, insertions: [
            insertion(source, "Trump", "/t/"), insertion(source, "Зеленський", "/z/"),   // out of order on purpose
        ])
        #expect(html == "<p><a href=\"/z/\">Зеленський</a> met “<a href=\"/t/\">Trump</a>” in Kyiv.</p>\n")
    }

    @Test func blockIndicesAgreeAcrossNesting() {
        let source = "# Witkoff\n\n> - In a quote, Witkoff.\n\n```\nWitkoff\n```\n\nLast: Witkoff."
        let doc = Markdown.analyze(source)
        let insertions = doc.blocks.indices.compactMap { b in
            range(of: "Witkoff", in: doc.blocks[b].text).map { Insertion(block: b, range: $0, destination: "/w/") }
        }
        #expect(insertions.count == 3)
        let html = Markdown.renderHTML(source, insertions: insertions)
        #expect(html.contains("<h1><a href=\"/w/\">Witkoff</a></h1>"))
        #expect(html.contains("<li>In a quote, <a href=\"/w/\">Witkoff</a>.</li>"))
        #expect(html.contains("<code>Witkoff\n</code>"))
        #expect(html.contains("<p>Last: <a href=\"/w/\">Witkoff</a>.</p>"))
    }

    @Test func unplaceableInsertionsAreSkipped() {
        let source = "*Kirill* Dmitriev uses `Witkoff` and Зеленський."
        let text = Markdown.analyze(source).blocks[0].text
        let name = range(of: "Зеленський", in: text)!
        let bad = [
            insertion(source, "Kirill Dmitriev", "/spans-nodes/"),
            insertion(source, "Witkoff", "/in-code-span/"),
            Insertion(block: 0, range: 0..<10_000, destination: "/out-of-range/"),
            Insertion(block: 7, range: 0..<1, destination: "/no-such-block/"),
            Insertion(block: 0, range: name.lowerBound..<(name.lowerBound + 1), destination: "/ends-mid-character/"),
            Insertion(block: 0, range: (name.lowerBound + 1)..<name.upperBound, destination: "/starts-mid-character/"),
            Insertion(block: 0, range: 3..<3, destination: "/empty/"),
        ]
        #expect(Markdown.renderHTML(source, insertions: bad) == Markdown.renderHTML(source))

        let overlapping = [
            Insertion(block: 0, range: name, destination: "/first/"),
            Insertion(block: 0, range: (name.lowerBound + 2)..<name.upperBound, destination: "/overlaps/"),
        ]
        let html = Markdown.renderHTML(source, insertions: overlapping)
        #expect(html.contains("<a href=\"/first/\">Зеленський</a>"))
        #expect(!html.contains("/overlaps/"))
    }

    // MARK: escapeText

    @Test func escapeTextRoundTrips() {
        let plain = """
        * not a bullet, _not emphasis_ and *not* either
        # not a heading
        1. not a list
        2) nor this
        - dash + plus
        + plus
        = equals
        <b>bold</b> &amp; &copy; [x](y) ![i](j) `code` ~~strike~~ a|b back\\slash
            four leading spaces
        > not a quote

        ***
        ___
        trailing backslash\\
        """
        let expected = plain.split(separator: "\n").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        #expect(renderedParagraphs(Markdown.escapeText(plain)) == expected)
    }

    @Test func escapeTextLeavesSmartPunctuationOn() {
        #expect(Markdown.renderHTML(Markdown.escapeText("It's \"fine\" -- ok\r\nnext")) == "<p>It’s “fine” – ok</p>\n<p>next</p>\n")
        #expect(Markdown.renderHTML(Markdown.escapeText("---\n===")) == "<p>-–</p>\n<p>===</p>\n")   // no <hr />, no setext
    }

    @Test func escapeTextRandomRoundTrip() {
        // Deterministic fuzz over markup-heavy characters (no quotes/dashes/dots: smart punctuation would change those).
        let alphabet = Array("ab Z9*_#[]()<>&!|~`\\=+:;/@{}^$%,\t1)日😀")
        var rng = SplitMix(seed: 42)
        for _ in 0..<300 {
            let lines = (0..<Int.random(in: 1...4, using: &rng)).map { _ in
                String((0..<Int.random(in: 0...24, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            }
            let plain = lines.joined(separator: "\n")
            let expected = lines.map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            #expect(renderedParagraphs(Markdown.escapeText(plain)) == expected, "\(plain.debugDescription)")
        }
    }

    // MARK: concurrency and scale

    @Test func concurrentCallsAgree() async {
        let sources = (0..<32).map { "# Doc \($0)\n\n*Kirill* met [Steve](https://x.example/\($0)). He said \"yes.\" Then he left." }
        let serial = sources.map { (Markdown.analyze($0), Markdown.renderHTML($0)) }
        let parallel = await withTaskGroup(of: (Int, Document, String).self) { group in
            for (i, s) in sources.enumerated() {
                group.addTask { (i, Markdown.analyze(s), Markdown.renderHTML(s, insertions: [])) }
            }
            var out = [(Document, String)?](repeating: nil, count: sources.count)
            for await (i, d, h) in group { out[i] = (d, h) }
            return out
        }
        for i in sources.indices {
            #expect(parallel[i]?.0 == serial[i].0)
            #expect(parallel[i]?.1 == serial[i].1)
        }
    }

    @Test func largeInputsAreAnalysedAndRenderedWhole() throws {
        let paragraph = "Vladimir V. Putin met Mr. Witkoff in the U.S. on Tuesday. He said \"yes.\" *Kirill* [Dmitriev](https://x.example) left. "
        let longLine = String(repeating: "word ", count: 20_000) + String(repeating: "A. ", count: 10_000)
        var source = longLine + "\n\n"
        while source.utf8.count < 10_000_000 { source += String(repeating: paragraph, count: 8) + "\n\n" }
        // No time is asserted (speed belongs in the benchmark); a quadratic step would make this test take minutes.
        let blocks = Markdown.analyze(source).blocks
        #expect(blocks.count > 10_000)
        #expect(blocks[0].text.utf8.count > 100_000)
        #expect(blocks[1].sentences.count == 24)
        let html = Markdown.renderHTML(source, insertions: blocks.indices.map { Insertion(block: $0, range: 0..<8, destination: "/v/") })
        #expect(html.utf8.count > source.utf8.count / 2)
    }
}

// MARK: helpers (fileprivate: the test target is shared with other modules' tests)

fileprivate func slice(_ text: String, _ r: Range<Int>) -> String {
    String(decoding: Array(text.utf8)[r], as: UTF8.self)
}

fileprivate func range(of needle: String, in text: String) -> Range<Int>? {
    let t = Array(text.utf8), n = Array(needle.utf8)
    guard !n.isEmpty, n.count <= t.count else { return nil }
    for i in 0...(t.count - n.count) where t[i..<(i + n.count)].elementsEqual(n) { return i..<(i + n.count) }
    return nil
}

/// An insertion for the first occurrence of `needle` in the first block of `source` that contains it.
fileprivate func insertion(_ source: String, _ needle: String, _ destination: String,
                           title: String? = nil, replacement: String? = nil) -> Insertion {
    let blocks = Markdown.analyze(source).blocks
    for (b, block) in blocks.enumerated() {
        if let r = range(of: needle, in: block.text) {
            return Insertion(block: b, range: r, destination: destination, title: title, replacement: replacement)
        }
    }
    return Insertion(block: 0, range: 0..<0, destination: destination)
}

/// The text of each rendered `<p>`: tags stripped, the five basic entities unescaped.
fileprivate func renderedParagraphs(_ markdown: String) -> [String] {
    let html = Markdown.renderHTML(markdown)
    var text = ""
    var inTag = false
    for c in html {
        if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { text.append(c) }
    }
    let unescaped = text.replacing("&lt;", with: "<").replacing("&gt;", with: ">")
        .replacing("&quot;", with: "\"").replacing("&#39;", with: "'").replacing("&amp;", with: "&")
    return unescaped.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
}

fileprivate extension Substring {
    var trimmingSpaces: String { String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) }
}

fileprivate extension String {
    var trimmingSpaces: String { self[...].trimmingSpaces }
}


@Suite struct HeadingOffsetTests {
    @Test func bodyHeadingsMoveBelowThePageTitle() {
        let html = Markdown.renderHTML("# Top\n\n## Second\n\n###### Deepest\n", headingOffset: 1)
        #expect(html == "<h2>Top</h2>\n<h3>Second</h3>\n<h6>Deepest</h6>\n")
        #expect(Markdown.renderHTML("# Top\n") == "<h1>Top</h1>\n")
    }
}
