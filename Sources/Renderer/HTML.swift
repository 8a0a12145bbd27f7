// Small HTML helpers: escaping text, and quoting a sentence with the names it is about marked.

import Discovery
import Templating

public enum HTML {
    /// Escapes text for element content and double-quoted attribute values.
    public static func escape(_ text: String) -> String {
        // Byte by byte: the five characters are ASCII, and most text has none of them.
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var text = text
        var escaped: [UInt8] = []
        text.withUTF8 { appendEscaped($0, 0, $0.count, to: &escaped) }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// `text` escaped, with each UTF-8 range in `marks` wrapped in `<mark>`. Ranges may overlap or be unsorted.
    static func marked(_ text: String, _ marks: [Range<Int>]) -> String {
        marked(text, 0..<text.utf8.count, marks)
    }

    /// `marked(text, marks)` of a text made plain with its marks moved (WikiLabels.plain).
    static func marked(_ shown: (text: String, marks: [Range<Int>])) -> String { marked(shown.text, shown.marks) }

    /// `marked(substring, marks)` of the UTF-8 range `part` of `text` (a sentence of its block), without making the
    /// substring; `marks` count from the start of `part`.
    static func marked(_ text: String, _ part: Range<Int>, _ marks: [Range<Int>]) -> String {
        var bytes: [UInt8] = []
        appendMarked(text, part, marks, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `marked(text, part, marks)` to `output`: person pages quote hundreds of thousands of sentences, each
    /// written straight into its page (`MarkedSentence`).
    static func appendMarked(_ text: String, _ part: Range<Int>, _ marks: [Range<Int>], to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { whole in
            let bytes = UnsafeBufferPointer(rebasing: whole[part])
            // Most sentences quoted mark one name: then no lists are made.
            if marks.count == 1 {
                let lower = min(max(0, marks[0].lowerBound), bytes.count)
                let upper = max(lower, min(bytes.count, marks[0].upperBound))
                guard lower < upper else { return appendEscaped(bytes, 0, bytes.count, to: &output) }
                appendEscaped(bytes, 0, lower, to: &output)
                appendMarkedRun(bytes, lower, upper, to: &output)
                return appendEscaped(bytes, upper, bytes.count, to: &output)
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
            var position = 0
            for range in merged {
                appendEscaped(bytes, position, range.lowerBound, to: &output)
                appendMarkedRun(bytes, range.lowerBound, range.upperBound, to: &output)
                position = range.upperBound
            }
            appendEscaped(bytes, position, bytes.count, to: &output)
        }
    }

    /// `bytes[from..<to]` escaped inside `<mark>`.
    private static func appendMarkedRun(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, to output: inout [UInt8]) {
        append("<mark>", to: &output)
        appendEscaped(bytes, from, to, to: &output)
        append("</mark>", to: &output)
    }

    private static func append(_ literal: StaticString, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends `bytes[from..<to]` with `& < > " '` replaced by their entities, copying the runs between them whole.
    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, to output: inout [UInt8]) {
        guard from < to, let base = bytes.baseAddress else { return }
        var run = from
        for i in from ..< to {
            let byte = base[i]
            // Letters, most bytes, are past ">", the greatest of the five.
            guard byte <= UInt8(ascii: ">") else { continue }
            let entity: StaticString
            switch byte {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: continue
            }
            output.append(contentsOf: UnsafeBufferPointer(start: base + run, count: i - run))
            append(entity, to: &output)
            run = i + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(start: base + run, count: to - run))
    }
}

/// A sentence of a block's text, escaped, with the names it is about marked: written straight into the page that
/// quotes it (`TemplateData.written`), never made as a String of its own. A class: a quote's view is then one
/// reference, kept in the template's value without a box.
public final class MarkedSentence: WrittenText, CustomStringConvertible {
    /// The whole block's text, shared with the document, not copied.
    let text: String
    let part: Range<Int>
    let marks: [Range<Int>]
    /// What wikilinks in the sentence read as (nil: the text has none, as in tests).
    let labels: WikiLabels?

    /// `part`: the sentence's UTF-8 range in `text`; `marks`: ranges from the sentence's start.
    init(_ text: String, _ part: Range<Int>, _ marks: [Range<Int>], labels: WikiLabels? = nil) {
        self.text = text; self.part = part; self.marks = marks; self.labels = labels
    }

    public func write(to output: inout [UInt8]) {
        // A sentence with a wikilink is quoted as it reads: the link's words, marked where the link was.
        let utf8 = text.utf8
        if let labels, case let sentence = utf8[utf8.index(utf8.startIndex, offsetBy: part.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: part.upperBound)],
           sentence.containsDoubleBracket {
            let shown = labels.plain(String(decoding: sentence, as: UTF8.self), marks: marks)
            return HTML.appendMarked(shown.text, 0..<shown.text.utf8.count, shown.marks, to: &output)
        }
        HTML.appendMarked(text, part, marks, to: &output)
    }
    public var description: String {
        var bytes: [UInt8] = []
        write(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
