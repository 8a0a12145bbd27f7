// The open event streams of every page in every browser, and sending one event to all of them at once
// (server-sent events: `event: NAME`, `data: ...`, a blank line). Each stream is a mailbox that its connection's
// thread waits on; a broadcast drops a message into every mailbox.

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

/// The messages waiting for one event stream.
final class EventMailbox: @unchecked Sendable {
    enum Next: Equatable { case message([UInt8]), quiet, ended }

    private let condition = NSCondition()
    private var queue: [[UInt8]] = []
    private var finished = false
    /// A page that stops reading must not make the server hold every event since: the oldest are dropped.
    private let capacity = 64

    func post(_ bytes: [UInt8]) {
        condition.withLock {
            guard !finished else { return }
            if queue.count >= capacity { queue.removeFirst() }
            queue.append(bytes)
            condition.signal()
        }
    }

    func finish() {
        condition.withLock {
            finished = true
            condition.broadcast()
        }
    }

    /// The next message, `quiet` after `seconds` without one, or `ended` once finished and emptied.
    func next(within seconds: Double) -> Next {
        condition.withLock {
            let deadline = Date().addingTimeInterval(seconds)
            while queue.isEmpty && !finished {
                if !condition.wait(until: deadline) { break }
            }
            if !queue.isEmpty { return .message(queue.removeFirst()) }
            return finished ? .ended : .quiet
        }
    }
}

final class ReloadHub: @unchecked Sendable {
    private let lock = NSLock()
    private var clients: [ObjectIdentifier: EventMailbox] = [:]
    private var closed = false

    var clientCount: Int { lock.withLock { clients.count } }

    /// A new mailbox that starts with `greeting` (the current state), then gets every broadcast. Already ended
    /// when the hub is closed.
    func subscribe(greeting: [ServerSentEvent]) -> EventMailbox {
        let mailbox = EventMailbox()
        // `retry` tells the browser to reconnect after a second when the server restarts.
        mailbox.post(Array("retry: 1000\n\n".utf8))
        for event in greeting { mailbox.post(event.bytes) }
        let accepted = lock.withLock { () -> Bool in
            guard !closed else { return false }
            clients[ObjectIdentifier(mailbox)] = mailbox
            return true
        }
        if !accepted { mailbox.finish() }
        return mailbox
    }

    func unsubscribe(_ mailbox: EventMailbox) {
        _ = lock.withLock { clients.removeValue(forKey: ObjectIdentifier(mailbox)) }
    }

    func broadcast(_ event: ServerSentEvent) {
        let bytes = event.bytes
        for mailbox in lock.withLock({ Array(clients.values) }) { mailbox.post(bytes) }
    }

    /// Ends every stream, so each response completes and its connection can close; refuses new ones.
    func closeAll() {
        let all = lock.withLock { () -> [EventMailbox] in
            closed = true
            defer { clients = [:] }
            return Array(clients.values)
        }
        for mailbox in all { mailbox.finish() }
    }
}
