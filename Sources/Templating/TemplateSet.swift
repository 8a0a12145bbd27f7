// Loads the theme once per build: the built-in files (Sources/BuiltinTheme, generated from the repository's
// Templates/) with a dossier's own templates folder over them, file by file. Layouts are parsed into node trees
// with partials and parents resolved, and checked for what would otherwise render silently wrong: a template that
// does not parse, a partial or parent that does not exist, a page layout that is missing.

import BuiltinTheme
import Content
import Foundation

/// One file of the theme: its path below the templates folder and where its bytes are.
public struct ThemeFile: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        case file(String)          // the dossier's own templates folder: this path
        case builtIn([UInt8])      // the program's built-in theme
    }
    public let path: String
    public let source: Source

    public var bytes: [UInt8]? {
        switch source {
        case .builtIn(let bytes): return bytes
        case .file(let path): return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
        }
    }
}

public enum Theme {
    /// The built-in theme, decoded once: path below Templates/ → bytes.
    public static let builtIn: [String: [UInt8]] = Dictionary(uniqueKeysWithValues: BuiltinTheme.files.map {
        ($0.path, [UInt8](Data(base64Encoded: $0.base64) ?? Data()))
    })

    /// Where a built-in file is said to be in messages (it has no path on disk).
    public static let builtInLabel = "(built-in theme)"

    /// The theme's files by path: those of `directory` (when it exists; hidden files left out) over `builtIn`.
    public static func files(own directory: String, builtIn: [String: [UInt8]] = Theme.builtIn) -> [String: ThemeFile] {
        var files: [String: ThemeFile] = [:]
        for (path, bytes) in builtIn { files[path] = ThemeFile(path: path, source: .builtIn(bytes)) }
        for path in ownFiles(directory) { files[path] = ThemeFile(path: path, source: .file(directory + "/" + path)) }
        return files
    }

    /// Writes the built-in theme into `directory` (for `dossier init --templates`), creating folders; returns the paths.
    public static func writeBuiltIn(to directory: String) throws -> [String] {
        var written: [String] = []
        for (path, bytes) in builtIn.sorted(by: { $0.key < $1.key }) {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
            written.append(path)
        }
        return written
    }

    static func ownFiles(_ root: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue,
              let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        for case let path as String in enumerator where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue { files.append(path) }
        }
        return files.sorted()
    }
}

public struct TemplateSet: Sendable {
    /// The dossier's own templates folder (it need not exist: then the built-in theme alone is used).
    public let directory: String
    public let names: Set<String>
    /// The theme's files below assets/ (own over built-in), by path below assets/, in order.
    public let assets: [ThemeFile]
    let templates: [Template]
    let templateIndex: [String: Int]

    /// Loads every `*.mustache` of the theme (`directory`'s own files over `builtIn`) and checks references.
    /// `required` are the layouts the renderer needs (one per page kind); a missing one is an error, not an empty page.
    public static func load(directory: String, required: [String], builtIn: [String: [UInt8]] = Theme.builtIn) -> (TemplateSet?, [Diagnostic]) {
        var log = DiagnosticLog()
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let theme = Theme.files(own: root, builtIn: builtIn)
        // Every name is known before parsing, so a partial is resolved to the template it includes as it is parsed.
        let files = theme.keys.filter { $0.hasSuffix(".mustache") }.sorted()
        let ordered = files.map { String($0.dropLast(".mustache".count)) }
        let templateIndex = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0) })
        var templates: [Template] = []
        var sources: [String: (path: String, text: String)] = [:]
        for (relative, name) in zip(files, ordered) {
            let file = theme[relative]!
            let path: String
            if case .file(let own) = file.source { path = own } else { path = Theme.builtInLabel + "/" + relative }
            templates.append(Template(nodes: []))
            guard let bytes = file.bytes, let text = String(validating: bytes, as: UTF8.self) else {
                log.error(path, 1, 1, "template is not readable UTF-8 text")
                continue
            }
            sources[name] = (path, text)
            do {
                templates[templates.count - 1] = try TemplateParser.parse(text) { templateIndex[$0] }
            } catch {
                log.error(path, error.location.lineNumber, tagStart(error.location.line, near: error.location.columnNumber),
                          "template does not parse: \(describe(error.kind))")
            }
        }
        for name in required where sources[name] == nil {
            log.error(root + "/" + name + ".mustache", 1, 1, "layout '\(name)' is missing: every page kind needs its template")
        }
        for (_, source) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in references(in: source.text) where sources[reference.name] == nil {
                let what = reference.isParent ? "parent" : "partial"
                var message = "\(what) '\(reference.name)' does not exist"
                if let guess = Suggestions.nearest(to: reference.name, in: sources.keys.sorted()) { message += "; did you mean '\(guess)'?" }
                log.error(source.path, reference.line, reference.column, message)
            }
        }
        if log.hasErrors { return (nil, log.items) }
        let assets = theme.keys.filter { $0.hasPrefix("assets/") }.sorted().map { theme[$0]! }
        return (TemplateSet(directory: root, names: Set(sources.keys), assets: assets, templates: templates, templateIndex: templateIndex), log.items)
    }

    /// Renders `object` with the layout `name`, as UTF-8; nil only when the layout does not exist (checked at
    /// load). `object` is a TemplateValue; anything else is a plain value without fields, `{{.}}` prints it.
    public func renderBytes(_ object: Any, with name: String) -> [UInt8]? {
        guard let index = templateIndex[name] else { return nil }
        let root: TemplateData = (object as? any TemplateValue).map(TemplateData.object) ?? .text(String(describing: object))
        var renderer = TemplateRenderer(templates: templates, templateIndex: templateIndex, root: root, capacity: 16 * 1024)
        renderer.render(templates[index], TemplateRenderer.Scope())
        return renderer.output
    }

    /// `renderBytes` as a String, for callers that want text.
    public func render(_ object: Any, with name: String) -> String? {
        renderBytes(object, with: name).map { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: - Checking references

    struct Reference { var name: String; var isParent: Bool; var line: Int; var column: Int }

    /// `{{> name}}` and `{{< name}}` tags with the default delimiters (the templates use no others).
    static func references(in text: String) -> [Reference] {
        var result: [Reference] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let after = rest[open.upperBound...]
                guard let close = after.range(of: "}}") else { break }
                var tag = after[..<close.lowerBound].trimmingCharacters(in: .whitespaces)[...]
                if let first = tag.first, first == ">" || first == "<" {
                    tag = tag.dropFirst()
                    let name = tag.trimmingCharacters(in: .whitespaces)
                    // Dynamic partials (`{{>*name}}`) are resolved at render time; they are not used here.
                    if !name.isEmpty, !name.hasPrefix("*") {
                        let column = line[..<open.lowerBound].count + 1
                        result.append(Reference(name: name, isParent: first == "<", line: n + 1, column: column))
                    }
                }
                rest = after[close.upperBound...]
            }
        }
        return result
    }

    /// The parser stops somewhere inside the offending tag; point at the tag's `{{` instead.
    static func tagStart(_ line: String, near column: Int) -> Int {
        let chars = Array(line)
        var i = min(column + 1, chars.count - 1)
        while i > 0 {
            if chars[i - 1] == "{" && chars[i] == "{" { return i }
            i -= 1
        }
        return column + 1
    }

    private static func describe(_ error: TemplateSyntaxError.Kind) -> String {
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .illegalTokenInsideInheritSection: return "only {{$block}} sections may appear inside {{<parent}}"
        case .textInsideInheritSection: return "text inside {{<parent}} must be inside a {{$block}}"
        // The rest as swift-mustache's errors printed themselves.
        case .transformAppliedToInheritanceSection: return "transformAppliedToInheritanceSection"
        case .invalidConfigVariableSyntax: return "invalidConfigVariableSyntax"
        case .unrecognisedConfigVariable: return "unrecognisedConfigVariable"
        case .overflow: return "overflow"
        }
    }
}
