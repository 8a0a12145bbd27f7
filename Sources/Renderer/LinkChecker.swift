// After rendering, every relative link and asset reference of every page must name a file of the site.

import Content
import Foundation

enum LinkChecker {
    /// Broken links of one page (its path relative to Site/, its HTML), given every file the site will hold.
    /// A link already resolved on the page is not resolved again (every article links the same people, the
    /// stylesheet, the navigation).
    static func check(page: String, html: [UInt8], files: Set<String>, outputLabel: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var known: [String: String?] = [:]
        for link in references(in: html) {
            let problem: String?
            if let cached = known[link.value] { problem = cached } else {
                problem = self.problem(with: link.value, from: page, files: files)
                known[link.value] = .some(problem)
            }
            guard let problem else { continue }
            problems.append(Diagnostic(path: outputLabel + "/" + page, line: link.line, column: link.column,
                                       message: "link \"\(link.value)\" \(problem)"))
        }
        return problems
    }

    /// Why a reference is broken, or nil when it resolves to a file (or leaves the site on purpose).
    static func problem(with reference: String, from page: String, files: Set<String>) -> String? {
        if let target = plainTarget(reference, from: page) { return files.contains(target) ? nil : "resolves to no file" }
        return resolvedProblem(with: reference, from: page, files: files)
    }

    /// `problem` the long way: fragment and query cut, scheme recognised, each segment resolved and decoded.
    static func resolvedProblem(with reference: String, from page: String, files: Set<String>) -> String? {
        var target = reference
        if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
        if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
        if target.isEmpty { return nil }                                   // "#main": same page
        if let colon = target.firstIndex(of: ":"), !target[..<colon].contains("/") { return nil }  // http:, mailto:
        if target.hasPrefix("//") { return nil }                           // protocol-relative: external
        if target.hasPrefix("/") { return "is absolute; links must be relative so the site works from disk" }
        if target.hasSuffix("/") { return "names a folder; links must name a file (…/index.html)" }
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for piece in target.split(separator: "/", omittingEmptySubsequences: false) {
            switch piece {
            case ".", "": continue
            case "..":
                if parts.isEmpty { return "leads outside the site" }
                parts.removeLast()
            default: parts.append(percentDecoded(String(piece)))
            }
        }
        return files.contains(parts.joined(separator: "/")) ? nil : "resolves to no file"
    }

    /// Nearly every link the layouts write is `../people/x.html` or `people/x.html`: leading `../` steps, then
    /// plain path segments. Those resolve by cutting the page's folder, without splitting and decoding; anything
    /// else (fragments, queries, schemes, escapes, `.` segments, folders) returns nil and takes the full path.
    static func plainTarget(_ reference: String, from page: String) -> String? {
        var rest = Substring(reference)
        var up = 0
        while rest.hasPrefix("../") { rest = rest.dropFirst(3); up += 1 }
        guard let first = rest.utf8.first, first != UInt8(ascii: "/"), first != UInt8(ascii: "."), rest.utf8.last != UInt8(ascii: "/") else { return nil }
        var previous: UInt8 = 0
        for byte in rest.utf8 {
            switch byte {
            case UInt8(ascii: "#"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "%"): return nil
            case UInt8(ascii: "."), UInt8(ascii: "/"):
                if previous == UInt8(ascii: "/") { return nil }      // "./", "../" or "//" inside the path
            default: break
            }
            previous = byte
        }
        var folder = page.utf8.lastIndex(of: UInt8(ascii: "/")).map { page[..<$0] } ?? ""
        for _ in 0..<up {
            guard !folder.isEmpty else { return nil }           // leads outside the site: the full path says so
            folder = folder.utf8.lastIndex(of: UInt8(ascii: "/")).map { folder[..<$0] } ?? ""
        }
        return folder.isEmpty ? String(rest) : folder + "/" + rest
    }

    struct Reference { var value: String; var line: Int; var column: Int }

    /// `href="..."` and `src="..."` values (double-quoted, as the templates and cmark write them), unescaped.
    static func references(in html: String) -> [Reference] { references(in: Array(html.utf8)) }

    static func references(in bytes: [UInt8]) -> [Reference] {
        var result: [Reference] = []
        var line = 1
        var lineStart = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A { line += 1; lineStart = i + 1; i += 1; continue }
            if b == UInt8(ascii: "h") || b == UInt8(ascii: "s"), i > 0, bytes[i - 1] == 0x20 || bytes[i - 1] == 0x0A || bytes[i - 1] == 0x09 {
                let name = b == UInt8(ascii: "h") ? hrefAttribute : srcAttribute
                if i + name.count <= bytes.count, bytes[i..<(i + name.count)].elementsEqual(name) {
                    let start = i + name.count
                    var end = start
                    while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                    let raw = String(decoding: bytes[start..<end], as: UTF8.self)
                    result.append(Reference(value: unescape(raw), line: line, column: i - lineStart + 1))
                    i = end
                    continue
                }
            }
            i += 1
        }
        return result
    }

    private static let hrefAttribute = Array("href=\"".utf8)
    private static let srcAttribute = Array("src=\"".utf8)

    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return text.removingPercentEncoding ?? text
    }
}
