// `dossier new person|event|article`: parses the options and calls Authoring.NewPage; prints the new file's path.

import ArgumentParser
import CommandLineSupport
import Authoring
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new person, event or article: a file with front matter, at the slug its name gives.",
        discussion: """
        Prints the path of the new file, so `$EDITOR "$(dossier new person "Kirill Dmitriev")"` opens it. \
        Never replaces a file: if the slug is taken, it says so and writes nothing (exit status 1).

        Example:
          dossier new person "Kirill Dmitriev" --role "CEO, RDIF"
          dossier new event "Dmitriev–Witkoff talks" --date 2025-04-02
          dossier new article "Dmitriev to visit Washington" --date 2025-04-01~
        """,
        subcommands: [NewPerson.self, NewEvent.self, NewArticle.self])
}

/// Shared by the three: where Content/ is, and how much to say.
struct NewOptions: ParsableArguments {
    @Option(name: .customLong("content"), help: ArgumentHelp("The content folder to write into. Default: Content/ here, or in the nearest folder above that has one.", valueName: "content"))
    var contentOption: String?
    /// --content, or Content/ here or in the nearest folder above that holds one (DossierRoot).
    var content: String { DossierRoot.content(contentOption) }
    @OptionGroup var verbosity: Verbosity
}

struct NewPerson: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "Write people/<slug>.md for a person.",
        discussion: """
        Example:
          dossier new person "Kirill Dmitriev"                    # Content/people/kirill-dmitriev.md
          dossier new person "Steve Witkoff" --alias "Witkov" --alias "Witkof"
        """)

    @Argument(help: "The person's name as the dossier should show it.")
    var name: String
    @Option(name: .customLong("alias"), help: "Another spelling articles use (repeat for several).")
    var aliases: [String] = []
    @Option(help: "Their role at the time, e.g. \"President of Russia\".")
    var role: String?
    @Option(help: "Country or organisation.")
    var affiliation: String?
    @Option(help: "Date of birth, as EDTF: 1975-04-12, 1975.")
    var born: String?
    @OptionGroup var options: NewOptions

    func run() throws {
        try report(options) { folder throws(AuthoringError) in
            try NewPage.person(name: name, aliases: aliases, role: role, affiliation: affiliation, born: born, in: folder)
        }
    }
}

struct NewEvent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event",
        abstract: "Write events/<slug>.md for an event.",
        discussion: """
        Example:
          dossier new event "Dmitriev–Witkoff talks" --date 2025-04-02 \\
            --place "Washington, D.C." --person kirill-dmitriev \\
            --person steve-witkoff
          dossier new event "Dmitriev in Washington" --date 2025-04-01/2025-04-03
        """)

    @Argument(help: "The event's title.")
    var title: String
    @Option(help: "When: an EDTF date or interval (2025-04-02, 2025-04, 2025-04-01/2025-04-03, 2025-04-01~).")
    var date: String
    @Option(help: "Where it happened.")
    var place: String?
    @Option(name: .customLong("person"), help: "A person who took part, by slug or name (repeat for several).")
    var people: [String] = []
    @Option(name: .customLong("alias"), help: "A phrase articles use for this event (repeat for several).")
    var aliases: [String] = []
    @OptionGroup var options: NewOptions

    func run() throws {
        try report(options) { folder throws(AuthoringError) in
            try NewPage.event(title: title, date: date, place: place, people: people, aliases: aliases, in: folder)
        }
    }
}

struct NewArticle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article",
        abstract: "Write articles/<slug>.md for an article, ready for its text (or use `dossier import`).",
        discussion: """
        Example:
          dossier new article "Kremlin envoys praise Trump administration" \\
            --date 2025-04-03 --source "The New York Times" \\
            --url https://www.nytimes.com/...
        """)

    @Argument(help: "The article's headline.")
    var title: String
    @Option(help: "Publication date, as EDTF: 2025-04-03, or 2025-04-01~ when approximate.")
    var date: String
    @Option(help: "Who published it, e.g. \"Caliber.Az, citing CNN\".")
    var source: String?
    @Option(help: "Who wrote it.")
    var author: String?
    @Option(help: "Where it was published (http:// or https://).")
    var url: String?
    @OptionGroup var options: NewOptions

    func run() throws {
        try report(options) { folder throws(AuthoringError) in
            try NewPage.article(title: title, date: date, source: source, author: author, url: url, in: folder)
        }
    }
}

/// Runs one `new`, prints the path (always: it is the result) and any notes; maps failures to exit codes.
private func report(_ options: NewOptions, _ create: (ContentFolder) throws(AuthoringError) -> CreatedPage) throws {
    let console = Console(quiet: options.verbosity.quiet, verbose: options.verbosity.verbose)
    do {
        let created = try create(ContentFolder(options.content))
        console.result(created.path, always: true)
        for note in created.notes { console.note(note) }
    } catch {
        console.error(error.message)
        throw ExitCode(error.kind == .usage ? 64 : 1)
    }
}
