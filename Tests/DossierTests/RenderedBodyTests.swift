// A body rendered at its analysis, with links spliced in, must be byte for byte what cmark renders when the links are
// inserted into a fresh parse of the source: the article pages of every full build take the first way, the pages of
// a rebuild (and profiles, event notes) the second.

@testable import Markdown
import PropertyBased
import Testing

@Suite struct RenderedBodyTests {
    /// Markdown that meets every kind of text node: emphasis, links and images (whose text takes no link), code spans,
    /// line breaks, headings, quotes, lists, entities, smart punctuation, the bytes cmark escapes, other scripts.
    static let pieces = ["Anna Berg", " met ", "Omar", " *Anna*", " **Berg's**", " [Anna](https://example.org/a)", " ![Omar Haddad](o.png)",
                         " `code Anna`", "  \n", "\n", "\n\n", "\n\n# ", "\n\n## Anna ", "\n\n> ", "\n\n- ", "\n\n1. ", " &amp; ", " &quot;",
                         " \"quoted\"", " 'single'", " <b>raw</b>", " a < b > c & d", " Зеленський", " café", " — ", "...", " [[anna-berg|Anna]]",
                         " e\u{301}", " 😀", " \\*", " http://x.org", "\n    indented code Anna\n\n", " _Omar_ Haddad"]

    @Test func splicedLinksAreWhatAFreshParseRenders() async {
        let input = Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 1...24)
        let picks = Gen.int(in: 0...1_000_000).array(of: 0...12)
        await propertyCheck(count: 500, input: input, picks) { indexes, picks in
            let source = indexes.map { Self.pieces[$0] }.joined()
            let (document, rendered) = Markdown.analyzeAndRender(source, headingOffset: 1)
            guard let rendered else {
                Issue.record("not rendered for splicing: \(source.debugDescription)")
                return
            }
            #expect(document == Markdown.analyze(source))
            // Insertions anywhere: whole blocks, single bytes (mid-character too), overlapping, out of range, with titles
            // and replacements that need escaping.
            var insertions: [Insertion] = []
            for (n, pick) in picks.enumerated() where !document.blocks.isEmpty {
                let b = pick % (document.blocks.count + 1)                      // one past the end: skipped
                let length = b < document.blocks.count ? document.blocks[b].text.utf8.count : 5
                let start = (pick / 7) % (length + 1), end = min(length + 2, start + (pick / 13) % 12)
                insertions.append(Insertion(block: b, range: start..<end, destination: n % 3 == 0 ? "" : "../people/p-\(n).html",
                                            title: n % 4 == 0 ? nil : "Anna \"A\" <Berg> & co",
                                            replacement: n % 5 == 0 ? "R&D <\(n)>" : nil))
            }
            for offset in [1, 0] {
                let expected = Markdown.renderHTML(source, insertions: insertions, headingOffset: offset)
                let spliced = Markdown.renderHTMLBytes(rendered, blocks: document.blocks, insertions: insertions, headingOffset: offset)
                // Rendered with its headings one level down: only that offset is promised.
                #expect(spliced == (offset == 1 ? Array(expected.utf8) : nil), "\(source.debugDescription) \(insertions)")
            }
        }
    }

    /// The escaped size and the check for bytes to escape read eight bytes at a time: each of the four, and bytes
    /// near them that are not, at every place of texts of every length up to 24, against the byte-by-byte definition.
    @Test func escapedCountsAgreeWithTheDefinitionAtEveryPlace() {
        let special: [UInt8] = Array("\"&<>".utf8), near: [UInt8] = Array("!'%;=?\u{7F}a".utf8) + [0x80, 0xA2, 0xBC, 0xE2]
        for length in 0...24 {
            for place in 0..<max(length, 1) {
                for byte in special + near {
                    var bytes = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
                    if length > 0 { bytes[place] = byte }
                    if length > 3 { bytes[length - 1 - place % length] = special[place % 4] }
                    let expected = bytes.reduce(0) { $0 + (RenderedBody.escape($1).map { $0.utf8CodeUnitCount } ?? 1) }
                    bytes.withUnsafeBufferPointer { buffer in
                        #expect(RenderedBody.escapedCount(buffer[...]) == expected)
                        #expect(RenderedBody.hasEscaped(buffer) == (expected != bytes.count))
                        if length > 2 { #expect(RenderedBody.escapedCount(buffer[1..<(length - 1)]) == expected - (RenderedBody.escape(bytes[0]).map { $0.utf8CodeUnitCount } ?? 1) - (RenderedBody.escape(bytes[length - 1]).map { $0.utf8CodeUnitCount } ?? 1)) }
                    }
                }
            }
        }
    }

    @Test func whatCannotBePromisedIsLeftToAFreshParse() throws {
        let source = "Anna Berg met Omar.\n"
        let (document, rendered) = Markdown.analyzeAndRender(source, headingOffset: 1)
        let body = try #require(rendered)
        // An href cmark would escape or check.
        let odd = Insertion(block: 0, range: 0..<4, destination: "javascript:alert(1)")
        #expect(Markdown.renderHTMLBytes(body, blocks: document.blocks, insertions: [odd], headingOffset: 1) == nil)
        let spaced = Insertion(block: 0, range: 0..<4, destination: "a b.html")
        #expect(Markdown.renderHTMLBytes(body, blocks: document.blocks, insertions: [spaced], headingOffset: 1) == nil)
        // Blocks other than the ones it was rendered with.
        #expect(Markdown.renderHTMLBytes(body, blocks: [], insertions: [], headingOffset: 1) == nil)
        // The marker in the text (written, or from an entity) means no rendered body, never a wrong one.
        let marker = String(decoding: RenderedBody.marker, as: UTF8.self)           // U+FDD0: Swift has no literal for it
        #expect(Markdown.analyzeAndRender("Anna \(marker) Berg\n", headingOffset: 1).rendered == nil)
        #expect(Markdown.analyzeAndRender("Anna &#xFDD0; Berg\n", headingOffset: 1).rendered == nil)
        #expect(Markdown.analyzeAndRender("[Anna](a.html \"&#xFDD0;\") Berg\n", headingOffset: 1).rendered == nil)
        // Spliced, the link is cmark's.
        let plain = Insertion(block: 0, range: 0..<9, destination: "../people/anna-berg.html", title: "Anna Berg")
        #expect(Markdown.renderHTMLBytes(body, blocks: document.blocks, insertions: [plain], headingOffset: 1)
                == Array("<p><a href=\"../people/anna-berg.html\" title=\"Anna Berg\">Anna Berg</a> met Omar.</p>\n".utf8))
    }
}
