// Letter tests on a word's first character, answered from its first byte when that character is one ASCII scalar
// (most words of any text): Character's own tests look the scalar up in Unicode's tables every time, and the
// passes over a text ask them of every word.

extension String {
    /// `first?.isUppercase == true`.
    package var startsUppercase: Bool {
        if let byte = soleASCIIFirst { return byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        return first?.isUppercase == true
    }

    /// `first?.isLowercase == true`.
    package var startsLowercase: Bool {
        if let byte = soleASCIIFirst { return byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
        return first?.isLowercase == true
    }

    /// `first?.isNumber == true`.
    package var startsWithNumber: Bool {
        if let byte = soleASCIIFirst { return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        return first?.isNumber == true
    }

    /// `count == 1 && first!.isUppercase`: a capital letter alone, as an initial is written.
    package var isSingleCapital: Bool {
        if utf8.count == 1 { return startsUppercase }
        if soleASCIIFirst != nil { return false }   // an ASCII character and more after it (or "\r\n": no capital)
        return count == 1 && first!.isUppercase
    }

    /// `lowercased()`, without making a new string for an ASCII word that has no capitals (most words).
    package var lowercasedQuickly: String {
        let unchanged = withUTF8Bytes { bytes in !bytes.contains { $0 >= 0x80 || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) } }
        return unchanged ? self : lowercased()
    }

    /// `body` over the UTF-8 bytes where they are stored (native strings, small ones too), else over a copy.
    @inline(__always) package func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }

    /// Whether every character is an ASCII letter or digit: then the character count is the byte count,
    /// `lowercased()` changes only A-Z, and `Slug.make` is the lower-case word itself (up to its length limit).
    package var isASCIIAlphanumeric: Bool {
        utf8.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z"))
            || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }
    }

    /// The first byte, when the first character is that one ASCII scalar: an ASCII byte followed by an ASCII byte or
    /// by nothing (a combining mark after it would join its character; "\r\n" is one character, but neither a letter
    /// nor a digit, so it answers every test above alike).
    private var soleASCIIFirst: UInt8? {
        var bytes = utf8.makeIterator()
        guard let first = bytes.next(), first < 0x80 else { return nil }
        if let second = bytes.next(), second >= 0x80 { return nil }
        return first
    }
}
