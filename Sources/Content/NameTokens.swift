// Splits text into words for name matching: whole words, with their UTF-8 positions, possessives noted.

/// One word of a text. `start..<end` is the word itself in UTF-8 offsets; a possessive "'s" follows it up to `possessiveEnd`.
public struct WordToken: Sendable, Equatable {
    public var word: String
    public var start: Int
    public var end: Int
    public var possessiveEnd: Int
    public var isPossessive: Bool { possessiveEnd > end }
    /// The word packed for the cue sets when it is ASCII of up to 15 bytes, else `.empty`: made from the bytes the
    /// tokenizer has in hand, so the passes that ask sets of every word need not read each word again.
    var key = WordSet.Key.empty

    /// `key` lowered: the key of `word.lowercased()`, or nil when the word has none.
    var lowercaseKey: WordSet.Key? { key == .empty ? nil : key.lowercased() }

    /// `word.startsUppercase`, from the key's first byte when there is one.
    var startsUppercase: Bool { key == .empty ? word.startsUppercase : key.startsUppercase }
    /// `word.startsWithNumber`, from the key's first byte when there is one.
    var startsWithNumber: Bool { key == .empty ? word.startsWithNumber : key.startsWithDigit }

    /// The key is made from the word: equal words have equal keys.
    public static func == (a: WordToken, b: WordToken) -> Bool {
        a.word == b.word && a.start == b.start && a.end == b.end && a.possessiveEnd == b.possessiveEnd
    }
}

public enum NameTokens {
    /// The words of a name as the matcher sees them: "Vladimir V. Putin" → [Vladimir, V, Putin].
    public static func words(of text: String) -> [String] { tokenize(text).map(\.word) }

    /// Words are runs of letters, digits and combining marks. An apostrophe inside a word stays ("O'Brien"),
    /// except a final "'s"/"’s", which marks a possessive and is not part of the word ("Dmitriev's" → Dmitriev).
    /// Hyphens and periods separate words, so "US-Russia" is two words and "V." is the initial V.
    public static func tokenize(_ text: String) -> [WordToken] {
        var text = text
        return text.withUTF8(tokenize(utf8:))
    }

    /// Works on the UTF-8 bytes (valid, as a String's are): ASCII, most of any text, is classified by the byte alone,
    /// and each word is cut from the bytes at once rather than built scalar by scalar.
    private static func tokenize(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [WordToken] {
        var tokens: [WordToken] = []
        tokens.reserveCapacity(bytes.count / 6)
        let keysMakeWords = WordSet.Key.makesWords
        var p = 0
        while p < bytes.count {
            let (first, firstWidth) = scalar(in: bytes, at: p)
            guard isWordScalar(first) else { p += firstWidth; continue }
            let start = p
            p += firstWidth
            var end: Int?, possessiveEnd: Int?
            var isASCII = firstWidth == 1
            while p < bytes.count {
                let (s, width) = scalar(in: bytes, at: p)
                if isWordScalar(s) { p += width; isASCII = isASCII && width == 1; continue }
                guard isApostrophe(s), p + width < bytes.count else { break }
                let (next, nextWidth) = scalar(in: bytes, at: p + width)
                guard isWordScalar(next) else { break }
                let afterNext = p + width + nextWidth
                if next == "s" || next == "S", afterNext == bytes.count || !isWordScalar(scalar(in: bytes, at: afterNext).scalar) {
                    end = p
                    possessiveEnd = afterNext
                    p = afterNext
                    break
                }
                p += width
                isASCII = isASCII && width == 1
            }
            let wordEnd = end ?? p
            let key = isASCII && wordEnd - start <= 15 ? WordSet.Key(packing: bytes, from: start, to: wordEnd) : .empty
            let word = keysMakeWords && key != .empty
                ? key.word : String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<wordEnd]), as: UTF8.self)
            tokens.append(WordToken(word: word, start: start, end: wordEnd, possessiveEnd: possessiveEnd ?? wordEnd, key: key))
        }
        return tokens
    }

    /// The scalar starting at byte `i` of valid UTF-8, and its width in bytes.
    @inline(__always) private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar, width: Int) {
        let lead = bytes[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0xFF >> (width + 1))
        for k in 1..<width { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (Unicode.Scalar(value)!, width)
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
