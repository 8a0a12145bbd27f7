// `dossier import`: a pasted news article (plain text or Markdown) becomes Content/articles/<slug>.md with
// front matter, and the writer learns at once whom the dossier's people/ finds in it and which names it does not.

import Content
import Discovery
import Foundation
import Markdown

public struct ImportOptions: Sendable {
    public enum Format: String, Sendable, CaseIterable { case automatic, plain, markdown }
    public var date: String
    public var source: String?
    public var url: String?
    /// The title when the text does not start with one; the text's first line then stays in the body.
    public var title: String?
    public var author: String?
    public var format: Format

    public init(date: String, source: String? = nil, url: String? = nil, title: String? = nil, author: String? = nil,
                format: Format = .automatic) {
        self.date = date
        self.source = source
        self.url = url
        self.title = title
        self.author = author
        self.format = format
    }
}

/// A person of people/ the imported article names, with the words it used ("Kiril Dmitriev", "Dmitliff").
public struct RecognisedPerson: Sendable, Equatable {
    public var name: String
    public var slug: String
    public var mentions: Int
    public var writtenAs: [String]
}

public struct ImportedArticle: Sendable {
    public var path: String
    public var title: String
    public var author: String?
    public var people: [RecognisedPerson]       // in order of first mention
    public var otherNames: [String]             // capitalised names that match nobody in people/
    public var problems: [Diagnostic]           // what the build will report about the new file, or why names were not looked up
}

public enum ArticleImport {
    /// Reads `text` (from the file `origin`, or "-" for standard input), writes the article, then finds its people.
    public static func run(text: String, origin: String, options: ImportOptions, into folder: ContentFolder) throws(AuthoringError) -> ImportedArticle {
        let date = try Given.date(options.date)
        let url = try Given.url(options.url)
        let parsed = try parse(text, origin: origin, options: options)
        let title = try Given.title(parsed.title, what: "title")
        try folder.checkExists()
        let path = try folder.newFile(in: "articles", slug: Slug.forTitle(title))

        var front = FrontMatterText()
        front.add("title", title)
        front.add("date", date: date)
        front.add("source", options.source)
        front.add("author", parsed.author)
        front.add("url", url)
        try folder.create(path, text: front.document(body: parsed.body))

        var result = ImportedArticle(path: path, title: title, author: parsed.author, people: [], otherNames: [], problems: [])
        findNames(for: &result, in: folder)
        return result
    }

    /// The title, author and Markdown body of a pasted text.
    static func parse(_ text: String, origin: String, options: ImportOptions) throws(AuthoringError) -> (title: String, author: String?, body: String) {
        let text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let nonEmpty = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let first = nonEmpty.first else { throw AuthoringError(.usage, "\(origin) is empty: nothing to import") }

        let markdown: Bool
        switch options.format {
        case .plain: markdown = false
        case .markdown: markdown = true
        case .automatic:
            let lower = origin.lowercased()
            markdown = lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || first.hasPrefix("# ")
        }
        if markdown && first == "---" {
            throw AuthoringError(.usage, "\(origin) already has front matter: copy it into Content/articles/ as it is, or remove the front matter to import it")
        }

        var title: String
        var author = options.author.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        var body: String
        if markdown {
            var rest = lines
            if let given = options.title {
                title = given
            } else {
                let index = rest.firstIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty }!
                title = rest[index].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "#")).trimmingCharacters(in: .whitespaces)
                rest.remove(at: index)
            }
            // A by-line right after the title or at the very end names the author; it is not body text.
            for candidate in [rest.firstIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty },
                              rest.lastIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty }] {
                guard let at = candidate, at < rest.count, let name = byLine(rest[at].trimmingCharacters(in: CharacterSet(charactersIn: " *_"))) else { continue }
                if author == nil { author = name }
                rest.remove(at: at)
                break
            }
            body = rest.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
            let read = ContentLoader.readPlainText(text)
            var paragraphs = read.paragraphs
            if let given = options.title {
                title = given
                paragraphs.insert(first, at: 0)     // the text's first line is body, not a title
            } else {
                title = read.title ?? first
                if looksLikeASentence(title) {
                    throw AuthoringError(.usage, "the first line of \(origin) reads like a sentence, not a headline (\"\(title.prefix(50))…\"): "
                        + "give the headline with --title \"...\"; the first line then stays the first paragraph")
                }
            }
            if let name = read.author {
                if author == nil { author = name }
            } else if let top = paragraphs.first, let name = byLine(top) {
                if author == nil { author = name }
                paragraphs.removeFirst()
            }
            // Escaped exactly as the loader escapes a .txt, so the article reads and links the same either way.
            body = Markdown.escapeText(paragraphs.joined(separator: "\n"))
        }
        if body.isEmpty { throw AuthoringError(.usage, "\(origin) has no article text after its title") }
        return (title, author, body)
    }

    /// A pasted text that starts with its first paragraph, not a headline: long, and ending with a full stop.
    static func looksLikeASentence(_ line: String) -> Bool {
        line.hasSuffix(".") && !line.hasSuffix("...") && line.split(separator: " ").count > 12
    }

    /// "By Tamilla Hasanova" → "Tamilla Hasanova": the loader's rule for a `.txt` (ContentLoader.byLine).
    static func byLine(_ line: String) -> String? { ContentLoader.byLine(line) }

    /// Links the new article against people/ and events/ exactly as a build would, and reads off whom it names.
    private static func findNames(for result: inout ImportedArticle, in folder: ContentFolder) {
        let (content, references, log) = ContentLoader.load(directory: folder.path)
        result.problems = log.items.filter { $0.path == result.path }.sorted()
        guard var content else {
            // Without dossier.yml there is no dossier to look names up in; say why rather than "nobody".
            result.problems += log.errors.filter { $0.path.hasSuffix("dossier.yml") }.map {
                Diagnostic(path: $0.path, line: $0.line, column: $0.column, severity: .warning, message: "names not looked up: \($0.message)")
            }
            return
        }
        guard let article = content.articles.first(where: { $0.path == result.path }) else { return }
        content.articles = [article]                 // the other articles cannot change what this one says
        let (dossier, _) = Linker.link(content, references: references)
        guard let text = dossier.articleTexts.first else { return }
        var order: [Int] = []
        var forms: [Int: [String]] = [:]
        var counts: [Int: Int] = [:]
        for mention in text.mentions {
            if counts[mention.person] == nil { order.append(mention.person) }
            counts[mention.person, default: 0] += 1
            if !(forms[mention.person]?.contains(mention.text) ?? false) { forms[mention.person, default: []].append(mention.text) }
        }
        // Recognised: the people of people/. Discovery may also have found people nobody curated in the text;
        // those are exactly the names people/ does not know, so they join the unrecognised names.
        result.people = order.filter { dossier.people[$0].curated }.map { p in
            RecognisedPerson(name: dossier.people[p].name, slug: dossier.people[p].slug, mentions: counts[p] ?? 0, writtenAs: forms[p] ?? [])
        }
        let known = dossier.people.filter(\.curated).flatMap { [$0.name] + $0.aliases }
        var others = NameCandidates.find(in: text, knownNames: known)
        for p in order where !dossier.people[p].curated && !others.contains(dossier.people[p].name) { others.append(dossier.people[p].name) }
        // In reading order, wherever each was found.
        let plain = text.document.blocks.map(\.text).joined(separator: "\n")
        let position = { (name: String) in plain.range(of: name).map { plain.distance(from: plain.startIndex, to: $0.lowerBound) } ?? Int.max }
        result.otherNames = others.enumerated().sorted { (position($0.element), $0.offset) < (position($1.element), $1.offset) }.map(\.element)
    }
}
