// What several commands share: the folders they build from and to, and how a build is summed up.

import ArgumentParser
import Content
import Foundation
import Renderer

/// Where content, templates and output live; shared by every command that builds.
public struct Folders: ParsableArguments {
    @Option(help: "The content folder: dossier.yml, articles/, people/, events/, assets/.")
    public var content = "Content"
    @Option(help: "The folder of Mustache layouts and the theme's assets/.")
    public var templates = "Templates"
    @Option(help: "Where the site is written. It is replaced only when the build succeeds.")
    public var output = "Site"
    public init() {}
}

public enum Terminal {
    public static func summary(_ report: BuildReport, output: String) -> String {
        let kinds: [(String, String)] = [("person", "people"), ("event", "events"), ("article", "articles")]
        var parts = kinds.map { "\(report.pages[$0.0] ?? 0) \($0.1)" }
        let lists = report.pageCount - kinds.reduce(0) { $0 + (report.pages[$1.0] ?? 0) }
        parts.append("\(lists) lists")
        parts.append("\(report.assets) assets")
        let w = report.write
        if report.reused > 0 { parts.append("\(report.rendered) rendered, \(report.reused) kept: inputs unchanged") }
        if report.articlesUnread > 0 { parts.append("\(report.articlesUnread) article files unchanged, not read") }
        if report.articlesReused > 0 { parts.append("\(report.articlesAnalysed) articles analysed, \(report.articlesReused) as before") }
        return "Built \(output)/ in \(String(format: "%.2f", report.seconds)) s: \(report.pageCount) pages (\(parts.joined(separator: ", "))); "
            + "\(w.written) written, \(w.unchanged) unchanged, \(w.removed) removed. Open \(output)/index.html"
    }
}
