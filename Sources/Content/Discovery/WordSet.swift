// The cue tables of discovery as sets that turn most words away before hashing them: the passes over a text ask
// every word whether it is a date word, a future word, a title ..., and nearly all are not.

/// A set of ASCII words. `contains` answers as `Set<String>.contains` does.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private let words: Set<String>
    /// Per first byte, one bit per length in bytes of the members starting with it (lengths over 63 share bit 63).
    private let lengthsByFirstByte: [UInt64]

    init(_ words: Set<String>) {
        precondition(words.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }, "cue words are ASCII")
        self.words = words
        var lengths = [UInt64](repeating: 0, count: 256)
        for word in words { if let first = word.utf8.first { lengths[Int(first)] |= Self.bit(word.utf8.count) } }
        lengthsByFirstByte = lengths
    }

    init(arrayLiteral words: String...) { self.init(Set(words)) }

    func contains(_ word: String) -> Bool {
        // An ASCII word equals a member only byte for byte, so only when a member has its first byte and length.
        // A word with other bytes may still equal one under Unicode equivalence: the set answers for it.
        if let (first, length) = Self.asciiShape(word), lengthsByFirstByte[Int(first)] & Self.bit(length) == 0 { return false }
        return words.contains(word)
    }

    /// `contains(word.lowercased())`, lowering only the words that may be members: an ASCII word in lower case
    /// keeps its length and starts with its first byte in lower case.
    func containsLowercase(of word: String) -> Bool {
        if let (first, length) = Self.asciiShape(word) {
            let lower = first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z") ? first + 32 : first
            if lengthsByFirstByte[Int(lower)] & Self.bit(length) == 0 { return false }
        }
        return words.contains(word.lowercasedQuickly)
    }

    /// The first byte and the length of a non-empty ASCII word; nil for any other.
    private static func asciiShape(_ word: String) -> (first: UInt8, length: Int)? {
        word.withUTF8Bytes { bytes in
            guard let first = bytes.first, !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return (first, bytes.count)
        }
    }

    private static func bit(_ length: Int) -> UInt64 { 1 << UInt64(min(length, 63)) }
}
