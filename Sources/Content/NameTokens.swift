// Splits text into words for name matching: whole words, with their UTF-8 positions, possessives noted.

/// One word of a text. `start..<end` is the word itself in UTF-8 offsets; a possessive "'s" follows it up to `possessiveEnd`.
/// Plain values only, no String: every body is tokenized twice (discovery, then the analysis), and copying and freeing
/// a String per word (a count each) was 2 % of a build's samples. The word itself is its `Tokens`' to give (`word(of:)`).
/// 32 bytes: offsets of 32 bits (a block's text is far below 4 GB), half the 48 bytes of Int offsets, which the
/// tokenizer wrote and every pass read for each of a build's millions of words.
public struct WordToken: Sendable, Equatable {
    private var start32: UInt32
    private var end32: UInt32
    private var possessiveEnd32: UInt32
    /// Where the word is in its Tokens' `longWords`, for a word its key cannot make; -1 for the others.
    private var longWord32: Int32 = -1
    /// The word packed for the cue sets when it is ASCII of up to 15 bytes, else `.empty`: made from the bytes the
    /// tokenizer has in hand, so the passes that ask sets of every word need not read each word again.
    package var key = WordSet.Key.empty

    @inline(__always) public var start: Int { Int(start32) }
    @inline(__always) public var end: Int { Int(end32) }
    @inline(__always) public var possessiveEnd: Int { Int(possessiveEnd32) }
    @inline(__always) package var longWord: Int { Int(longWord32) }
    @inline(__always) public var isPossessive: Bool { possessiveEnd32 > end32 }

    package init(start: Int, end: Int, possessiveEnd: Int, key: WordSet.Key, longWord: Int = -1) {
        start32 = UInt32(start); end32 = UInt32(end); possessiveEnd32 = UInt32(possessiveEnd)
        longWord32 = Int32(longWord); self.key = key
    }

    /// `key` lowered: the key of the word in lower case, or nil when the word has none.
    package var lowercaseKey: WordSet.Key? { key == .empty ? nil : key.lowercased() }
}

/// The words of a text, in order. A word of up to 15 ASCII bytes (most) is made from its token's key when asked for,
/// which costs nothing (`WordSet.Key.word`); the others are kept as Strings beside the tokens.
public struct Tokens: RandomAccessCollection, Sendable {
    private var tokens: [WordToken] = []
    private var longWords: [String] = []

    public var startIndex: Int { 0 }
    public var endIndex: Int { tokens.count }
    public subscript(i: Int) -> WordToken { tokens[i] }

    /// The word of `token`, which must be one of these tokens (or a copy of one).
    public func word(of token: WordToken) -> String { token.longWord >= 0 ? longWords[token.longWord] : token.key.word }
    public func word(_ i: Int) -> String { word(of: tokens[i]) }
    public var words: [String] { map(word(of:)) }

    /// The word's `startsUppercase`, from the key's first byte when there is one.
    package func startsUppercase(_ token: WordToken) -> Bool { token.key == .empty ? word(of: token).startsUppercase : token.key.startsUppercase }
    /// The word's `startsWithNumber`, from the key's first byte when there is one.
    package func startsWithNumber(_ token: WordToken) -> Bool { token.key == .empty ? word(of: token).startsWithNumber : token.key.startsWithDigit }

    package mutating func reserveCapacity(_ n: Int) { tokens.reserveCapacity(n) }

    /// `word`: nil when the key makes it.
    package mutating func append(start: Int, end: Int, possessiveEnd: Int, key: WordSet.Key, word: String?) {
        if let word {
            tokens.append(WordToken(start: start, end: end, possessiveEnd: possessiveEnd, key: key, longWord: longWords.count))
            longWords.append(word)
        } else {
            tokens.append(WordToken(start: start, end: end, possessiveEnd: possessiveEnd, key: key))
        }
    }
}

public enum NameTokens {
    /// The words of a name as the matcher sees them: "Vladimir V. Putin" → [Vladimir, V, Putin].
    public static func words(of text: String) -> [String] { tokenize(text).words }

    /// Words are runs of letters, digits and combining marks. An apostrophe inside a word stays ("O'Brien"),
    /// except a final "'s"/"’s", which marks a possessive and is not part of the word ("Dmitriev's" → Dmitriev).
    /// Hyphens and periods separate words, so "US-Russia" is two words and "V." is the initial V.
    public static func tokenize(_ text: String) -> Tokens {
        var text = text
        return text.withUTF8(tokenize(utf8:))
    }

    /// Works on the UTF-8 bytes (valid, as a String's are): ASCII, most of any text, is classified by the byte alone,
    /// and each word is cut from the bytes at once rather than built scalar by scalar.
    private static func tokenize(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Tokens {
        var tokens = Tokens()
        tokens.reserveCapacity(bytes.count / 6)
        let keysMakeWords = WordSet.Key.makesWords
        let count = bytes.count
        var p = 0
        while p < count {
            // ASCII between words (spaces, punctuation) is passed over a byte at a time, without decoding a scalar.
            let lead = bytes[p]
            if lead < 0x80, !isASCIIWordByte(lead) { p &+= 1; continue }
            let (first, firstWidth) = scalar(in: bytes, at: p)
            guard isWordScalar(first) else { p += firstWidth; continue }
            let start = p
            p += firstWidth
            var end: Int?, possessiveEnd: Int?
            var isASCII = firstWidth == 1
            while p < count {
                // Most of a word is ASCII letters and digits: one test each, and the first other ASCII byte but an
                // apostrophe ends it.
                let byte = bytes[p]
                if byte < 0x80 {
                    if isASCIIWordByte(byte) { p &+= 1; continue }
                    if byte != UInt8(ascii: "'") { break }
                }
                let (s, width) = scalar(in: bytes, at: p)
                if isWordScalar(s) { p += width; isASCII = isASCII && width == 1; continue }
                guard isApostrophe(s), p + width < count else { break }
                let (next, nextWidth) = scalar(in: bytes, at: p + width)
                guard isWordScalar(next) else { break }
                let afterNext = p + width + nextWidth
                if next == "s" || next == "S", afterNext == count || !isWordScalar(scalar(in: bytes, at: afterNext).scalar) {
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
                ? nil : String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<wordEnd]), as: UTF8.self)
            tokens.append(start: start, end: wordEnd, possessiveEnd: possessiveEnd ?? wordEnd, key: key, word: word)
        }
        return tokens
    }

    /// `isWordScalar` of an ASCII byte: a letter or a digit. Folding a letter to lower case (setting bit 0x20) makes
    /// one range of each; wrapping subtraction makes each range one comparison.
    @inline(__always) package static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
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

    @inline(__always) package static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            let v = s.value
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        let p = s.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark
    }

    @inline(__always) package static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }
}
