// The search index's scripts are written byte by byte for speed; these tests hold their strings to what
// JSONEncoder would have written, on every ASCII byte and on text in other scripts.

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

    @Test func stringsAreTheJSONThatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for text in Self.awkward {
            var ours: [UInt8] = []
            JSONLine.string(text, &ours)
            #expect(String(decoding: ours, as: UTF8.self) == String(decoding: try encoder.encode(text), as: UTF8.self))
        }
    }

    @Test func postingsAreTheFirstNumberThenDifferencesInBase36() {
        #expect(SearchIndex.encode([0, 1, 2, 40, 1_000]) == "0,1,1,12,qo")
        #expect(SearchIndex.encode([]) == "")
    }
}
