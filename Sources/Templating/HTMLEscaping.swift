// Escapes text for HTML byte by byte, with the entities swift-mustache used, so pages stay byte-identical.

extension Array where Element == UInt8 {
    /// Appends `text` with `< > & " '` replaced by `&lt; &gt; &amp; &quot; &#39;`.
    mutating func appendEscapingHTML(_ text: String) {
        var text = text
        let start = count
        let charactersNeeded = text.withUTF8 { bytes -> Bool in
            var run = 0
            for i in 0 ..< bytes.count {
                let entity: StaticString
                switch bytes[i] {
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                // swift-mustache compared Characters: a sign joined with a combining mark before or after it
                // (only possible next to a non-ASCII byte) is one Character and stayed as it was.
                if (i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < bytes.count && bytes[i + 1] >= 0x80) { return true }
                append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run ..< i]))
                append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                run = i + 1
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
            return false
        }
        if charactersNeeded {
            removeSubrange(start...)
            appendEscapingCharacters(text)
        }
    }

    /// The escaping as swift-mustache did it, Character by Character; for text where that differs from bytes.
    private mutating func appendEscapingCharacters(_ text: String) {
        for character in text {
            switch character {
            case "<": append(contentsOf: "&lt;".utf8)
            case ">": append(contentsOf: "&gt;".utf8)
            case "&": append(contentsOf: "&amp;".utf8)
            case "\"": append(contentsOf: "&quot;".utf8)
            case "'": append(contentsOf: "&#39;".utf8)
            default: append(contentsOf: character.utf8)
            }
        }
    }
}
