// The known people as discovery compares names against them: looked up by written form and by surname, and
// grouped by the shape of their surnames' keys, so that a name is compared only with people it could be a spelling of.

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
    private(set) var byWritten: [[String]: Set<Int>] = [:]
    private(set) var bySurname: [String: Set<Int>] = [:]
    /// Per shape, the people with a surname of that shape, once each time they were added or changed:
    /// whoever compared names before reads on from where they stopped.
    private(set) var changes: [Shape: [Int]] = [:]

    mutating func add(_ known: Variants.Known) {
        var shapes = Set(known.surnameKeys.compactMap(Shape.init(key:)))
        if let before = people[known.index] { shapes.formUnion(before.surnameKeys.compactMap(Shape.init(key:))) }
        people[known.index] = known
        for form in known.written { byWritten[form, default: []].insert(known.index) }
        for surname in known.surnames { bySurname[surname, default: []].insert(known.index) }
        for shape in shapes { changes[shape, default: []].append(known.index) }
    }
}

/// Every written name's verdicts from the known people it could be a spelling of, kept between articles and
/// brought up to date with only the people added or changed since (a verdict depends on the name and the person
/// alone). Decides exactly as `Variants.match` over all known people would.
struct VerdictMemo {
    private struct Entry {
        var verdicts: [Int: Variants.Verdict] = [:]
        var read: [Int]                  // per shape of the neighbourhood, how many of its changes are reflected
    }
    private var entries: [[String]: Entry] = [:]

    /// `words`: a name as written, initials included; `named`: the people the article has named so far.
    mutating func match(_ words: [String], in index: KnownIndex, named: Set<Int>) -> Variants.Match? {
        let core = words.filter { !Variants.isInitial($0) }
        guard let surname = core.last else { return nil }
        let surnameKey = Variants.key(surname)
        guard let shape = KnownIndex.Shape(key: surnameKey) else { return nil }
        let neighbourhood = shape.neighbourhood
        var entry = entries.removeValue(forKey: core) ?? Entry(read: Array(repeating: 0, count: neighbourhood.count))
        for (n, neighbour) in neighbourhood.enumerated() {
            guard let changed = index.changes[neighbour], entry.read[n] < changed.count else { continue }
            for person in changed[entry.read[n]...] {
                entry.verdicts[person] = Variants.verdict(core: core, surnameKey: surnameKey, person: index.people[person]!)
            }
            entry.read[n] = changed.count
        }
        let match = Variants.decide(entry.verdicts.keys.sorted().lazy.map { ($0, entry.verdicts[$0]!) }, surname: surname, named: named)
        entries[core] = entry
        return match
    }
}
