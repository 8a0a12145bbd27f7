// A link with a fragment into one of the site's article pages (`../articles/x.html#s4-2`, how every discovered fact
// links to its sentence) must name an id that page has. LinkChecker checks that a link names a file, page by page; this
// needs the target page too, and pages are rendered in any order on every core, so each page's ids (article pages)
// and fragment links are noted as it passes, compactly, and matched once every page has: linear in the links.

import Content
import Foundation
import Markdown

final class FragmentCheck: @unchecked Sendable {
    /// A fragment link as noted: which article it leads to, which id (`Fragment.code`), and where it is written.
    private struct Wanted { var article: Int32; var fragment: UInt64; var page: Int32; var line: Int32; var column: Int32 }

    private let articleOfPath: [String: Int32]
    private let lock = NSLock()
    /// Per article page rendered in this build, the ids it has (codes); nil: not rendered (kept from the last build).
    private var ids: [Set<UInt64>?]
    private var wanted: [Wanted] = []
    private var pages: [String] = []
    /// Fragments that are not a sentence's id, by their code (rare: a body's own link to `#people`, say).
    private var otherFragments: [UInt64: String] = [:]

    /// `articlePaths`: every article page's path in the site (`articles/x.html`).
    init(articlePaths: [String]) {
        var articleOfPath: [String: Int32] = [:]
        for (a, path) in articlePaths.enumerated() { articleOfPath[path] = Int32(a) }
        self.articleOfPath = articleOfPath
        ids = [Set<UInt64>?](repeating: nil, count: articlePaths.count)
    }

    /// Notes the ids of `page` (when it is an article page) and its links with a fragment into article pages.
    func record(page: String, html: [UInt8]) {
        var own: Set<UInt64>?
        var links: [(article: Int32, fragment: UInt64, line: Int32, column: Int32)] = []
        var others: [(UInt64, String)] = []
        let pageArticle = articleOfPath[page]
        html.withUnsafeBufferPointer { bytes in
            if pageArticle != nil { own = Self.ids(in: bytes) }
            var lines = LineCounter()
            // A page links to the sentences of one article one after another: its path is resolved once for them all.
            var last: (path: Range<Int>, target: Int32?)?
            LinkChecker.forEachReference(in: bytes) { attribute, value in
                guard let hash = LinkChecker.fragmentStart(bytes, value), hash + 1 < value.upperBound else { return }
                let pathBytes = value.lowerBound..<hash
                let target: Int32?
                if let last, bytes[last.path].elementsEqual(bytes[pathBytes]) {
                    target = last.target
                } else {
                    let path = LinkChecker.unescape(String(decoding: bytes[pathBytes], as: UTF8.self))
                    if path.isEmpty { target = pageArticle }               // "#s4-2" on the article page itself
                    else { target = LinkChecker.plainTarget(path, from: page).flatMap { articleOfPath[$0] } }
                    last = (pathBytes, target)
                }
                guard let target else { return }
                let fragmentBytes = bytes[(hash + 1)..<value.upperBound]
                let code = Fragment.code(fragmentBytes)
                if !Fragment.isSentence(code) { others.append((code, LinkChecker.unescape(String(decoding: fragmentBytes, as: UTF8.self)))) }
                let (line, column) = lines.position(of: attribute, in: bytes)
                links.append((target, code, Int32(line), Int32(column)))
            }
        }
        guard own != nil || !links.isEmpty else { return }
        lock.lock()
        defer { lock.unlock() }
        if let own, let a = pageArticle { ids[Int(a)] = own }
        guard !links.isEmpty else { return }
        let p = Int32(pages.count)
        pages.append(page)
        for link in links { wanted.append(Wanted(article: link.article, fragment: link.fragment, page: p, line: link.line, column: link.column)) }
        for (code, text) in others { otherFragments[code] = text }
    }

    /// The Markdown a page shows as its own body (an article's, a person's profile, an event's description): the
    /// text, its file, and the file's line of its first line.
    typealias Body = (text: String, path: String, firstLine: Int)

    /// Every noted link whose article page was rendered in this build and has no such id. (A page kept from the last
    /// build was checked when it was written, and so were the links into it, made from the same analysis.) A link the
    /// page's own body wrote (`bodyOf`) is reported where the body wrote it, as other broken links are.
    func problems(articlePaths: [String], outputLabel: String, bodyOf: (String) -> Body? = { _ in nil }) -> [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        var problems = Set<Diagnostic>()
        var bodyLinks: [Int32: [(article: Int32, fragment: UInt64, line: Int, column: Int)]] = [:]   // by page, parsed once
        for link in wanted {
            guard let have = ids[Int(link.article)], !have.contains(link.fragment) else { continue }
            let page = pages[Int(link.page)]
            let message = "link to \(articlePaths[Int(link.article)])#\(Fragment.text(link.fragment) ?? otherFragments[link.fragment] ?? "?"): no such id"
            if let body = bodyOf(page) {
                if bodyLinks[link.page] == nil { bodyLinks[link.page] = links(in: body, shownOn: page) }
                let written = bodyLinks[link.page]!.filter { $0.article == link.article && $0.fragment == link.fragment }
                if !written.isEmpty {
                    for place in written { problems.insert(Diagnostic(path: body.path, line: place.line, column: place.column, message: message)) }
                    continue
                }
            }
            problems.insert(Diagnostic(path: outputLabel + "/" + page, line: Int(link.line), column: Int(link.column), message: message))
        }
        return problems.sorted()
    }

    /// The links of a body into article pages with a fragment, resolved from the page that shows it, at the body file's
    /// lines and columns.
    private func links(in body: Body, shownOn page: String) -> [(article: Int32, fragment: UInt64, line: Int, column: Int)] {
        Markdown.links(in: body.text).compactMap { link in
            guard let hash = link.destination.firstIndex(of: "#") else { return nil }
            let path = String(link.destination[..<hash])
            let target = path.isEmpty ? articleOfPath[page] : LinkChecker.plainTarget(path, from: page).flatMap { articleOfPath[$0] }
            guard let target else { return nil }
            return (target, Fragment.code(Array(link.destination[link.destination.index(after: hash)...].utf8)),
                    body.firstLine + link.line - 1, link.column)
        }
    }

    /// The codes of every `id="…"` of a page.
    static func ids(in bytes: UnsafeBufferPointer<UInt8>) -> Set<UInt64> {
        var found = Set<UInt64>()
        guard let base = bytes.baseAddress else { return found }
        var i = 0
        while i + 4 < bytes.count, let hit = memchr(base + i, Int32(UInt8(ascii: "=")), bytes.count - i) {
            let equals = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            i = equals + 1
            guard equals >= 3, equals + 1 < bytes.count, bytes[equals + 1] == UInt8(ascii: "\""),
                  bytes[equals - 2] == UInt8(ascii: "i"), bytes[equals - 1] == UInt8(ascii: "d"),
                  bytes[equals - 3] == 0x20 || bytes[equals - 3] == 0x0A || bytes[equals - 3] == 0x09 else { continue }
            let start = equals + 2
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
            found.insert(Fragment.code(bytes[start..<end]))
            i = end
        }
        return found
    }

    /// Line and column of attributes met in order: the page's lines are counted once, not once per link.
    private struct LineCounter {
        var offset = 0, line = 1, lineStart = 0
        mutating func position(of target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
            let base = bytes.baseAddress!
            while offset < target, let found = memchr(base + offset, 0x0A, target - offset) {
                lineStart = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                line += 1
                offset = lineStart
            }
            offset = target
            return (line, target - lineStart + 1)
        }
    }
}

/// A fragment as a number: a sentence's id (`s4-2`, Paths.sentenceID) as its two numbers, exactly; anything else by a
/// hash (FNV-1a) with the top bit clear.
enum Fragment {
    static let sentenceBit: UInt64 = 1 << 63

    static func code(_ bytes: some Collection<UInt8>) -> UInt64 {
        if let (block, sentence) = sentence(bytes) { return sentenceBit | UInt64(block) << 32 | UInt64(sentence) }
        var h: UInt64 = 0xcbf29ce484222325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100000001b3 }
        return h & ~sentenceBit
    }

    static func isSentence(_ code: UInt64) -> Bool { code & sentenceBit != 0 }

    static func text(_ code: UInt64) -> String? {
        isSentence(code) ? "s\(code >> 32 & 0x7FFF_FFFF)-\(code & 0xFFFF_FFFF)" : nil
    }

    /// `s<digits>-<digits>`, each number without a leading zero and below 2^31.
    private static func sentence(_ bytes: some Collection<UInt8>) -> (Int, Int)? {
        var it = bytes.makeIterator()
        guard it.next() == UInt8(ascii: "s") else { return nil }
        var numbers: [Int] = [], current = -1
        while let byte = it.next() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if current == 0 { return nil }                              // "s04-2" is not an id we write
                current = max(current, 0) * 10 + Int(byte - UInt8(ascii: "0"))
                if current >= 1 << 31 { return nil }
            case UInt8(ascii: "-") where numbers.isEmpty && current >= 0:
                numbers.append(current); current = -1
            default: return nil
            }
        }
        guard numbers.count == 1, current >= 0 else { return nil }
        return (numbers[0], current)
    }
}
