// Decides which pages a build must render: every page has a signature of its inputs (PageCache.swift); a page
// whose signature matches the last build's, and whose file in the output is still the one that build wrote,
// is kept as it is. The rest are built (view models in parallel) and rendered.

import Content
import Foundation

struct IncrementalPages: Sendable {
    struct Planned: Sendable {
        enum Kind: Sendable { case list, person(Int), event(Int), article(Int) }
        var path: String
        var template: String
        var kind: Kind
        var signature: UInt64
    }

    let output: String
    let planned: [Planned]
    /// Parallel to `planned`: true where the file in the output can be kept.
    let reusable: [Bool]

    init(dossier: Dossier, templatesDirectory: String, output: String) {
        self.output = output
        let signatures = PageSignatures(dossier: dossier, templatesDirectory: templatesDirectory)
        var planned: [Planned] = [
            Planned(path: Paths.home, template: "index", kind: .list, signature: signatures.list("index")),
            Planned(path: Paths.peopleIndex, template: "people", kind: .list, signature: signatures.list("people")),
            Planned(path: Paths.eventsIndex, template: "events", kind: .list, signature: signatures.list("events")),
            Planned(path: Paths.articlesIndex, template: "articles", kind: .list, signature: signatures.list("articles")),
            Planned(path: Paths.timeline, template: "timeline", kind: .list, signature: signatures.list("timeline")),
        ]
        planned += Parallel.map(Array(dossier.people.indices)) {
            Planned(path: Paths.person(dossier.people[$0].slug), template: "person", kind: .person($0), signature: signatures.person($0))
        }
        planned += Parallel.map(Array(dossier.events.indices)) {
            Planned(path: Paths.event(dossier.events[$0].slug), template: "event", kind: .event($0), signature: signatures.event($0))
        }
        planned += Parallel.map(Array(dossier.articles.indices)) {
            Planned(path: Paths.article(dossier.articles[$0].slug), template: "article", kind: .article($0), signature: signatures.article($0))
        }
        self.planned = planned
        let cache = PageCache.load(forOutput: output)
        let root = URL(fileURLWithPath: output).standardizedFileURL.path
        reusable = cache.entries.isEmpty ? planned.map { _ in false } : Parallel.map(planned) { page in
            guard let entry = cache.entries[page.path], entry.signature == page.signature,
                  let stamp = PageCache.stamp(root + "/" + page.path) else { return false }
            return stamp.size == entry.size && stamp.modified == entry.modified
        }
    }

    /// The pages to render, view models built in parallel.
    func pagesToRender(_ builder: PageBuilder) -> [PageSpec] {
        let todo = zip(planned, reusable).filter { !$0.1 }.map(\.0)
        return Parallel.map(todo) { page -> PageSpec in
            let model: any Sendable
            switch page.kind {
            case .person(let p): model = builder.personPage(p)
            case .event(let e): model = builder.eventPage(e)
            case .article(let a): model = builder.articlePage(a)
            case .list:
                switch page.template {
                case "index": model = builder.indexPage()
                case "people": model = builder.peopleIndex()
                case "events": model = builder.eventsIndex()
                case "articles": model = builder.articlesIndex()
                default: model = builder.timelinePage()
                }
            }
            return PageSpec(path: page.path, template: page.template, model: model)
        }
    }

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
