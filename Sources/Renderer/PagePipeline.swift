// Each page goes through the whole pipeline on one core: view model, layout, link check, into the staging
// folder. No step waits for every page, so the build never holds the whole site in memory (at 10,000 articles
// that was 370 MB of HTML) and writing overlaps rendering.

import Content
import Foundation
import Templating

struct PagePipeline: Sendable {
    let builder: PageBuilder
    let templates: TemplateSet
    let files: Set<String>              // every file the new site holds: links must name one of them
    let outputLabel: String
    let staged: StagedSite

    /// Renders `render`, keeps the old files of `keep`, adds `extras`; returns every problem found. After the
    /// first problem nothing more is staged (the staging folder is abandoned), but every page is still
    /// rendered and checked, so that all broken links are reported at once.
    func run(render: [IncrementalPages.Planned], keep: [String], extras: [OutputFile]) -> [Diagnostic] {
        let failed = Flag()
        let articlePaths = builder.dossier.articles.map { Paths.article($0.slug) }
        let fragments = FragmentCheck(articlePaths: articlePaths)         // links to a sentence: checked once all pages are
        // Generated files (the search index) go first, beside the pages, so that one core makes them while
        // the other renders; the rest (kept pages, assets) follow once every page has passed its link check.
        var generated: [OutputFile] = [], others = keep.map { OutputFile(path: $0, content: .unchanged) }
        for file in extras {
            if case .generated = file.content { generated.append(file) } else { others.append(file) }
        }
        // In groups, as Parallel.map would cut them, so that each group checks its pages' links with memos of its own
        // (one per folder: LinkMemo), unshared between threads.
        let jobs = generated.map { Job.file($0) } + render.map { Job.page($0) }
        let size = Parallel.chunkSize(jobs.count)
        let groups = stride(from: 0, to: jobs.count, by: size).map { jobs[$0..<min($0 + size, jobs.count)] }
        var problems = Parallel.map(groups) { group -> [Diagnostic] in
            var memos: [Substring: LinkMemo] = [:]
            return group.flatMap { job -> [Diagnostic] in
                switch job {
                case .file(let file): return stage(file.path, file.content, failed)
                case .page(let page):
                    let folder = page.path.utf8.lastIndex(of: UInt8(ascii: "/")).map { page.path[..<$0] } ?? ""
                    let memo = memos[folder] ?? LinkMemo()
                    memos[folder] = memo
                    return renderPage(page, failed, memo, fragments)
                }
            }
        }.flatMap { $0 }
        var planOf: [String: PageBuilder.Plan]?                           // made only when a fragment link is broken
        let broken = fragments.problems(articlePaths: articlePaths, outputLabel: outputLabel) { path in
            if planOf == nil { planOf = Dictionary(render.map { ($0.path, $0.page) }, uniquingKeysWith: { first, _ in first }) }
            return planOf?[path].flatMap(bodyOf)
        }
        if !broken.isEmpty { failed.set(); problems += broken }
        guard !failed.isSet else { return problems }
        problems += Parallel.map(others) { file in stage(file.path, file.content, failed) }.flatMap { $0 }
        return problems
    }

    private func renderPage(_ page: IncrementalPages.Planned, _ failed: Flag, _ memo: LinkMemo, _ fragments: FragmentCheck) -> [Diagnostic] {
        guard let html = templates.renderBytes(builder.model(for: page.page), with: page.template) else {
            failed.set()
            return [Diagnostic(path: templates.directory + "/" + page.template + ".mustache", message: "layout '\(page.template)' is missing")]
        }
        let broken = LinkChecker.brokenLinks(page: page.path, html: html, files: files, outputLabel: outputLabel, memo: memo)
        fragments.record(page: page.path, html: html)
        guard !broken.isEmpty else { return stage(page.path, .bytes(html), failed) }
        let problems = located(broken, on: page.page)
        if problems.contains(where: { $0.severity == .error }) { failed.set(); return problems }
        return problems + stage(page.path, .bytes(html), failed)             // warnings only: the page is written
    }

    /// A page's broken links, those its Markdown body wrote at the body file's line and column (LinkChecker.locate);
    /// on a page that lists others (the briefing shows every profile), at the line of whichever body holds them.
    private func located(_ broken: [LinkChecker.BrokenLink], on page: PageBuilder.Plan) -> [Diagnostic] {
        let dossier = builder.dossier
        func own(_ body: String, _ path: String, _ firstLine: Int) -> [Diagnostic] {
            let (placed, unplaced) = LinkChecker.locate(broken, inBody: body, path: path, firstLine: firstLine)
            return placed + unplaced.map(\.diagnostic)
        }
        switch page.kind {
        case .article(let a) where dossier.articles[a].format == .markdown:
            let article = dossier.articles[a]
            return own(article.body, article.path, article.bodyFirstLine)
        case .person(let p):
            let person = dossier.people[p]
            return own(person.profile, person.path, person.bodyFirstLine)
        case .event(let e):
            let event = dossier.events[e]
            return own(event.description, event.path, event.bodyFirstLine)
        case .list:
            // Only bodies that hold a broken link's text are parsed; an empty link (an unsafe one dropped) is reported
            // at its place by the body's own page.
            var remaining = broken.filter { !$0.link.isEmpty }
            var placed: [Diagnostic] = []
            let bodies = dossier.people.map { ($0.profile, $0.path, $0.bodyFirstLine) } + dossier.events.map { ($0.description, $0.path, $0.bodyFirstLine) }
                + dossier.articles.filter { $0.format == .markdown }.map { ($0.body, $0.path, $0.bodyFirstLine) }
            for (body, path, firstLine) in bodies where remaining.contains(where: { body.contains($0.link) }) {
                let found = LinkChecker.locate(remaining, inBody: body, path: path, firstLine: firstLine, shownOn: page.path)
                placed += found.placed
                remaining = found.unplaced
            }
            return placed + remaining.map(\.diagnostic)
        default:
            return broken.map(\.diagnostic)
        }
    }

    /// The Markdown body a page shows as its own, where a link it wrote is reported (FragmentCheck).
    private func bodyOf(_ page: PageBuilder.Plan) -> FragmentCheck.Body? {
        let dossier = builder.dossier
        switch page.kind {
        case .article(let a) where dossier.articles[a].format == .markdown:
            return (dossier.articles[a].body, dossier.articles[a].path, dossier.articles[a].bodyFirstLine)
        case .person(let p) where page.part.number == 1: return (dossier.people[p].profile, dossier.people[p].path, dossier.people[p].bodyFirstLine)
        case .event(let e) where page.part.number == 1: return (dossier.events[e].description, dossier.events[e].path, dossier.events[e].bodyFirstLine)
        default: return nil
        }
    }

    private enum Job: Sendable { case page(IncrementalPages.Planned), file(OutputFile) }

    private func stage(_ path: String, _ content: OutputFile.Content, _ failed: Flag) -> [Diagnostic] {
        if failed.isSet { return [] }
        do {
            try staged.put(path, content)
            return []
        } catch {
            // The first write error is the one to report; later ones are usually the same disk problem.
            guard failed.setFirst() else { return [] }
            return [Diagnostic(path: outputLabel, message: "site not written, the previous one is unchanged: \(error)")]
        }
    }
}

/// A flag any thread may raise; `setFirst` tells the one thread that raised it first.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return raised }
    func set() { _ = setFirst() }
    func setFirst() -> Bool {
        lock.lock(); defer { lock.unlock() }
        if raised { return false }
        raised = true
        return true
    }
}
