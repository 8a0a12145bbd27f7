// After rendering, every relative link and asset reference of every page must name a file of the site.

import Content
import Foundation

/// What the links of pages in one folder resolved to, by their bytes: whether a link resolves depends on the
/// page's folder alone, and the pages of a folder link mostly the same files (the people of each article, the
/// stylesheet, the navigation), so each is resolved once per folder rather than once per page.
final class LinkMemo {
    fileprivate var known: [UInt64: [(bytes: [UInt8], problem: String?)]] = [:]
}

enum LinkChecker {
    /// Broken links of one page (its path relative to Site/, its HTML), given every file the site will hold.
    /// `memo`: what earlier pages in the same folder, checked against the same `files`, resolved (LinkMemo); a link
    /// found there costs no String at all.
    static func check(page: String, html: [UInt8], files: Set<String>, outputLabel: String, memo: LinkMemo = LinkMemo()) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        html.withUnsafeBufferPointer { bytes in
            forEachReference(in: bytes) { attribute, value in
                let key = fingerprint(bytes[value])
                let problem: String?
                if let hit = memo.known[key]?.first(where: { $0.bytes.elementsEqual(bytes[value]) }) {
                    problem = hit.problem
                } else {
                    problem = self.problem(with: unescape(String(decoding: bytes[value], as: UTF8.self)), from: page, files: files)
                    memo.known[key, default: []].append((Array(bytes[value]), problem))
                }
                guard let problem else { return }
                // Lines are counted only for the rare broken link.
                let line = bytes[..<attribute].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                let lineStart = bytes[..<attribute].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                let link = unescape(String(decoding: bytes[value], as: UTF8.self))
                problems.append(Diagnostic(path: outputLabel + "/" + page, line: line, column: attribute - lineStart + 1,
                                           message: "link \"\(link)\" \(problem)"))
            }
        }
        return problems
    }

    /// FNV-1a over the bytes: a memo key, checked against the bytes themselves on a hit.
    private static func fingerprint(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100000001b3 }
        return h
    }

    /// Why a reference is broken, or nil when it resolves to a file (or leaves the site on purpose).
    static func problem(with reference: String, from page: String, files: Set<String>) -> String? {
        if let target = plainTarget(reference, from: page) { return files.contains(target) ? nil : "resolves to no file" }
        // A scheme ("https:", "mailto:") before any "/", "?" or "#" leaves the site, as the long way finds, sooner:
        // the sources articles link to are mostly different on every page, so the memo does not spare them.
        for byte in reference.utf8 {
            if byte == UInt8(ascii: ":") { return nil }
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
        }
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

    /// Every `href="..."` and `src="..."` (double-quoted, as the templates and cmark write them, after a space,
    /// tab or line break): where the attribute name starts, and the value's byte range. Finds each `="` with
    /// memchr and looks back for the name, rather than testing every byte.
    static func forEachReference(in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ attribute: Int, _ value: Range<Int>) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var i = 0
        while i < count, let found = memchr(base + i, Int32(UInt8(ascii: "=")), count - i) {
            let equals = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            i = equals + 1
            guard equals + 1 < count, bytes[equals + 1] == UInt8(ascii: "\"") else { continue }
            let nameStart: Int
            if equals >= 5, bytes[(equals - 4)..<equals].elementsEqual("href".utf8) { nameStart = equals - 4 }
            else if equals >= 4, bytes[(equals - 3)..<equals].elementsEqual("src".utf8) { nameStart = equals - 3 }
            else { continue }
            let before = bytes[nameStart - 1]
            guard before == 0x20 || before == 0x0A || before == 0x09 else { continue }
            let start = equals + 2
            let end = memchr(base + start, Int32(UInt8(ascii: "\"")), count - start)
                .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
            body(nameStart, start..<end)
            i = end
        }
    }

    /// The references of a page as text, in order (for tests and tools).
    static func references(in html: String) -> [String] {
        let bytes = Array(html.utf8)
        var result: [String] = []
        bytes.withUnsafeBufferPointer { buffer in
            forEachReference(in: buffer) { _, value in result.append(unescape(String(decoding: buffer[value], as: UTF8.self))) }
        }
        return result
    }

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
