// After rendering, every relative link and asset reference of every page must name a file of the site.

import Content
import Foundation
import Markdown

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
        brokenLinks(page: page, html: html, files: files, outputLabel: outputLabel, memo: memo).map(\.diagnostic)
    }

    /// A broken (or empty) link of a page: the diagnostic at the page's line, and the link as the page has it.
    struct BrokenLink { var diagnostic: Diagnostic; var link: String; var problem: String }

    static func brokenLinks(page: String, html: [UInt8], files: Set<String>, outputLabel: String, memo: LinkMemo = LinkMemo()) -> [BrokenLink] {
        var problems: [BrokenLink] = []
        html.withUnsafeBufferPointer { bytes in
            forEachReference(in: bytes) { attribute, value in
                if value.isEmpty {
                    // cmark writes href="" for a link it drops as unsafe; the layouts never write an empty one.
                    let (line, column) = position(of: attribute, in: bytes)
                    problems.append(BrokenLink(diagnostic: Diagnostic(path: outputLabel + "/" + page, line: line, column: column,
                                                                      severity: .warning, message: emptyLink), link: "", problem: emptyLink))
                    return
                }
                // Which file a link names does not hang on its fragment: `x.html#s4-2` is resolved (and remembered) as
                // `x.html`, the way of the many links to sentences (FragmentCheck checks the fragment).
                let file = value.lowerBound ..< (fragmentStart(bytes, value).map { $0 > value.lowerBound ? $0 : value.upperBound } ?? value.upperBound)
                let key = fingerprint(bytes[file])
                let problem: String?
                if let hit = memo.known[key]?.first(where: { $0.bytes.elementsEqual(bytes[file]) }) {
                    problem = hit.problem
                } else {
                    problem = self.problem(with: unescape(String(decoding: bytes[file], as: UTF8.self)), from: page, files: files)
                    memo.known[key, default: []].append((Array(bytes[file]), problem))
                }
                guard let problem else { return }
                let (line, column) = position(of: attribute, in: bytes)
                let link = unescape(String(decoding: bytes[value], as: UTF8.self))
                problems.append(BrokenLink(diagnostic: Diagnostic(path: outputLabel + "/" + page, line: line, column: column,
                                                                  message: "link \"\(link)\" \(problem)"), link: link, problem: problem))
            }
        }
        return problems
    }

    /// Where a reference's `#` is, if it has one.
    static func fragmentStart(_ bytes: UnsafeBufferPointer<UInt8>, _ value: Range<Int>) -> Int? {
        guard !value.isEmpty, let found = memchr(bytes.baseAddress! + value.lowerBound, Int32(UInt8(ascii: "#")), value.count) else { return nil }
        return bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    static let emptyLink = "link is empty (href=\"\"): an unsafe link (javascript:, vbscript:, file:, data:) was dropped"

    /// Line and column of a byte of the page: counted only for the rare broken link.
    private static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        let line = bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        return (line, offset - lineStart + 1)
    }

    /// The problems of a page that came from a Markdown body (an article's, a person's profile, an event's
    /// description), moved to where the body wrote them: `path` line and column (`firstLine`: the file's line of the
    /// body's first line). A broken link the body does not hold stays at the page's line (it came from a layout).
    /// `shownOn`: the page, when it is not the body's own (the briefing shows every profile): said in the message.
    /// Returns the diagnostics placed in the body, and the broken links it does not hold.
    static func locate(_ problems: [BrokenLink], inBody body: String, path: String, firstLine: Int,
                       shownOn: String? = nil) -> (placed: [Diagnostic], unplaced: [BrokenLink]) {
        let links = Markdown.links(in: body)
        let suffix = shownOn.map { " (on \($0), which shows this text)" } ?? ""
        var placed: [Diagnostic] = [], unplaced: [BrokenLink] = []
        for problem in problems {
            if problem.link.isEmpty {
                // Each unsafe link the body wrote is reported once, at its place, below.
                if !links.contains(where: \.isUnsafe) { unplaced.append(problem) }
                continue
            }
            let decoded = percentDecoded(problem.link)
            let written = links.filter { !$0.isUnsafe && percentDecoded($0.destination) == decoded }
            guard !written.isEmpty else { unplaced.append(problem); continue }
            for place in written {
                placed.append(Diagnostic(path: path, line: firstLine + place.line - 1, column: place.column,
                                         severity: problem.diagnostic.severity, message: "link \"\(place.destination)\" \(problem.problem)" + suffix))
            }
        }
        if shownOn == nil, problems.contains(where: { $0.link.isEmpty }) {
            for place in links where place.isUnsafe {
                placed.append(Diagnostic(path: path, line: firstLine + place.line - 1, column: place.column, severity: .warning,
                                         message: "link \"\(place.destination)\" is unsafe and was dropped (the page has href=\"\"); link to an http(s) page or a file of the site"))
            }
        }
        // A link written twice is found twice in the page and twice in the body: each place is reported once.
        return (Array(Set(placed)).sorted(), unplaced)
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
        if let scheme = scheme(of: reference) {
            return knownSchemes.contains(scheme.lowercased()) ? nil
                : "has a scheme no browser opens (\"\(scheme):\"); write a full URL (https://…) or a relative path to a file of the site"
        }
        return resolvedProblem(with: reference, from: page, files: files)
    }

    /// Schemes a link may leave the site by. Anything else before a colon is either no scheme at all (`1st:page.html`,
    /// `no_such:file.html` are relative paths to a browser, checked as files) or a scheme nothing opens.
    static let knownSchemes: Set<String> = ["http", "https", "mailto", "tel", "ftp", "ftps", "sftp", "sms", "geo",
                                            "news", "nntp", "irc", "ircs", "xmpp", "magnet", "webcal", "ssh", "git",
                                            "matrix", "urn", "doi", "data"]

    /// The scheme of an absolute URL, as a browser's URL parser finds it: an ASCII letter, then letters, digits,
    /// `+`, `-` or `.`, then `:`. nil for a relative reference.
    static func scheme(of reference: String) -> String? {
        var length = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: ":"): return length > 0 ? String(reference.utf8.prefix(length))! : nil
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): break
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if length == 0 { return nil }
            default: return nil
            }
            length += 1
        }
        return nil
    }

    /// `problem` the long way: fragment and query cut, scheme recognised, each segment resolved and decoded.
    static func resolvedProblem(with reference: String, from page: String, files: Set<String>) -> String? {
        var target = reference
        if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
        if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
        if target.isEmpty { return nil }                                   // "#main": same page
        if let scheme = scheme(of: target) {                               // http:, mailto:
            return knownSchemes.contains(scheme.lowercased()) ? nil : "has a scheme no browser opens (\"\(scheme):\")"
        }
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
