// A trie over word sequences: finds every listed name or phrase in a text in one left-to-right pass,
// whatever the number of names, so thousands of people cost no more per article than ten.

import Content

struct PhraseIndex<Value: Sendable>: Sendable {
    private var children: [[String: Int]] = [[:]]
    /// The same edges again for words with a key (ASCII of up to 15 bytes), found without hashing a String: a token
    /// with a key asks here first, and the String dictionary only at a node with an edge of another word ("K", the
    /// Kelvin sign, equals "K" as a String).
    private var keyedEdges = KeyedEdges()
    private var hasUnkeyedEdge: [Bool] = [false]
    private var values: [Int: [Value]] = [:]
    /// The first UTF-8 byte of every phrase's first word: most words of a text start no phrase, and this
    /// turns them away without hashing them (the dictionary lookup was a large part of matching).
    private var startsPhrase = [Bool](repeating: false, count: 256)
    /// Finer, for a word with a key (`WordToken.key`): a bit per hash of the first words that have one.
    private var firstWordBits = [UInt64](repeating: 0, count: 1 << (Self.filterBits - 6))
    private static var filterBits: UInt64 { 14 }

    /// Adds a phrase given as words. Several values may share a phrase (two people with one surname).
    mutating func insert(_ words: [String], _ value: Value) {
        guard !words.isEmpty else { return }
        if let first = words[0].utf8.first { startsPhrase[Int(first)] = true }
        if let key = WordSet.Key(words[0]) { let (word, bit) = Self.filterBit(key); firstWordBits[word] |= bit }
        var node = 0
        for word in words {
            if let next = children[node][word] {
                node = next
            } else {
                children.append([:])
                hasUnkeyedEdge.append(false)
                let child = children.count - 1
                children[node][word] = child
                if let key = WordSet.Key(word) { keyedEdges.insert(from: node, key, to: child) } else { hasUnkeyedEdge[node] = true }
                node = child
            }
        }
        values[node, default: []].append(value)
    }

    /// False only when `word` cannot equal any first word. Strings compare by canonical equivalence, so the
    /// test is made only when the first character is one ASCII scalar (ASCII byte, then ASCII or the end):
    /// such a word equals only words with the same first byte.
    @inline(__always) private func mayStartPhrase(_ word: String) -> Bool {
        var bytes = word.utf8.makeIterator()
        guard let first = bytes.next(), first < 0x80 else { return true }
        if let second = bytes.next(), second >= 0x80 { return true }
        return startsPhrase[Int(first)]
    }

    /// The same for a token: by its key when it has one (a short ASCII word equals only a word of the same bytes;
    /// one that equals a first word of other bytes under Unicode equivalence, as "K" the Kelvin sign, is not taken
    /// as a start, as the first-byte test did not take it either).
    @inline(__always) private func mayStartPhrase(_ token: WordToken, in tokens: Tokens) -> Bool {
        guard token.key != .empty else { return mayStartPhrase(tokens.word(of: token)) }
        let (word, bit) = Self.filterBit(token.key)
        return firstWordBits[word] & bit != 0
    }

    /// Where a key's bit is in `firstWordBits`: the one place insertion and lookup agree on.
    @inline(__always) private static func filterBit(_ key: WordSet.Key) -> (word: Int, bit: UInt64) {
        let index = key.slot(64 - filterBits)
        return (index >> 6, 1 << UInt64(index & 63))
    }

    /// `children[node][word]`, for a token of `tokens`.
    @inline(__always) private func child(of node: Int, _ token: WordToken, in tokens: Tokens) -> Int? {
        if token.key != .empty, let child = keyedEdges.find(from: node, token.key) { return child }
        return token.key == .empty || hasUnkeyedEdge[node] ? children[node][tokens.word(of: token)] : nil
    }

    struct Match {
        var first: Int       // index of the first token
        var last: Int        // index of the last token
        var values: [Value]
    }

    /// Longest matches, left to right, never overlapping. `sameSpan(first, last)` lets the caller refuse a match
    /// that crosses a sentence boundary.
    func matches(in tokens: Tokens, sameSpan: (Int, Int) -> Bool) -> [Match] {
        var result: [Match] = []
        var i = 0
        while i < tokens.count {
            if !mayStartPhrase(tokens[i], in: tokens) { i += 1; continue }
            var node = 0
            var best: Match?
            var j = i
            while j < tokens.count, let next = child(of: node, tokens[j], in: tokens) {
                node = next
                // A possessive ends a name: "Putin's invasion" can match "Putin's invasion ..." as a phrase,
                // but "Putin's Vladimir" is no name; phrases simply keep walking, the caller decides.
                if let found = values[node], sameSpan(i, j) { best = Match(first: i, last: j, values: found) }
                j += 1
            }
            if let best {
                result.append(best)
                i = best.last + 1
            } else {
                i += 1
            }
        }
        return result
    }
}

/// Edges (node, word's key) → child node, in one open-addressed table: a probe is a multiply and a compare of three
/// integers, where a Dictionary<String, Int> hashed the word with SipHash.
private struct KeyedEdges: Sendable {
    private struct Slot: Sendable { var low: UInt64, high: UInt64, node: Int32, child: Int32 }
    private var slots = [Slot].filled(with: Slot(low: 0, high: 0, node: -1, child: -1), count: 16)
    private var count = 0

    private var shift: UInt64 { UInt64(64 - slots.count.trailingZeroBitCount) }

    private static func hash(_ node: Int, _ key: WordSet.Key, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: ((key.low &* 0x9E37_79B9_7F4A_7C15) ^ (key.high &+ UInt64(node)) &* 0xBF58_476D_1CE4_E5B9
            ^ UInt64(node) &* 0x94D0_49BB_1331_11EB) >> shift)
    }

    func find(from node: Int, _ key: WordSet.Key) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var i = Self.hash(node, key, shift: shift)
            while true {
                let slot = slots[i]
                if slot.node < 0 { return nil }
                if slot.node == node && slot.low == key.low && slot.high == key.high { return Int(slot.child) }
                i = (i + 1) & mask
            }
        }
    }

    mutating func insert(from node: Int, _ key: WordSet.Key, to child: Int) {
        if (count + 1) * 2 > slots.count { grow() }
        put(Slot(low: key.low, high: key.high, node: Int32(node), child: Int32(child)))
        count += 1
    }

    private mutating func put(_ slot: Slot) {
        let mask = slots.count - 1
        var i = Self.hash(Int(slot.node), WordSet.Key(low: slot.low, high: slot.high), shift: shift)
        while slots[i].node >= 0 { i = (i + 1) & mask }
        slots[i] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot].filled(with: Slot(low: 0, high: 0, node: -1, child: -1), count: old.count * 2)
        for slot in old where slot.node >= 0 { put(slot) }
    }
}
