// Where each link of a Markdown text was written: the link check finds broken links in the pages, and reports
// those that came from a body at the body's own line and column (cmark's source positions), not the page's.
import CCMark

/// A link or image of a Markdown text: its destination as written (entities and escapes resolved by cmark),
/// and where its `[` (or `<`, or `!`) is: line and column, both from 1, columns in characters.
public struct SourceLink: Sendable, Equatable {
    public let destination: String
    public let line: Int
    public let column: Int
    /// cmark drops it from the page (`href=""`): a javascript:, vbscript:, file: or (not image) data: URL.
    public let isUnsafe: Bool
}

extension Markdown {
    /// Every link and image of `source`, in order. Parses again, with source positions: it is called only for a
    /// page whose links are broken, so the builds of sound pages pay nothing for it.
    public static func links(in source: String) -> [SourceLink] {
        guard let parser = cmark_parser_new(options | CMARK_OPT_SOURCEPOS) else { return [] }
        defer { cmark_parser_free(parser) }
        var source = source
        source.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { cmark_parser_feed(parser, $0, bytes.count) }
        }
        guard let root = cmark_parser_finish(parser) else { return [] }
        defer { cmark_node_free(root) }
        guard let iter = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iter) }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        var result: [SourceLink] = []
        while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let line = Int(cmark_node_get_start_line(node))
            let byteColumn = Int(cmark_node_get_start_column(node))
            // cmark counts columns in bytes; a person counts characters.
            var column = byteColumn
            if line >= 1, line <= lines.count {
                let bytes = Array(lines[line - 1].utf8.prefix(max(byteColumn - 1, 0)))
                column = String(decoding: bytes, as: UTF8.self).count + 1
            }
            result.append(SourceLink(destination: url, line: line, column: column, isUnsafe: isUnsafe(url)))
        }
        return result
    }

    /// cmark's own rule (scan_dangerous_url) for what it omits when CMARK_OPT_UNSAFE is not set.
    static func isUnsafe(_ url: String) -> Bool {
        let lower = url.lowercased()
        if lower.hasPrefix("data:") {
            return !["image/png", "image/gif", "image/jpeg", "image/webp"].contains { lower.dropFirst(5).hasPrefix($0) }
        }
        return lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("file:")
    }
}
