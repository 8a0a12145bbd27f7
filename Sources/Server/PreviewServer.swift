// `dossier serve`: builds the site, serves the output folder on loopback, watches Content/ and Templates/,
// rebuilds with SiteBuilder.build when they change, and tells every open page to reload. A failed build
// leaves the last good site in place (the writer never touches it) and is shown over the page instead.

import Content
import Foundation
import Renderer

public struct ServeOptions: Sendable {
    public var build: BuildOptions
    public var host: String
    public var port: Int
    public var pollInterval: Duration
    /// Request sizes and timeouts (tests shorten them).
    var limits = ServerLimits()
    /// The accept(2) call; tests replace it with one that fails as it does when descriptors run out.
    var acceptCall: @Sendable (Int32) -> Int32 = { accept($0, nil, nil) }
    /// Called as each build step starts, as `SiteBuilder.build` reports it (for `[i/n] step` on a terminal).
    public var progress: (@Sendable (Int, String) -> Void)?

    public init(build: BuildOptions, host: String = "127.0.0.1", port: Int = 8000, pollInterval: Duration = .milliseconds(300),
                progress: (@Sendable (Int, String) -> Void)? = nil) {
        self.build = build
        self.host = host
        self.port = port
        self.pollInterval = pollInterval
        self.progress = progress
    }
}

/// What the server reports as it works, for the terminal.
public enum ServeEvent: Sendable {
    case rebuilding(changed: [String])
    case built(BuildReport)
    case failed([Diagnostic])
    /// Something about the server itself a person should know: it ran out of descriptors, say, and when it recovers.
    case notice(String)
}

public struct ServeError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case usage, server }
    public let kind: Kind
    public let message: String
    public var description: String { message }
}

/// The outcome of the last build, read by every request and event stream.
final class BuildState: @unchecked Sendable {
    private let lock = NSLock()
    private let instance = UUID().uuidString.prefix(8)
    private var count = 0
    private var lastFailure: [Diagnostic]?

    var failure: [Diagnostic]? { lock.withLock { lastFailure } }

    func succeeded() -> ServerSentEvent {
        lock.withLock {
            count += 1
            lastFailure = nil
            return ServerSentEvent(name: "reload", data: "\(instance)-\(count)")
        }
    }

    func failed(_ diagnostics: [Diagnostic]) -> ServerSentEvent {
        lock.withLock {
            lastFailure = diagnostics
            return Self.failedEvent(diagnostics)
        }
    }

    /// What a page learns on connecting: which build it is looking at, and the errors if the last one failed.
    var greeting: [ServerSentEvent] {
        lock.withLock {
            var events = [ServerSentEvent(name: "hello", data: "\(instance)-\(count)")]
            if let lastFailure { events.append(Self.failedEvent(lastFailure)) }
            return events
        }
    }

    private static func failedEvent(_ diagnostics: [Diagnostic]) -> ServerSentEvent {
        let lines = diagnostics.filter { $0.severity == .error }.map(\.description)
        let json = (try? JSONSerialization.data(withJSONObject: lines.isEmpty ? ["the build failed"] : lines)) ?? Data("[]".utf8)
        return ServerSentEvent(name: "failed", data: String(decoding: json, as: UTF8.self))
    }
}

public final class PreviewServer: @unchecked Sendable {
    public let options: ServeOptions
    private let onEvent: @Sendable (ServeEvent) -> Void
    private let hub = ReloadHub()
    private let state = BuildState()
    private let lock = NSLock()
    private var http: SocketServer?
    private var tasks: [Task<Void, Never>] = []
    private var boundPort = 0

    public init(options: ServeOptions, onEvent: @escaping @Sendable (ServeEvent) -> Void = { _ in }) {
        self.options = options
        self.onEvent = onEvent
    }

    /// The port listened on: the one asked for, or the one the system picked for `--port 0`.
    public var port: Int { lock.withLock { boundPort } }

    public var url: String {
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        return "http://\(host):\(port)/"
    }

    /// Listens, builds once, and starts watching. Returns when the site is being served; the first build's
    /// outcome has been reported through `onEvent`.
    public func start() async throws(ServeError) {
        guard (0...65535).contains(options.port) else {
            throw ServeError(kind: .usage, message: "--port \(options.port) is not a port: use 1–65535, or 0 to pick a free one")
        }
        let onEvent = self.onEvent
        let server: SocketServer
        do {
            server = try SocketServer(host: options.host, port: options.port, limits: options.limits, acceptCall: options.acceptCall,
                                      handler: SiteHandler(root: options.build.output, state: state, hub: hub),
                                      notice: { onEvent(.notice($0)) })
        } catch let error as SocketServer.BindError {
            throw describe(error)
        } catch {
            throw ServeError(kind: .usage, message: "--host \"\(options.host)\" is not an IP address: use 127.0.0.1 (the default), ::1, localhost, or 0.0.0.0 to be reachable from other machines")
        }
        server.start()
        lock.withLock { http = server; boundPort = server.port }

        // The output's real path, also when it does not exist yet: its parent's real path and its name.
        let output = URL(fileURLWithPath: options.build.output).standardizedFileURL
        let outputParent = OutputPaths.realPath(output.deletingLastPathComponent().path) ?? output.deletingLastPathComponent().path
        let watcher = ChangeWatcher(folders: [options.build.content, options.build.templates],
                                    excluded: outputParent + "/" + output.lastPathComponent, interval: options.pollInterval)
        let before = watcher.snapshot()
        await rebuild()
        let watch = Task { await self.watch(watcher, from: before) }
        lock.withLock { tasks.append(watch) }
    }

    /// Stops watching, ends every event stream and closes the listening socket and connections.
    public func stop() async {
        let (server, running) = lock.withLock { () -> (SocketServer?, [Task<Void, Never>]) in
            defer { http = nil; tasks = [] }
            return (http, tasks)
        }
        for task in running { task.cancel() }
        hub.closeAll()
        if let server {
            // Blocking waits (bounded): off the concurrency pool's few threads.
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                Thread.detachNewThread { server.stop(); done.resume() }
            }
        }
        for task in running { await task.value }
    }

    private func watch(_ watcher: ChangeWatcher, from start: FolderSnapshot) async {
        var last = start
        while let (snapshot, changed) = await watcher.nextChange(after: last) {
            last = snapshot
            onEvent(.rebuilding(changed: changed))
            await rebuild()
        }
    }

    /// One build, off the concurrency pool's threads (it is long and CPU-bound), then the news to every page.
    private func rebuild() async {
        let options = self.options.build
        let progress = self.options.progress
        let outcome: Result<BuildReport, BuildFailure> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                do throws(BuildFailure) {
                    continuation.resume(returning: .success(try SiteBuilder.build(options, progress: progress)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        switch outcome {
        case .success(let report):
            // A save that changes no output (or a touch) reloads nothing, unless the pages show a failure to clear.
            let changed = report.write.written + report.write.removed > 0 || state.failure != nil
            let reload = state.succeeded()
            if changed { hub.broadcast(reload) }
            onEvent(.built(report))
        case .failure(let failure):
            hub.broadcast(state.failed(failure.diagnostics))
            onEvent(.failed(failure.diagnostics))
        }
    }

    private func describe(_ error: SocketServer.BindError) -> ServeError {
        let where_ = "\(options.host):\(options.port)"
        switch error.code {
        case EADDRINUSE:
            return ServeError(kind: .server, message: "port \(options.port) on \(options.host) is already in use (another `dossier serve`?): choose another with --port, or --port 0 to pick a free one")
        case EACCES:
            return ServeError(kind: .server, message: "not allowed to listen on \(where_): ports below 1024 need privileges; choose --port 8000 or higher")
        case EADDRNOTAVAIL:
            return ServeError(kind: .server, message: "cannot listen on \(where_): this machine has no such address; use --host 127.0.0.1")
        default:
            return ServeError(kind: .server, message: "cannot listen on \(where_): \(error.message)")
        }
    }
}

