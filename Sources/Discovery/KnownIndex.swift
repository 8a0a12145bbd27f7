// The known people as discovery compares names against them: looked up by written form and by surname, and
// grouped by the shape of their surnames' keys, so that a name is compared only with people it could be a spelling of.

import Content

/// A name's words as written, hashed once: discovery looks each name run up in several tables, and hashing the
/// words (a String each) again for each was most of the time it spent in them.
struct WrittenKey: Hashable, Sendable {
    let words: [String]
    private let hash: Int

    init(_ words: [String]) {
        self.words = words
        hash = words.hashValue
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    static func == (a: WrittenKey, b: WrittenKey) -> Bool { a.hash == b.hash && a.words == b.words }
}

struct KnownIndex {
    /// The first sound (byte) and length of a surname's phonetic key. Keys are ASCII (made through `Slug.make`).
    /// A surname is alike or resembling only when its key has the same first sound and a length at most two apart.
    struct Shape: Hashable {
        var sound: UInt8
        var length: Int
        init?(key: String) {
            guard let first = key.utf8.first else { return nil }
            sound = first
            length = key.utf8.count
        }
        init(sound: UInt8, length: Int) { self.sound = sound; self.length = length }
        /// The shapes a surname of this shape can resemble.
        var neighbourhood: [Shape] { (length - 2...length + 2).map { Shape(sound: sound, length: $0) } }
    }

    private(set) var people: [Int: Variants.Known] = [:]
    private(set) var byWritten: [WrittenKey: Set<Int>] = [:]
    private(set) var bySurname: [String: Set<Int>] = [:]
    /// The first and the last words (two or more, not all) of names of three words or more, without initials:
    /// "Dilan Yeşilgöz" of Dilan Yeşilgöz-Zegerius, "López Obrador" of Andrés Manuel López Obrador.
    private(set) var byPrefix: [WrittenKey: Set<Int>] = [:]
    private(set) var bySuffix: [WrittenKey: Set<Int>] = [:]
    /// Per shape, the people with a surname of that shape, once each time they were added or changed:
    /// whoever compared names before reads on from where they stopped.
    private(set) var changes: [Shape: [Int]] = [:]
    /// How many times `add` ran: while it stays the same, nobody's verdict can have changed.
    private(set) var additions = 0

    mutating func add(_ known: Variants.Known) {
        additions += 1
        var shapes = Set(known.surnameKeys.compactMap(Shape.init(key:)))
        if let before = people[known.index] { shapes.formUnion(before.surnameKeys.compactMap(Shape.init(key:))) }
        people[known.index] = known
        for form in known.written { byWritten[WrittenKey(form), default: []].insert(known.index) }
        for surname in known.surnames { bySurname[surname, default: []].insert(known.index) }
        for form in known.forms where form.count >= 3 {
            for n in 2..<form.count {
                byPrefix[WrittenKey(Array(form.prefix(n))), default: []].insert(known.index)
                bySuffix[WrittenKey(Array(form.suffix(n))), default: []].insert(known.index)
            }
        }
        for shape in shapes { changes[shape, default: []].append(known.index) }
    }
}

/// Every written name's verdicts from the known people it could be a spelling of, kept between articles and
/// brought up to date with only the people added or changed since (a verdict depends on the name and the person
/// alone). Decides exactly as `Variants.match` over all known people would.
struct VerdictMemo {
    private struct Entry {
        var name: Variants.Written?
        var neighbourhood: [KnownIndex.Shape]
        var read: [Int]                  // per shape of the neighbourhood, how many of its changes are reflected
        var additions = 0                // the index's count of additions when last brought up to date
        var verdicts: [(person: Int, verdict: Variants.Verdict)] = []   // in person order

        init(_ words: [String]) {
            name = Variants.Written(words)
            neighbourhood = name.flatMap { KnownIndex.Shape(key: $0.surnameKey) }?.neighbourhood ?? []
            read = Array(repeating: 0, count: neighbourhood.count)
        }

        mutating func catchUp(with index: KnownIndex) {
            guard additions != index.additions, let name else { return }
            additions = index.additions
            // A person changed several times since (each new spelling), or under several shapes, is compared once.
            var changedPeople: [Int] = []
            for (n, shape) in neighbourhood.enumerated() {
                guard let changed = index.changes[shape], read[n] < changed.count else { continue }
                changedPeople += changed[read[n]...]
                read[n] = changed.count
            }
            changedPeople.sort()
            for (k, person) in changedPeople.enumerated() where k == 0 || changedPeople[k - 1] != person {
                set(person, Variants.verdict(name, person: index.people[person]!))
            }
        }

        private mutating func set(_ person: Int, _ verdict: Variants.Verdict?) {
            var lo = 0, hi = verdicts.count
            while lo < hi { let mid = (lo + hi) / 2; if verdicts[mid].person < person { lo = mid + 1 } else { hi = mid } }
            let present = lo < verdicts.count && verdicts[lo].person == person
            switch (verdict, present) {
            case (let verdict?, true): verdicts[lo].verdict = verdict
            case (let verdict?, false): verdicts.insert((person, verdict), at: lo)
            case (nil, true): verdicts.remove(at: lo)
            case (nil, false): break
            }
        }
    }
    /// By the name as written, initials included.
    private var entries: [WrittenKey: Entry] = [:]

    /// `words`: a name as written, initials included; `named`: the people the article has named so far.
    mutating func match(_ words: [String], in index: KnownIndex, named: Set<Int>) -> Variants.Match? {
        match(WrittenKey(words), in: index, named: named)
    }

    /// The same, for words already hashed (discovery looks each name run up in other tables too).
    mutating func match(_ written: WrittenKey, in index: KnownIndex, named: Set<Int>) -> Variants.Match? {
        // One lookup for a name seen before (most are): the entry is found by its index.
        let e: Dictionary<WrittenKey, Entry>.Index
        if let found = entries.index(forKey: written) { e = found } else {
            entries[written] = Entry(written.words)
            e = entries.index(forKey: written)!
        }
        entries.values[e].catchUp(with: index)
        let entry = entries.values[e]
        guard let name = entry.name else { return nil }
        return Variants.decide(entry.verdicts, surname: name.surname, named: named)
    }
}
