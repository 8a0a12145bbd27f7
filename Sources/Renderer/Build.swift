// One build, step by step: read Content/, link it, load Templates/, render every page, check every link,
// then write Site/. Any error stops the build before Site/ is touched, with every problem reported at once.

import Content
import Discovery
import Foundation
import Templating

public struct BuildOptions: Sendable {
    public var content: String
    public var templates: String
    public var output: String
    /// Test hook: called before each output file is written (see SiteWriter).
    public var beforeWrite: (@Sendable (String) throws -> Void)?
    /// Called when another build holds the output's lock, before waiting for it (by default, a line on standard error).
    public var waiting: (@Sendable (String) -> Void)?

    public init(content: String = "Content", templates: String = "Templates", output: String = "Site",
                beforeWrite: (@Sendable (String) throws -> Void)? = nil, waiting: (@Sendable (String) -> Void)? = nil) {
        self.content = content
        self.templates = templates
        self.output = output
        self.beforeWrite = beforeWrite
        self.waiting = waiting
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
    public var filesKept = 0                  // other files made by the build kept the same way (parts of the search index)
    public var articlesUnread = 0             // article files not read: unchanged since the last build read them (ContentSnapshot)
    public var notesUnread = 0                // person and event files not read, likewise
    public var articlesAnalysed = 0           // article bodies analysed (mentions, sentences) by this build
    public var articlesReused = 0             // article bodies whose analysis came from the last build (AnalysisCache)
    public var articlesDecided = 0            // articles discovery decided on; the others' decisions were replayed
    public var pageCount: Int { pages.values.reduce(0, +) }
}

public enum SiteBuilder {
    /// Steps in the order they run, for progress output.
    public static let steps = ["read content", "link", "load templates", "plan pages", "render, check and stage", "put in place"]

    /// Whether a build into `output` will find an earlier build's analyses beside it (and so redo little).
    public static func hasCache(output: String) -> Bool {
        FileManager.default.fileExists(atPath: PageCache.folder(forOutput: output) + "/" + analysisFile)
    }

    /// The analysis cache's file in the cache folder (`hasCache` asks whether it is there).
    private static let analysisFile = "analysis.bin"

    /// What a build says when another build of the same output holds its lock.
    @Sendable static func sayWaiting(_ output: String) {
        FileHandle.standardError.write(Data("waiting for another build of \(output) to finish (\(OutputLock.path(forOutput: output)))\n".utf8))
    }

    public static func build(_ options: BuildOptions, progress: (@Sendable (Int, String) -> Void)? = nil) throws(BuildFailure) -> BuildReport {
        let started = DispatchTime.now()
        // No site yet: no build has succeeded into this output (a failed one may have left the content caches).
        let firstBuild = !FileManager.default.fileExists(atPath: options.output + "/index.html")
        var log = DiagnosticLog()
        let leftovers = Leftovers()
        defer { leftovers.freeAfterReturn() }

        progress?(1, steps[0])
        // The output is listed on another thread from the start (IncrementalPages and SiteWriter look at every file),
        // after a killed build's journal is completed (OutputListing). Only an output folder the build may write to
        // is touched or listed (OutputGuard: not /, not inside Content/, ...).
        // The layouts are read and parsed on another core meanwhile: a rebuild waited for them alone.
        let loadingTemplates = Parallel.Pending([options.templates]) { TemplateSet.load(directory: $0, required: PageBuilder.layouts) }
        // One build per output at a time: a second one waits here, before it looks at the output (OutputLock).
        var outputLock: OutputLock?
        defer { withExtendedLifetime(outputLock) {} }             // released as the build returns, after its caches are saved
        let outputProblems = OutputGuard.problems(output: options.output, content: options.content, templates: options.templates) { (output: String) throws(OutputRefusal) in
            outputLock = try OutputLock(output: output) { (options.waiting ?? Self.sayWaiting)(output) }
        }
        let listing = outputProblems.isEmpty ? OutputListing(output: options.output) : nil
        let cacheFolder = PageCache.folder(forOutput: options.output)
        // An output with no manifest and this cache beside it was built by an older Dossier (OutputManifest.owned).
        let olderBuild = FileManager.default.fileExists(atPath: cacheFolder)
        // The last build's page signatures are read on another core too (IncrementalPages compares them).
        let loadingPageCache = Parallel.Pending([options.output]) { outputProblems.isEmpty ? PageCache.load(forOutput: $0) : PageCache() }
        let snapshot = ContentSnapshot(path: cacheFolder + "/content.bin", salt: PageSignatures.programIdentity())
        let (content, references, loadLog) = ContentLoader.load(directory: options.content, snapshot: snapshot)
        snapshot.saveInBackground()
        defer { snapshot.finishSaving() }
        log.append(contentsOf: loadLog)

        progress?(2, steps[1])
        var dossier: Dossier?
        var analysisCache: AnalysisCache?
        defer { analysisCache?.finishSaving() }                   // written while the pages render; never cut short
        if let content {
            let cache = AnalysisCache(path: cacheFolder + "/" + analysisFile, salt: PageSignatures.programIdentity())
            let (linked, linkLog) = Linker.link(content, references: references, cache: cache)
            analysisCache = cache
            log.append(contentsOf: linkLog)
            dossier = linked
        }

        log.append(contentsOf: outputProblems)

        progress?(3, steps[2])
        let (templates, templateProblems) = loadingTemplates.wait()[0]
        log.append(contentsOf: templateProblems)
        guard !log.hasErrors, let dossier, let templates else { throw BuildFailure(log.items) }
        leftovers.hold(dossier)
        leftovers.hold(content)

        progress?(4, steps[3])
        let incremental = IncrementalPages(dossier: dossier, templatesDirectory: templates.directory, output: options.output, listing: listing,
                                           cache: loadingPageCache.wait()[0])
        let (made, extraProblems) = otherFiles(dossier, templates: templates, pagePaths: incremental.planned.map(\.path),
                                               signatures: incremental.signatures, searchWords: cacheFolder + "/search-words.txt")
        let extras = incremental.keep(made)
        // Every page's signature and plan, the snapshot's records, the cache's index: freed after the build too.
        leftovers.hold(incremental); leftovers.hold(snapshot); leftovers.hold(analysisCache); leftovers.hold(templates)
        log.append(contentsOf: extraProblems)
        guard !log.hasErrors else { throw BuildFailure(log.items) }
        let outputLabel = options.output.hasSuffix("/") ? String(options.output.dropLast()) : options.output
        let paths = incremental.planned.map(\.path) + extras.map(\.path)
        let staged: StagedSite
        do {
            PageCache.remove(forOutput: options.output)           // while Site/ changes, no cache can vouch for it
            staged = try SiteWriter(output: options.output, beforeWrite: options.beforeWrite).stage(paths: paths, listing: listing,
                                                                                                 olderBuild: olderBuild)
        } catch let refusal as OutputRefusal {
            log.append(Diagnostic(path: outputLabel, message: refusal.message))
            throw BuildFailure(log.items)
        } catch {
            log.append(Diagnostic(path: outputLabel, message: "site not written, the previous one is unchanged: \(error)"))
            throw BuildFailure(log.items)
        }

        progress?(5, steps[4])
        let toRender = incremental.toRender
        // A rebuild that renders no list and few pages shows few articles: their values are made as pages ask.
        let fewPages = toRender.count < 1_000 && !toRender.contains { if case .list = $0.page.kind { true } else { false } }
        let pages = PagePipeline(builder: PageBuilder(dossier: dossier, fewPages: fewPages), templates: templates, files: Set(paths),
                                 outputLabel: outputLabel, staged: staged)
        // The page cache's lines for the pages kept are made on another core meanwhile (a rebuild keeps nearly all).
        let keptLines = Parallel.Pending([incremental]) { $0.keptLines() }
        log.append(contentsOf: pages.run(render: toRender, keep: incremental.kept.map(\.path), extras: extras))
        leftovers.hold(pages); leftovers.hold(staged); leftovers.hold(extras)
        guard !log.hasErrors else {
            staged.abandon()
            throw BuildFailure(log.items)
        }

        progress?(6, steps[5])
        var report = BuildReport()
        do {
            report.write = try staged.commit()
            incremental.save(files: extras, keptLines: keptLines.wait()[0])
        } catch {
            log.append(Diagnostic(path: outputLabel, message: "site not written, the previous one is unchanged: \(error)"))
            throw BuildFailure(log.items)
        }
        for page in incremental.planned { report.pages[page.template, default: 0] += 1 }
        // A first successful build after failed ones counts what they read and analysed as read and analysed:
        // "unchanged, not read" would describe a build the user never saw succeed.
        report.articlesUnread = firstBuild ? 0 : snapshot.reused
        report.notesUnread = firstBuild ? 0 : snapshot.notesReused
        report.articlesReused = firstBuild ? 0 : analysisCache?.reused ?? 0
        report.articlesAnalysed = dossier.articles.count - report.articlesReused
        report.articlesDecided = analysisCache?.decided ?? dossier.articles.count
        report.rendered = toRender.count
        report.reused = incremental.kept.count
        report.assets = extras.count
        report.filesKept = extras.filter { if case .unchanged = $0.content { true } else { false } }.count
        if !staged.leftAlone.isEmpty {
            log.warning(outputLabel, 1, 1, "kept \(OutputManifest.listing(staged.leftAlone)), which this build does not write: the folder had no \(OutputManifest.name) yet (an older Dossier built it), so they may not be Dossier's; delete them if they are")
        }
        report.warnings = log.warnings.sorted()
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return report
    }

    /// The files that are not pages: the search index, the feed and sitemap when base_url is absolute (the
    /// sitemap lists every page), the theme's assets (Templates/assets over the built-in ones), then Content/assets.
    /// `searchWords`: the cache file of each article's words, which the search index reads for unchanged articles.
    static func otherFiles(_ dossier: Dossier, templates: TemplateSet, pagePaths: [String],
                           signatures: PageSignatures, searchWords: String? = nil) -> ([OutputFile], [Diagnostic]) {
        var problems: [Diagnostic] = []
        var files = SearchIndex.files(dossier, articleSignatures: signatures.articles, wordCache: searchWords) + Feeds.files(dossier, pagePaths: pagePaths)
        var assetOwner: [String: OutputFile.Content] = [:]
        // The theme's assets: the own templates folder's over the built-in ones (Templating.Theme).
        for asset in templates.assets {
            switch asset.source {
            case .file(let source): assetOwner[asset.path] = .copy(from: source)
            case .builtIn(let bytes): assetOwner[asset.path] = .bytes(bytes)
            }
        }
        for asset in dossier.assets {
            let path = "assets/" + asset.relativePath
            if assetOwner[path] != nil {
                problems.append(Diagnostic(path: asset.absolutePath, message: "has the same name as the theme's \(path); rename it"))
                continue
            }
            assetOwner[path] = .copy(from: asset.absolutePath)
        }
        let generated = Set(files.map(\.path))
        for (path, content) in assetOwner.sorted(by: { $0.key < $1.key }) where !generated.contains(path) {
            files.append(OutputFile(path: path, content: content))
        }
        return (files, problems)
    }
}

/// What a build made that is freed on another thread once the build has returned: freeing a linked dossier of
/// 10,000 articles (millions of small objects) on the way out was a tenth of a rebuild, and the command exits
/// right after printing its report, without waiting for it.
final class Leftovers: @unchecked Sendable {
    private var held: [Any] = []

    func hold(_ value: Any?) { if let value { held.append(value) } }

    /// Called as the build returns (its defer is the first declared, so it runs after the build's own locals are
    /// gone): the last references are these, let go of on another thread.
    func freeAfterReturn() {
        guard !held.isEmpty else { return }
        DispatchQueue.global(qos: .utility).async { self.held.removeAll() }
    }
}
