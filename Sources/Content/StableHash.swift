// A hash that is the same in every run and on every machine, for the incremental-build caches.

/// A 64-bit FNV-1a hash: stable across runs and machines (Swift's `Hasher` is seeded per process).
public struct StableHash: Sendable {
    public init() {}

    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        add(UInt64(text.utf8.count))                    // length-prefixed in effect: "ab"+"c" ≠ "a"+"bc"
    }

    public mutating func add(_ text: String?) {
        if let text { add(1 as UInt64); add(text) } else { add(0 as UInt64) }
    }

    public mutating func add(_ number: UInt64) {
        var n = number
        for _ in 0..<8 {
            value = (value ^ (n & 0xFF)) &* 0x100_0000_01b3
            n >>= 8
        }
    }

    public mutating func add(_ number: Int) { add(UInt64(bitPattern: Int64(number))) }
    public mutating func add(_ texts: [String]) { add(texts.count); for text in texts { add(text) } }
}
