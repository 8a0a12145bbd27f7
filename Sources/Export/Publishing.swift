// `dossier publish`: copies a built site to a folder or an rsync destination (`user@host:path`) with rsync, sending
// only changed files and deleting the ones the site no longer has. The command builds (and so checks) the site
// first; this part only plans and runs the copy, and refuses destinations where --delete would do harm.

import Dispatch
import Foundation

public struct Publishing: Sendable {
    public enum Destination: Sendable, Equatable {
        case folder(String)
        /// `[user@]host:path`, as rsync reads it (over ssh).
        case remote(String)

        /// rsync's own rule: a colon before any slash makes it remote (`./a:b` or `/x/a:b` stay local).
        public init(_ text: String) {
            if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/"), colon != text.startIndex {
                self = .remote(text)
            } else {
                self = .folder(text)
            }
        }

        var text: String {
            switch self { case .folder(let path), .remote(let path): path }
        }

        /// With a trailing slash: rsync then fills the folder rather than making a folder named like the site in it.
        var rsyncPath: String {
            switch self {
            case .folder(let path), .remote(let path): path.hasSuffix("/") ? path : path + "/"
            }
        }
    }

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case rsyncMissing
        case unsafeDestination(String)
        case rsyncFailed(status: Int32, message: String)

        public var description: String {
            switch self {
            case .rsyncMissing:
                "rsync is not installed: install it (Debian/Ubuntu: sudo apt-get install rsync; macOS: brew install rsync) and publish again"
            case .unsafeDestination(let why): why
            case .rsyncFailed(let status, let message): "rsync failed (exit status \(status)): \(message)"
            }
        }
    }

    /// What a publish did, counted from rsync's itemized changes.
    public struct Summary: Sendable, Equatable {
        public var sent: [String] = []
        public var deleted: [String] = []
    }

    public let site: String
    public let destination: Destination
    /// Compare files by checksum instead of size and modification time (slower: every file is read on both sides).
    public var checksum = false
    public var dryRun = false
    public var rsync: String

    /// Finds rsync on PATH.
    public init(site: String, destination: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(Failure) {
        self.site = site
        self.destination = Destination(destination)
        guard let found = Self.executable("rsync", path: environment["PATH"] ?? "/usr/bin:/bin") else { throw .rsyncMissing }
        rsync = found
    }

    static func executable(_ name: String, path: String) -> String? {
        path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `-a` keeps modification times, so the next publish sends only what changed (the build leaves unchanged files as
    /// they are); `--delete` removes what the site no longer has; `--chmod` makes everything readable by the web server.
    public var arguments: [String] {
        var arguments = ["-a", "--delete", "--chmod=Du=rwx,Dgo=rx,Fu=rw,Fgo=r", "--itemize-changes"]
        if checksum { arguments.append("--checksum") }
        if dryRun { arguments.append("--dry-run") }
        arguments += ["--", site.hasSuffix("/") ? site : site + "/", destination.rsyncPath]
        return arguments
    }

    /// A local destination must not be the site itself or lie inside it, and a destination that already holds files
    /// must look like a published site (an index.html at its top): `--delete` would empty any other folder. A remote
    /// one is listed over ssh for that; `host:` alone (the remote home folder) is refused outright.
    public func checkDestination() throws(Failure) {
        let entries: [String]
        switch destination {
        case .remote(let text):
            if text.hasSuffix(":") {
                throw .unsafeDestination("\(text) names the remote home folder itself: give the folder to publish into, e.g. \(text)www/briefing")
            }
            entries = try remoteNames()
        case .folder(let path):
            let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            let source = URL(fileURLWithPath: site).standardizedFileURL.resolvingSymlinksInPath().path
            if target == source || target.hasPrefix(source + "/") || source.hasPrefix(target + "/") {
                throw .unsafeDestination("\(path) is the site folder \(site), inside it or around it: publish to another folder")
            }
            entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        }
        if !entries.isEmpty && !entries.contains("index.html") {
            throw .unsafeDestination("\(destination.text) holds files but no index.html, so it is not a published site; publishing would delete them. Publish to a new or empty folder")
        }
    }

    /// Runs rsync and counts what it sent and deleted. `checked`: checkDestination() has just been called (for a remote
    /// destination, that lists it over ssh).
    public func run(checked: Bool = false) throws(Failure) -> Summary {
        if !checked { try checkDestination() }
        let (status, listing, errors) = try rsync(arguments)
        guard status == 0 else { throw .rsyncFailed(status: status, message: errors) }
        return Self.summary(itemized: listing)
    }

    /// rsync with `arguments`: exit status, standard output, standard error (trimmed).
    func rsync(_ arguments: [String]) throws(Failure) -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: rsync)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { throw .rsyncFailed(status: -1, message: "\(error)") }
        // Both pipes are drained at once, so that neither fills up and stalls rsync.
        let collected = Collected()
        let reading = DispatchGroup()
        reading.enter()
        Thread.detachNewThread {
            collected.errors = errors.fileHandleForReading.readDataToEndOfFile()
            reading.leave()
        }
        let listing = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        reading.wait()
        let message = String(decoding: collected.errors ?? Data(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return (process.terminationStatus, String(decoding: listing, as: UTF8.self), message)
    }

    /// The names at the top of a remote destination (`rsync --list-only`, over ssh); none when it does not exist yet.
    func remoteNames() throws(Failure) -> [String] {
        let (status, listing, errors) = try rsync(["--list-only", "--", destination.rsyncPath])
        if status == 23 && errors.contains("No such file or directory") { return [] }
        guard status == 0 else { throw .rsyncFailed(status: status, message: errors) }
        return Self.names(listed: listing)
    }

    /// `--list-only` lines: `drwxr-xr-x          4,096 2025/04/01 12:00:00 name` (the folder itself is ".").
    static func names(listed: String) -> [String] {
        listed.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: true)
            guard fields.count == 5 else { return nil }
            let name = String(fields[4])
            return name == "." ? nil : name
        }
    }

    /// `--itemize-changes` lines: `<f+++++++++ path` (sent to a remote), `>f..t...... path` (copied to a local
    /// folder), `*deleting   path`; folders (`cd`) and attribute-only changes (`.f`) are not counted as sent.
    static func summary(itemized: String) -> Summary {
        var summary = Summary()
        for line in itemized.split(separator: "\n") {
            if line.hasPrefix("*deleting") {
                summary.deleted.append(String(line.dropFirst("*deleting".count)).trimmingCharacters(in: .whitespaces))
            } else if line.count > 12, line.hasPrefix("<f") || line.hasPrefix(">f") {
                summary.sent.append(String(line.dropFirst(12)))
            }
        }
        return summary
    }
}

private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    var errors: Data? {
        get { lock.withLock { data } }
        set { lock.withLock { data = newValue } }
    }
}
