// Shared by the tests: where the repository is, scratch folders, and building a dossier the way a user does.

import Content
import Discovery
import Foundation
import Renderer
import Testing

enum Repo {
    /// The repository root, found from this file's path so tests run from any working directory.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()
    static let content = root + "/Content"
    static let templates = root + "/Templates"
    static let site = root + "/Site"
    static func fixture(_ name: String) -> String { root + "/Tests/DossierTests/Fixtures/" + name }
}

/// A fresh folder under the system's temporary directory, removed when the value is dropped.
final class Scratch: @unchecked Sendable {
    let path: String
    init(_ label: String = "dossier-test") {
        path = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ text: String) {
        let full = path + "/" + relative
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! text.write(toFile: full, atomically: false, encoding: .utf8)
    }

    /// Copies a folder (e.g. a fixture dossier) into this scratch folder under `name`.
    @discardableResult
    func copy(_ source: String, as name: String) -> String {
        let destination = path + "/" + name
        try! FileManager.default.copyItem(atPath: source, toPath: destination)
        return destination
    }
}

enum SiteFiles {
    static func read(_ site: String, _ relative: String) -> String? {
        guard let data = FileManager.default.contents(atPath: site + "/" + relative) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Every file below `root`, relative, sorted.
    static func list(_ root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files.append(path) }
        }
        return files.sorted()
    }

    /// Path → bytes of every file below `root`.
    static func snapshot(_ root: String) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: list(root).map { ($0, FileManager.default.contents(atPath: root + "/" + $0) ?? Data()) })
    }
}

/// Builds `content` with the project's templates into `output`, as `dossier build` does.
func buildSite(content: String, output: String, templates: String = Repo.templates) throws(BuildFailure) -> BuildReport {
    try SiteBuilder.build(BuildOptions(content: content, templates: templates, output: output))
}

/// Loads and links a content folder without rendering, for model-level assertions.
func linkedDossier(_ content: String) -> (Dossier?, DiagnosticLog) {
    let (set, references, log) = ContentLoader.load(directory: content)
    guard let set else { return (nil, log) }
    var (dossier, linkLog) = Linker.link(set, references: references)
    linkLog.append(contentsOf: log)
    return (dossier, linkLog)
}

/// A small seeded generator (SplitMix64): the tests' random inputs are the same on every run, so a failure can be
/// replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) } }
}

/// A one-article dossier written to disk, loaded and linked as `dossier build` does (the article's body and date,
/// and curated people as slug and name).
func oneArticleDossier(_ body: String, date: String = "2025-04-03", people: [(String, String)] = []) throws -> Dossier {
    let scratch = Scratch()
    scratch.write("dossier.yml", "title: T\n")
    scratch.write("articles/a.md", "---\ntitle: A\ndate: \(date)\n---\n\(body)\n")
    for (slug, name) in people { scratch.write("people/\(slug).md", "---\nname: \"\(name)\"\n---\n") }
    let (dossier, log) = linkedDossier(scratch.path)
    #expect(!log.hasErrors, "\(log.items)")
    return try #require(dossier)
}
