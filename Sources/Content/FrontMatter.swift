// YAML front matter: split it from the body, decode it into Codable structs with Yams, and turn every
// YAML or decoding problem into a diagnostic at its line and column in the original file.

import Yams

/// A file cut into its front matter and body, with the line numbers needed to report problems in either.
struct FrontMatterSplit {
    var yaml: String?          // nil when the file has no front matter
    var yamlFirstLine: Int     // the file's line number of the first YAML line
    var body: String
    var bodyFirstLine: Int
}

/// Decoded front matter plus the YAML tree, so later checks (dates, slugs) can point at the exact value.
struct FrontMatter<Value> {
    var value: Value
    var node: Node?
    var lineOffset: Int        // added to Yams' 1-based line numbers to get the file's line numbers
    var path: String
    var simple: SimpleYAML? = nil   // read by hand instead of by Yams (then `node` is nil)

    /// Whether the front matter writes `key` at all.
    func has(_ key: String) -> Bool {
        if let simple { return simple.values[key] != nil }
        return node?.mapping?.contains(where: { $0.key.string == key }) ?? false
    }

    /// Where the value of `key` starts (or the key itself, or the top of the front matter).
    func location(of key: String, index: Int? = nil) -> (line: Int, column: Int) {
        if let simple, let at = simple.location(of: key, index: index) { return (at.line + lineOffset, at.column) }
        guard let mapping = node?.mapping else { return (max(lineOffset, 1), 1) }
        for (k, v) in mapping where k.string == key {
            var target = v
            if let index, let sequence = v.sequence, index < sequence.count { target = sequence[index] }
            if let mark = target.mark {
                // A quoted scalar's text starts one column after its quote mark.
                let quoted = target.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
                return (mark.line + lineOffset, mark.column + (quoted ? 1 : 0))
            }
            if let mark = k.mark { return (mark.line + lineOffset, mark.column) }
        }
        if let mark = node?.mark { return (mark.line + lineOffset, mark.column) }
        return (max(lineOffset, 1), 1)
    }
}

enum FrontMatterReader {
    /// Splits `---` fenced front matter from the body. Reports a fence that is never closed.
    static func split(_ text: String, path: String, log: inout DiagnosticLog) -> FrontMatterSplit? {
        guard text.hasPrefix("---"), let firstNewline = text.firstIndex(of: "\n"),
              text[text.startIndex..<firstNewline].trimmingTrailingSpaces == "---" else {
            return FrontMatterSplit(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1)
        }
        var line = 2
        var lineStart = text.index(after: firstNewline)
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let content = text[lineStart..<lineEnd].trimmingTrailingSpaces
            if content == "---" || content == "..." {
                let yaml = String(text[text.index(after: firstNewline)..<lineStart])
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
                return FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: String(text[bodyStart...]), bodyFirstLine: line + 1)
            }
            line += 1
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
        }
        log.error(path, 1, 1, "front matter opened with --- on line 1 is never closed: add a line with --- after the last key")
        return nil
    }

    /// One decoder for every file: making one reads the process environment (twice), which showed in profiles.
    /// Decoding from a node only reads its options, so sharing it across threads is safe.
    nonisolated(unsafe) private static let decoder = YAMLDecoder(encoding: .utf8)

    /// Decodes YAML into `T`, warning about keys `T` does not know and erroring on YAML or type problems.
    static func decode<T: Decodable>(_ type: T.Type, yaml: String?, firstLine: Int, path: String,
                                     knownKeys: [String], listKeys: Set<String> = ["aliases", "people", "events"],
                                     log: inout DiagnosticLog) -> FrontMatter<T>? {
        let lineOffset = firstLine - 1
        if let simpleType = T.self as? SimpleDecodable.Type, let simple = SimpleYAML.parse(yaml ?? "", knownKeys: knownKeys, listKeys: listKeys) {
            return FrontMatter(value: simpleType.init(simple: simple) as! T, node: nil, lineOffset: lineOffset, path: path, simple: simple)
        }
        return decodeWithYams(type, yaml: yaml, firstLine: firstLine, path: path, knownKeys: knownKeys, listKeys: listKeys, log: &log)
    }

    /// The general path: every YAML construct, and every problem reported at its line and column.
    static func decodeWithYams<T: Decodable>(_ type: T.Type, yaml: String?, firstLine: Int, path: String,
                                             knownKeys: [String], listKeys: Set<String> = ["aliases", "people", "events"],
                                             log: inout DiagnosticLog) -> FrontMatter<T>? {
        let lineOffset = firstLine - 1
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml ?? "", .default, .default, .utf8)   // .utf8: the default reads the environment on every call
        } catch let error as YamlError {
            let (line, column, problem) = describe(error)
            log.error(path, line + lineOffset, column, "YAML does not parse: \(problem)")
            return nil
        } catch {
            log.error(path, firstLine, 1, "YAML does not parse: \(error)")
            return nil
        }
        let root = node ?? Node.mapping(Node.Mapping([]))
        guard let mapping = root.mapping else {
            let mark = root.mark
            log.error(path, (mark?.line ?? 1) + lineOffset, mark?.column ?? 1,
                      "front matter should be a list of `key: value` lines, not \(kindName(root))")
            return nil
        }
        for (key, _) in mapping {
            guard let name = key.string, !knownKeys.contains(name) else { continue }
            let mark = key.mark
            var message = "unknown key '\(name)' is ignored"
            if let guess = Suggestions.nearest(to: name, in: knownKeys) { message += "; did you mean '\(guess)'?" }
            else { message += " (known keys: \(knownKeys.joined(separator: ", ")))" }
            log.warning(path, (mark?.line ?? 1) + lineOffset, mark?.column ?? 1, message)
        }
        do {
            let value = try decoder.decode(T.self, from: root)
            return FrontMatter(value: value, node: root, lineOffset: lineOffset, path: path)
        } catch let error as DecodingError {
            report(error, root: root, lineOffset: lineOffset, path: path, listKeys: listKeys, log: &log)
            return nil
        } catch {
            log.error(path, firstLine, 1, "front matter could not be read: \(error)")
            return nil
        }
    }

    private static func report(_ error: DecodingError, root: Node, lineOffset: Int, path: String, listKeys: Set<String>,
                               log: inout DiagnosticLog) {
        let context: DecodingError.Context
        let expected: String
        switch error {
        case .typeMismatch(let type, let c): context = c; expected = expectedName(type)
        case .valueNotFound(let type, let c): context = c; expected = expectedName(type)
        case .keyNotFound(let key, let c):
            let mark = root.mark
            log.error(path, (mark?.line ?? 1) + lineOffset, mark?.column ?? 1, "missing required key '\(key.stringValue)'")
            _ = c
            return
        case .dataCorrupted(let c): context = c; expected = "a valid value"
        @unknown default:
            log.error(path, lineOffset + 1, 1, "front matter could not be read: \(error)")
            return
        }
        var node: Node? = root
        var keyName = ""
        for key in context.codingPath {
            if let index = key.intValue, let sequence = node?.sequence, index < sequence.count {
                node = sequence[index]
                keyName += "[\(index)]"
            } else {
                node = node?.mapping?.first(where: { $0.key.string == key.stringValue })?.value
                keyName += keyName.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        let mark = node?.mark ?? root.mark
        let found = node.map(kindName) ?? "nothing"
        // The decoder names the element type it wanted; say "a list" when the key holds one.
        let wanted = context.codingPath.count == 1 && listKeys.contains(keyName) ? "a list, e.g. [first, second]" : expected
        log.error(path, (mark?.line ?? 1) + lineOffset, mark?.column ?? 1,
                  "'\(keyName)' should be \(wanted), not \(found)")
    }

    private static func expectedName(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.hasPrefix("Array") || name.hasPrefix("[") { return "a list, e.g. [first, second]" }
        if name.hasPrefix("Dictionary") { return "a mapping of keys to values" }
        return "text"
    }

    private static func kindName(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string.isEmpty ? "an empty value" : "text '\(s.string.prefix(40))'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    static func describe(_ error: YamlError) -> (Int, Int, String) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = [context.map { "\($0.text)" }, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            // Running off the end (an unclosed quote or bracket) is best shown where the construct opened.
            if problem.contains("end of stream"), let context { return (context.mark.line, context.mark.column, text) }
            return (mark.line, mark.column, text)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return (context.mark.line, context.mark.column, "key \(keys) appears more than once")
        default:
            return (1, 1, "\(error)")
        }
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
