// A hash that is the same in every run and on every machine, for the incremental-build caches.

import EDTF

/// A 64-bit hash, stable across runs and machines (Swift's `Hasher` is seeded per process): xxHash64's round for
/// numbers and for a string's bytes eight at a time, FNV-1a for a string's last few bytes.
public struct StableHash: Sendable {
    public init() {}

    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            // Eight bytes a step, each step an xxHash64 round (multiply, rotate, multiply): bodies are hashed on every
            // build, and a byte at a time was a twentieth of a rebuild. The last few bytes go one by one.
            var i = 0
            while i + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
                let mixed = value &+ word &* 0xC2B2_AE3D_27D4_EB4F
                value = ((mixed << 31) | (mixed >> 33)) &* 0x9E37_79B1_85EB_CA87
                i += 8
            }
            while i < bytes.count { value = (value ^ UInt64(bytes[i])) &* 0x100_0000_01b3; i += 1 }
        }
        add(UInt64(text.utf8.count))                    // length-prefixed in effect: "ab"+"c" ≠ "a"+"bc"
    }

    public mutating func add(_ text: String?) {
        if let text { add(1 as UInt64); add(text) } else { add(0 as UInt64) }
    }

    /// One xxHash64 round for the whole number: signing 11,000 pages adds a few hundred thousand numbers on every
    /// build, and FNV-1a's eight dependent multiplications a number were a twenty-fifth of a rebuild.
    public mutating func add(_ number: UInt64) {
        let mixed = value &+ number &* 0xC2B2_AE3D_27D4_EB4F
        value = ((mixed << 31) | (mixed >> 33)) &* 0x9E37_79B1_85EB_CA87
    }

    public mutating func add(_ number: Int) { add(UInt64(bitPattern: Int64(number))) }
    public mutating func add(_ texts: [String]) { add(texts.count); for text in texts { add(text) } }

    public mutating func add(_ date: EDTFDate) { date.forEachCanonicalNumber { add($0) } }
    public mutating func add(_ date: EDTFDate?) {
        if let date { add(1 as UInt64); add(date) } else { add(0 as UInt64) }
    }
}
