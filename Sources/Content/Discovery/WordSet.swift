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
        var length = 0
        for byte in word.utf8 {
            if byte >= 0x80 { return words.contains(word) }
            length += 1
        }
        guard let first = word.utf8.first else { return words.contains(word) }
        return lengthsByFirstByte[Int(first)] & Self.bit(length) != 0 && words.contains(word)
    }

    private static func bit(_ length: Int) -> UInt64 { 1 << UInt64(min(length, 63)) }
}
