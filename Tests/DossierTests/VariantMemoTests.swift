// Discovery remembers each name's verdicts between articles and compares a name again only with people added or
// changed since: it must decide exactly as comparing the name with every known person afresh.

@testable import Content
@testable import Discovery
import Testing

@Suite struct VariantMemoTests {
    static let givenNames = ["Kirill", "Kiril", "Steve", "Steven", "Marc", "Mark", "Sergei", "Sergey", "Muammar", "Moammar", "Anna", "Vladimir"]
    static let surnames = ["Dmitriev", "Dmitliff", "Dmitriyev", "Dmitliv", "Witkoff", "Witkov", "Fogel", "Vogel", "Lavrov", "Lavrow",
                           "Gaddafi", "Qadhafi", "Gadhafi", "Kadafi", "Putin", "Puttin", "Fokin", "Dmitrenko", "Witt", "Lavrentiev"]

    /// A deterministic stream of choices, so a failure names a reproducible sequence.
    struct Choices {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    func name(_ choices: inout Choices) -> [String] {
        let surname = Self.surnames[choices.next(Self.surnames.count)]
        switch choices.next(4) {
        case 0: return [surname]
        case 1: return [Self.givenNames[choices.next(Self.givenNames.count)], "V", surname]
        default: return [Self.givenNames[choices.next(Self.givenNames.count)], surname]
        }
    }

    @Test(arguments: [1, 7, 42, 2025] as [UInt64])
    func memoDecidesAsComparingWithEveryone(seed: UInt64) {
        var choices = Choices(state: seed)
        var people: [Person] = []
        var index = KnownIndex()
        var memo = VerdictMemo()
        func add(_ p: Int) { index.add(Discovery.knownForms(people[p], index: p)) }
        for p in 0..<4 {
            people.append(Person(slug: "p\(p)", name: name(&choices).joined(separator: " "), aliases: [], role: nil, affiliation: nil,
                                 born: nil, profile: "", path: "", bodyFirstLine: 1, curated: true, foundIn: nil))
            add(p)
        }
        var decided = 0
        for step in 0..<600 {
            let words = name(&choices)
            let named = Set((0..<choices.next(3)).map { _ in choices.next(people.count) })
            let everyone = people.indices.map { index.people[$0]! }
            let expected = Variants.match(words, known: everyone, named: named)
            #expect(memo.match(words, in: index, named: named) == expected, "step \(step): \(words) named \(named.sorted())")
            if expected != nil { decided += 1 }
            // The index grows as discovery's does: a spelling joins a person, or somebody new joins.
            switch choices.next(5) {
            case 0:
                let p = choices.next(people.count)
                people[p].variants.append(Variant(text: words.joined(separator: " "), article: "a\(step)", reason: ""))
                add(p)
            case 1:
                people.append(Person(slug: "p\(people.count)", name: name(&choices).joined(separator: " "), aliases: [], role: nil,
                                     affiliation: nil, born: nil, profile: "", path: "", bodyFirstLine: 1, curated: false, foundIn: nil))
                add(people.count - 1)
            default: break
            }
        }
        #expect(decided > 100, "the fixture exercises matches, not only misses")
    }
}

/// The edit distance stops early (a row above the limit, lengths too far apart); within the limit it must be exact.
@Suite struct EditDistanceTests {
    static func fullDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var row = Array(0...b.count)
        for i in 1 ..< a.count + 1 {
            var next = [i] + Array(repeating: 0, count: b.count)
            for j in 1 ..< b.count + 1 { next[j] = min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)) }
            row = next
        }
        return row[b.count]
    }

    @Test func distancesWithinTheLimitAreExactAndOthersAboveIt() {
        let keys = VariantMemoTests.surnames.map(Variants.key) + ["", "A", "AB", "BA", "ABC", "ABCDEFG", "ACEG", "XXXXXXXXXX"]
        for a in keys {
            for b in keys {
                let exact = Self.fullDistance(Array(a.utf8), Array(b.utf8))
                for limit in 0...3 {
                    let found = Variants.levenshtein(a, b, limit: limit)
                    #expect(exact <= limit ? found == exact : found > limit, "\(a) \(b) \(limit): \(found), exactly \(exact)")
                }
            }
        }
    }
}
