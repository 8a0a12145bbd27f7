// Text.swift — pure-Swift byte-level text helpers: sentence splitting for analyze() and escaping for escapeText().
// Both work on UTF-8 bytes in one forward pass (no String indexing, no regex): 10 MB inputs must stay linear.

enum Sentences {
    /// Words (with their final period) after which a period does not end a sentence. Case-sensitive on
    /// purpose: "No. 5" is an abbreviation, "he said no. Then" is not. Grow this table, not the code.
    static let abbreviations: Set<String> = [
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sen.", "Rep.", "Gov.", "Gen.", "Col.", "Lt.", "Sgt.", "Capt.",
        "St.", "Jr.", "Sr.", "U.S.", "U.K.", "U.N.", "E.U.", "Inc.", "Ltd.", "Co.", "Corp.", "No.", "vs.",
        "etc.", "a.m.", "p.m.",
        "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.",
    ]
    /// The longest quotation (UTF-8 bytes) kept in one sentence.
    static let maxQuotation = 600
    /// Longest word worth looking up; bounds the backwards look at each candidate period.
    static let longestAbbreviation = 16

    /// Sentence ranges (UTF-8 offsets) of `t`: a sentence ends at . ! ? plus optional closing quotes or `)`,
    /// when whitespace and then an uppercase letter, digit or opening quote/bracket follow, and not inside a
    /// quotation (`“We agreed. It holds,” she said.` is one sentence), unless the quotation has run on for longer
    /// than a quotation does (`maxQuotation`: a mark never closed must not join a whole paragraph).
    static func split(_ t: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0, i = 0
        let n = t.count
        var quoteOpenedAt: Int?                                           // where the quotation we are in opened
        while i < n {
            let c = t[i]
            if c == UInt8(ascii: "\"") { quoteOpenedAt = quoteOpenedAt == nil ? i : nil; i += 1; continue }
            if c == 0xE2, i + 2 < n, t[i + 1] == 0x80 {
                if t[i + 2] == 0x9C { quoteOpenedAt = i } else if t[i + 2] == 0x9D { quoteOpenedAt = nil }   // “ ”
                i += 3; continue
            }
            guard c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") else { i += 1; continue }
            var j = i + 1                                                 // past closing quotes/brackets
            while j < n {
                if t[j] == UInt8(ascii: "\"") { quoteOpenedAt = nil; j += 1 }
                else if t[j] == UInt8(ascii: "'") || t[j] == UInt8(ascii: ")") { j += 1 }
                else if j + 2 < n, t[j] == 0xE2, t[j + 1] == 0x80, t[j + 2] == 0x9D || t[j + 2] == 0x99 {   // ” ’
                    if t[j + 2] == 0x9D { quoteOpenedAt = nil }
                    j += 3
                }
                else { break }
            }
            var k = j                                                     // past the whitespace
            while k < n, isSpace(t[k]) { k += 1 }
            let inQuotation = quoteOpenedAt.map { i - $0 < maxQuotation } ?? false
            if k > j, k < n, !inQuotation, opensSentence(t, at: k), !(c == UInt8(ascii: ".") && isAbbreviation(t, period: i)) {
                append(start..<j, of: t, to: &out)
                start = k
                i = k
            } else {
                i = j                                                     // j > i: every byte is looked at O(1) times
            }
        }
        append(start..<n, of: t, to: &out)
        return out
    }

    private static func append(_ r: Range<Int>, of t: [UInt8], to out: inout [Range<Int>]) {
        var a = r.lowerBound, b = r.upperBound
        while a < b, isSpace(t[a]) { a += 1 }
        while b > a, isSpace(t[b - 1]) { b -= 1 }
        if a < b { out.append(a..<b) }
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    private static func opensSentence(_ t: [UInt8], at k: Int) -> Bool {
        switch t[k] {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: "["):
            return true
        case 0x80...:
            guard let s = scalar(t, at: k) else { return false }
            return s.properties.isUppercase || s.properties.generalCategory == .titlecaseLetter   // Зеленський, Éric
                || s == "\u{201C}" || s == "\u{2018}" || s == "\u{00AB}" || s == "\u{201E}"     // “ ‘ « „
        default:
            return false
        }
    }

    /// Is the word ending with the period at `p` in the table, or a run of initials ("V.", "J.R.R.")?
    private static func isAbbreviation(_ t: [UInt8], period p: Int) -> Bool {
        var w = p
        while w > 0, !isSpace(t[w - 1]) {
            if p - w >= longestAbbreviation { return false }
            w -= 1
        }
        // Drop opening punctuation: "(Mr." and "“Dr." are still abbreviations.
        while w < p {
            if t[w] == UInt8(ascii: "(") || t[w] == UInt8(ascii: "\"") || t[w] == UInt8(ascii: "'") || t[w] == UInt8(ascii: "[") { w += 1 }
            else if w + 2 < p, t[w] == 0xE2, t[w + 1] == 0x80, t[w + 2] == 0x9C || t[w + 2] == 0x98 { w += 3 }  // “ ‘
            else { break }
        }
        if abbreviations.contains(String(decoding: t[w...p], as: UTF8.self)) { return true }
        // Initials: (one uppercase letter, ".") repeated up to the period.
        var q = w
        while q < p {
            guard let s = scalar(t, at: q), s.properties.isUppercase else { return false }
            q += UTF8.width(s)
            guard q <= p, t[q] == UInt8(ascii: ".") else { return false }
            q += 1
        }
        return q == p + 1
    }

    private static func scalar(_ t: [UInt8], at k: Int) -> Unicode.Scalar? {
        var it = t[k...].makeIterator()
        var codec = UTF8()
        if case .scalarValue(let s) = codec.decode(&it) { return s }
        return nil
    }
}

enum PlainText {
    /// One paragraph per line (blank lines dropped, `\r` counts as a line end, as it does for cmark), each line
    /// trimmed — so leading indentation cannot make a code block — and every character that could start markup
    /// backslash-escaped. `"` and `'` stay bare so smart punctuation still curls them.
    static func escape(_ plain: String) -> String {
        var source = plain
        return source.withUTF8 { t -> String in
            var out: [UInt8] = []
            out.reserveCapacity(t.count + t.count / 8 + 16)
            var lineStart = 0
            while lineStart < t.count {
                var lineEnd = lineStart
                while lineEnd < t.count, t[lineEnd] != 0x0A, t[lineEnd] != 0x0D { lineEnd += 1 }
                var a = lineStart, b = lineEnd
                while a < b, Sentences.isSpace(t[a]) { a += 1 }
                while b > a, Sentences.isSpace(t[b - 1]) { b -= 1 }
                lineStart = lineEnd + 1
                guard a < b else { continue }
                if !out.isEmpty { out.append(0x0A); out.append(0x0A) }

                // Line-start markers: bullets / setext underline, and "12." / "12)" ordered-list markers.
                var marker = -1
                switch t[a] {
                case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="): marker = a
                default:
                    var d = a
                    while d < b, t[d] >= UInt8(ascii: "0"), t[d] <= UInt8(ascii: "9") { d += 1 }
                    if d > a, d < b, t[d] == UInt8(ascii: ".") || t[d] == UInt8(ascii: ")") { marker = d }
                }
                for i in a..<b {
                    if i == marker || needsEscape(t[i]) { out.append(UInt8(ascii: "\\")) }
                    out.append(t[i])
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func needsEscape(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "#"),
             UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
