// Markdown.swift — the public Markdown API and every call into libcmark (parse, tree walk, link insertion, HTML render).
import CCMark
#if canImport(Glibc)
import Glibc
#endif

/// Markdown for Dossier: libcmark wrapped once. Only values cross this API; no cmark pointer escapes.
public enum Markdown {
    /// Parse and describe a document for analysis.
    public static func analyze(_ source: String) -> Document {
        withTree(source) { root in
            let scan = Scan(root, sentences: true)
            return Document(blocks: scan.blocks, links: scan.links)
        }
    }

    /// Render to HTML (safe, smart), inserting links into the text at the given places.
    /// Insertions that cannot be placed cleanly are skipped: see `place(_:in:)`.
    /// `headingOffset` moves every heading down that many levels (at most to h6): a page that has its own
    /// `<h1>` renders a body's `# Heading` as `<h2>`.
    /// `anchors`: sentences wrapped in `<span id="…">` (SentenceAnchors.swift).
    public static func renderHTML(_ source: String, insertions: [Insertion] = [], anchors: [SentenceAnchor] = [],
                                  headingOffset: Int = 0) -> String {
        withTree(source) { root in
            if !insertions.isEmpty || !anchors.isEmpty {
                // The same walk as analyze(), so `Insertion.block` and `.range` mean the same thing here.
                place(insertions, anchors: anchors, in: Scan(root, sentences: false, blocks: false))
            }
            if headingOffset != 0 { shiftHeadings(root, by: headingOffset) }
            guard let html = cmark_render_html(root, options) else { return "" }
            // The buffer comes from the tree's allocator (the default one, as the parser used it).
            defer { cmark_get_default_mem_allocator().pointee.free(html) }
            return String(cString: html)
        }
    }

    /// Escape plain text so that CommonMark reads it as literal text (for pasted .txt articles: one paragraph per line).
    public static func escapeText(_ plain: String) -> String {
        PlainText.escape(plain)
    }

    /// One option set for parsing and rendering, so analyze() sees exactly the text renderHTML() prints.
    /// CMARK_OPT_UNSAFE is deliberately absent: cmark then omits raw HTML and javascript:/vbscript:/file:/data: URLs.
    static let options: Int32 = CMARK_OPT_SMART
}

public struct Document: Sendable, Equatable {
    /// Every leaf block holding inline text (paragraphs, headings — also inside quotes and list items), in document order.
    /// Code blocks and HTML blocks are not included.
    public var blocks: [TextBlock]
    /// Every link and image destination, in document order (by where each starts).
    public var links: [Link]
    public init(blocks: [TextBlock], links: [Link]) { self.blocks = blocks; self.links = links }
}

public struct TextBlock: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case paragraph, heading(Int) }
    public var kind: Kind
    /// Plain text: text nodes, code-span literals, image alt text; line breaks become one space; raw HTML dropped.
    public var text: String
    /// UTF-8 byte ranges into `text`, one per sentence, trimmed of surrounding spaces.
    public var sentences: [Range<Int>]
    /// UTF-8 byte ranges of `text` inside an existing link or image (alt text): mentions there must not get a link.
    public var linkedRanges: [Range<Int>]
    public init(kind: Kind, text: String, sentences: [Range<Int>], linkedRanges: [Range<Int>]) {
        self.kind = kind; self.text = text; self.sentences = sentences; self.linkedRanges = linkedRanges
    }
}

public struct Link: Sendable, Equatable {
    /// As written (unescaped), before cmark's safe-URL check: link checking wants to see javascript: too.
    public var destination: String
    public var isImage: Bool
    /// Plain text of the link (alt text for images).
    public var text: String
    public init(destination: String, isImage: Bool, text: String) {
        self.destination = destination; self.isImage = isImage; self.text = text
    }
}

public struct Insertion: Sendable, Equatable {
    /// Index into `Document.blocks`, as returned by analyze() for the same source.
    public var block: Int
    /// UTF-8 offsets into that block's `text`.
    public var range: Range<Int>
    /// The href; cmark escapes it and still applies its safe-URL check.
    public var destination: String
    public var title: String?
    /// nil keeps the text (link a name); non-nil replaces it, as plain text, e.g. "[[kirill-dmitriev|Dmitriev]]" → "Dmitriev".
    public var replacement: String?
    public init(block: Int, range: Range<Int>, destination: String, title: String? = nil, replacement: String? = nil) {
        self.block = block; self.range = range; self.destination = destination
        self.title = title; self.replacement = replacement
    }
}

// MARK: - cmark plumbing (internal)

extension Markdown {
    /// Moves every heading `offset` levels down (up when negative), within h1…h6.
    static func shiftHeadings(_ root: OpaquePointer, by offset: Int) {
        guard let iter = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iter) }
        while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter),
                  cmark_node_get_type(node) == CMARK_NODE_HEADING else { continue }
            let level = Int(cmark_node_get_heading_level(node))
            cmark_node_set_heading_level(node, Int32(min(6, max(1, level + offset))))
        }
    }

    /// Parses `source` with its own parser (so concurrent calls share nothing), merges adjacent text
    /// nodes, hands the tree to `body` and frees everything afterwards.
    static func withTree<R>(_ source: String, _ body: (OpaquePointer) -> R) -> R {
        guard let parser = cmark_parser_new(options) else { preconditionFailure("cmark_parser_new failed") }
        defer { cmark_parser_free(parser) }
        var source = source
        source.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                cmark_parser_feed(parser, $0, bytes.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { preconditionFailure("cmark_parser_finish failed") }
        defer { cmark_node_free(root) }
        // The inline parser makes separate text nodes at `[`, `]`, `!`, smart quotes, entities…; merging makes
        // "[[slug|text]]" and any name one text node, in analyze and render alike. (libcmark 0.30 already merges
        // these itself while parsing; this call keeps the guarantee explicit and independent of the version.)
        cmark_consolidate_text_nodes(root)
        return body(root)
    }

    /// Splits the text nodes that insertions fall into and wraps each range in a CMARK_NODE_LINK.
    /// Skipped: bad block index, empty/out-of-range/mid-character ranges, ranges spanning several nodes
    /// (emphasis boundaries, code spans, line breaks), text inside a link or image, overlaps with an earlier insertion.
    /// Each text node's literal is read where cmark keeps it and each new node's text is handed over from a scratch
    /// buffer: copying literals into arrays and Strings was more than half of rendering an article's body.
    static func place(_ insertions: [Insertion], anchors: [SentenceAnchor] = [], in scan: Scan) {
        let chosen = choose(insertions, spans: scan.segments) { block, s in literalBytes(of: scan.segments[block][s].node) }
        let pieces = merge(chosen, marks(anchors, spans: scan.segments, chosen: chosen))

        // Rebuild each affected text node as: text, link, text, tag, …, text — all inserted before it, then drop it.
        var scratch = CString()
        var i = 0
        while i < pieces.count {
            let (block, s) = (pieces[i].block, pieces[i].segment)
            if s < 0, case .mark(let html) = pieces[i].piece {            // at the block's start (Mark.atBlockStart)
                scratch.with(html) { prependRaw($0, to: scan.blockNodes[block]) }
                i += 1
                continue
            }
            let segment = scan.segments[block][s]
            // Valid until the node is freed below; the nodes inserted before it do not touch it.
            let literal = literalBytes(of: segment.node)
            var pos = 0
            while i < pieces.count, pieces[i].block == block, pieces[i].segment == s {
                let a = pieces[i].offset - segment.range.lowerBound
                if a > pos { scratch.with(literal[pos..<a]) { insertText($0, before: segment.node) } }
                switch pieces[i].piece {
                case .mark(let html):
                    scratch.with(html) { insertRaw($0, before: segment.node) }
                    pos = a
                case .link(let insertion):
                    let b = insertion.range.upperBound - segment.range.lowerBound
                    if let replacement = insertion.replacement {
                        scratch.with(replacement) { insertLink(insertion, text: $0, before: segment.node) }
                    } else {
                        scratch.with(literal[a..<b]) { insertLink(insertion, text: $0, before: segment.node) }
                    }
                    pos = b
                }
                i += 1
            }
            if pos < literal.count { scratch.with(literal[pos...]) { insertText($0, before: segment.node) } }
            cmark_node_free(segment.node)                                 // unlinks it from the tree, too
        }
    }

    /// An insertion that can be placed, and the text segment of its block that holds it.
    typealias Chosen = (block: Int, segment: Int, insertion: Insertion)

    /// Which insertions `place` can make, in the order it makes them (block, segment, start): the rules above, shared
    /// by the two ways of rendering a body with links, so that both place the same ones. `literal(block, segment)`:
    /// the segment's bytes.
    static func choose(_ insertions: [Insertion], spans: [[some TextSpan]],
                       literal: (Int, Int) -> UnsafeBufferPointer<UInt8>) -> [Chosen] {
        // Accepted ranges per block, by block index: a dictionary's hashing showed in the article pages' profile.
        // Kept sorted by start, so that whether a new range overlaps one is a binary search, not a scan of all (one
        // long paragraph with many names was quadratic); insertions come mostly in order, so nearly every one is appended.
        var taken = [[Range<Int>]](repeating: [], count: spans.count)
        // Spans in order without overlaps (as the tree walk makes them) are searched by halves too; else scanned.
        let ordered = spans.map { segments in zip(segments, segments.dropFirst()).allSatisfy { $0.range.upperBound <= $1.range.lowerBound } }
        var chosen: [Chosen] = []
        for insertion in insertions {
            let r = insertion.range
            guard spans.indices.contains(insertion.block), !r.isEmpty, r.lowerBound >= 0 else { continue }
            let segments = spans[insertion.block]
            func holds(_ span: some TextSpan) -> Bool { !span.linked && span.range.lowerBound <= r.lowerBound && r.upperBound <= span.range.upperBound }
            let found: Int?
            if ordered[insertion.block] {
                var low = 0, high = segments.count                  // the first span that ends after r starts
                while low < high { let mid = (low + high) / 2; if segments[mid].range.upperBound <= r.lowerBound { low = mid + 1 } else { high = mid } }
                found = low < segments.count && holds(segments[low]) ? low : nil
            } else {
                found = segments.firstIndex(where: holds)
            }
            var place = taken[insertion.block].count                  // where r goes among the taken ranges, by start
            if let last = taken[insertion.block].last, last.lowerBound > r.lowerBound {
                var low = 0, high = place
                while low < high { let mid = (low + high) / 2; if taken[insertion.block][mid].lowerBound <= r.lowerBound { low = mid + 1 } else { high = mid } }
                place = low
            }
            let neighbours = taken[insertion.block][max(place - 1, 0)..<min(place + 1, taken[insertion.block].count)]
            guard let s = found, !neighbours.contains(where: { $0.overlaps(r) }) else { continue }
            let segment = segments[s]
            // Never cut a multi-byte character in two: both ends must sit on scalar boundaries.
            let bytes = literal(insertion.block, s)
            let a = r.lowerBound - segment.range.lowerBound, b = r.upperBound - segment.range.lowerBound
            guard !isContinuation(bytes[a]), b == bytes.count || !isContinuation(bytes[b]) else { continue }
            taken[insertion.block].insert(r, at: place)
            chosen.append((insertion.block, s, insertion))
        }
        chosen.sort { ($0.block, $0.segment, $0.insertion.range.lowerBound) < ($1.block, $1.segment, $1.insertion.range.lowerBound) }
        return chosen
    }

    /// A reusable NUL-terminated buffer for handing text to cmark, which copies it.
    struct CString {
        private var bytes: [CChar] = []

        mutating func with(_ part: Slice<UnsafeBufferPointer<UInt8>>, _ body: (UnsafePointer<CChar>) -> Void) {
            with([], UnsafeBufferPointer(rebasing: part), body)
        }

        /// `prefix` then `part`.
        mutating func with(_ prefix: [UInt8], _ part: UnsafeBufferPointer<UInt8>, _ body: (UnsafePointer<CChar>) -> Void) {
            bytes.removeAll(keepingCapacity: true)
            prefix.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { bytes.append(contentsOf: $0) } }
            part.withMemoryRebound(to: CChar.self) { bytes.append(contentsOf: $0) }
            bytes.append(0)
            bytes.withUnsafeBufferPointer { body($0.baseAddress!) }
        }

        mutating func with(_ text: String, _ body: (UnsafePointer<CChar>) -> Void) {
            var text = text
            text.withUTF8 { with($0[...], body) }
        }
    }

    private static func insertText(_ literal: UnsafePointer<CChar>, before anchor: OpaquePointer) {
        guard let text = cmark_node_new(CMARK_NODE_TEXT) else { return }
        var owned = true                                                  // ours until the tree adopts it
        defer { if owned { cmark_node_free(text) } }
        cmark_node_set_literal(text, literal)
        owned = cmark_node_insert_before(anchor, text) != 1
    }

    /// A tag written as it is (a custom inline node: cmark writes its text raw, safe mode or not).
    private static func insertRaw(_ html: UnsafePointer<CChar>, before anchor: OpaquePointer) {
        guard let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        var owned = true
        defer { if owned { cmark_node_free(node) } }
        cmark_node_set_on_enter(node, html)
        owned = cmark_node_insert_before(anchor, node) != 1
    }

    private static func prependRaw(_ html: UnsafePointer<CChar>, to block: OpaquePointer) {
        guard let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        var owned = true
        defer { if owned { cmark_node_free(node) } }
        cmark_node_set_on_enter(node, html)
        owned = cmark_node_prepend_child(block, node) != 1
    }

    private static func insertLink(_ insertion: Insertion, text: UnsafePointer<CChar>, before anchor: OpaquePointer) {
        guard let link = cmark_node_new(CMARK_NODE_LINK) else { return }
        var owned = true
        defer { if owned { cmark_node_free(link) } }                      // frees an adopted child too
        cmark_node_set_url(link, insertion.destination)
        if let title = insertion.title { cmark_node_set_title(link, title) }
        if let child = cmark_node_new(CMARK_NODE_TEXT) {
            var childOwned = true
            defer { if childOwned { cmark_node_free(child) } }
            cmark_node_set_literal(child, text)
            childOwned = cmark_node_append_child(link, child) != 1
        }
        owned = cmark_node_insert_before(anchor, link) != 1
    }

    /// A text node's literal where cmark keeps it (NUL-terminated; NULs in the source became U+FFFD), valid while the
    /// node lives and its literal is not set.
    static func literalBytes(of node: OpaquePointer) -> UnsafeBufferPointer<UInt8> {
        guard let p = cmark_node_get_literal(node) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return p.withMemoryRebound(to: UInt8.self, capacity: 1) { UnsafeBufferPointer(start: $0, count: strlen(p)) }
    }

    /// Appends straight into the block buffer: no temporary array per text node on the hot path.
    static func appendLiteral(of node: OpaquePointer, to out: inout [UInt8]) {
        out.append(contentsOf: literalBytes(of: node))
    }

    static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}

/// Where a text node's literal sits in its block's text, whether a link or image encloses it, and which inline
/// container holds it (0: the block itself; each emphasis and link a number of its own, counted in the block; -1:
/// inside an image, whose text is its alt attribute).
protocol TextSpan {
    var range: Range<Int> { get }
    var linked: Bool { get }
    var parent: Int32 { get }
}

/// The one walk over a parsed tree, shared by analyze() and renderHTML() so that block indices and
/// byte offsets agree by construction.
struct Scan {
    /// A CMARK_NODE_TEXT inside a block: where its literal sits in the block's text, and whether a link/image encloses it.
    struct Segment: TextSpan { let node: OpaquePointer; let range: Range<Int>; let linked: Bool; let parent: Int32 }

    var blocks: [TextBlock] = []
    var links: [Link] = []
    var segments: [[Segment]] = []                                        // parallel to `blocks`
    var blockNodes: [OpaquePointer] = []                                  // parallel to `blocks`: the paragraph or heading

    /// `blocks: false` when only `segments` are wanted (placing links): no block text is copied out.
    init(_ root: OpaquePointer, sentences: Bool, blocks wantBlocks: Bool = true) {
        guard let iter = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iter) }
        var text: [UInt8] = []                                            // current block's text, reused
        var parts: [Segment] = []
        var linked: [Range<Int>] = []
        var open: [(start: Int, link: Int)] = []                          // enclosing links/images
        var containers: [Int32] = [0], containerCount: Int32 = 0          // enclosing emphasis and links (TextSpan.parent)
        var images = 0                                                    // enclosing images: their text is an attribute
        var inBlock = false

        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let enter = event == CMARK_EVENT_ENTER
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if enter {
                    inBlock = true
                    text.removeAll(keepingCapacity: true); parts = []; linked = []; open = []
                    containers = [0]; containerCount = 0; images = 0
                } else {
                    inBlock = false
                    segments.append(parts)
                    blockNodes.append(node)
                    guard wantBlocks else { continue }
                    let level = cmark_node_get_heading_level(node)
                    blocks.append(TextBlock(
                        kind: cmark_node_get_type(node) == CMARK_NODE_HEADING ? .heading(Int(level)) : .paragraph,
                        text: String(decoding: text, as: UTF8.self),
                        sentences: sentences ? Sentences.split(text) : [],
                        linkedRanges: linked))
                }
            case CMARK_NODE_TEXT where inBlock:
                let start = text.count
                Markdown.appendLiteral(of: node, to: &text)
                parts.append(Segment(node: node, range: start..<text.count, linked: !open.isEmpty,
                                     parent: images > 0 ? -1 : containers[containers.count - 1]))
            case CMARK_NODE_EMPH where inBlock, CMARK_NODE_STRONG where inBlock:
                if enter { containerCount += 1; containers.append(containerCount) } else if containers.count > 1 { containers.removeLast() }
            case CMARK_NODE_CODE where inBlock:
                Markdown.appendLiteral(of: node, to: &text)
            case CMARK_NODE_SOFTBREAK where inBlock, CMARK_NODE_LINEBREAK where inBlock:
                text.append(0x20)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if inBlock {
                    if cmark_node_get_type(node) == CMARK_NODE_IMAGE { images += enter ? 1 : -1 }
                    else if enter { containerCount += 1; containers.append(containerCount) } else if containers.count > 1 { containers.removeLast() }
                }
                if enter {
                    // Reserve the slot now so links come out in order of their start, even when nested
                    // (CommonMark allows a link inside an image's description).
                    let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    links.append(Link(destination: url, isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE, text: ""))
                    open.append((text.count, links.count - 1))
                } else if let (start, index) = open.popLast() {
                    links[index].text = String(decoding: text[start...], as: UTF8.self)
                    if open.isEmpty, text.count > start { linked.append(start..<text.count) }
                }
            default:
                break                                                     // raw inline HTML contributes nothing
            }
        }
    }
}
