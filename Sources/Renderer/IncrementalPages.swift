// Decides which pages a build must render: every page has a signature of its inputs (PageCache.swift); a page
// whose signature matches the last build's, and whose file in the output is still the one that build wrote,
// is kept as it is. The rest are built (view models in parallel) and rendered.

import Content
import Foundation

struct IncrementalPages: Sendable {
    struct Planned: Sendable {
        var page: PageBuilder.Plan
        var signature: UInt64
        var path: String { page.path }
        var template: String { page.template }
    }

    let output: String
    let planned: [Planned]
    /// Parallel to `planned`: true where the file in the output can be kept.
    let reusable: [Bool]

    init(dossier: Dossier, templatesDirectory: String, output: String) {
        self.output = output
        let signatures = PageSignatures(dossier: dossier, templatesDirectory: templatesDirectory)
        planned = Parallel.map(PageBuilder.plan(dossier)) { page in
            let signature: UInt64
            switch page.kind {
            case .list: signature = signatures.list(page.template)
            case .person(let p): signature = signatures.person(p)
            case .event(let e): signature = signatures.event(e)
            case .article(let a): signature = signatures.article(a)
            }
            return Planned(page: page, signature: signature)
        }
        let cache = PageCache.load(forOutput: output)
        let root = URL(fileURLWithPath: output).standardizedFileURL.path
        reusable = cache.entries.isEmpty ? planned.map { _ in false } : Parallel.map(planned) { page in
            guard let entry = cache.entries[page.path], entry.signature == page.signature,
                  let stamp = PageCache.stamp(root + "/" + page.path) else { return false }
            return stamp.size == entry.size && stamp.modified == entry.modified
        }
    }

    /// The pages whose files cannot be kept: they are rendered.
    var toRender: [Planned] { zip(planned, reusable).filter { !$0.1 }.map(\.0) }

    /// The pages kept from the last build: path and layout.
    var kept: [(path: String, template: String)] {
        zip(planned, reusable).filter { $0.1 }.map { ($0.0.path, $0.0.template) }
    }

    /// After a successful write: remembers every page's signature with its file's size and time now.
    func save() {
        let root = URL(fileURLWithPath: output).standardizedFileURL.path
        let stamps = Parallel.map(planned) { PageCache.stamp(root + "/" + $0.path) }
        var cache = PageCache()
        for (page, stamp) in zip(planned, stamps) {
            guard let stamp else { continue }
            cache.entries[page.path] = PageCache.Entry(signature: page.signature, size: stamp.size, modified: stamp.modified)
        }
        cache.save(forOutput: output)
    }
}
