// Small HTML helpers: escaping text, and quoting a sentence with the names it is about marked.

public enum HTML {
    /// Escapes text for element content and double-quoted attribute values.
    public static func escape(_ text: String) -> String {
        // Byte by byte: the five characters are ASCII, and most text has none of them.
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` escaped, with each UTF-8 range in `marks` wrapped in `<mark>`. Ranges may overlap or be unsorted.
    static func marked(_ text: String, _ marks: [Range<Int>]) -> String {
        let bytes = Array(text.utf8)
        var ranges = marks.map { max(0, $0.lowerBound)..<min(bytes.count, $0.upperBound) }.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        ranges = merged
        var out = ""
        var position = 0
        for range in ranges {
            out += escape(String(decoding: bytes[position..<range.lowerBound], as: UTF8.self))
            out += "<mark>" + escape(String(decoding: bytes[range], as: UTF8.self)) + "</mark>"
            position = range.upperBound
        }
        out += escape(String(decoding: bytes[position...], as: UTF8.self))
        return out
    }
}
