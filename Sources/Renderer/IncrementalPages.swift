// Decides which pages a build must render: every page has a signature of its inputs (PageCache.swift); a page
// whose signature matches the last build's, and whose file in the output is still the one that build wrote,
// is kept as it is. The rest are built (view models in parallel) and rendered.

import Content
import Discovery
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
    /// What the pages and the search index are signed with.
    let signatures: PageSignatures
    private let cache: PageCache
    private let listing: OutputListing

    /// `listing`: the output folder as the build found it (by default, listed now); `cache`: the output's page
    /// cache (by default, read now; a build reads it on another core from the start).
    init(dossier: Dossier, templatesDirectory: String, output: String, listing: OutputListing? = nil, cache: PageCache? = nil) {
        self.output = output
        let listing = listing ?? OutputListing(output: output)
        self.listing = listing
        let signatures = PageSignatures(dossier: dossier, templatesDirectory: templatesDirectory)
        self.signatures = signatures
        planned = Parallel.map(PageBuilder.plan(dossier)) { page in
            let signature: UInt64
            switch page.kind {
            case .list: signature = signatures.list(page.template)
            case .person(let p) where page.part.number > 1:
                let newestFirst = dossier.articlesOfPerson[p].reversed()
                signature = signatures.laterPart("person", p, part: page.part, total: newestFirst.count,
                                                 shown: Array(newestFirst)[page.part.items.clamped(to: 0..<newestFirst.count)])
            case .event(let e) where page.part.number > 1:
                let newestFirst = Array(dossier.articlesOfEvent[e].reversed())
                let groups = page.layout.reportedOfEvent[e]
                let from = min(groups.count, (page.part.number - 1) * Budget.reportedPerEventPage)
                let reported = groups[from..<min(groups.count, from + Budget.reportedPerEventPage)].map { $0[0].article }
                signature = signatures.laterPart("event", e, part: page.part, total: newestFirst.count,
                                                 shown: newestFirst[page.part.items.clamped(to: 0..<newestFirst.count)] + reported)
            case .person(let p): signature = signatures.person(p)
            case .event(let e): signature = signatures.event(e)
            case .article(let a): signature = signatures.article(a)
            }
            // Pages of one list share its inputs; each also shows which part it is and what it holds.
            var h = StableHash()
            h.add(signature); h.add(page.part.number); h.add(page.part.count)
            h.add(page.part.items.lowerBound); h.add(page.part.items.upperBound); h.add(page.part.key)
            return Planned(page: page, signature: h.value)
        }
        let cache = cache ?? PageCache.load(forOutput: output)
        self.cache = cache
        let stamps = cache.entries.isEmpty ? [:] : listing.stamps
        reusable = cache.entries.isEmpty ? planned.map { _ in false } : Parallel.map(planned) { page in
            cache.holds(page.path, signature: page.signature, stamp: stamps[page.path])
        }
    }

    /// Other files made by the build, each marked `unchanged` when it has a signature and the output still has
    /// the file the last build made with that signature.
    func keep(_ files: [OutputFile]) -> [OutputFile] {
        let stamps = listing.stamps
        return files.map { file in
            guard let signature = file.signature, cache.holds(file.path, signature: signature, stamp: stamps[file.path]) else { return file }
            var kept = file
            kept.content = .unchanged
            return kept
        }
    }

    /// The pages whose files cannot be kept: they are rendered.
    var toRender: [Planned] { zip(planned, reusable).filter { !$0.1 }.map(\.0) }

    /// The pages kept from the last build: path and layout.
    var kept: [(path: String, template: String)] {
        zip(planned, reusable).filter { $0.1 }.map { ($0.0.path, $0.0.template) }
    }

    /// The page cache's first lines: its header, then the pages kept from the last build (their entries as they
    /// were: `holds` checked their files), in the order they were planned. Made while the other pages render.
    func keptLines() -> [UInt8] {
        var out = PageCache.headerLine
        out.reserveCapacity(planned.count * 64)
        for (page, kept) in zip(planned, reusable) where kept {
            if let entry = cache.entries[page.path] { PageCache.appendLine(page.path, entry, to: &out) }
        }
        return out
    }

    /// After a successful write: remembers every page's signature, and every other file's that has one, with its
    /// file's size and time now. `keptLines`: `keptLines()`, when it was made beforehand.
    func save(files: [OutputFile], keptLines: [UInt8]? = nil) {
        let root = URL(fileURLWithPath: output).standardizedFileURL.path
        var out = keptLines ?? self.keptLines()
        // The pages rendered and the other files: their files are looked at now. In the order the pages were planned,
        // then the files: sorting 11,000 paths took a rebuild longer than writing them.
        var signed = zip(planned, reusable).filter { !$0.1 }.map { ($0.0.path, $0.0.signature) }
        signed += files.compactMap { file in file.signature.map { (file.path, $0) } }
        let stamps = Parallel.map(signed) { PageCache.stamp(root + "/" + $0.0) }
        for ((path, signature), stamp) in zip(signed, stamps) {
            guard let stamp else { continue }
            PageCache.appendLine(path, PageCache.Entry(signature: signature, size: stamp.size, modified: stamp.modified), to: &out)
        }
        PageCache.save(out, forOutput: output)
    }
}
