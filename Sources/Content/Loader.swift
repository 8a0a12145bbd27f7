// Reads Content/ as CONTENT-FORMAT.md describes: dossier.yml, articles (.md, or .txt with a sidecar .yml),
// people/, events/ and assets/. Every problem becomes a located diagnostic; nothing stops at the first one.

import EDTF
import Foundation
import Markdown

public struct SourceLocation: Sendable, Equatable, Hashable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
}

/// Slugs named in front matter, with where each was written, so a dangling one can be pointed at.
public struct SlugReferences: Sendable, Equatable {
    public var people: [SourceLocation] = []
    public var events: [SourceLocation] = []
    public var aliases: [SourceLocation] = []
}

// The shapes of front matter. Every field is optional here: required ones are checked by hand so the
// message can say which key is missing and where, rather than a decoder's generic complaint.
struct SettingsFields: Decodable, Equatable {
    var title: String?, subtitle: String?, description: String?, base_url: String?, language: String?
    static let keys = ["title", "subtitle", "description", "base_url", "language"]
}
struct ArticleFields: Decodable, Equatable {
    var title: String?, date: String?, source: String?, author: String?, url: String?, summary: String?
    var people: [String]?, events: [String]?
    static let keys = ["title", "date", "source", "author", "url", "summary", "people", "events"]
}
struct PersonFields: Decodable, Equatable {
    var name: String?, aliases: [String]?, role: String?, affiliation: String?, born: String?
    static let keys = ["name", "aliases", "role", "affiliation", "born"]
}
struct EventFields: Decodable, Equatable {
    var title: String?, date: String?, place: String?, people: [String]?, aliases: [String]?
    static let keys = ["title", "date", "place", "people", "aliases"]
}

extension SettingsFields: SimpleDecodable {
    init(simple y: SimpleYAML) {
        self.init(title: y.text("title"), subtitle: y.text("subtitle"), description: y.text("description"),
                  base_url: y.text("base_url"), language: y.text("language"))
    }
}
extension ArticleFields: SimpleDecodable {
    init(simple y: SimpleYAML) {
        self.init(title: y.text("title"), date: y.text("date"), source: y.text("source"), author: y.text("author"),
                  url: y.text("url"), summary: y.text("summary"), people: y.list("people"), events: y.list("events"))
    }
}
extension PersonFields: SimpleDecodable {
    init(simple y: SimpleYAML) {
        self.init(name: y.text("name"), aliases: y.list("aliases"), role: y.text("role"), affiliation: y.text("affiliation"),
                  born: y.text("born"))
    }
}
extension EventFields: SimpleDecodable {
    init(simple y: SimpleYAML) {
        self.init(title: y.text("title"), date: y.text("date"), place: y.text("place"), people: y.list("people"),
                  aliases: y.list("aliases"))
    }
}

public enum ContentLoader {
    /// Loads the content folder. The set is nil only when nothing usable could be read (no folder, no settings).
    /// With a snapshot (kept beside the output by incremental builds), an article file whose size, times and inode
    /// are those the last build read is not read again; the caller saves the snapshot for the next build.
    public static func load(directory: String, snapshot: ContentSnapshot? = nil) -> (ContentSet?, [String: SlugReferences], DiagnosticLog) {
        var log = DiagnosticLog()
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            log.error(root, 1, 1, "content folder not found: create it with a dossier.yml, or pass --content PATH")
            return (nil, [:], log)
        }
        let files = FileReader(root: root)

        let settings = loadSettings(files: files, log: &log)
        var references: [String: SlugReferences] = [:]

        // The articles' folder (thousands of files) is listed on another core while the people and events are read.
        let listingArticles = Parallel.Pending([files]) { files -> ([String], DiagnosticLog) in
            var log = DiagnosticLog()
            return (files.list("articles", log: &log), log)
        }
        let peopleFiles = files.list("people", log: &log)
        let eventFiles = files.list("events", log: &log)

        for name in peopleFiles + eventFiles where !name.hasSuffix(".md") {
            log.warning(name, 1, 1, "ignored: people and events are .md files")
        }
        // An unchanged person or event file is taken from the snapshot, as an article is, without opening it.
        let personResults = Parallel.map(peopleFiles.filter { $0.hasSuffix(".md") }) { path in
            readNote(path, snapshot: snapshot, as: { .person($0) }, from: { if case .person(let p) = $0 { p } else { nil } }) {
                loadPerson(path, files: files, log: &$0)
            }
        }
        let eventResults = Parallel.map(eventFiles.filter { $0.hasSuffix(".md") }) { path in
            readNote(path, snapshot: snapshot, as: { .event($0) }, from: { if case .event(let e) = $0 { e } else { nil } }) {
                loadEvent(path, files: files, log: &$0)
            }
        }

        let (articleFiles, articleListLog) = listingArticles.wait()[0]
        log.append(contentsOf: articleListLog)

        // Articles: .md alone, or .txt with an optional sidecar .yml of the same slug.
        let names = Set(articleFiles)
        var articleJobs: [(path: String, sidecar: String?)] = []
        for path in articleFiles {
            if path.hasSuffix(".md") {
                articleJobs.append((path, nil))
            } else if path.hasSuffix(".txt") {
                let sidecar = String(path.dropLast(4)) + ".yml"
                articleJobs.append((path, names.contains(sidecar) ? sidecar : nil))
            } else if path.hasSuffix(".yml") || path.hasSuffix(".yaml") {
                let base = path.hasSuffix(".yml") ? String(path.dropLast(4)) : String(path.dropLast(5))
                if !names.contains(base + ".txt") {
                    log.warning(path, 1, 1, "sidecar without an article: \(fileName(base)).txt does not exist")
                }
            } else {
                log.warning(path, 1, 1, "ignored: articles are .md, or .txt with a sidecar .yml")
            }
        }
        let articleResults = Parallel.map(articleJobs) { job -> ((Article, SlugReferences)?, DiagnosticLog) in
            var log = DiagnosticLog()
            if let record = snapshot?.article(at: job.path, sidecar: job.sidecar) {
                log.append(contentsOf: record.warnings)
                return ((record.article, record.references), log)
            }
            // Stamped before reading: a file changed while it is read gets a stamp that the next build finds different.
            let stamps = snapshot.map { snapshot in (snapshot.stamp(job.path), job.sidecar.flatMap { snapshot.stamp($0) }) }
                ?? (ContentSnapshot.Stamp(job.path), job.sidecar.flatMap { ContentSnapshot.Stamp($0) })
            let article = loadArticle(job.path, sidecar: job.sidecar, files: files, log: &log)
            if let snapshot, let article, let stamp = stamps.0, !log.hasErrors {
                snapshot.keep(path: job.path, sidecar: job.sidecar, stamps: (stamp, stamps.1), article: article.0,
                              references: article.1, warnings: log.items)
            }
            return (article, log)
        }

        var people: [Person] = []
        for (person, personLog) in personResults {
            log.append(contentsOf: personLog)
            if let person { people.append(person.0); references[person.0.path] = person.1 }
        }
        var events: [Event] = []
        for (event, eventLog) in eventResults {
            log.append(contentsOf: eventLog)
            if let event { events.append(event.0); references[event.0.path] = event.1 }
        }
        var articles: [Article] = []
        for (article, articleLog) in articleResults {
            log.append(contentsOf: articleLog)
            if let article { articles.append(article.0); references[article.0.path] = article.1 }
        }
        let assets = files.assets(log: &log)

        for entry in files.topLevelEntries() where !["dossier.yml", Corrections.fileName, "articles", "people", "events", "assets"].contains(entry) {
            log.warning(root + "/" + entry, 1, 1, "ignored: Content/ holds dossier.yml, articles/, people/, events/ and assets/")
        }
        guard let settings else { return (nil, references, log) }
        var content = ContentSet(settings: settings, people: people, events: events, articles: articles, assets: assets)
        // The analyst's decisions, read every build (one small file); Discovery carries them out.
        let correctionsPath = root + "/" + Corrections.fileName
        if FileManager.default.fileExists(atPath: correctionsPath), let text = files.readText(correctionsPath, log: &log, allowEmpty: true) {
            content.corrections = Corrections.parse(text, path: correctionsPath, log: &log)
        }
        return (content, references, log)
    }

    // MARK: - Each kind of file

    private static func loadSettings(files: FileReader, log: inout DiagnosticLog) -> Settings? {
        let path = files.root + "/dossier.yml"
        guard files.exists(path) else {
            log.error(path, 1, 1, "dossier.yml is missing: create it with at least `title: \"...\"`")
            return nil
        }
        guard let text = files.readText(path, log: &log),
              let fields = FrontMatterReader.decode(SettingsFields.self, yaml: text, firstLine: 1, path: path,
                                                    knownKeys: SettingsFields.keys, log: &log) else { return nil }
        guard let title = nonEmpty(fields.value.title) else {
            let at = fields.location(of: "title")
            log.error(path, at.line, at.column, "missing required key 'title'")
            return nil
        }
        var baseURL = nonEmpty(fields.value.base_url)
        if let url = baseURL, !(url.hasPrefix("/") || url.hasPrefix("http://") || url.hasPrefix("https://")) {
            let at = fields.location(of: "base_url")
            log.error(path, at.line, at.column, "base_url must start with /, http:// or https:// (got \"\(url)\")")
            baseURL = nil
        }
        var language = nonEmpty(fields.value.language) ?? "en"
        if !language.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic && $0.isASCII || $0 == "-" }) || language.count > 35 {
            let at = fields.location(of: "language")
            log.error(path, at.line, at.column, "language should be a language tag like en or en-GB (got \"\(language)\")")
            language = "en"
        }
        return Settings(title: title, subtitle: nonEmpty(fields.value.subtitle), description: nonEmpty(fields.value.description),
                        baseURL: baseURL, language: language)
    }

    /// A person's or an event's file (`as`/`from` wrap and unwrap it as the snapshot keeps it): taken from the
    /// snapshot when the file is as the last build read it, else read with `load` and kept for the next build.
    private static func readNote<T>(_ path: String, snapshot: ContentSnapshot?, as wrap: (T) -> ContentSnapshot.NoteRecord.Note,
                                    from unwrap: (ContentSnapshot.NoteRecord.Note) -> T?,
                                    load: (inout DiagnosticLog) -> (T, SlugReferences)?) -> ((T, SlugReferences)?, DiagnosticLog) {
        var log = DiagnosticLog()
        if let record = snapshot?.note(at: path), let note = unwrap(record.note) {
            log.append(contentsOf: record.warnings)
            return ((note, record.references), log)
        }
        let stamp = snapshot?.stamp(path)                            // before reading, as for articles
        let loaded = load(&log)
        if let snapshot, let loaded, let stamp, !log.hasErrors {
            snapshot.keep(path: path, stamp: stamp, note: wrap(loaded.0), references: loaded.1, warnings: log.items)
        }
        return (loaded, log)
    }

    private static func loadPerson(_ path: String, files: FileReader, log: inout DiagnosticLog) -> (Person, SlugReferences)? {
        guard let slug = checkedSlug(path, log: &log), let text = files.readText(path, log: &log),
              let split = FrontMatterReader.split(text, path: path, log: &log) else { return nil }
        guard split.yaml != nil else {
            log.error(path, 1, 1, "a person needs front matter: start the file with ---, name: \(nameFromSlug(slug)), ---")
            return nil
        }
        guard let fields = FrontMatterReader.decode(PersonFields.self, yaml: split.yaml, firstLine: split.yamlFirstLine,
                                                    path: path, knownKeys: PersonFields.keys, log: &log) else { return nil }
        guard let name = nonEmpty(fields.value.name) else {
            log.error(path, 1, 1, "missing required key 'name': add name: \(nameFromSlug(slug)) (from the file name), spelled as the pages should show it")
            return nil
        }
        var born: EDTFDate?
        if let text = nonEmpty(fields.value.born) { born = parseDate(text, key: "born", fields: fields, log: &log) }
        let written = (fields.value.aliases ?? []).enumerated().compactMap { i, alias in nonEmpty(alias).map { (i, $0) } }
        let aliases = written.map(\.1)
        let person = Person(slug: slug, name: name, aliases: aliases, role: nonEmpty(fields.value.role),
                            affiliation: nonEmpty(fields.value.affiliation), born: born, profile: split.body,
                            path: path, bodyFirstLine: split.bodyFirstLine)
        return (person, SlugReferences(aliases: written.map { loc(fields.location(of: "aliases", index: $0.0)) }))
    }

    /// A person's name guessed from their file's slug, as YAML: kirill-dmitriev → "Kirill Dmitriev".
    static func nameFromSlug(_ slug: String) -> String {
        let words = slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }
        return "\"" + words.joined(separator: " ") + "\""
    }

    private static func loadEvent(_ path: String, files: FileReader, log: inout DiagnosticLog) -> (Event, SlugReferences)? {
        guard let slug = checkedSlug(path, log: &log), let text = files.readText(path, log: &log),
              let split = FrontMatterReader.split(text, path: path, log: &log) else { return nil }
        guard split.yaml != nil else {
            log.error(path, 1, 1, "an event needs front matter: start the file with ---, title: and date:, ---")
            return nil
        }
        guard let fields = FrontMatterReader.decode(EventFields.self, yaml: split.yaml, firstLine: split.yamlFirstLine,
                                                    path: path, knownKeys: EventFields.keys, log: &log) else { return nil }
        var ok = true
        let title = required(fields.value.title, "title", fields: fields, ok: &ok, log: &log)
        let dateText = required(fields.value.date, "date", fields: fields, ok: &ok, log: &log)
        let date = dateText.flatMap { parseDate($0, key: "date", fields: fields, log: &log) }
        guard ok, let title, let date else { return nil }
        let people = fields.value.people ?? []
        let event = Event(slug: slug, title: title, date: date, place: nonEmpty(fields.value.place), people: people,
                          aliases: (fields.value.aliases ?? []).compactMap { nonEmpty($0) }, description: split.body,
                          path: path, bodyFirstLine: split.bodyFirstLine)
        let refs = SlugReferences(people: people.indices.map { loc(fields.location(of: "people", index: $0)) })
        return (event, refs)
    }

    private static func loadArticle(_ path: String, sidecar: String?, files: FileReader, log: inout DiagnosticLog) -> (Article, SlugReferences)? {
        guard let slug = checkedSlug(path, log: &log), let text = files.readText(path, log: &log) else { return nil }
        let fields: FrontMatter<ArticleFields>
        let body: String
        let bodyFirstLine: Int
        let format: Article.Format
        var textTitle: String?
        var textAuthor: String?
        // Where a missing date or title is reported: the front matter of a .md, the sidecar (or the .txt) otherwise.
        let metaPath: String
        if path.hasSuffix(".txt") {
            format = .plainText
            let parsed = PlainTextArticle(text)
            textTitle = parsed.title
            textAuthor = parsed.author
            body = parsed.markdownBody
            bodyFirstLine = parsed.bodyFirstLine
            if let sidecar {
                guard let yaml = files.readText(sidecar, log: &log, allowEmpty: true),
                      let decoded = FrontMatterReader.decode(ArticleFields.self, yaml: yaml, firstLine: 1, path: sidecar,
                                                             knownKeys: ArticleFields.keys, log: &log) else { return nil }
                fields = decoded
                metaPath = sidecar
            } else {
                fields = FrontMatter(value: ArticleFields(), node: nil, lineOffset: 0, path: path)
                metaPath = path
            }
        } else {
            format = .markdown
            guard let split = FrontMatterReader.split(text, path: path, log: &log) else { return nil }
            guard split.yaml != nil else {
                log.error(path, 1, 1, "an article needs front matter: start the file with ---, title: and date:, ---")
                return nil
            }
            guard let decoded = FrontMatterReader.decode(ArticleFields.self, yaml: split.yaml, firstLine: split.yamlFirstLine,
                                                         path: path, knownKeys: ArticleFields.keys, log: &log) else { return nil }
            fields = decoded
            body = split.body
            bodyFirstLine = split.bodyFirstLine
            metaPath = path
        }
        var ok = true
        let title = nonEmpty(fields.value.title) ?? textTitle
        if title == nil {
            ok = false
            log.error(metaPath, 1, 1, "missing required key 'title'")
        }
        var date: EDTFDate?
        if let dateText = nonEmpty(fields.value.date) {
            date = parseDate(dateText, key: "date", fields: fields, log: &log)
            if date == nil { ok = false }
        } else {
            ok = false
            if format == .plainText && sidecar == nil {
                log.error(path, 1, 1, "article has no date: a .txt article takes its date from a sidecar \(fileName(String(path.dropLast(4)))).yml with a line like `date: 2025-04-01`")
            } else {
                log.error(metaPath, 1, 1, "missing required key 'date' (e.g. `date: 2025-04-01`, or 2025-04 or 2025)")
            }
        }
        var url = nonEmpty(fields.value.url)
        if let link = url, !isSafeExternalURL(link) {
            let at = fields.location(of: "url")
            log.error(metaPath, at.line, at.column, "url must be a web address starting with http:// or https:// (got \"\(link.prefix(60))\")")
            url = nil
            ok = false
        }
        guard ok, let title, let date else { return nil }
        let people = fields.value.people ?? []
        let events = fields.value.events ?? []
        let article = Article(slug: slug, title: title, date: date, source: nonEmpty(fields.value.source),
                              author: nonEmpty(fields.value.author) ?? textAuthor, url: url, summary: nonEmpty(fields.value.summary),
                              people: people, events: events, body: body, format: format, path: path, bodyFirstLine: bodyFirstLine)
        let refs = SlugReferences(people: people.indices.map { loc(fields.location(of: "people", index: $0)) },
                                  events: events.indices.map { loc(fields.location(of: "events", index: $0)) })
        return (article, refs)
    }

    /// The body of the article file at `path` as `loadArticle` makes it, read again (for an article taken from the
    /// content snapshot); empty when the file can no longer be read.
    static func readBody(_ path: String, format: Article.Format) -> String {
        var log = DiagnosticLog()
        guard let text = FileReader(root: (path as NSString).deletingLastPathComponent).readText(path, log: &log, allowEmpty: true) else { return "" }
        switch format {
        case .plainText: return PlainTextArticle(text).markdownBody
        case .markdown: return FrontMatterReader.split(text, path: path, log: &log)?.body ?? ""
        }
    }

    // MARK: - Helpers

    static func isSafeExternalURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && !url.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" })
    }

    private static func loc(_ at: (line: Int, column: Int)) -> SourceLocation { SourceLocation(line: at.line, column: at.column) }

    private static func parseDate<T>(_ text: String, key: String, fields: FrontMatter<T>, log: inout DiagnosticLog) -> EDTFDate? {
        do {
            return try EDTFDate.parse(text)
        } catch {
            let at = fields.location(of: key)
            let leading = text.prefix(while: { $0 == " " }).count
            log.error(fields.path, at.line, at.column + leading + error.offset,
                      "\(key) \"\(text)\" is not a valid EDTF date: \(error.explained)")
            return nil
        }
    }

    private static func required<T>(_ value: String?, _ key: String, fields: FrontMatter<T>, ok: inout Bool, log: inout DiagnosticLog) -> String? {
        if let value = nonEmpty(value) { return value }
        ok = false
        let hasKey = fields.has(key)
        let at = hasKey ? fields.location(of: key) : (line: max(fields.lineOffset, 1), column: 1)
        log.error(fields.path, at.line, at.column, hasKey ? "'\(key)' is empty" : "missing required key '\(key)'")
        return nil
    }

    private static func checkedSlug(_ path: String, log: inout DiagnosticLog) -> String? {
        let name = fileName(path)
        let slug = name.contains(".") ? String(name[..<name.lastIndex(of: ".")!]) : name
        guard Slug.isValid(slug) else {
            log.error(path, 1, 1, "file name \"\(slug)\" is not a valid slug (lower-case letters, digits and hyphens): rename it to \"\(Slug.make(from: slug))\"")
            return nil
        }
        return slug
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

func nonEmpty(_ text: String?) -> String? {
    guard let text else { return nil }
    // Most values start and end with a visible ASCII character, and then have nothing to trim: Foundation's trimming,
    // asked of every field of every article, was half of reading the front matter.
    if let first = text.utf8.first, let last = text.utf8.last, (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) { return text }
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.isEmpty ? nil : trimmed
}

/// A pasted plain-text article: first non-empty line the title, a last line `By NAME` the author, one paragraph a line.
struct PlainTextArticle {
    var title: String?
    var author: String?
    var paragraphs: [String] = []
    var bodyFirstLine = 1

    init(_ text: String) {
        var lines: [(number: Int, text: String)] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { lines.append((i + 1, trimmed)) }
        }
        guard let first = lines.first else { return }
        title = first.text
        lines.removeFirst()
        // A by-line right after the title or on the last line names the author, as `dossier import` reads it.
        if let next = lines.first, let name = Self.byLine(next.text) {
            author = name
            lines.removeFirst()
        } else if let last = lines.last, let name = Self.byLine(last.text) {
            author = name
            lines.removeLast()
        }
        paragraphs = lines.map(\.text)
        bodyFirstLine = lines.first?.number ?? first.number + 1
    }

    /// "By Tamilla Hasanova" → "Tamilla Hasanova"; a short line only, starting with a capital and not ending in a
    /// full stop, so that a sentence starting "By then" is no by-line.
    static func byLine(_ line: String) -> String? {
        guard line.hasPrefix("By "), line.count < 120 else { return nil }
        let name = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
        guard let initial = name.unicodeScalars.first, initial.properties.isUppercase,
              !name.hasSuffix("."), name.split(separator: " ").count <= 8 else { return nil }
        return name
    }

    /// The paragraphs as CommonMark, escaped so that nothing in them is read as markup.
    var markdownBody: String { Markdown.escapeText(paragraphs.joined(separator: "\n")) }
}
