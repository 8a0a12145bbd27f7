// Most front matter is a few `key: value` lines: quoted or plain text, and lists of slugs. Read by hand, that
// takes a fraction of what YAML composing plus Codable decoding takes, which was most of loading 10,000 articles.
// Anything outside that plain subset returns nil and goes through Yams, which also reports every problem:
// a test holds the two to the same values and the same locations on random front matter.

/// Front matter in the plain subset: each known key once, at the start of its line, holding
/// - `"text"` (no quote or backslash inside) or plain text (letters, digits, spaces and simple punctuation), or
/// - a list: `[a, b]` of plain words, or `- item` lines below the key (plain or `"quoted"` items).
struct SimpleYAML: Sendable {
    struct Scalar: Sendable, Equatable {
        var text: String
        var line: Int, column: Int          // where the value starts, as Yams marks it (1-based; a quote counts)
        var quoted: Bool
    }
    enum Value: Sendable, Equatable {
        case text(Scalar)
        case list([Scalar], line: Int, column: Int)
    }
    var values: [String: Value] = [:]

    func text(_ key: String) -> String? {
        if case .text(let scalar)? = values[key] { return scalar.text }
        return nil
    }

    func list(_ key: String) -> [String]? {
        if case .list(let items, _, _)? = values[key] { return items.map(\.text) }
        return nil
    }

    /// Where the value of `key` (or its item `index`) starts, as FrontMatter.location reports it.
    func location(of key: String, index: Int?) -> (line: Int, column: Int)? {
        switch values[key] {
        case .text(let s)?: return (s.line, s.column + (s.quoted ? 1 : 0))
        case .list(let items, let line, let column)?:
            if let index, index < items.count { return (items[index].line, items[index].column + (items[index].quoted ? 1 : 0)) }
            return (line, column)
        case nil: return nil
        }
    }

    /// The front matter read by hand, or nil when it is outside the plain subset. `listKeys` must hold lists,
    /// every other known key text; an unknown key, a repeated one, a comment after a value, anything else: nil.
    static func parse(_ yaml: String, knownKeys: [String], listKeys: Set<String>) -> SimpleYAML? {
        var result = SimpleYAML()
        var openList: (key: String, indent: Int?, line: Int, items: [Scalar])?
        func closeList() -> Bool {
            guard let list = openList else { return true }
            openList = nil
            guard let first = list.items.first else { return false }      // `key:` with nothing below: null, Yams decides
            result.values[list.key] = .list(list.items, line: first.line, column: first.column - 2)
            return true
        }
        var lineNumber = 0
        for raw in yaml.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Array(raw)
            var end = line.count
            while end > 0, line[end - 1] == 0x20 { end -= 1 }
            if end == 0 { continue }
            if line.contains(0x09) || line.contains(0x0D) { return nil }
            var indent = 0
            while line[indent] == 0x20 { indent += 1 }
            if line[indent] == UInt8(ascii: "#") { continue }                       // a comment line
            if line[indent] == UInt8(ascii: "-"), indent + 1 < end, line[indent + 1] == 0x20, var list = openList {
                guard list.indent == nil || list.indent == indent else { return nil }
                list.indent = indent
                var start = indent + 2
                while start < end, line[start] == 0x20 { start += 1 }
                guard let item = scalar(line[start..<end], line: lineNumber, column: start + 1) else { return nil }
                list.items.append(item)
                openList = list
                continue
            }
            guard indent == 0, closeList() else { return nil }
            guard let colon = line[..<end].firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let key = String(decoding: line[..<colon], as: UTF8.self)
            guard knownKeys.contains(key), result.values[key] == nil, openList?.key != key else { return nil }
            if colon + 1 == end {
                guard listKeys.contains(key) else { return nil }
                openList = (key, nil, lineNumber, [])
                continue
            }
            guard line[colon + 1] == 0x20 else { return nil }
            var start = colon + 1
            while start < end, line[start] == 0x20 { start += 1 }
            if line[start] == UInt8(ascii: "[") {
                guard listKeys.contains(key), line[end - 1] == UInt8(ascii: "]"),
                      let items = flowList(line[(start + 1)..<(end - 1)], line: lineNumber) else { return nil }
                result.values[key] = .list(items, line: lineNumber, column: start + 1)
            } else {
                guard !listKeys.contains(key), let value = scalar(line[start..<end], line: lineNumber, column: start + 1) else { return nil }
                result.values[key] = .text(value)
            }
        }
        guard closeList() else { return nil }
        return result
    }

    /// The items between `[` and `]`: `"quoted"` ones (commas allowed inside) or plain text without commas, separated
    /// by commas; `[]` is an empty list, `[a,,b]` or `[a,]` are left to Yams.
    private static func flowList(_ bytes: ArraySlice<UInt8>, line: Int) -> [Scalar]? {
        var items: [Scalar] = []
        var i = bytes.startIndex
        func skipSpaces() { while i < bytes.endIndex, bytes[i] == 0x20 { i += 1 } }
        skipSpaces()
        if i == bytes.endIndex { return [] }
        while true {
            skipSpaces()
            guard i < bytes.endIndex else { return nil }                              // `[a,]`
            let itemStart = i
            var itemEnd: Int
            if bytes[i] == UInt8(ascii: "\"") {
                guard let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
                itemEnd = close + 1
                i = itemEnd
                skipSpaces()
            } else {
                i = bytes[i...].firstIndex(of: UInt8(ascii: ",")) ?? bytes.endIndex
                itemEnd = i
                while itemEnd > itemStart, bytes[itemEnd - 1] == 0x20 { itemEnd -= 1 }
            }
            guard itemEnd > itemStart, i == bytes.endIndex || bytes[i] == UInt8(ascii: ","),
                  let item = scalar(bytes[itemStart..<itemEnd], line: line, column: itemStart + 1),
                  item.quoted || !item.text.contains(",") else { return nil }
            items.append(item)
            if i == bytes.endIndex { return items }
            i += 1                                                                    // past the comma
        }
    }

    /// `"text"` with no quote or backslash inside, or plain text that YAML reads as written.
    private static func scalar(_ bytes: ArraySlice<UInt8>, line: Int, column: Int) -> Scalar? {
        guard let first = bytes.first else { return nil }
        if first == UInt8(ascii: "\"") {
            guard bytes.count >= 2, bytes.last == UInt8(ascii: "\"") else { return nil }
            let inner = bytes.dropFirst().dropLast()
            guard !inner.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 || $0 == 0x7F }),
                  !hasLineBreakOrControl(inner) else { return nil }
            return Scalar(text: String(decoding: inner, as: UTF8.self), line: line, column: column, quoted: true)
        }
        guard isPlainText(bytes) else { return nil }
        return Scalar(text: String(decoding: bytes, as: UTF8.self), line: line, column: column, quoted: false)
    }

    /// YAML reads NEL, LINE and PARAGRAPH SEPARATOR as line breaks, and refuses C1 controls and a byte-order mark
    /// inside a scalar: those values go through Yams.
    private static func hasLineBreakOrControl(_ bytes: ArraySlice<UInt8>) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in bytes {
            if previous == 0xC2 && byte >= 0x80 && byte <= 0x9F { return true }
            if beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9) { return true }
            if beforePrevious == 0xEF && previous == 0xBB && byte == 0xBF { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// Plain text YAML takes as it is: starts with a letter, a digit or `.` (EDTF's open start, `../2025`); letters,
    /// digits, spaces and `. , - / ' ( ) & ~ ? %` after (EDTF's qualifiers: `2025-04~`, `2025?`, `2025%`); not a
    /// null (`null`, `~`: Yams would make the field nil).
    private static func isPlainText(_ bytes: ArraySlice<UInt8>) -> Bool {
        let allowed: (UInt8) -> Bool = { " .,-/'()&~?%".utf8.contains($0) }
        guard bytes.first == UInt8(ascii: ".") else { return isPlain(bytes, alsoAllowed: allowed) }
        let rest = bytes.drop { $0 == UInt8(ascii: ".") }
        return rest.allSatisfy { isAlphanumeric($0) || allowed($0) } && rest.first != UInt8(ascii: " ")
    }

    /// A list item: a slug-like word (letters, digits, `-`, `_`, `.`).
    private static func isPlainWord(_ bytes: ArraySlice<UInt8>) -> Bool {
        isPlain(bytes) { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    /// Starts with a letter or digit, holds only those and `alsoAllowed`, and is not a YAML null.
    private static func isPlain(_ bytes: ArraySlice<UInt8>, alsoAllowed: (UInt8) -> Bool) -> Bool {
        guard let first = bytes.first, isAlphanumeric(first) else { return false }
        let text = String(decoding: bytes, as: UTF8.self)
        if text == "null" || text == "Null" || text == "NULL" { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || alsoAllowed($0) }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}

/// Front-matter shapes that can be filled from the plain subset without Codable.
protocol SimpleDecodable {
    init(simple: SimpleYAML)
}
