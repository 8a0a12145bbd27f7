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

    /// The index writes a block compacted and escaped in one pass, copying runs of plain ASCII (spaces between
    /// words included) at once: it must equal escaping the compacted text.
    @Test func compactedAndEscapedInOnePassEqualsEscapingTheCompactedText() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Bc", " ", "  ", "\t", "\n", "\r", "\"", "\\", "\u{1F}", "\u{7F}", "x.y", "é", "’", "\u{2003}", "/", "<"]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var onePass: [UInt8] = []
            #expect(SearchIndex.appendCompacted(text, to: &onePass, escape: true))
            var twoPasses: [UInt8] = []
            JSONLine.escape(SearchIndex.compact(text), &twoPasses)
            #expect(onePass == twoPasses, "\(text.unicodeScalars.map { $0.value })")
        }
    }
}

/// Article lines of the search index are written straight from the blocks; they must equal the lines made
/// from records (compacted text, then escaped), on dossiers with other scripts, escapes and hostile text.
@Suite struct SearchIndexStreamingTests {
    @Test func streamedArticleLinesEqualRecordLines() throws {
        for content in [Repo.content, Repo.fixture("hostile"), Repo.fixture("discovery"), Repo.fixture("small")] {
            let (dossier, _) = linkedDossier(content)
            let linked = try #require(dossier)
            let streamed = SearchIndex.part(linked, articles: Array(linked.articles.indices.reversed()))
            let viaRecords = SearchIndex.part(lines: SearchIndex.records(linked).filter { $0.k == "Article" }.map { JSONLine.encode($0) })
            #expect(!linked.articles.isEmpty)
            #expect(streamed == viaRecords, "\(content)")
        }
    }
}
