// Small HTML helpers: escaping text, and quoting a sentence with the names it is about marked.

public enum HTML {
    /// Escapes text for element content and double-quoted attribute values.
    public static func escape(_ text: String) -> String {
        // Byte by byte: the five characters are ASCII, and most text has none of them.
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            appendEscaped(bytes[...], to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `text` escaped, with each UTF-8 range in `marks` wrapped in `<mark>`. Ranges may overlap or be unsorted.
    /// One byte buffer, one String at the end: person pages quote hundreds of thousands of sentences.
    static func marked(_ text: String, _ marks: [Range<Int>]) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var ranges = marks.map { max(0, $0.lowerBound)..<min(bytes.count, $0.upperBound) }.filter { !$0.isEmpty }
            if ranges.count > 1 { ranges.sort { $0.lowerBound < $1.lowerBound } }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16 * ranges.count + 32)
            var position = 0, i = 0
            while i < ranges.count {
                var range = ranges[i]
                i += 1
                while i < ranges.count, ranges[i].lowerBound <= range.upperBound {       // overlapping or touching: one mark
                    range = range.lowerBound..<max(range.upperBound, ranges[i].upperBound)
                    i += 1
                }
                let start = max(range.lowerBound, position)
                appendEscaped(bytes[position..<start], to: &out)
                out.append(contentsOf: "<mark>".utf8)
                appendEscaped(bytes[start..<range.upperBound], to: &out)
                out.append(contentsOf: "</mark>".utf8)
                position = range.upperBound
            }
            appendEscaped(bytes[position...], to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    static func appendEscaped(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, to out: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
    }
}
