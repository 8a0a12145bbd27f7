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
                    return renderPage(page, failed, memo)
                }
            }
        }.flatMap { $0 }
        guard !failed.isSet else { return problems }
        problems += Parallel.map(others) { file in stage(file.path, file.content, failed) }.flatMap { $0 }
        return problems
    }

    private func renderPage(_ page: IncrementalPages.Planned, _ failed: Flag, _ memo: LinkMemo) -> [Diagnostic] {
        guard let html = templates.renderBytes(builder.model(for: page.page), with: page.template) else {
            failed.set()
            return [Diagnostic(path: templates.directory + "/" + page.template + ".mustache", message: "layout '\(page.template)' is missing")]
        }
        let problems = LinkChecker.check(page: page.path, html: html, files: files, outputLabel: outputLabel, memo: memo)
        if !problems.isEmpty { failed.set(); return problems }
        return stage(page.path, .bytes(html), failed)
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
