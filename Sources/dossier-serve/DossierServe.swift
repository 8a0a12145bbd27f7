// `dossier-serve`, which `dossier serve` runs: parses the options, starts the preview server (Sources/Server),
// reports its builds, and stops it cleanly on Ctrl-C or SIGTERM. A program of its own so that the server's
// code is not loaded by every other command: when the server was FlyingFox, which brought in FoundationNetworking,
// a rebuild after an edit of one article in 10,000 took 223 ms instead of 214 (median of 20), and `dossier --help`
// 19 ms instead of 12.

import ArgumentParser
import CJemalloc  // linked for its malloc: see Sources/CJemalloc/shim.h
import CommandLineSupport
import Content
import Foundation
import Renderer
import Server

@main
struct DossierServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier serve", abstract: ServeArguments.abstract, discussion: ServeArguments.discussion)

    @OptionGroup var options: ServeArguments
    var folders: Folders { options.folders }
    var port: Int { options.port }
    var host: String { options.host }
    var verbosity: Verbosity { options.verbosity }

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
            case .notice(let message):
                console.warning(message)
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
