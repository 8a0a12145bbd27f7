// The command line: parses arguments and calls the library; nothing else lives here.

import ArgumentParser
import CJemalloc  // linked for its malloc: see Sources/CJemalloc/shim.h
import CommandLineSupport
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

        Run in a dossier's folder (the one holding Content/) or below it, commands need no folder options.

        Example:
          dossier init iran-deal --title "The Iran deal"
          dossier new person "Kirill Dmitriev"
          dossier import article.txt --date 2025-04-01 --source "CNN"
          dossier serve
        """,
        version: DossierVersion.current,
        subcommands: [Build.self, Check.self, ServeLauncher.self, New.self, Import.self, Init.self, ExportCommand.self, PublishCommand.self],
        defaultSubcommand: nil)
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
        if !SiteBuilder.hasCache(output: folders.output) {
            _ = dossier_use_small_pages()
            dossier_return_memory_sooner()
        }
        // The link step's working memory (tokens, discovery's tables) is freed as planning starts, and planning's (the
        // search index's words) as rendering starts: returned to the system there, the peak is one step's, not two.
        let release: @Sendable (Int) -> Void = { step in if step == 3 || step == 5 { dossier_release_free_memory() } }
        if case .failure(let errors) = Terminal.build(options, console: console, output: folders.output, onStep: release) {
            console.error("build failed with \(errors.described); \(folders.output)/ is unchanged")
            throw ExitCode(1)
        }
    }
}
