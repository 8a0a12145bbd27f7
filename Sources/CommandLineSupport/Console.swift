// How the command line talks: results on standard output, problems and progress on standard error, colour
// only on a terminal and never with NO_COLOR set, `[i/n] step` progress only on a terminal, --quiet and --verbose.
// Shared by `dossier` and `dossier-serve`.

import ArgumentParser
import Content
import Foundation

/// `--quiet` and `--verbose`, for the commands that do not declare their own.
public struct Verbosity: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only errors and warnings.")
    public var quiet = false
    @Flag(name: .shortAndLong, help: "Also print each step as it runs, with timings.")
    public var verbose = false
    public init() {}
}

public final class Console: @unchecked Sendable {
    public enum Level: Sendable { case quiet, normal, verbose }
    public let level: Level
    private let errorColour: Bool
    private let outputColour: Bool
    private let errorIsTerminal: Bool
    private let lock = NSLock()
    private var progressShown = false
    private let started = DispatchTime.now()

    public init(quiet: Bool = false, verbose: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment) {
        level = quiet ? .quiet : verbose ? .verbose : .normal
        errorIsTerminal = isatty(STDERR_FILENO) == 1
        errorColour = Console.colourAllowed(isTerminal: errorIsTerminal, environment: environment)
        outputColour = Console.colourAllowed(isTerminal: isatty(STDOUT_FILENO) == 1, environment: environment)
    }

    /// https://no-color.org: any non-empty NO_COLOR turns colour off; so does a dumb terminal or a pipe.
    public static func colourAllowed(isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    // MARK: Standard output: what the command produced

    /// A result line (a path written, a summary); left out with --quiet unless `always`.
    public func result(_ line: String, always: Bool = false) {
        guard always || level != .quiet else { return }
        clearProgress()
        write(line, to: FileHandle.standardOutput)
    }

    public func success(_ line: String) {
        guard level != .quiet else { return }
        clearProgress()
        write(paint(line, "32", outputColour), to: FileHandle.standardOutput)
    }

    // MARK: Standard error: problems, notes, progress

    public func diagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics.sorted() {
            let word = diagnostic.severity.rawValue
            let painted = paint(word, diagnostic.severity == .error ? "1;31" : "1;33", errorColour)
            problem("\(diagnostic.path):\(diagnostic.line):\(diagnostic.column): \(painted): \(diagnostic.message)")
        }
    }

    public func error(_ message: String) { problem(paint("error", "1;31", errorColour) + ": " + message) }

    public func warning(_ message: String) { problem(paint("warning", "1;33", errorColour) + ": " + message) }

    public func note(_ message: String) {
        guard level != .quiet else { return }
        problem(paint("note", "1;36", errorColour) + ": " + message)
    }

    public func verbose(_ message: String) {
        guard level == .verbose else { return }
        problem(paint(message, "2", errorColour))
    }

    /// `[i/n] step`: kept as lines with --verbose; on a terminal, one line rewritten in place and cleared at the end.
    public func progress(step: Int, of total: Int, _ name: String) {
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        switch level {
        case .verbose:
            // CPU time too: on a busy machine wall time says little about where the work went.
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
            problem(paint("[\(step)/\(total)] \(name) (at \(String(format: "%.2f", elapsed)) s, CPU \(String(format: "%.2f", cpu)) s)", "2", errorColour))
        case .normal where errorIsTerminal:
            lock.withLock {
                progressShown = true
                FileHandle.standardError.write(Data("\r\u{1B}[K[\(step)/\(total)] \(name)…".utf8))
            }
        default:
            break
        }
    }

    public func clearProgress() {
        lock.withLock {
            guard progressShown else { return }
            progressShown = false
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        }
    }

    private func problem(_ line: String) {
        clearProgress()
        write(line, to: FileHandle.standardError)
    }

    /// Unbuffered, so lines from the server and the watcher appear at once, even through a pipe.
    private func write(_ line: String, to handle: FileHandle) {
        lock.withLock { handle.write(Data((line + "\n").utf8)) }
    }

    private func paint(_ text: String, _ code: String, _ enabled: Bool) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
