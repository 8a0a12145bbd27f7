// `dossier serve`: parses the options, starts the preview server (Sources/Server), reports its builds, and
// stops it cleanly on Ctrl-C or SIGTERM.

import ArgumentParser
import Content
import Foundation
import Renderer
import Server

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it on this machine, and rebuild and reload open pages on every change.",
        discussion: """
        Watches the content and templates folders; after each change it rebuilds (writing only the files that \
        changed) and every open page reloads itself. A failed build is printed here and shown over the page, \
        while the last good site stays served. Pages get a small reload script as they are served; the files \
        in the output folder never contain it. Only files inside the output folder are served.

        Exit status: 0 stopped with Ctrl-C or SIGTERM; 2 cannot listen (the port is taken, say); 64 wrong options.

        Example:
          dossier serve                      # http://127.0.0.1:8000/
          dossier serve --port 0             # a free port, printed
          dossier serve --content ../briefing/Content --output /tmp/site
        """)

    @OptionGroup var folders: Folders
    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8000
    @Option(help: "The address to listen on. The default, 127.0.0.1, is reachable from this machine only.")
    var host = "127.0.0.1"
    @OptionGroup var verbosity: Verbosity

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is not a port: use 1–65535, or 0 to pick a free one") }
    }

    func run() async throws {
        let console = Console(quiet: verbosity.quiet, verbose: verbosity.verbose)
        let stop = StopSignals.install()
        let output = folders.output
        let first = FirstBuild()
        let server = PreviewServer(
            options: ServeOptions(build: BuildOptions(content: folders.content, templates: folders.templates, output: output),
                                  host: host, port: port,
                                  progress: { step, name in console.progress(step: step, of: SiteBuilder.steps.count, name) })
        ) { event in
            switch event {
            case .rebuilding(let changed):
                let names = changed.prefix(3).joined(separator: ", ") + (changed.count > 3 ? " and \(changed.count - 3) more" : "")
                console.result("Changed: \(names); rebuilding")
            case .built(let report):
                console.diagnostics(report.warnings)
                if first.take() {
                    console.success(Terminal.summary(report, output: output).components(separatedBy: ". Open").first ?? "")
                } else {
                    let w = report.write
                    let seconds = String(format: "%.2f", report.seconds)
                    if w.written + w.removed == 0 {
                        console.success("Rebuilt in \(seconds) s: no file changed")
                    } else {
                        console.success("Rebuilt in \(seconds) s: \(w.written) written, \(w.unchanged) unchanged, \(w.removed) removed; pages reloading")
                    }
                }
            case .failed(let diagnostics):
                _ = first.take()
                console.diagnostics(diagnostics)
                let errors = diagnostics.filter { $0.severity == .error }.count
                console.error("build failed with \(errors) error\(errors == 1 ? "" : "s"); still serving the last good build of \(output)/, errors shown in the browser")
            }
        }
        do {
            try await server.start()
        } catch {
            console.error(error.message)
            throw ExitCode(error.kind == .usage ? 64 : 2)
        }
        console.result("Serving \(output)/ at \(server.url) (watching \(folders.content)/ and \(folders.templates)/; Ctrl-C to stop)", always: true)
        await stop.wait()
        await server.stop()
        console.result("Stopped.")
    }
}

/// Whether the first build has been reported yet: it gets the full summary, later ones a short line.
private final class FirstBuild: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    func take() -> Bool { lock.withLock { defer { done = true }; return !done } }
}

/// Ctrl-C and SIGTERM, turned into something to await. A second one ends the process at once, in case
/// stopping hangs.
final class StopSignals: @unchecked Sendable {
    private let lock = NSLock()
    private var received = 0
    private var waiter: CheckedContinuation<Void, Never>?
    private var sources: [DispatchSourceSignal] = []

    static func install() -> StopSignals {
        let signals = StopSignals()
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)              // delivered to the dispatch source instead of killing the process
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { signals.receive() }
            source.resume()
            signals.sources.append(source)
        }
        return signals
    }

    private func receive() {
        let (count, continuation) = lock.withLock { () -> (Int, CheckedContinuation<Void, Never>?) in
            received += 1
            defer { waiter = nil }
            return (received, waiter)
        }
        if count > 1 { exit(130) }
        continuation?.resume()
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let already = lock.withLock { () -> Bool in
                if received > 0 { return true }
                waiter = continuation
                return false
            }
            if already { continuation.resume() }
        }
    }
}
