// The open event streams of every page in every browser, and sending one event to all of them at once
// (server-sent events: `event: NAME`, `data: ...`, a blank line).

import FlyingFox
import FlyingSocks
import Foundation

struct ServerSentEvent: Sendable, Equatable {
    var name: String
    var data: String

    /// One `data:` line per line of data, as the format requires.
    var bytes: [UInt8] {
        var text = "event: \(name)\n"
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) { text += "data: \(line)\n" }
        return Array((text + "\n").utf8)
    }
}

final class ReloadHub: @unchecked Sendable {
    private let lock = NSLock()
    private var clients: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]
    private var closed = false

    var clientCount: Int { lock.withLock { clients.count } }

    /// A new stream that starts with `greeting` (the current state), then gets every broadcast.
    func subscribe(greeting: [ServerSentEvent]) -> AsyncStream<[UInt8]> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(64))
        // `retry` tells the browser to reconnect after a second when the server restarts.
        continuation.yield(Array("retry: 1000\n\n".utf8))
        for event in greeting { continuation.yield(event.bytes) }
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        let accepted = lock.withLock { () -> Bool in
            guard !closed else { return false }
            clients[id] = continuation
            return true
        }
        if !accepted { continuation.finish() }
        return stream
    }

    func broadcast(_ event: ServerSentEvent) { send(event.bytes) }

    /// A comment line: keeps idle connections open through proxies and finds the ones browsers closed.
    func heartbeat() { send(Array(": keep-alive\n\n".utf8)) }

    /// Ends every stream, so each response completes and its connection can close; refuses new ones.
    func closeAll() {
        let all = lock.withLock { () -> [AsyncStream<[UInt8]>.Continuation] in
            closed = true
            defer { clients = [:] }
            return Array(clients.values)
        }
        for continuation in all { continuation.finish() }
    }

    private func send(_ bytes: [UInt8]) {
        let all = lock.withLock { Array(clients) }
        for (id, continuation) in all {
            if case .terminated = continuation.yield(bytes) { remove(id) }
        }
    }

    private func remove(_ id: UUID) { _ = lock.withLock { clients.removeValue(forKey: id) } }
}

/// An endless response body made of the chunks a stream yields, sent as they come (chunked encoding).
struct EventStreamBody: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let chunks: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(chunks: chunks.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var chunks: AsyncStream<[UInt8]>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            guard let buffer = await nextBuffer(suggested: 1) else { return nil }
            return buffer.first
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            while pending.isEmpty {
                guard let chunk = await chunks.next() else { return nil }
                pending = chunk[...]
            }
            let taken = pending.prefix(Swift.max(count, 1))
            pending = pending.dropFirst(taken.count)
            return Array(taken)
        }
    }
}
