// One client connection, served on its own thread with blocking I/O and a deadline for every wait: read a request
// head (bounded, see RequestHead), check Host and method, answer, and wait for the next request on the same
// connection (HTTP/1.1 keep-alive) until the client closes it or stays idle too long. Files are sent in blocks
// of one buffer; an event stream stays open until the page goes away or the server stops.

import Foundation

final class Connection {
    private let fd: Int32
    private let server: SocketServer
    private var limits: ServerLimits { server.limits }
    /// Bytes received and not yet used: the head being read, or a next request the client already sent.
    private var received: [UInt8] = []
    /// The thread's block buffer for receiving and for file contents (one per worker thread, reused).
    private var block: UnsafeMutableRawBufferPointer

    init(fd: Int32, server: SocketServer, block: UnsafeMutableRawBufferPointer) {
        self.fd = fd
        self.server = server
        self.block = block
    }

    func run() {
        var first = true
        while !server.isStopping {
            var parser = RequestHeadParser(maxLine: limits.maxRequestLine, maxHead: limits.maxHead)
            // Waiting for a request to start: a new connection gets the short time, a kept-alive one the long one.
            var started = !received.isEmpty
            var deadline = Deadline(seconds: started || first ? limits.headerTimeout : limits.keepAliveIdle)
            first = false
            var outcome = parser.parse(received)
            while outcome == .needMore {
                switch receive(until: deadline) {
                case .data:
                    if !started {
                        started = true
                        deadline = Deadline(seconds: limits.headerTimeout)
                    }
                    outcome = parser.parse(received)
                case .timedOut:
                    if started { refuse(RequestRefusal(status: 408, reason: "the request did not arrive in \(Int(limits.headerTimeout)) s")) }
                    return
                case .closed:
                    return
                }
            }
            switch outcome {
            case .needMore:
                return
            case .refused(let refusal):
                refuse(refusal)
                return
            case .complete(let head, let consumed):
                received.removeFirst(consumed)
                guard answer(head) else { return }
            }
        }
    }

    /// Answers one request; false when the connection is to be closed.
    private func answer(_ head: RequestHead) -> Bool {
        let lengths = head.values("content-length")
        guard lengths.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } }), Set(lengths).count <= 1 else {
            refuse(RequestRefusal(status: 400, reason: "the Content-Length is not one number"))
            return false
        }
        // Nothing served here has a request body; one that comes is not read, so the connection ends after this answer.
        let hasBody = !head.values("transfer-encoding").isEmpty || lengths.contains { $0.contains(where: { $0 != "0" }) }
        let hosts = head.values("host")
        guard hosts.count <= 1, hosts.count == 1 || head.minorVersion == 0 else {
            refuse(RequestRefusal(status: 400, reason: "an HTTP/1.1 request needs one Host header"))
            return false
        }
        if let host = hosts.first, !server.hostCheck.allows(host) {
            let names = server.hostCheck.listenHost == "127.0.0.1" ? "" : ", \(server.hostCheck.listenHost)"
            refuse(RequestRefusal(status: 403, reason: "this preview server answers only to localhost, 127.0.0.1 and [::1]\(names), not to \"\(host.prefix(200))\" (a guard against DNS rebinding)"))
            return false
        }
        let isHead = head.method == "HEAD"
        guard head.method == "GET" || isHead else {
            var response = Response.text(405, "Only GET and HEAD are served.\n", headers: [("Allow", "GET, HEAD")])
            response.headers.append(("Connection", "close"))
            _ = send(response, headOnly: false, keepAlive: false)
            lingeringClose()
            return false
        }
        let keepAlive = head.keepAlive && !hasBody && !server.isStopping
        let response = server.handler.respond(to: head)
        if case .events = response.body, !isHead { streamEvents(response); return false }
        let sent = send(response, headOnly: isHead, keepAlive: keepAlive)
        if sent && hasBody { lingeringClose() }
        return sent && keepAlive
    }

    // MARK: - Sending

    private func headBytes(_ response: Response, keepAlive: Bool, extra: [(String, String)] = []) -> [UInt8] {
        var text = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        for (name, value) in response.headers + extra { text += "\(name): \(value)\r\n" }
        if let length = response.contentLength { text += "Content-Length: \(length)\r\n" }
        if !response.headers.contains(where: { $0.0 == "Connection" }) { text += "Connection: \(keepAlive ? "keep-alive" : "close")\r\n" }
        text += "\r\n"
        return Array(text.utf8)
    }

    /// Sends a whole response; false when the client went away or stopped reading.
    private func send(_ response: Response, headOnly: Bool, keepAlive: Bool) -> Bool {
        var pending = headBytes(response, keepAlive: keepAlive)
        switch response.body {
        case .bytes(let bytes):
            if !headOnly { pending += bytes }
            return sendAll(pending)
        case .events:
            return sendAll(pending)
        case .file(let file):
            defer { file.close() }
            if headOnly { return sendAll(pending) }
            return sendFile(file, after: pending)
        }
    }

    /// The file's bytes with `insert` put in at `insertAt`, one block at a time (the head goes with the first).
    private func sendFile(_ file: FileBody, after head: [UInt8]) -> Bool {
        var pending = head
        var position = 0, inserted = file.insert.isEmpty
        while true {
            if position == file.insertAt && !inserted {
                pending += file.insert
                inserted = true
            }
            if position >= file.size { break }
            let limit = (position < file.insertAt ? file.insertAt : file.size) - position
            let n = pread(file.descriptor, block.baseAddress!, min(block.count, limit), off_t(position))
            if n < 0 && errno == EINTR { continue }
            // The file shrank while being sent (rewritten in place): the promised length cannot be kept.
            guard n > 0 else { return false }
            if pending.isEmpty {
                guard sendAll(UnsafeRawBufferPointer(rebasing: block[0..<n])) else { return false }
            } else {
                pending += UnsafeRawBufferPointer(rebasing: block[0..<n])
                guard sendAll(pending) else { return false }
                pending.removeAll(keepingCapacity: false)
            }
            position += n
        }
        return pending.isEmpty || sendAll(pending)
    }

    /// The page's event stream: the greeting, then every broadcast, as chunks, until the hub closes or the page leaves.
    private func streamEvents(_ response: Response) {
        let mailbox = server.hub.subscribe(greeting: server.state.greeting)
        defer { server.hub.unsubscribe(mailbox) }
        guard sendAll(headBytes(response, keepAlive: false, extra: [("Transfer-Encoding", "chunked")])) else { return }
        var quiet = 0.0
        while true {
            switch mailbox.next(within: 1) {
            case .message(let bytes):
                quiet = 0
                guard sendChunk(bytes) else { return }
            case .ended:
                _ = sendAll(Array("0\r\n\r\n".utf8))
                return
            case .quiet:
                quiet += 1
                if server.isStopping || clientLeft() { return }
                if quiet >= limits.heartbeat {
                    quiet = 0
                    guard sendChunk(Array(": keep-alive\n\n".utf8)) else { return }
                }
            }
        }
    }

    private func sendChunk(_ bytes: [UInt8]) -> Bool {
        sendAll(Array((String(bytes.count, radix: 16) + "\r\n").utf8) + bytes + [13, 10])
    }

    /// Whether a page holding an event stream has closed its end (it sends nothing on it otherwise).
    private func clientLeft() -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, 0) > 0 else { return false }
        if entry.revents & Int16(POLLERR | POLLHUP | POLLNVAL) != 0 { return true }
        return recv(fd, block.baseAddress!, block.count, Int32(MSG_DONTWAIT)) == 0
    }

    /// A malformed, refused or timed-out request: a short plain answer, then the connection ends.
    private func refuse(_ refusal: RequestRefusal) {
        var response = Response.text(refusal.status, "\(refusal.status) \(Self.reason(refusal.status)): \(refusal.reason).\n")
        response.headers.append(("Connection", "close"))
        if sendAll(headBytes(response, keepAlive: false) + bodyBytes(response)) { lingeringClose() }
    }

    private func bodyBytes(_ response: Response) -> [UInt8] {
        if case .bytes(let bytes) = response.body { return bytes }
        return []
    }

    /// Closing a socket with unread bytes makes the kernel reset the connection, and the client may lose the answer
    /// before reading it (the 414 for a long request line, say). So: stop sending, read what still comes for a
    /// moment (bounded in bytes and time), then close.
    private func lingeringClose() {
        shutdown(fd, Int32(SHUT_WR))
        let deadline = Deadline(seconds: 1)
        var drained = 0
        while drained < 1 << 20 {
            guard case .data(let n) = receiveRaw(until: deadline) else { return }
            drained += n
        }
    }

    // MARK: - Socket I/O with deadlines

    private enum Received { case data(Int), timedOut, closed }

    /// Receives what is there into `received`.
    private func receive(until deadline: Deadline) -> Received {
        let result = receiveRaw(until: deadline)
        if case .data(let n) = result { received += UnsafeRawBufferPointer(rebasing: block[0..<n]) }
        return result
    }

    private func receiveRaw(until deadline: Deadline) -> Received {
        while true {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, deadline.milliseconds)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 { return .timedOut }
            guard ready > 0 else { return .closed }
            let n = recv(fd, block.baseAddress!, block.count, 0)
            if n > 0 { return .data(n) }
            if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            return .closed
        }
    }

    private func sendAll(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { sendAll($0) }
    }

    /// Sends everything, waiting at most `writeTimeout` for the client to take each part.
    private func sendAll(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = Foundation.send(fd, bytes.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
            if n > 0 { sent += n; continue }
            guard n < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else { return false }
            var entry = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&entry, 1, Int32(limits.writeTimeout * 1000))
            if ready == 0 || (ready < 0 && errno != EINTR) { return false }
        }
        return true
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 414: "URI Too Long"
        case 431: "Request Header Fields Too Large"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: "Status"
        }
    }
}

/// A moment in the future, for poll's timeouts.
struct Deadline {
    let end: ContinuousClock.Instant

    init(seconds: Double) { end = .now + .milliseconds(Int64(seconds * 1000)) }

    /// What is left, in whole milliseconds (0 when past).
    var milliseconds: Int32 {
        let left = end - .now
        let ms = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(0, ms))
    }
}
