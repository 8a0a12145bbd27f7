// The cue tables of discovery as sets that answer for most words without hashing a String: the passes over a text
// ask every word whether it is a date word, a future word, a title ..., and `Set<String>`'s hashing of each word
// was 3 % of a build's samples.

/// A set of ASCII words. `contains` answers as `Set<String>.contains` does.
package struct WordSet: Sendable, ExpressibleByArrayLiteral {
    /// Every member: answers for the words the table cannot hold (not ASCII, which may still equal a member under
    /// Unicode equivalence, or longer than `Key` holds).
    private let words: Set<String>
    /// The members as keys, by open addressing: a power-of-two count of slots, empty ones zero.
    private let slots: [Key]
    private let shift: UInt64
    /// Per first byte, one bit per length of the members starting with it: most words are turned away by it alone.
    private let lengthsByFirstByte: [UInt16]

    /// An ASCII word of up to 15 bytes, packed with its length into two integers: equal exactly when the words are.
    package struct Key: Hashable {
        package var low: UInt64, high: UInt64
        package static let empty = Key(low: 0, high: 0)

        /// nil for a word the key cannot hold. `lowering`: the key of `word.lowercased()` (for ASCII, A-Z to a-z).
        package init?(_ word: String, lowering: Bool = false) {
            guard let key = word.withUTF8Bytes({ bytes -> Key? in
                guard bytes.count <= 15 else { return nil }
                let key = Key(packing: bytes)
                guard (key.low | key.high) & 0x8080_8080_8080_8080 == 0 else { return nil }
                return lowering ? key.lowercased() : key
            }) else { return nil }
            self = key
        }

        /// The key of up to 15 bytes, which must be ASCII for it to mean anything (the tokenizer knows they are).
        package init(packing bytes: UnsafeBufferPointer<UInt8>) {
            var packed: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &packed) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
            self.init(low: UInt64(littleEndian: packed.0), high: UInt64(littleEndian: packed.1) | UInt64(bytes.count) << 56)
        }

        /// `Key(packing: text[start..<end])`, for `end - start` of at most 15. Where 16 bytes can be read from `start`,
        /// they are read as two integers and the bytes past the word masked off: the tokenizer packs every word it
        /// finds, and the copy through memory that `init(packing:)` makes was a fifth of its time.
        package init(packing text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
            let count = end - start
            guard start + 16 <= text.count, let base = text.baseAddress else {
                self.init(packing: UnsafeBufferPointer(rebasing: text[start..<end]))
                return
            }
            let raw = UnsafeRawPointer(base + start)
            let low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            // Masks of the word's bytes in each half. The high half's needs the guard: Swift's `<<` by a negative
            // amount shifts right, which would make the mask all ones for a word of under 8 bytes.
            let lowMask: UInt64 = count >= 8 ? ~0 : (1 << UInt64(count * 8)) &- 1
            let highMask: UInt64 = count <= 8 ? 0 : (1 << UInt64((count - 8) * 8)) &- 1
            self.init(low: low & lowMask, high: high & highMask | UInt64(count) << 56)
        }

        /// The key of the word in lower case.
        package func lowercased() -> Key { Key(low: Self.lowered(low), high: Self.lowered(high)) }

        /// A-Z to a-z in eight ASCII bytes at once: a byte is a capital when adding 0x3F sets its top bit (it is at
        /// least "A") and adding 0x25 does not (it is at most "Z"); no sum carries into the next byte.
        private static func lowered(_ bytes: UInt64) -> UInt64 {
            let atLeastA = (bytes &+ 0x3F3F_3F3F_3F3F_3F3F) & 0x8080_8080_8080_8080
            let pastZ = (bytes &+ 0x2525_2525_2525_2525) & 0x8080_8080_8080_8080
            return bytes | (atLeastA & ~pastZ) >> 2
        }

        package var firstByte: Int { Int(low & 0xFF) }
        /// `word.startsUppercase` for the word packed (ASCII: its first byte is A-Z).
        package var startsUppercase: Bool { (0x41...0x5A).contains(low & 0xFF) }
        /// `word.startsLowercase` for the word packed (ASCII: its first byte is a-z).
        package var startsLowercase: Bool { (0x61...0x7A).contains(low & 0xFF) }
        /// `word.startsWithNumber` for the word packed (ASCII: its first byte is 0-9).
        package var startsWithDigit: Bool { (0x30...0x39).contains(low & 0xFF) }
        package var length: Int { Int(high >> 56) }

        package init(low: UInt64, high: UInt64) { self.low = low; self.high = high }

        /// Multiplicative hashing: the top bits of the product pick the slot.
        package func slot(_ shift: UInt64) -> Int {
            Int(truncatingIfNeeded: (((low &* 0x9E37_79B9_7F4A_7C15) ^ high) &* 0xBF58_476D_1CE4_E5B9) >> shift)
        }
    }

    package init(_ words: Set<String>) {
        precondition(words.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }, "cue words are ASCII")
        self.words = words
        var bits: UInt64 = 3
        while 1 << bits < 2 * words.count { bits += 1 }
        shift = 64 - bits
        var slots = [Key](repeating: .empty, count: 1 << bits)
        var lengths = [UInt16](repeating: 0, count: 128)
        for word in words {
            guard let key = Key(word) else { continue }              // too long: the set answers for it
            lengths[key.firstByte] |= 1 << key.length
            var s = key.slot(shift)
            while slots[s] != .empty { s = (s + 1) & (slots.count - 1) }
            slots[s] = key
        }
        self.slots = slots
        lengthsByFirstByte = lengths
    }

    package init(arrayLiteral words: String...) { self.init(Set(words)) }

    package func contains(_ word: String) -> Bool {
        guard let key = Key(word) else { return words.contains(word) }
        return contains(key)
    }

    /// Whether a word with this key is a member.
    package func contains(_ key: Key) -> Bool {
        guard lengthsByFirstByte[key.firstByte] & 1 << key.length != 0 else { return false }
        return slots.withUnsafeBufferPointer { slots in
            var s = key.slot(shift)
            while true {
                let found = slots[s]
                if found == key { return true }
                if found == .empty { return false }
                s = (s + 1) & (slots.count - 1)
            }
        }
    }

    /// `contains(word.lowercased())`, without making the lower-case word when it is ASCII.
    package func containsLowercase(of word: String) -> Bool {
        containsLowercase(of: word, key: Key(word, lowering: true))
    }

    /// The same, for a word whose `Key(word, lowering: true)` is known: a pass that asks several sets of each word
    /// makes it once.
    package func containsLowercase(of word: String, key: Key?) -> Bool {
        guard let key else { return words.contains(word.lowercasedQuickly) }
        return contains(key)
    }
}

extension WordSet.Key {
    /// Whether `word` may be used: checked once against strings the standard library made.
    package static let makesWords: Bool = ["", "a", "Dmitriev", "abcdefghijklmno"].allSatisfy { text in
        var text = text
        return text.withUTF8 { Self(packing: $0).wordByLayout } == text
    }

    /// The word the key packs, made without reading or checking its bytes again: a String of up to 15 ASCII bytes
    /// is stored in place as these same two integers with 0xE0 | count in the top byte (the standard library's
    /// small-string layout on 64-bit platforms). Making tokens' words with `String(decoding:)`, which checks every
    /// byte again, was 2 % of a build's samples. Callers ask `makesWords` first (once, not per word).
    package var word: String {
        assert(Self.makesWords && self != .empty)
        return wordByLayout
    }

    private var wordByLayout: String {
        unsafeBitCast((low, high | 0xE0 << 56), to: String.self)
    }
}
