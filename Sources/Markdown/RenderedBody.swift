// RenderedBody.swift — a body rendered to HTML at the parse that analyses it, so that its page needs no second parse.
// cmark's output for a body with links inserted differs from its output without them only where the links go: a text
// node split in two renders as the two halves' bytes, because text is escaped byte by byte. So the body is rendered
// once with every text node's place noted, and each link is spliced in at its place. Whatever this file cannot show
// to be exactly cmark's bytes falls back to parsing the source again (`renderHTML(_:insertions:headingOffset:)`).
import CCMark
#if canImport(Glibc)
import Glibc
#endif

/// A body's HTML without links, and where each text node's escaped literal starts in it.
public struct RenderedBody: Sendable {
    struct Span: TextSpan, Sendable {
        let start: Int32, end: Int32
        /// Where the literal, escaped, starts in `html`.
        let html: Int32
        let linked: Bool
        let parent: Int32
        var range: Range<Int> { Int(start)..<Int(end) }
    }

    let html: [UInt8]
    let headingOffset: Int
    /// Per block of the analysed document, its text nodes (Scan's segments), in document order.
    let spans: [[Span]]
}

extension Markdown {
    /// `analyze(source)`, and the body rendered as `renderHTML(source, headingOffset:)` renders it, ready for links to
    /// be spliced in by `renderHTML(_:blocks:insertions:headingOffset:)`; nil when that cannot be promised.
    public static func analyzeAndRender(_ source: String, headingOffset: Int) -> (document: Document, rendered: RenderedBody?) {
        withTree(source) { root in
            let scan = Scan(root, sentences: true)
            let document = Document(blocks: scan.blocks, links: scan.links)
            return (document, RenderedBody.make(root, scan: scan, headingOffset: headingOffset))
        }
    }

    /// The bytes `renderHTML(source, insertions:, headingOffset:)` gives, from the body rendered when `blocks` were
    /// analysed; nil when they cannot be promised (a heading offset other than the rendered one, or an href cmark
    /// would escape), and then the caller renders from the source. Bytes, not a String: a page writes them as they
    /// are (valid UTF-8: cmark's output with links put in).
    /// `anchors`: sentences wrapped in `<span id="…">`, as `renderHTML` wraps them (SentenceAnchors.swift).
    public static func renderHTMLBytes(_ body: RenderedBody, blocks: [TextBlock], insertions: [Insertion], anchors: [SentenceAnchor] = [],
                                       headingOffset: Int) -> [UInt8]? {
        guard headingOffset == body.headingOffset, blocks.count == body.spans.count,
              insertions.allSatisfy({ RenderedBody.isPlain(href: $0.destination) && !($0.title?.utf8.contains(0) ?? false)
                                      && !($0.replacement?.utf8.contains(0) ?? false) }) else { return nil }   // C strings end at a NUL
        for (b, spans) in body.spans.enumerated() {
            if let last = spans.last, Int(last.end) > blocks[b].text.utf8.count { return nil }   // not the blocks it was rendered with
        }
        // The texts of the blocks that get links, side by side, read in place below; the others are not read.
        var texts: [UInt8] = []
        var textStart = [Int](repeating: -1, count: blocks.count)
        for block in insertions.lazy.map(\.block) + anchors.lazy.map(\.block) where blocks.indices.contains(block) && textStart[block] < 0 {
            textStart[block] = texts.count
            texts.append(contentsOf: blocks[block].text.utf8)
        }
        return texts.withUnsafeBufferPointer { texts -> [UInt8]? in
            func literal(_ block: Int, _ s: Int) -> UnsafeBufferPointer<UInt8> {
                let span = body.spans[block][s]
                return UnsafeBufferPointer(rebasing: texts[(textStart[block] + Int(span.start)) ..< (textStart[block] + Int(span.end))])
            }
            let chosen = choose(insertions, spans: body.spans, literal: literal)
            let marks = marks(anchors, spans: body.spans, chosen: chosen)
            // Where a block starts in the HTML is not noted: a body with a sentence marked there is parsed again.
            if marks.contains(where: \.atBlockStart) { return nil }
            let pieces = merge(chosen, marks)
            var out: [UInt8] = []
            out.reserveCapacity(body.html.count + pieces.count * 80)
            return body.html.withUnsafeBufferPointer { html in
                var copied = 0
                // Where the last insertion's segment was counted to (a byte of its literal, and where that byte's
                // escape starts in `html`): the next insertion in the same segment counts on from there, not from its start.
                var counted = (block: -1, segment: -1, byte: 0, html: 0)
                for (block, s, offset, piece) in pieces {
                    let span = body.spans[block][s]
                    let bytes = literal(block, s)
                    let a = offset - span.range.lowerBound
                    if counted.block != block || counted.segment != s { counted = (block, s, 0, Int(span.html)) }
                    let start = counted.html + RenderedBody.escapedCount(bytes[counted.byte..<a])
                    guard case .link(let insertion) = piece else {
                        if case .mark(let tag) = piece {
                            out.append(contentsOf: html[copied..<start])
                            out.append(contentsOf: tag.utf8)
                            copied = start
                            counted.byte = a
                            counted.html = start
                        }
                        continue
                    }
                    let b = insertion.range.upperBound - span.range.lowerBound
                    let end = start + RenderedBody.escapedCount(bytes[a..<b])
                    counted.byte = b
                    counted.html = end
                    out.append(contentsOf: html[copied..<start])
                    // As cmark's HTML renderer writes a link node with one text node in it.
                    out.append(contentsOf: "<a href=\"".utf8)
                    out.append(contentsOf: insertion.destination.utf8)
                    if let title = insertion.title, !title.isEmpty {
                        out.append(contentsOf: "\" title=\"".utf8)
                        RenderedBody.appendEscaped(title.utf8, to: &out)
                    }
                    out.append(contentsOf: "\">".utf8)
                    if let replacement = insertion.replacement {
                        RenderedBody.appendEscaped(replacement.utf8, to: &out)
                    } else {
                        out.append(contentsOf: html[start..<end])
                    }
                    out.append(contentsOf: "</a>".utf8)
                    copied = end
                }
                out.append(contentsOf: html[copied...])
                return out
            }
        }
    }
}

extension RenderedBody {
    /// Put before each text node's literal while rendering, then taken out: where it was is where the literal starts.
    /// A noncharacter, U+FDD0; a body that has it anyway (or gets it from an entity) fails the count and is not kept.
    static let marker: [UInt8] = [0xEF, 0xB7, 0x90]

    static func make(_ root: OpaquePointer, scan: Scan, headingOffset: Int) -> RenderedBody? {
        var scratch = Markdown.CString()
        var count = 0
        for segments in scan.segments {
            for segment in segments {
                scratch.with(marker, Markdown.literalBytes(of: segment.node)) { cmark_node_set_literal(segment.node, $0) }
                count += 1
            }
        }
        if headingOffset != 0 { Markdown.shiftHeadings(root, by: headingOffset) }
        guard let rendered = cmark_render_html(root, Markdown.options) else { return nil }
        defer { cmark_get_default_mem_allocator().pointee.free(rendered) }
        let output = rendered.withMemoryRebound(to: UInt8.self, capacity: 1) { UnsafeBufferPointer(start: $0, count: strlen(rendered)) }
        guard output.count < Int(Int32.max) else { return nil }

        // The output without the markers, and where each was.
        var html: [UInt8] = []
        html.reserveCapacity(max(0, output.count - count * marker.count))
        var places: [Int32] = []
        places.reserveCapacity(count)
        var from = 0
        while from < output.count {
            guard let found = memchr(output.baseAddress! + from, Int32(marker[0]), output.count - from) else { break }
            let at = output.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if at + 2 < output.count, output[at + 1] == marker[1], output[at + 2] == marker[2] {
                html.append(contentsOf: output[from..<at])
                places.append(Int32(html.count))
                from = at + 3
            } else {
                html.append(contentsOf: output[from...at])
                from = at + 1
            }
        }
        if from < output.count { html.append(contentsOf: output[from...]) }
        guard places.count == count else { return nil }

        // Each text node's escaped literal must be where its marker was, or the splicing would be wrong.
        var spans: [[Span]] = []
        spans.reserveCapacity(scan.segments.count)
        var k = 0
        let allPlaced = html.withUnsafeBufferPointer { html in scan.segments.indices.allSatisfy { b in
            let segments = scan.segments[b]
            var text = scan.blocks[b].text
            return text.withUTF8 { text -> Bool in
                var blockSpans: [Span] = []
                blockSpans.reserveCapacity(segments.count)
                for segment in segments {
                    guard segment.range.upperBound <= text.count,
                          escaped(UnsafeBufferPointer(rebasing: text[segment.range]), isAt: Int(places[k]), in: html) else { return false }
                    blockSpans.append(Span(start: Int32(segment.range.lowerBound), end: Int32(segment.range.upperBound),
                                           html: places[k], linked: segment.linked, parent: segment.parent))
                    k += 1
                }
                spans.append(blockSpans)
                return true
            }
        } }
        guard allPlaced else { return nil }
        return RenderedBody(html: html, headingOffset: headingOffset, spans: spans)
    }

    /// cmark's escaping of text and titles (houdini's, not in secure mode): these four, and every other byte as it is.
    static func escape(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "\""): return "&quot;"
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        default: return nil
        }
    }

    /// The four bytes `escape` changes are all below 64: one bit each.
    private static let escapedBytes: UInt64 = 1 << 34 | 1 << 38 | 1 << 60 | 1 << 62

    private static func isEscaped(_ byte: UInt8) -> Bool { byte < 64 && escapedBytes >> UInt64(byte) & 1 != 0 }

    static func escapedCount(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        var count = bytes.count
        forEachEscaped(UnsafeBufferPointer(rebasing: bytes)) { count += escape($0)!.utf8CodeUnitCount - 1 }
        return count
    }

    /// Whether any byte is one `escape` changes.
    static func hasEscaped(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var found = false
        forEachEscaped(bytes) { _ in found = true }
        return found
    }

    /// Calls `body` with each byte `escape` changes, in order. Eight bytes at a time are first asked whether they
    /// hold any of the four at all (most text holds none): every body's every literal is counted and checked.
    @inline(__always)
    private static func forEachEscaped(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt8) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var i = 0
        while i + 8 <= count {
            if mayHoldEscaped(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                for k in i ..< i + 8 where isEscaped(base[k]) { body(base[k]) }
            }
            i += 8
        }
        while i < count {
            if isEscaped(base[i]) { body(base[i]) }
            i += 1
        }
    }

    /// Whether the eight bytes of `word` hold `"`, `&`, `<` or `>`: a byte equal to one is a zero byte of the word
    /// xor that byte repeated, and `(x - 0x01…) & ~x & 0x80…` is nonzero exactly when x has a zero byte.
    @inline(__always)
    private static func mayHoldEscaped(_ word: UInt64) -> Bool {
        @inline(__always) func holds(_ byte: UInt64) -> Bool {
            let x = word ^ (byte &* 0x0101_0101_0101_0101)
            return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
        }
        return holds(0x22) || holds(0x26) || holds(0x3C) || holds(0x3E)
    }

    static func appendEscaped(_ bytes: some Sequence<UInt8>, to out: inout [UInt8]) {
        for byte in bytes {
            if isEscaped(byte), let entity = escape(byte) {
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            } else {
                out.append(byte)
            }
        }
    }

    /// Whether `literal`, escaped, is in `html` at `at`.
    static func escaped(_ literal: UnsafeBufferPointer<UInt8>, isAt at: Int, in html: UnsafeBufferPointer<UInt8>) -> Bool {
        guard at >= 0, at + literal.count <= html.count else { return false }
        // Most literals have nothing to escape: then one comparison of their bytes.
        if !hasEscaped(literal) {
            return literal.isEmpty || memcmp(html.baseAddress! + at, literal.baseAddress!, literal.count) == 0
        }
        var i = at
        for byte in literal {
            if isEscaped(byte), let entity = escape(byte) {
                let n = entity.utf8CodeUnitCount
                guard i + n <= html.count, memcmp(html.baseAddress! + i, entity.utf8Start, n) == 0 else { return false }
                i += n
            } else {
                guard i < html.count, html[i] == byte else { return false }
                i += 1
            }
        }
        return true
    }

    /// An href cmark writes as it is: no byte its href escaping would change, and no scheme its safe-URL check could drop.
    static func isPlain(href: String) -> Bool {
        href.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "~"):
                return true
            default:
                return false
            }
        }
    }
}
