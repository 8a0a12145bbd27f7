// What several commands share: the folders they build from and to, how they are found when no option names
// them, and how a build is summed up.

import ArgumentParser
import Content
import Foundation
import Renderer

/// The folder of a dossier: the one holding `Content/`, beside which `Templates/` (optional) and `Site/` live.
/// A command run in it, or in any folder below it, needs no folder options: like git looking for `.git/`, the
/// working folder is tried first (any `Content/` folder counts), then each folder above it that holds
/// `Content/dossier.yml`. With none found, the working folder is used, and the command says Content/ is missing.
public enum DossierRoot {
    /// The dossier's folder as a path relative to the working folder: "." or "..", "../..", and so on.
    public static func find(from start: String = FileManager.default.currentDirectoryPath) -> String {
        if isFolder(start + "/Content") { return "." }
        var url = URL(fileURLWithPath: start).standardizedFileURL
        var ups: [String] = []
        while url.path != "/" {
            url.deleteLastPathComponent()
            ups.append("..")
            if FileManager.default.fileExists(atPath: url.path + "/Content/dossier.yml") { return ups.joined(separator: "/") }
        }
        return "."
    }

    /// `name` (Content, Templates, Site) in the dossier's folder: "Content" when that is the working folder.
    public static func path(_ name: String, root: String = find()) -> String {
        root == "." ? name : root + "/" + name
    }

    /// The content folder a command uses: `given` (its --content) or Content/ of the dossier found.
    public static func content(_ given: String?) -> String { given ?? path("Content") }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// Where content, templates and output live; shared by every command that builds. Each option is optional:
/// see DossierRoot for the defaults.
public struct Folders: ParsableArguments {
    @Option(name: .customLong("content"), help: ArgumentHelp(
        "The content folder: dossier.yml, articles/, people/, events/, assets/. Default: Content/ here, or in the nearest folder above that has one.",
        valueName: "content"))
    var contentOption: String?
    @Option(name: .customLong("templates"), help: ArgumentHelp(
        "Your own templates: each file replaces the built-in theme's file of that name; the rest stay built-in. Default: Templates/ beside the content folder, when there is one.",
        valueName: "templates"))
    var templatesOption: String?
    @Option(name: .customLong("output"), help: ArgumentHelp(
        "Where the site is written; it is replaced only when the build succeeds. Default: Site/ beside Content/.",
        valueName: "output"))
    var outputOption: String?
    public init() {}

    public var content: String { DossierRoot.content(contentOption) }
    /// The own templates folder; it need not exist unless given with --templates (then only the built-in theme is used).
    public var templates: String {
        if let templatesOption { return templatesOption }
        let parent = (content as NSString).deletingLastPathComponent
        return parent.isEmpty ? "Templates" : parent + "/Templates"
    }
    public var output: String { outputOption ?? (contentOption == nil ? DossierRoot.path("Site") : "Site") }
    /// Whether --templates was given (serve passes it on only then, or when the default folder exists).
    public var templatesGiven: Bool { templatesOption != nil }

    public func validate() throws {
        if let templatesOption, !DossierRoot.isFolder(templatesOption) {
            throw ValidationError("--templates \(templatesOption): no such folder. Leave the option out to use the built-in theme, or `dossier init DIR --templates` for a copy to edit")
        }
    }
}

/// The program's version, printed by `dossier --version`: one constant, changed when a release is made, so that a
/// build from the same source says the same thing.
public enum DossierVersion {
    public static let current = "0.9.0"
}

public enum Terminal {
    /// Builds the site as `dossier build` does, printing its steps, its warnings and what it built. When the build
    /// fails, every problem is printed and the count of errors returned, for the caller to say what was left undone.
    /// `onStep`: called as each step starts, with its number (the command returns freed memory between steps).
    public static func build(_ options: BuildOptions, console: Console, output: String,
                             onStep: (@Sendable (Int) -> Void)? = nil) -> Result<BuildReport, BuildErrors> {
        do {
            let report = try SiteBuilder.build(options) { step, name in
                onStep?(step)
                console.progress(step: step, of: SiteBuilder.steps.count, name)
            }
            console.diagnostics(report.warnings)
            console.success(summary(report, output: output))
            return .success(report)
        } catch {
            console.diagnostics(error.diagnostics)
            return .failure(BuildErrors(count: error.diagnostics.filter { $0.severity == .error }.count))
        }
    }

    /// How many errors a failed build printed; `described` reads "1 error", "2 errors".
    public struct BuildErrors: Error {
        public let count: Int
        public var described: String { "\(count) error\(count == 1 ? "" : "s")" }
    }

    public static func summary(_ report: BuildReport, output: String) -> String {
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        let kinds: [(String, String, String)] = [("person", "person", "people"), ("event", "event", "events"), ("article", "article", "articles")]
        var parts = kinds.map { count(report.pages[$0.0] ?? 0, $0.1, $0.2) }
        let lists = report.pageCount - kinds.reduce(0) { $0 + (report.pages[$1.0] ?? 0) }
        parts.append(count(lists, "list", "lists"))
        parts.append(count(report.assets, "asset", "assets"))
        let w = report.write
        if report.reused > 0 { parts.append("\(report.rendered) rendered, \(report.reused) kept: inputs unchanged") }
        if report.articlesUnread > 0 { parts.append("\(report.articlesUnread) article files unchanged, not read") }
        if report.articlesReused > 0 { parts.append("\(report.articlesAnalysed) articles analysed, \(report.articlesReused) as before") }
        return "Built \(output)/ in \(String(format: "%.2f", report.seconds)) s: \(report.pageCount) pages (\(parts.joined(separator: ", "))); "
            + "\(w.written) written, \(w.unchanged) unchanged, \(w.removed) removed. Open \(output)/index.html"
    }
}
