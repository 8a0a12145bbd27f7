// `dossier serve`'s options and help, declared once: `dossier` parses them (for its help and to reject wrong
// options at once) and passes them on to `dossier-serve`, which parses them again and serves.

import ArgumentParser

public struct ServeArguments: ParsableArguments {
    public static let abstract = "Build the site, serve it on this machine, and rebuild and reload open pages on every change."
    public static let discussion = """
        Watches the content and templates folders; after each change it rebuilds (writing only the files that \
        changed) and every open page reloads itself. A failed build is printed here and shown over the page, \
        while the last good site stays served. Pages get a small reload script as they are served; the files \
        in the output folder never contain it. Only files inside the output folder are served, and only to \
        requests that name this machine (localhost, 127.0.0.1, [::1]) or the --host given; others get 403.

        Exit status: 0 stopped with Ctrl-C or SIGTERM; 2 cannot listen (the port is taken, say); 64 wrong options.

        Example:
          dossier serve                      # http://127.0.0.1:8000/
          dossier serve --port 0             # a free port, printed
          dossier serve --content ../briefing/Content --output /tmp/site
        """

    @OptionGroup public var folders: Folders
    @Option(help: "The port to listen on; 0 picks a free one.")
    public var port = 8000
    @Option(help: "The address to listen on. The default, 127.0.0.1, is reachable from this machine only.")
    public var host = "127.0.0.1"
    @OptionGroup public var verbosity: Verbosity

    public init() {}

    public func validate() throws {
        try folders.validate()
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is not a port: use 1–65535, or 0 to pick a free one") }
    }

    /// The options as arguments, every one spelled out, for `dossier-serve`.
    public var arguments: [String] {
        // --templates only when given or there: without it, dossier-serve finds the same default (or none: built-in).
        let templates = folders.templatesGiven || DossierRoot.isFolder(folders.templates) ? ["--templates", folders.templates] : []
        return ["--content", folders.content] + templates + ["--output", folders.output,
         "--port", String(port), "--host", host] + (verbosity.quiet ? ["--quiet"] : []) + (verbosity.verbose ? ["--verbose"] : [])
    }
}
