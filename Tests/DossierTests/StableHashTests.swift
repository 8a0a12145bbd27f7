// The caches' hash: the same value in every run for the same additions, and different for what differs
// (order, splits of a text, a nil against an empty text, neighbouring numbers).
import EDTF
import Testing
@testable import Content

@Suite struct StableHashTests {
    static func hash(_ add: (inout StableHash) -> Void) -> UInt64 { var h = StableHash(); add(&h); return h.value }

    @Test func equalAdditionsGiveEqualValuesAndDifferentOnesDiffer() {
        #expect(Self.hash { $0.add("Kirill Dmitriev"); $0.add(7) } == Self.hash { $0.add("Kirill Dmitriev"); $0.add(7) })
        let distinct: [UInt64] = [
            Self.hash { _ in },
            Self.hash { $0.add(1) }, Self.hash { $0.add(256) }, Self.hash { $0.add(-1) },
            Self.hash { $0.add(1); $0.add(2) }, Self.hash { $0.add(2); $0.add(1) },
            Self.hash { $0.add("ab"); $0.add("c") }, Self.hash { $0.add("a"); $0.add("bc") },
            // (An empty text, a nil one and the number 0 all add a 0: what is added where is fixed by the caller.)
            Self.hash { $0.add(nil as String?) }, Self.hash { $0.add("" as String?) },
            Self.hash { $0.add("twelve bytes") }, Self.hash { $0.add("twelve bytez") }, Self.hash { $0.add("Twelve bytes") },
        ]
        #expect(Set(distinct).count == distinct.count)
        // Numbers a step apart, as page signatures add them (indices, counts): no two of 100,000 collide.
        #expect(Set((0..<100_000).map { n in Self.hash { $0.add(n) } }).count == 100_000)
    }

    /// The caches hash a date's numbers, not its text: two dates hash alike exactly when their EDTF texts are equal,
    /// over every kind of date (precisions, qualifiers, unspecified digits, seasons, open and unknown ends, intervals).
    @Test func datesHashAlikeExactlyWhenTheirTextsAreEqual() throws {
        let texts = EDTFTests.canonical + ["2025-04-03", "2025-04-01/2025-04-04", "2025-04-01~", "2025-04-01?", "2026", "201X~",
                                           "2025-04-01/..", "../2025-04-01", "2025-04-01/", "/2025-04-01", "2025-04-01/2025-04-01"]
        let dates = try texts.map { try EDTFDate.parse($0) }
        for a in dates {
            for b in dates {
                let same = Self.hash { $0.add(a) } == Self.hash { $0.add(b) }
                #expect(same == (a.edtf == b.edtf), "\(a.edtf) against \(b.edtf)")
            }
        }
        // An absent date is neither of them.
        #expect(!dates.contains { date in Self.hash { $0.add(date as EDTFDate?) } == Self.hash { $0.add(nil as EDTFDate?) } })
    }
}
