// A raw HTTP/1.1 client for the serve tests: sends the request target exactly as written (so "/../x" reaches
// the server unnormalised), reads with a timeout, decodes chunked bodies, and follows an event stream.
// Its blocking reads run on a Dispatch thread, never on the concurrency pool the in-process server needs.

import Foundation

struct HTTPReply: Sendable {
    var status: Int
    var headers: [String: String]        // lower-case names
    var body: String
}

/// Runs blocking work off Swift concurrency's few threads (a test blocking them would starve the server).
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}

enum RawHTTP {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func fetch(_ target: String, port: Int, method: String = "GET", timeout: Double = 5) async throws -> HTTPReply {
        try await offPool { try get(target, port: port, method: method, timeout: timeout) }
    }

    static func get(_ target: String, port: Int, method: String = "GET", timeout: Double = 5) throws -> HTTPReply {
        let socket = try connect(port: port, timeout: timeout)
        defer { close(socket) }
        try send(socket, "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(socket, &buffer, buffer.count, 0)
            if n > 0 { data += buffer[0..<n]; continue }
            if n == 0 { break }
            if errno == EINTR { continue }
            throw Failure(description: "no complete reply to \(target) within \(timeout) s")
        }
        guard let (status, headers, bodyStart) = parseHead(data) else { throw Failure(description: "malformed reply to \(target)") }
        var body = Array(data[bodyStart...])
        if headers["transfer-encoding"] == "chunked" {
            var decoder = ChunkDecoder()
            body = decoder.feed(body)
        }
        return HTTPReply(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
    }

    /// True when nothing answers on the port any more: the connection is refused, or it is taken but no reply comes.
    /// Not "refused" alone: while another test spawns a process, the child holds a copy of every descriptor of this
    /// process until it closes them before exec, so for that moment a listener just closed by the server still
    /// takes connections into its backlog (CI once saw exactly that) — but nobody ever answers them.
    static func silent(port: Int, within seconds: Double = 2) -> Bool {
        guard let socket = try? connect(port: port, timeout: seconds) else { return true }
        defer { close(socket) }
        guard (try? send(socket, "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")) != nil else { return true }
        var byte: UInt8 = 0
        return recv(socket, &byte, 1, 0) <= 0
    }

    static func connect(port: Int, timeout: Double) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw Failure(description: "cannot connect to port \(port)")
        }
        return fd
    }

    static func send(_ fd: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw Failure(description: "send failed") }
    }

    static func parseHead(_ data: [UInt8]) -> (Int, [String: String], Int)? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, data.count - 3)).first(where: { Array(data[$0..<($0 + 4)]) == separator }) else { return nil }
        let lines = String(decoding: data[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, headers, end + 4)
    }
}

/// Decodes `Transfer-Encoding: chunked` as bytes arrive, keeping a partial chunk for the next call.
struct ChunkDecoder {
    private var pending: [UInt8] = []

    mutating func feed(_ bytes: [UInt8]) -> [UInt8] {
        pending += bytes
        var out: [UInt8] = []
        while let lineEnd = (0..<max(0, pending.count - 1)).first(where: { pending[$0] == 13 && pending[$0 + 1] == 10 }) {
            guard let size = Int(String(decoding: pending[..<lineEnd], as: UTF8.self), radix: 16) else { break }
            let start = lineEnd + 2
            guard pending.count >= start + size + 2 else { break }
            out += pending[start..<(start + size)]
            pending.removeFirst(start + size + 2)
            if size == 0 { break }
        }
        return out
    }
}

/// An open `/__dossier/events` stream: wait for the next event of a name, for a bounded time.
final class EventStreamClient: @unchecked Sendable {
    private let fd: Int32
    private var decoder = ChunkDecoder()
    private var text = ""
    private var headerDone = false
    private var raw: [UInt8] = []
    /// The server ended the stream (closed the connection or sent the last chunk).
    private(set) var ended = false

    static func open(port: Int) async throws -> EventStreamClient {
        try await offPool { try EventStreamClient(port: port) }
    }

    private init(port: Int) throws {
        fd = try RawHTTP.connect(port: port, timeout: 0.25)
        try RawHTTP.send(fd, "GET /__dossier/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
    }

    deinit { close(fd) }

    /// The data of the next `event: name`, or nil when none came within `seconds` or the stream ended.
    func next(_ name: String, within seconds: Double = 10) async -> String? {
        (try? await offPool { self.nextBlocking(name, within: seconds) }) ?? nil
    }

    private func nextBlocking(_ name: String, within seconds: Double) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            if let data = take(name) { return data }
            if Date() > deadline { return nil }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n == 0 { ended = true; return take(name) }
            guard n > 0 else { continue }          // the 0.25 s receive timeout: look at the deadline again
            if headerDone {
                text += String(decoding: decoder.feed(Array(buffer[0..<n])), as: UTF8.self)
            } else {
                raw += buffer[0..<n]
                if let (_, _, bodyStart) = RawHTTP.parseHead(raw) {
                    headerDone = true
                    text += String(decoding: decoder.feed(Array(raw[bodyStart...])), as: UTF8.self)
                }
            }
        }
    }

    /// Removes events from the front of what arrived until one named `name` (returning its data).
    private func take(_ name: String) -> String? {
        while let end = text.range(of: "\n\n") {
            let block = String(text[..<end.lowerBound])
            text.removeSubrange(..<end.upperBound)
            let lines = block.split(separator: "\n").map(String.init)
            guard lines.contains("event: \(name)") else { continue }
            return lines.filter { $0.hasPrefix("data: ") }.map { String($0.dropFirst(6)) }.joined(separator: "\n")
        }
        return nil
    }
}

/// Raw bytes to the server and what comes back, for requests the other helpers cannot write: foreign Hosts,
/// malformed lines, oversized heads, several requests on one connection.
enum RawExchange {
    /// Sends `request` (in one piece), ends the sending side (so a server waiting for more sees there is none),
    /// and reads until the server closes the connection or `timeout` passes.
    /// The status of the first response, or nil when none came (the server closed without answering).
    static func send(_ request: [UInt8], port: Int, timeout: Double = 5) throws -> (status: Int?, reply: [UInt8]) {
        let socket = try RawHTTP.connect(port: port, timeout: timeout)
        defer { close(socket) }
        var offset = 0
        while offset < request.count {
            let n = request[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { break }          // the server may refuse before taking everything
            offset += n
        }
        shutdown(socket, Int32(SHUT_WR))
        let reply = readToEnd(socket, deadline: Date().addingTimeInterval(timeout))
        return (RawHTTP.parseHead(reply)?.0, reply)
    }

    static func send(_ request: String, port: Int, timeout: Double = 5) throws -> (status: Int?, reply: [UInt8]) {
        try send(Array(request.utf8), port: port, timeout: timeout)
    }

    /// Reads until the peer closes, an error, or the deadline.
    static func readToEnd(_ socket: Int32, deadline: Date) -> [UInt8] {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            let n = recv(socket, &buffer, buffer.count, 0)
            if n > 0 { data += buffer[0..<n]; continue }
            if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            break
        }
        return data
    }

    /// Whether the server closed `socket` (recv gives 0 or an error) within `seconds`, discarding what it sent.
    static func closedByServer(_ socket: Int32, within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            let n = recv(socket, &buffer, buffer.count, 0)
            if n == 0 { return true }
            if n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR { return true }
        }
        return false
    }
}

/// One kept-alive connection: several requests, each response read by its Content-Length.
final class KeepAliveClient {
    let socket: Int32
    private var pending: [UInt8] = []

    init(port: Int, timeout: Double = 5) throws { socket = try RawHTTP.connect(port: port, timeout: timeout) }
    deinit { close(socket) }

    func get(_ target: String, port: Int, method: String = "GET") throws -> HTTPReply {
        try RawHTTP.send(socket, "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if let (status, headers, bodyStart) = RawHTTP.parseHead(pending) {
                let length = method == "HEAD" ? 0 : Int(headers["content-length"] ?? "0") ?? 0
                if pending.count >= bodyStart + length {
                    let body = String(decoding: pending[bodyStart..<(bodyStart + length)], as: UTF8.self)
                    pending.removeFirst(bodyStart + length)
                    return HTTPReply(status: status, headers: headers, body: body)
                }
            }
            let n = recv(socket, &buffer, buffer.count, 0)
            if n > 0 { pending += buffer[0..<n]; continue }
            if n < 0 && errno == EINTR { continue }
            throw RawHTTP.Failure(description: "the connection ended before the reply to \(target)")
        }
    }
}
