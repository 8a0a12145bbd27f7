// The plain-text article reader, offered to other modules (`dossier import`) so pasted text is read one way only.

extension ContentLoader {
    /// A pasted plain-text article as the loader reads a `.txt`: the first non-empty line is the title, a line
    /// `By NAME` right after it or last the author, and every other non-empty line one paragraph (trimmed).
    public static func readPlainText(_ text: String) -> (title: String?, author: String?, paragraphs: [String]) {
        let parsed = PlainTextArticle(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
        return (parsed.title, parsed.author, parsed.paragraphs)
    }

    /// "By NAME" → NAME when the line is a by-line (PlainTextArticle.byLine), nil otherwise.
    public static func byLine(_ line: String) -> String? { PlainTextArticle.byLine(line) }
}
