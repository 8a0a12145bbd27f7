// `dossier publish DEST`: builds the site (every check of `build`), and only when it passes, copies it to a folder
// or an rsync destination with Export.Publishing: changed files sent, removed ones deleted.

import ArgumentParser
import CommandLineSupport
import Content
import Discovery
import Export
import Foundation
import Renderer

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Build and check the site, then copy it to a folder or a web server with rsync.",
        discussion: """
        DEST is a folder (made when missing) or an rsync destination, [user@]host:path, reached over ssh. The site \
        is built first, with every check of `dossier build`; when that fails, nothing is published. rsync sends \
        only the files that changed (by size and modification time, or by content with --checksum) and deletes \
        from DEST the files the site no longer has. A DEST that already holds files must hold an index.html \
        (a site published before; a remote one is listed first): any other folder would be emptied.

        Exit status: 0 published; 1 the content or templates have errors, or DEST is refused, or rsync is missing \
        or failed; 64 the command line is wrong.

        Example:
          dossier publish /var/www/briefings/dmitriev
          dossier publish deploy@example.org:/srv/www/briefings/dmitriev --dry-run
        """)

    @Argument(help: "A folder, or [user@]host:path for rsync over ssh.")
    var destination: String
    @OptionGroup var folders: Folders
    @Flag(help: "Compare files by content rather than size and modification time.")
    var checksum = false
    @Flag(help: "Build, then show what would be sent and deleted without changing DEST (with --verbose: which files).")
    var dryRun = false
    @OptionGroup var verbosity: Verbosity

    func run() throws {
        let console = Console(quiet: verbosity.quiet, verbose: verbosity.verbose)
        var publishing: Publishing
        do {
            publishing = try Publishing(site: folders.output, destination: destination)
            publishing.checksum = checksum
            publishing.dryRun = dryRun
            try publishing.checkDestination()
        } catch {
            console.error("\(error); nothing was published")
            throw ExitCode(1)
        }
        let options = BuildOptions(content: folders.content, templates: folders.templates, output: folders.output)
        if case .failure(let errors) = Terminal.build(options, console: console, output: folders.output) {
            console.error("the site fails its checks (\(errors.described)): nothing was published to \(destination)")
            throw ExitCode(1)
        }
        do {
            let summary = try publishing.run(checked: true)
            let files = { (n: Int) in "\(n) file\(n == 1 ? "" : "s")" }
            if verbosity.verbose {
                for path in summary.sent { console.result("  sent     \(path)") }
                for path in summary.deleted { console.result("  deleted  \(path)") }
            }
            console.success("\(dryRun ? "Would publish" : "Published") \(folders.output)/ to \(destination): "
                            + "\(files(summary.sent.count)) sent, \(files(summary.deleted.count)) deleted")
        } catch {
            console.error("\(error); \(destination) may be partly updated: publish again once it is fixed")
            throw ExitCode(1)
        }
    }
}
