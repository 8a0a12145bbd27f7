// `dossier init DIR`: calls Authoring.NewDossier, and with --templates writes the built-in theme beside Content/.

import ArgumentParser
import Authoring
import CommandLineSupport
import Foundation
import Templating

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new dossier in a new or empty folder: Content/ with an example article, ready to build.",
        discussion: """
        Writes DIR/Content/ (dossier.yml with the title, empty people/ and events/, one example article that \
        shows the format) and DIR/README.md with the next steps. The templates are built into dossier; with \
        --templates, a copy of them is written to DIR/Templates/ to edit (any file you delete there comes from \
        the built-in theme again). Refuses a folder that holds anything but .git.

        Example:
          dossier init iran-deal --title "The Iran deal"
          cd iran-deal && dossier build
        """)

    @Argument(help: "The folder to create (or an empty one).")
    var directory: String
    @Option(help: "The dossier's title. Default: the folder's name.")
    var title: String?
    @Flag(help: "Also write the built-in templates to DIR/Templates/, to edit.")
    var templates = false
    @OptionGroup var verbosity: Verbosity

    func run() throws {
        let console = Console(quiet: verbosity.quiet, verbose: verbosity.verbose)
        let written: [String]
        do {
            written = try NewDossier.create(at: directory, title: title)
        } catch {
            console.error(error.message)
            throw ExitCode(error.kind == .usage ? 64 : 1)
        }
        for path in written where !path.hasSuffix("/.gitkeep") { console.result(path) }
        let root = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        if templates {
            do {
                let files = try Theme.writeBuiltIn(to: root + "/Templates")
                console.result("\(root)/Templates/ (\(files.count) files of the built-in theme)")
            } catch {
                console.error("\(root)/Templates/ cannot be written: \(error.localizedDescription)")
                throw ExitCode(1)
            }
        }
        console.success("Started a dossier in \(root)/. Next: cd \(Self.shellQuoted(root)) && dossier build (or dossier serve)")
    }

    /// The folder as a shell word, quoted only when it needs to be.
    static func shellQuoted(_ path: String) -> String {
        path.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) } ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
