// Writes YAML front matter for new files: keys in the order CONTENT-FORMAT.md lists them, every string quoted
// so no title ("No: a reply", "#1", "yes") can turn into another YAML value.

import EDTF
import Foundation

/// One front-matter block, built key by key; empty values are left out.
struct FrontMatterText {
    private(set) var lines: [String] = []

    mutating func add(_ key: String, _ value: String?) {
        guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return }
        lines.append("\(key): \(Self.quoted(value))")
    }

    /// A date as the curated files write it: bare (`2025-04-01~`), in its canonical EDTF form.
    mutating func add(_ key: String, date: EDTFDate?) {
        guard let date else { return }
        lines.append("\(key): \(date.edtf)")
    }

    mutating func add(_ key: String, list: [String]) {
        let values = list.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !values.isEmpty else { return }
        lines.append("\(key):")
        for value in values { lines.append("  - \(Self.quoted(value))") }
    }

    /// The block with its `---` fences, then the body.
    func document(body: String) -> String {
        var text = "---\n" + lines.joined(separator: "\n") + "\n---\n"
        let trimmed = body.trimmingCharacters(in: .newlines)
        if !trimmed.isEmpty { text += trimmed + "\n" }
        return text
    }

    /// A YAML double-quoted scalar. JSON's escapes are valid YAML, so this is the JSON string form.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
