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
    public var rendered = 0                   // pages rendered by this build
    public var reused = 0                     // pages kept from the last build: their inputs did not change (PageCache)
    public var articlesAnalysed = 0           // article bodies analysed (mentions, sentences) by this build
    public var articlesReused = 0             // article bodies whose analysis came from the last build (AnalysisCache)
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
        var analysisCache: AnalysisCache?
        if let content {
            let cache = AnalysisCache(path: PageCache.folder(forOutput: options.output) + "/analysis.bin", salt: PageSignatures.programIdentity())
            let (linked, linkLog) = Linker.link(content, references: references, cache: cache)
            analysisCache = cache
            log.append(contentsOf: linkLog)
            dossier = linked
        }

        log.append(contentsOf: OutputGuard.problems(output: options.output, content: options.content, templates: options.templates))

        progress?(3, steps[2])
        let (templates, templateProblems) = TemplateSet.load(directory: options.templates, required: PageBuilder.layouts)
        log.append(contentsOf: templateProblems)
        guard !log.hasErrors, let dossier, let templates else { throw BuildFailure(log.items) }

        progress?(4, steps[3])
        let incremental = IncrementalPages(dossier: dossier, templatesDirectory: templates.directory, output: options.output)
        let (files, pageHTML, pages, renderProblems) = render(dossier, templates: templates, incremental: incremental)
        log.append(contentsOf: renderProblems)
        guard !log.hasErrors else { throw BuildFailure(log.items) }

        progress?(5, steps[4])
        let outputLabel = options.output.hasSuffix("/") ? String(options.output.dropLast()) : options.output
        log.append(contentsOf: LinkChecker.check(pages: pageHTML, files: Set(files.map(\.path)), outputLabel: outputLabel))
        guard !log.hasErrors else { throw BuildFailure(log.items) }

        progress?(6, steps[5])
        var report = BuildReport()
        do {
            PageCache.remove(forOutput: options.output)           // while Site/ changes, no cache can vouch for it
            report.write = try SiteWriter(output: options.output, beforeWrite: options.beforeWrite).write(files)
            incremental.save()
        } catch {
            log.append(Diagnostic(path: outputLabel, message: "site not written, the previous one is unchanged: \(error)"))
            throw BuildFailure(log.items)
        }
        report.pages = pages
        report.articlesReused = analysisCache?.reused ?? 0
        report.articlesAnalysed = dossier.articles.count - report.articlesReused
        report.rendered = pageHTML.count
        report.reused = incremental.kept.count
        report.assets = files.count - pageHTML.count - report.reused
        report.warnings = log.warnings.sorted()
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return report
    }

    /// Renders every page (in parallel) and lists the assets: the theme's from Templates/assets, then Content/assets.
    static func render(_ dossier: Dossier, templates: TemplateSet, incremental: IncrementalPages? = nil) -> ([OutputFile], [(path: String, html: [UInt8])], [String: Int], [Diagnostic]) {
        var problems: [Diagnostic] = []
        let specs = incremental?.pagesToRender(PageBuilder(dossier: dossier)) ?? PageBuilder(dossier: dossier).allPages()
        // Straight to UTF-8 bytes, page by page: holding every page as a String and as bytes doubled peak memory.
        let rendered = Parallel.map(specs) { spec in templates.renderBytes(spec.model, with: spec.template) }
        var files: [OutputFile] = []
        var pages: [(path: String, html: [UInt8])] = []
        var counts: [String: Int] = [:]
        for (spec, html) in zip(specs, rendered) {
            guard let html else {
                problems.append(Diagnostic(path: templates.directory + "/" + spec.template + ".mustache", message: "layout '\(spec.template)' is missing"))
                continue
            }
            files.append(OutputFile(path: spec.path, content: .bytes(html)))
            pages.append((spec.path, html))
            counts[spec.template, default: 0] += 1
        }
        for page in incremental?.kept ?? [] {
            files.append(OutputFile(path: page.path, content: .unchanged))
            counts[page.template, default: 0] += 1
        }
        // Generated non-HTML files: the search index, and the feed and sitemap when base_url is absolute
        // (the sitemap lists every page, rendered now or kept from the last build).
        let pagePaths = pages.map(\.path) + (incremental?.kept ?? []).map(\.path)
        files += SearchIndex.files(dossier) + Feeds.files(dossier, pagePaths: pagePaths)
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
