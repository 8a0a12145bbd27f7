// Small HTML helpers: escaping text, and quoting a sentence with the names it is about marked.

enum HTML {
    /// Escapes text for element content and double-quoted attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
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
