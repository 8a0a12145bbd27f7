// The command line: parses arguments and calls the library; nothing else lives here.

import ArgumentParser
import CJemalloc  // linked for its malloc: see Sources/CJemalloc/shim.h
import Content
import Foundation
import JemallocOptions
import Renderer

@main
struct DossierCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Build a briefing dossier: people, events and articles, cross-linked, as a static site.",
        discussion: """
        Exit status: 0 success; 1 the content or templates have errors (each printed as path:line:col), or a \
        file to write already exists; 2 `serve` cannot listen (port in use), or `check --strict` found something \
        that needs a decision; 64 the command line is wrong.

        Colour only on a terminal, never when NO_COLOR is set.

        Example:
          dossier new person "Kirill Dmitriev"
          dossier import article.txt --date 2025-04-01 --source "CNN"
          dossier serve
        """,
        subcommands: [Build.self, Check.self, Serve.self, New.self, Import.self],
        defaultSubcommand: nil)
}

/// Where content, templates and output live; shared by every command that builds.
struct Folders: ParsableArguments {
    @Option(help: "The content folder: dossier.yml, articles/, people/, events/, assets/.")
    var content = "Content"
    @Option(help: "The folder of Mustache layouts and the theme's assets/.")
    var templates = "Templates"
    @Option(help: "Where the site is written. It is replaced only when the build succeeds.")
    var output = "Site"
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site from the content folder.",
        discussion: """
        Example:
          dossier build
          dossier build --content Tests/fixture --output /tmp/site
        """)

    @OptionGroup var folders: Folders
    @Flag(name: .shortAndLong, help: "Print only errors and warnings.")
    var quiet = false
    @Flag(name: .shortAndLong, help: "Also print each step as it runs, with timings.")
    var verbose = false

    func run() throws {
        let options = BuildOptions(content: folders.content, templates: folders.templates, output: folders.output)
        let console = Console(quiet: quiet, verbose: verbose)
        // Huge pages (options.c) speed up a rebuild, which fills a quarter of a gigabyte once; a first build
        // maps and frees far more, and zeroing 2 MiB pages for it cost a second of system time in 11 (10,000
        // articles). So they are kept only when an earlier build left its cache.
        if !SiteBuilder.hasCache(output: folders.output) { _ = dossier_use_small_pages() }
        do {
            let report = try SiteBuilder.build(options) { step, name in
                console.progress(step: step, of: SiteBuilder.steps.count, name)
            }
            console.diagnostics(report.warnings)
            console.success(Terminal.summary(report, output: folders.output))
        } catch {
            console.diagnostics(error.diagnostics)
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            console.error("build failed with \(errors) error\(errors == 1 ? "" : "s"); \(folders.output)/ is unchanged")
            throw ExitCode(1)
        }
    }
}

enum Terminal {
    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics.sorted() { printError(diagnostic.description) }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func summary(_ report: BuildReport, output: String) -> String {
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
