// Splits text into words for name matching: whole words, with their UTF-8 positions, possessives noted.

/// One word of a text. `start..<end` is the word itself in UTF-8 offsets; a possessive "'s" follows it up to `possessiveEnd`.
public struct WordToken: Sendable, Equatable {
    public var word: String
    public var start: Int
    public var end: Int
    public var possessiveEnd: Int
    public var isPossessive: Bool { possessiveEnd > end }
}

public enum NameTokens {
    /// The words of a name as the matcher sees them: "Vladimir V. Putin" → [Vladimir, V, Putin].
    public static func words(of text: String) -> [String] { tokenize(text).map(\.word) }

    /// Words are runs of letters, digits and combining marks. An apostrophe inside a word stays ("O'Brien"),
    /// except a final "'s"/"’s", which marks a possessive and is not part of the word ("Dmitriev's" → Dmitriev).
    /// Hyphens and periods separate words, so "US-Russia" is two words and "V." is the initial V.
    public static func tokenize(_ text: String) -> [WordToken] {
        var tokens: [WordToken] = []
        tokens.reserveCapacity(text.utf8.count / 6)
        let scalars = Array(text.unicodeScalars)
        var offsets = [Int](repeating: 0, count: scalars.count + 1)
        for (i, s) in scalars.enumerated() { offsets[i + 1] = offsets[i] + UTF8.width(s) }

        var i = 0
        while i < scalars.count {
            guard isWordScalar(scalars[i]) else { i += 1; continue }
            let startIndex = i
            var word = String.UnicodeScalarView()
            var possessiveEnd: Int?
            while i < scalars.count {
                let s = scalars[i]
                if isWordScalar(s) {
                    word.append(s)
                    i += 1
                } else if isApostrophe(s), i + 1 < scalars.count, isWordScalar(scalars[i + 1]) {
                    let next = scalars[i + 1]
                    let afterNext = i + 2 < scalars.count ? scalars[i + 2] : nil
                    if (next == "s" || next == "S"), afterNext.map({ !isWordScalar($0) }) ?? true {
                        possessiveEnd = offsets[i + 2]
                        i += 2
                        break
                    }
                    word.append(s)
                    i += 1
                } else {
                    break
                }
            }
            let end = offsets[startIndex + word.count]
            tokens.append(WordToken(word: String(word), start: offsets[startIndex], end: end, possessiveEnd: possessiveEnd ?? end))
        }
        return tokens
    }

    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            let v = s.value
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        let p = s.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark
    }

    @inline(__always) static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }
}
