// `dossier check`: what discovery found and what needs an analyst's decision, for people or (--json) machines.

import ArgumentParser
import CommandLineSupport
import Content
import Discovery

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report people found in the articles, spellings linked and suggested, and what no article mentions.",
        discussion: """
        Exit status: 0 unless the content has errors (1) or --strict is given and something needs a decision \
        (a suggested spelling, a surname nobody has, an undated article, an alias two people claim): 2.
        Example:
          dossier check
          dossier check --json --content Tests/fixture
        """)

    @Option(name: .customLong("content"), help: ArgumentHelp("The content folder. Default: Content/ here, or in the nearest folder above that has one.", valueName: "content"))
    var contentOption: String?
    /// --content, or Content/ here or in the nearest folder above that holds one (DossierRoot).
    var content: String { DossierRoot.content(contentOption) }
    @Flag(help: "Print the report as JSON.")
    var json = false
    @Flag(help: "Exit with status 2 when something needs a decision.")
    var strict = false

    func run() throws {
        let report = CheckReport.make(content: content)
        print(json ? report.json : report.text)
        if report.hasErrors { throw ExitCode(1) }
        if strict && report.needsDecision { throw ExitCode(2) }
    }
}
