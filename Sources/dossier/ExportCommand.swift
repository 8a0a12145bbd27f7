// `dossier export`: the dossier's data for other tools (Export module): JSON, CSV for spreadsheets and Gephi,
// FollowTheMoney entities for Aleph and OpenSanctions.

import ArgumentParser
import CommandLineSupport
import Content
import Discovery
import Export
import Foundation

extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the people, events, articles, mentions, quotations and dated statements as JSON, CSV or FollowTheMoney.",
        discussion: """
        json: one object, format "dossier-export/1" (see README, "Data out"). csv: a folder of files (people.csv, \
        events.csv, articles.csv, mentions.csv, quotations.csv, statements.csv, edges.csv for Gephi), UTF-8 with \
        a byte-order mark so that Excel reads it as UTF-8. ftm: FollowTheMoney entities, one JSON object a line, \
        as Aleph (`ftm import`, `alephclient write-entities`) and OpenSanctions load them.

        json and ftm go to standard output unless --output names a file; csv needs --output FOLDER.
        Exit status: 0 written; 1 the content has errors (each printed as path:line:col); 64 the command line is wrong.

        Example:
          dossier export --format json > dossier.json
          dossier export --format csv --output dossier-csv
          dossier export --format ftm --output dossier.ftm.json
        """)

    @Option(help: "json, csv or ftm.")
    var format: ExportFormat
    @Option(name: .customLong("content"), help: ArgumentHelp("The content folder. Default: Content/ here, or in the nearest folder above that has one.", valueName: "content"))
    var contentOption: String?
    /// --content, or Content/ here or in the nearest folder above that holds one (DossierRoot), as every command.
    var content: String { DossierRoot.content(contentOption) }
    @Option(help: "Where to write: a file (json, ftm), a folder (csv), or - for standard output (json, ftm).")
    var output: String?
    @OptionGroup var verbosity: Verbosity

    func validate() throws {
        if format == .csv && (output == nil || output == "-") {
            throw ValidationError("--format csv writes a folder of files: give --output FOLDER")
        }
    }

    func run() throws {
        let console = Console(quiet: verbosity.quiet, verbose: verbosity.verbose)
        let export: DossierExport
        do {
            let (read, warnings) = try DossierExport.read(contentDirectory: content)
            console.diagnostics(warnings)
            export = read
        } catch .content(let diagnostics) {
            console.diagnostics(diagnostics)
            let errors = diagnostics.filter { $0.severity == .error }.count
            console.error("export failed with \(errors) error\(errors == 1 ? "" : "s"); nothing was written")
            throw ExitCode(1)
        }
        do {
            switch format {
            case .csv:
                let files = try export.writeCSV(to: output!)
                console.result("Wrote \(files.count) files to \(output!)/: \(files.joined(separator: ", "))")
            case .json, .ftm:
                let data = format == .json ? export.json : export.followTheMoney
                if let output, output != "-" {
                    try data.write(to: URL(fileURLWithPath: output), options: .atomic)
                    console.result("Wrote \(output)")
                } else {
                    FileHandle.standardOutput.write(data)
                }
            }
        } catch {
            console.error("cannot write \(output ?? "standard output"): \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }
}
