// Small HTML helpers: escaping text, and quoting a sentence with the names it is about marked.

public enum HTML {
    /// Escapes text for element content and double-quoted attribute values.
    public static func escape(_ text: String) -> String {
        // Byte by byte: the five characters are ASCII, and most text has none of them.
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: escapedCount(bytes[...])) { writeEscaped(bytes[...], to: $0, at: 0) }
        }
    }

    /// `text` escaped, with each UTF-8 range in `marks` wrapped in `<mark>`. Ranges may overlap or be unsorted.
    /// Written straight into the String's own storage: person pages quote hundreds of thousands of sentences.
    static func marked(_ text: String, _ marks: [Range<Int>]) -> String {
        marked(text, 0..<text.utf8.count, marks)
    }

    /// `marked(substring, marks)` of the UTF-8 range `part` of `text` (a sentence of its block), without making the
    /// substring; `marks` count from the start of `part`. The size is counted first, then the bytes are written
    /// straight into the new String's storage.
    static func marked(_ text: String, _ part: Range<Int>, _ marks: [Range<Int>]) -> String {
        var text = text
        return text.withUTF8 { whole in
            let bytes = UnsafeBufferPointer(rebasing: whole[part])
            // Most sentences quoted mark one name: then no lists are made.
            if marks.count == 1 {
                let range = max(0, marks[0].lowerBound)..<max(max(0, marks[0].lowerBound), min(bytes.count, marks[0].upperBound))
                if range.isEmpty { return escaped(bytes, []) }
                return escaped(bytes, CollectionOfOne(range))
            }
            var ranges = marks.map { max(0, $0.lowerBound)..<min(bytes.count, $0.upperBound) }.filter { !$0.isEmpty }
            if ranges.count > 1 { ranges.sort { $0.lowerBound < $1.lowerBound } }
            // Overlapping or touching ranges make one mark.
            var merged: [Range<Int>] = []
            merged.reserveCapacity(ranges.count)
            for range in ranges {
                if let last = merged.last, range.lowerBound <= last.upperBound {
                    merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
                } else {
                    merged.append(range)
                }
            }
            return escaped(bytes, merged)
        }
    }

    /// `bytes` escaped, with each of `merged` (sorted, apart, within `bytes`) wrapped in `<mark>`.
    private static func escaped(_ bytes: UnsafeBufferPointer<UInt8>, _ merged: some Collection<Range<Int>>) -> String {
        let size = escapedCount(bytes[...]) + merged.count * ("<mark>".utf8.count + "</mark>".utf8.count)
        return String(unsafeUninitializedCapacity: size) { out in
            var at = 0, position = 0
            for range in merged {
                at = writeEscaped(bytes[position..<range.lowerBound], to: out, at: at)
                at = write("<mark>", to: out, at: at)
                at = writeEscaped(bytes[range], to: out, at: at)
                at = write("</mark>", to: out, at: at)
                position = range.upperBound
            }
            return writeEscaped(bytes[position...], to: out, at: at)
        }
    }

    /// The escaped size of `bytes`.
    private static func escapedCount(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        // A table lookup per byte, no branch: this counts every byte of every quoted sentence.
        extraBytes.withUnsafeBufferPointer { extra in
            var count = bytes.count
            for byte in UnsafeBufferPointer(rebasing: bytes) { count &+= Int(extra[Int(byte)]) }
            return count
        }
    }

    /// How many bytes escaping adds to each byte: "&amp;" is 4 more than "&".
    private static let extraBytes: [UInt8] = (0...255).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "&"), UInt8(ascii: "'"): return 4
        case UInt8(ascii: "<"), UInt8(ascii: ">"): return 3
        case UInt8(ascii: "\""): return 5
        default: return 0
        }
    }

    private static func write(_ literal: StaticString, to out: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        let count = literal.utf8CodeUnitCount
        UnsafeMutableRawPointer(out.baseAddress! + at).copyMemory(from: literal.utf8Start, byteCount: count)
        return at + count
    }

    /// Writes `bytes` escaped at `at` (room for `escapedCount` of them is there); returns where it stopped.
    private static func writeEscaped(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, to out: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        var at = at
        for byte in bytes {
            guard byte <= UInt8(ascii: ">") else { out[at] = byte; at += 1; continue }
            switch byte {
            case UInt8(ascii: "&"): at = write("&amp;", to: out, at: at)
            case UInt8(ascii: "<"): at = write("&lt;", to: out, at: at)
            case UInt8(ascii: ">"): at = write("&gt;", to: out, at: at)
            case UInt8(ascii: "\""): at = write("&quot;", to: out, at: at)
            case UInt8(ascii: "'"): at = write("&#39;", to: out, at: at)
            default: out[at] = byte; at += 1
            }
        }
        return at
    }
}
