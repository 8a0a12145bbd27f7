// SentenceAnchors.swift — a sentence of a body wrapped in `<span id="…">`, so that a page elsewhere can link to it
// (`article.html#s4-2`) and `:target` can mark it. Planned here once for both ways of rendering a body (the tree with
// nodes put in, and the rendered bytes with tags spliced in), so that both put the tags at the same places.

/// A sentence to give an id: its block (an index into `Document.blocks`), its UTF-8 range in the block's text, the id.
public struct SentenceAnchor: Sendable, Equatable {
    public var block: Int
    public var range: Range<Int>
    /// Letters, digits and hyphens only (it is written into the page as it is).
    public var id: String
    public init(block: Int, range: Range<Int>, id: String) { self.block = block; self.range = range; self.id = id }
}

extension Markdown {
    /// A tag put into a text segment at `offset` (of the block's text): a sentence's `<span id>` or its `</span>`.
    struct Mark {
        var block: Int, segment: Int, offset: Int
        var closes: Bool
        var html: String
        /// An empty span at the start of the block (segment -1), for a sentence with no text it can wrap.
        var atBlockStart: Bool { segment < 0 }
    }

    /// One thing put into a text segment: a link (over `insertion.range`) or a tag (at `offset`), in document order.
    enum Piece { case link(Insertion), mark(String) }
    typealias Placed = (block: Int, segment: Int, offset: Int, piece: Piece)

    /// Where the tags of `anchors` go, given the links that will be placed (`chosen`). The span must nest with what is
    /// already there, so it opens and closes in text segments of the same parent (the paragraph, or one emphasis)
    /// outside any link or image: a sentence that starts in one emphasis and ends outside it is wrapped up to where
    /// that emphasis ends, a sentence that starts in a link's text from just after the link (or inside the link when
    /// all of it is a link's text). A boundary inside a link being placed moves out to the link's edge. A sentence with
    /// no text to wrap at all (only code, or an image's alt text) gets an empty span with its id at the start of its
    /// block, so that a link to it still lands there. Linear: each anchor looks only at the segments of its sentence.
    static func marks(_ anchors: [SentenceAnchor], spans: [[some TextSpan]], chosen: [Chosen]) -> [Mark] {
        guard !anchors.isEmpty else { return [] }
        var linkRanges = [[Range<Int>]](repeating: [], count: spans.count)   // by start: chosen is in document order
        for c in chosen { linkRanges[c.block].append(c.insertion.range) }
        var marks: [Mark] = []
        marks.reserveCapacity(anchors.count * 2)
        var lastEnd = (block: -1, offset: 0)
        for anchor in anchors.sorted(by: { ($0.block, $0.range.lowerBound) < ($1.block, $1.range.lowerBound) }) {
            guard spans.indices.contains(anchor.block), !anchor.range.isEmpty, anchor.range.lowerBound >= 0,
                  RenderedBody.isPlain(href: anchor.id), !anchor.id.isEmpty else { continue }
            var s = anchor.range.lowerBound, e = anchor.range.upperBound
            let links = linkRanges[anchor.block]
            if let l = containing(s, links) { s = l.lowerBound }
            if let l = containing(e, links) { e = l.upperBound }
            if lastEnd.block == anchor.block, s < lastEnd.offset { continue }   // overlaps the sentence before
            let segments = spans[anchor.block]
            // The first segment that ends after s, then the first of them outside links.
            var low = 0, high = segments.count
            while low < high { let mid = (low + high) / 2; if segments[mid].range.upperBound <= s { low = mid + 1 } else { high = mid } }
            var a = low
            while a < segments.count, segments[a].range.lowerBound < e, segments[a].linked || segments[a].parent < 0 { a += 1 }
            if !(a < segments.count && segments[a].range.lowerBound < e) {     // no text outside links: one inside a link
                a = low
                while a < segments.count, segments[a].range.lowerBound < e, segments[a].parent < 0 { a += 1 }
            }
            guard a < segments.count, segments[a].range.lowerBound < e else {
                marks.append(Mark(block: anchor.block, segment: -1, offset: 0, closes: false, html: "<span id=\"\(anchor.id)\"></span>"))
                lastEnd = (anchor.block, e)
                continue
            }
            let start = max(s, segments[a].range.lowerBound)
            // The last segment of the sentence with the same parent as the first, outside links.
            var last = a, k = a + 1
            while k < segments.count, segments[k].range.lowerBound < e {
                if segments[k].parent == segments[a].parent { last = k }
                k += 1
            }
            let end = min(e, segments[last].range.upperBound)
            guard start < end else { continue }
            marks.append(Mark(block: anchor.block, segment: a, offset: start, closes: false, html: "<span id=\"\(anchor.id)\">"))
            marks.append(Mark(block: anchor.block, segment: last, offset: end, closes: true, html: "</span>"))
            lastEnd = (anchor.block, end)
        }
        return marks
    }

    /// The range of `links` (sorted, not overlapping) that holds `offset` strictly inside.
    private static func containing(_ offset: Int, _ links: [Range<Int>]) -> Range<Int>? {
        var low = 0, high = links.count                   // the first link that ends after offset
        while low < high { let mid = (low + high) / 2; if links[mid].upperBound <= offset { low = mid + 1 } else { high = mid } }
        guard low < links.count, links[low].lowerBound < offset, offset < links[low].upperBound else { return nil }
        return links[low]
    }

    /// Links and tags together, in the order they are put in: by segment and place; at one place a closing tag first
    /// (the sentence before ends there), then an opening tag, then a link (a sentence that starts with a name).
    static func merge(_ chosen: [Chosen], _ marks: [Mark]) -> [Placed] {
        if marks.isEmpty { return chosen.map { ($0.block, $0.segment, $0.insertion.range.lowerBound, .link($0.insertion)) } }
        let sortedMarks = marks.sorted { ($0.block, $0.segment, $0.offset, $0.closes ? 0 : 1) < ($1.block, $1.segment, $1.offset, $1.closes ? 0 : 1) }
        var out: [Placed] = []
        out.reserveCapacity(chosen.count + marks.count)
        var i = 0, j = 0
        while i < chosen.count || j < sortedMarks.count {
            if j < sortedMarks.count, i == chosen.count
                || (sortedMarks[j].block, sortedMarks[j].segment, sortedMarks[j].offset) <= (chosen[i].block, chosen[i].segment, chosen[i].insertion.range.lowerBound) {
                let m = sortedMarks[j]
                out.append((m.block, m.segment, m.offset, .mark(m.html)))
                j += 1
            } else {
                let c = chosen[i]
                out.append((c.block, c.segment, c.insertion.range.lowerBound, .link(c.insertion)))
                i += 1
            }
        }
        return out
    }
}
