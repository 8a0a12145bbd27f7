// One build, step by step: read Content/, link it, load Templates/, render every page, check every link,
// then write Site/. Any error stops the build before Site/ is touched, with every problem reported at once.

import Content
import Foundation
import Templating

public struct BuildOptions: Sendable {
    public var content: String
    public var templates: String
    public var output: String
    /// Test hook: called before each output file is written (see SiteWriter).
    public var beforeWrite: (@Sendable (String) throws -> Void)?

    public init(content: String = "Content", templates: String = "Templates", output: String = "Site",
                beforeWrite: (@Sendable (String) throws -> Void)? = nil) {
        self.content = content
        self.templates = templates
        self.output = output
        self.beforeWrite = beforeWrite
    }
}

public struct BuildReport: Sendable {
    public var pages: [String: Int] = [:]     // layout name → pages rendered with it
    public var assets = 0
    public var write = WriteReport()
    public var warnings: [Diagnostic] = []
    public var seconds: Double = 0
    public var pageCount: Int { pages.values.reduce(0, +) }
}

public enum SiteBuilder {
    /// Steps in the order they run, for progress output.
    public static let steps = ["read content", "link", "load templates", "render", "check links", "write"]

    public static func build(_ options: BuildOptions, progress: (@Sendable (Int, String) -> Void)? = nil) throws(BuildFailure) -> BuildReport {
        let started = DispatchTime.now()
        var log = DiagnosticLog()

        progress?(1, steps[0])
        let (content, references, loadLog) = ContentLoader.load(directory: options.content)
        log.append(contentsOf: loadLog)

        progress?(2, steps[1])
        var dossier: Dossier?
        if let content {
            let (linked, linkLog) = Linker.link(content, references: references)
            log.append(contentsOf: linkLog)
            dossier = linked
        }

        log.append(contentsOf: OutputGuard.problems(output: options.output, content: options.content, templates: options.templates))

        progress?(3, steps[2])
        let (templates, templateProblems) = TemplateSet.load(directory: options.templates, required: PageBuilder.layouts)
        log.append(contentsOf: templateProblems)
        guard !log.hasErrors, let dossier, let templates else { throw BuildFailure(log.items) }

        progress?(4, steps[3])
        let (files, pageHTML, pages, renderProblems) = render(dossier, templates: templates)
        log.append(contentsOf: renderProblems)
        guard !log.hasErrors else { throw BuildFailure(log.items) }

        progress?(5, steps[4])
        let outputLabel = options.output.hasSuffix("/") ? String(options.output.dropLast()) : options.output
        log.append(contentsOf: LinkChecker.check(pages: pageHTML, files: Set(files.map(\.path)), outputLabel: outputLabel))
        guard !log.hasErrors else { throw BuildFailure(log.items) }

        progress?(6, steps[5])
        var report = BuildReport()
        do {
            report.write = try SiteWriter(output: options.output, beforeWrite: options.beforeWrite).write(files)
        } catch {
            log.append(Diagnostic(path: outputLabel, message: "site not written, the previous one is unchanged: \(error)"))
            throw BuildFailure(log.items)
        }
        report.pages = pages
        report.assets = files.count - pageHTML.count
        report.warnings = log.warnings.sorted()
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return report
    }

    /// Renders every page (in parallel) and lists the assets: the theme's from Templates/assets, then Content/assets.
    static func render(_ dossier: Dossier, templates: TemplateSet) -> ([OutputFile], [(path: String, html: String)], [String: Int], [Diagnostic]) {
        var problems: [Diagnostic] = []
        let specs = PageBuilder(dossier: dossier).allPages()
        let rendered = Parallel.map(specs) { spec in templates.render(spec.model, with: spec.template) }
        var files: [OutputFile] = []
        var pages: [(path: String, html: String)] = []
        var counts: [String: Int] = [:]
        for (spec, html) in zip(specs, rendered) {
            guard let html else {
                problems.append(Diagnostic(path: templates.directory + "/" + spec.template + ".mustache", message: "layout '\(spec.template)' is missing"))
                continue
            }
            files.append(OutputFile(path: spec.path, content: .bytes(Array(html.utf8))))
            pages.append((spec.path, html))
            counts[spec.template, default: 0] += 1
        }
        // Generated non-HTML files: the search index, and the feed and sitemap when base_url is absolute.
        files += SearchIndex.files(dossier) + Feeds.files(dossier, pagePaths: pages.map(\.path))
        var assetOwner: [String: String] = [:]
        let themeAssets = templates.directory + "/assets"
        for relative in SiteWriter.listFiles(themeAssets).sorted() where !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            assetOwner["assets/" + relative] = themeAssets + "/" + relative
        }
        for asset in dossier.assets {
            let path = "assets/" + asset.relativePath
            if assetOwner[path] != nil {
                problems.append(Diagnostic(path: asset.absolutePath, message: "has the same name as the theme's \(path); rename it"))
                continue
            }
            assetOwner[path] = asset.absolutePath
        }
        for (path, source) in assetOwner.sorted(by: { $0.key < $1.key }) {
            if files.contains(where: { $0.path == path }) { continue }
            files.append(OutputFile(path: path, content: .copy(from: source)))
        }
        return (files, pages, counts, problems)
    }
}
