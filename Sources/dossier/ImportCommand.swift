// `dossier import`: reads a pasted article from a file or standard input, calls Authoring.ArticleImport, and
// prints the new file's path, the people it names and the names the dossier does not know.

import ArgumentParser
import CommandLineSupport
import Authoring
import Foundation

extension ImportOptions.Format: ExpressibleByArgument {}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn a pasted news article into articles/<slug>.md, and list the people it names.",
        discussion: """
        Plain text (the default for anything not ending in .md): the first line is the title, a line "By NAME" \
        (first after the title, or last) the author, and every other line a paragraph. Markdown: an optional \
        "# Title" first line, the rest kept as it is. When the text has no title line, give one with --title: \
        the first line is then kept as the first paragraph. The slug comes from the title.

        Then it prints the people of people/ the article names (as a build would find them, with the spellings \
        used), and capitalised names that match nobody: candidates for `dossier new person`.

        Example:
          dossier import ~/pasted.txt --date 2025-04-01~ --source "Caliber.Az"
          pbpaste | dossier import - --date 2025-04-03 --title "Envoys meet"
        """)

    @Argument(help: "The file to import, or - to read standard input.")
    var file: String
    @Option(help: "Publication date, as EDTF: 2025-04-03, or 2025-04-01~ when approximate.")
    var date: String
    @Option(help: "Who published it, e.g. \"Caliber.Az, citing CNN\".")
    var source: String?
    @Option(help: "Where it was published (http:// or https://).")
    var url: String?
    @Option(help: "The title, when the text does not start with one.")
    var title: String?
    @Option(help: "The author, when the text has no \"By NAME\" line.")
    var author: String?
    @Option(help: "How to read the text: automatic (by file name and first line), plain or markdown.")
    var format: ImportOptions.Format = .automatic
    @Option(name: .customLong("content"), help: ArgumentHelp("The content folder to write into. Default: Content/ here, or in the nearest folder above that has one.", valueName: "content"))
    var contentOption: String?
    /// --content, or Content/ here or in the nearest folder above that holds one (DossierRoot).
    var content: String { DossierRoot.content(contentOption) }
    @OptionGroup var verbosity: Verbosity

    func run() throws {
        let console = Console(quiet: verbosity.quiet, verbose: verbosity.verbose)
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else if let read = FileManager.default.contents(atPath: file) {
            data = read
        } else {
            console.error("\(file) cannot be read: check the path")
            throw ExitCode(1)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            console.error("\(file == "-" ? "standard input" : file) is not UTF-8 text: save it as UTF-8 and import it again")
            throw ExitCode(1)
        }
        let options = ImportOptions(date: date, source: source, url: url, title: title, author: author, format: format)
        let imported: ImportedArticle
        do {
            imported = try ArticleImport.run(text: text, origin: file == "-" ? "standard input" : file, options: options,
                                             into: ContentFolder(content))
        } catch {
            console.error(error.message)
            throw ExitCode(error.kind == .usage ? 64 : 1)
        }
        console.result(imported.path, always: true)
        console.diagnostics(imported.problems)
        console.verbose("title: \(imported.title)" + (imported.author.map { "; author: \($0)" } ?? ""))
        if imported.people.isEmpty {
            console.result("It names nobody in \(content)/people/.")
        } else {
            let count = imported.people.count
            console.result("It names \(count) \(count == 1 ? "person" : "people") of \(content)/people/:")
            let width = imported.people.map(\.name.count).max() ?? 0
            let digits = String(imported.people.map(\.mentions).max() ?? 0).count
            for person in imported.people {
                let padded = person.name.padding(toLength: width, withPad: " ", startingAt: 0)
                let number = String(repeating: " ", count: digits - String(person.mentions).count) + String(person.mentions)
                let times = number + (person.mentions == 1 ? " mention " : " mentions")
                console.result("  \(padded)  \(times)  as \(person.writtenAs.map { "\"\($0)\"" }.joined(separator: ", "))")
            }
        }
        if !imported.otherNames.isEmpty {
            console.result("Names it uses that match nobody (add people with `dossier new person \"NAME\"`):")
            console.result("  " + imported.otherNames.joined(separator: ", "))
        }
    }
}
