// A trie over word sequences: finds every listed name or phrase in a text in one left-to-right pass,
// whatever the number of names, so thousands of people cost no more per article than ten.

struct PhraseIndex<Value: Sendable>: Sendable {
    private var children: [[String: Int]] = [[:]]
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
                children[node][word] = children.count - 1
                node = children.count - 1
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
    @inline(__always) private func mayStartPhrase(_ token: WordToken) -> Bool {
        guard token.key != .empty else { return mayStartPhrase(token.word) }
        let (word, bit) = Self.filterBit(token.key)
        return firstWordBits[word] & bit != 0
    }

    /// Where a key's bit is in `firstWordBits`: the one place insertion and lookup agree on.
    @inline(__always) private static func filterBit(_ key: WordSet.Key) -> (word: Int, bit: UInt64) {
        let index = key.slot(64 - filterBits)
        return (index >> 6, 1 << UInt64(index & 63))
    }

    struct Match {
        var first: Int       // index of the first token
        var last: Int        // index of the last token
        var values: [Value]
    }

    /// Longest matches, left to right, never overlapping. `sameSpan(first, last)` lets the caller refuse a match
    /// that crosses a sentence boundary.
    func matches(in tokens: [WordToken], sameSpan: (Int, Int) -> Bool) -> [Match] {
        var result: [Match] = []
        var i = 0
        while i < tokens.count {
            if !mayStartPhrase(tokens[i]) { i += 1; continue }
            var node = 0
            var best: Match?
            var j = i
            while j < tokens.count, let next = children[node][tokens[j].word] {
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
