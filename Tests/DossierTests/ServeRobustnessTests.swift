// The preview server under what a browser never sends but a hostile page, a stuck client or a long session can:
// oversized request lines and heads, foreign Host names, idle and half-sent connections, running out of
// descriptors, large files, and a bounded load with malformed requests mixed in. Loopback only; every loop is
// bounded in count and every wait in time; no assertion is about how fast anything is.

import Content
import Foundation
import Renderer
@testable import Server
import Testing

@Suite struct RequestHeadParserTests {
    @Test func parsesARequestHead() {
        var parser = RequestHeadParser()
        let text = "\r\nGET /people/a%20b.html?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nAccept:  text/html \r\n\r\nGET /next"
        guard case .complete(let head, let consumed) = parser.parse(Array(text.utf8)) else {
            Issue.record("not parsed")
            return
        }
        #expect(head.method == "GET")
        #expect(head.target == "/people/a%20b.html?x=1")
        #expect(head.path == "/people/a%20b.html")
        #expect(head.minorVersion == 1)
        #expect(head.values("host") == ["127.0.0.1:8000"])
        #expect(head.values("accept") == ["text/html"])
        #expect(head.keepAlive)
        #expect(consumed == text.utf8.count - "GET /next".utf8.count, "a pipelined request after the head is left for later")
    }

    /// Fed a byte at a time, as a slow client would send it: the same head, and the refusal as soon as the
    /// limit is passed rather than when the line ends.
    @Test func byteByByteAndRefusedAtTheLimit() {
        var parser = RequestHeadParser(maxLine: 100, maxHead: 400)
        var buffer: [UInt8] = []
        var outcome = RequestHeadParser.Outcome.needMore
        for byte in Array(("GET /" + String(repeating: "a", count: 5000) + " HTTP/1.1\r\n").utf8) {
            buffer.append(byte)
            outcome = parser.parse(buffer)
            if outcome != .needMore { break }
        }
        #expect(outcome == .refused(RequestRefusal(status: 414, reason: "the request line is longer than 100 bytes")))
        #expect(buffer.count <= 102, "refused only after \(buffer.count) bytes")

        parser = RequestHeadParser(maxLine: 100, maxHead: 400)
        buffer = Array("GET / HTTP/1.1\r\n".utf8)
        outcome = .needMore
        for _ in 0..<100 {
            buffer += Array("X-Filler: 0123456789\r\n".utf8)
            outcome = parser.parse(buffer)
            if outcome != .needMore { break }
        }
        #expect(outcome == .refused(RequestRefusal(status: 431, reason: "the request's header fields are longer than 400 bytes")))
        #expect(buffer.count < 450)
    }

    @Test(arguments: [
        ("GET /\r\n\r\n", 400), ("GET  / HTTP/1.1\r\n\r\n", 400), ("GET / HTTP/1.1 extra\r\n\r\n", 400),
        ("G(T / HTTP/1.1\r\n\r\n", 400), ("GET /a\u{7F}b HTTP/1.1\r\n\r\n", 400), ("GET / HTTP/1.1\r\nNoColon\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", 400), ("GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nA: b\u{01}c\r\n\r\n", 400), ("GET / HTTP/2.0\r\n\r\n", 505), ("GET / HTTP/1.x\r\n\r\n", 400),
        ("GET / FTP/1.1\r\n\r\n", 400),
    ])
    func malformedHeadsAreRefused(_ text: String, _ status: Int) {
        var parser = RequestHeadParser()
        guard case .refused(let refusal) = parser.parse(Array(text.utf8)) else {
            Issue.record("\(text.debugDescription) was accepted")
            return
        }
        #expect(refusal.status == status, "\(text.debugDescription)")
    }
}

@Suite struct HostCheckTests {
    @Test func loopbackNamesAndTheGivenHostOnly() {
        let loopback = HostCheck(listenHost: "127.0.0.1")
        for host in ["127.0.0.1", "127.0.0.1:8000", "localhost", "LOCALHOST:8000", "localhost.", "[::1]", "[::1]:8000"] {
            #expect(loopback.allows(host), "\(host) refused")
        }
        for host in ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil.example", "127.0.0.2",
                     "", ":8000", "localhost:80a", "[::1", "192.168.1.5", "0.0.0.0"] {
            #expect(!loopback.allows(host), "\(host) allowed")
        }
        let lan = HostCheck(listenHost: "192.168.1.5")
        #expect(lan.allows("192.168.1.5:8000"))
        #expect(!lan.allows("192.168.1.6:8000"))
        // Listening on every address: reached by any of the machine's addresses, never by a borrowed name.
        let everywhere = HostCheck(listenHost: "0.0.0.0")
        #expect(everywhere.allows("10.0.0.7:8000"))
        #expect(everywhere.allows("[fe80::1]:8000"))
        #expect(!everywhere.allows("evil.example:8000"))
    }
}


@Suite struct ServeRobustnessTests {
    /// A 64 KB request line is answered with 414 after the first 8 KB, while a client that sends half a request and
    /// stops, and other clients asking for pages, are served alongside.
    @Test func aLongRequestLineGets414WhileOthersAreServed() async throws {
        try await ServedDossier.with { served in
            let port = served.port
            let stuck = try RawHTTP.connect(port: port, timeout: 5)       // half a request, then nothing
            defer { close(stuck) }
            try RawHTTP.send(stuck, "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            let long = "GET /" + String(repeating: "a", count: 65536) + " HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n"
            let replies = try await withThrowingTaskGroup(of: Int?.self) { group in
                for _ in 0..<3 { group.addTask { try await offPool { try RawExchange.send(long, port: port).status } } }
                for _ in 0..<3 { group.addTask { try await RawHTTP.fetch("/index.html", port: port).status } }
                var all: [Int?] = []
                for try await status in group { all.append(status) }
                return all
            }
            #expect(replies.compactMap { $0 }.sorted() == [200, 200, 200, 414, 414, 414])

            let reply = try await offPool { try RawExchange.send(long, port: port) }
            #expect(String(decoding: reply.reply, as: UTF8.self).contains("the request line is longer than 8192 bytes"))
            let fields = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + String(repeating: "X-Filler: " + String(repeating: "b", count: 990) + "\r\n", count: 40) + "\r\n"
            #expect(try await offPool { try RawExchange.send(fields, port: port).status } == 431)
            #expect(try await served.get("/").status == 200)
        }
    }

    @Test func foreignHostsAreRefused() async throws {
        try await ServedDossier.with { served in
            let port = served.port
            func status(_ request: String) async throws -> Int? { try await offPool { try RawExchange.send(request, port: port).status } }
            for host in ["evil.example", "evil.example:\(port)", "127.0.0.1.nip.io:\(port)", "attacker.localhost.example"] {
                let reply = try await offPool { try RawExchange.send("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n", port: port) }
                #expect(reply.status == 403, "Host: \(host)")
                #expect(!String(decoding: reply.reply, as: UTF8.self).contains("<html"), "Host: \(host) was shown the page")
            }
            // The event stream and the script are refused too: a rebinding page must not learn of builds.
            #expect(try await status("GET /__dossier/events HTTP/1.1\r\nHost: evil.example\r\n\r\n") == 403)
            for host in ["127.0.0.1", "localhost:\(port)", "[::1]:\(port)", "LocalHost"] {
                #expect(try await status("GET / HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n") == 200, "Host: \(host)")
            }
            #expect(try await status("GET / HTTP/1.1\r\n\r\n") == 400, "an HTTP/1.1 request without Host")
            #expect(try await status("GET / HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n\r\n") == 400)
            #expect(try await status("GET / HTTP/1.0\r\n\r\n") == 200, "HTTP/1.0 has no Host to check")
        }
    }

    /// A connection that sends nothing, one that stops halfway through a request, and one kept alive after a
    /// request are all closed by the server after their timeouts (shortened here).
    @Test func idleConnectionsAreClosed() async throws {
        try await ServedDossier.with(configure: { $0.limits.keepAliveIdle = 0.6; $0.limits.headerTimeout = 0.4 }) { served in
            let port = served.port
            try await offPool {
                let silent = try RawHTTP.connect(port: port, timeout: 0.2)
                defer { close(silent) }
                #expect(RawExchange.closedByServer(silent, within: 10), "a connection that never sent anything stayed open")

                let half = try RawHTTP.connect(port: port, timeout: 5)
                defer { close(half) }
                try RawHTTP.send(half, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                let reply = RawExchange.readToEnd(half, deadline: Date().addingTimeInterval(10))
                #expect(RawHTTP.parseHead(reply)?.0 == 408, "a request left unfinished got \(String(decoding: reply.prefix(40), as: UTF8.self))")

                let kept = try KeepAliveClient(port: port, timeout: 0.2)
                #expect(try kept.get("/", port: port).status == 200)
                #expect(try kept.get("/people/", port: port).status == 200, "the connection was not kept alive")
                #expect(RawExchange.closedByServer(kept.socket, within: 10), "an idle kept-alive connection stayed open")
            }
            #expect(try await served.get("/").status == 200)
        }
    }

    /// When accept fails for want of descriptors (EMFILE), the server says so once, however often it retries,
    /// and serves the connections that waited as soon as accept works again.
    @Test func runningOutOfDescriptorsIsReportedOnceAndServingResumes() async throws {
        let exhausted = AcceptFailures()
        try await ServedDossier.with(configure: { options in
            options.acceptCall = { listener in
                if exhausted.fail() {
                    errno = EMFILE
                    return -1
                }
                return accept(listener, nil, nil)
            }
        }) { served in
            exhausted.set(true)
            // The client runs on a thread of its own from the start: a Task could wait for the test pool's threads,
            // which other suites' builds keep busy, past the wait below.
            let waiting = ThreadResult { try RawHTTP.get("/index.html", port: served.port, timeout: 60) }
            #expect(await exhausted.waitForFailures(4, seconds: 30), "accept was not retried")
            exhausted.set(false)
            let reply = try await offPool { try waiting.wait() }
            #expect(reply.status == 200)
            #expect(try await served.get("/people/").status == 200)
            let deadline = Date().addingTimeInterval(10)
            while served.builds.notices.count < 2 && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
            let notices = served.builds.notices
            #expect(notices.count == 2, "\(notices)")
            #expect(notices.first?.hasPrefix("cannot accept connections: Too many open files") == true, "\(notices)")
            #expect(notices.last == "accepting connections again")
        }
    }

    /// `dossier serve` under `ulimit -n 64`: idle connections beyond what the limit allows wait instead of
    /// starving the process; that is said once; the waiting request is answered once the idle ones close.
    @Test func aSmallDescriptorLimitHoldsNewConnectionsUntilSomeClose() async throws {
        let scratch = Scratch("dossier-serve-ulimit")
        scratch.copy(Repo.fixture("small"), as: "Content")
        scratch.copy(Repo.templates, as: "Templates")
        let serve = try LimitedServe(descriptors: 64, arguments: ["--port", "0", "--content", scratch.path + "/Content",
                                                                  "--templates", scratch.path + "/Templates", "--output", scratch.path + "/Site"])
        defer { serve.stop() }
        #expect(await serve.waitForOutput("Ctrl-C to stop)"), "serve did not start: \(serve.errors)")
        let port = try #require(serve.output.firstMatch(of: /127\.0\.0\.1:(\d+)\//).flatMap { Int($0.1) })
        let idle = try (0..<70).map { _ in try RawHTTP.connect(port: port, timeout: 5) }
        let waiting = Task { try await RawHTTP.fetch("/index.html", port: port, timeout: 30) }
        #expect(await serve.waitForErrors("connections are open"), "no word of the limit: \(serve.errors)")
        for socket in idle { close(socket) }
        #expect(try await waiting.value.status == 200)
        #expect(try await RawHTTP.fetch("/people/", port: port).status == 200)
        #expect(await serve.waitForErrors("accepting connections again"))
    }

    /// The same in-process with a limit of 8 connections: the hold-up is reported once however many connections
    /// wait, and its end once, not each time one connection closes and the next takes its place.
    @Test func theConnectionLimitIsReportedOncePerBurst() async throws {
        try await ServedDossier.with(configure: { $0.limits.maxConnections = 8 }) { served in
            let port = served.port
            let idle = try (0..<20).map { _ in try RawHTTP.connect(port: port, timeout: 5) }
            let waiting = Task { try await RawHTTP.fetch("/index.html", port: port, timeout: 30) }
            let deadline = Date().addingTimeInterval(10)
            while served.builds.notices.isEmpty && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
            try await Task.sleep(for: .milliseconds(2500))      // held up for longer than the second that ends a burst
            for socket in idle { close(socket) }
            #expect(try await waiting.value.status == 200)
            #expect(try await served.get("/people/").status == 200)
            while served.builds.notices.count < 2 && Date() < deadline + 10 { try await Task.sleep(for: .milliseconds(50)) }
            #expect(served.builds.notices == ["8 connections are open, as many as the descriptor limit (ulimit -n \(SocketServer.descriptorLimit())) leaves room for; new ones wait until some close",
                                              "accepting connections again"])
        }
    }

    /// Files larger than the send buffer go out whole and exact; the script goes before the last `</body>` of a
    /// large page even when the tag is in another case and straddles the blocks the server reads backwards.
    @Test func largeFilesAreSentWholeAndPagesGetTheScript() async throws {
        try await ServedDossier.with { served in
            var random = SplitMix(seed: 7)
            let blob = random.bytes(3 << 20)
            try Data(blob).write(to: URL(fileURLWithPath: served.output + "/assets/blob.bin"))
            // The tag straddles the boundary 64 KB before the end, where the server's backward reading splits the file.
            let page = "<html><body>" + String(repeating: "<p>filler</p>\n", count: 20000) + "</BODY>\n" + String(repeating: "x", count: 65523) + "</html>\n"
            try page.write(toFile: served.output + "/big.html", atomically: true, encoding: .utf8)
            try await offPool {
                let reply = try RawExchange.send("GET /assets/blob.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", port: served.port, timeout: 20)
                let (status, headers, start) = try #require(RawHTTP.parseHead(reply.reply))
                #expect(status == 200)
                #expect(headers["content-length"] == String(blob.count))
                #expect(Array(reply.reply[start...]) == blob)
            }
            let big = try await served.get("/big.html")
            #expect(big.body == page.replacingOccurrences(of: "</BODY>", with: "<script src=\"/__dossier/live-reload.js\"></script>\n</BODY>"))
            #expect(big.headers["content-length"] == String(big.body.utf8.count))
        }
    }

    /// A bounded load (2,000 requests over 8 connections at once, kept alive and not) with 300 malformed or random
    /// requests mixed in: every answer is the right one, nothing crashes, and a normal request works afterwards.
    @Test func boundedLoadWithMalformedRequests() async throws {
        try await ServedDossier.with { served in
            let port = served.port
            let pages = ["/": 200, "/index.html": 200, "/people/": 200, "/people/anna-berg.html": 200, "/assets/dossier.css": 200,
                         "/people": 301, "/nowhere.html": 404, "/../Package.swift": 404, "/__dossier/live-reload.js": 200]
            let targets = pages.keys.sorted()
            let wrong = try await withThrowingTaskGroup(of: [String].self) { group in
                for client in 0..<8 {
                    group.addTask {
                        try await offPool {
                            var problems: [String] = []
                            var random = SplitMix(seed: UInt64(client + 1))
                            var connection: KeepAliveClient?
                            for number in 0..<250 {
                                if number % 25 == 0 { connection = try KeepAliveClient(port: port) }
                                let target = targets[random.below(targets.count)]
                                let method = random.below(5) == 0 ? "HEAD" : "GET"
                                let reply = client % 2 == 0 ? try connection!.get(target, port: port, method: method)
                                                            : try RawHTTP.get(target, port: port, method: method)
                                if reply.status != pages[target] { problems.append("\(method) \(target): \(reply.status)") }
                            }
                            return problems
                        }
                    }
                }
                group.addTask { try await offPool { try Self.fuzz(port: port, count: 300) } }
                var all: [String] = []
                for try await problems in group { all += problems }
                return all
            }
            #expect(wrong.isEmpty, "\(wrong.prefix(20))")
            let home = try await served.get("/")
            #expect(home.status == 200)
            #expect(home.body.contains("/__dossier/live-reload.js"))
        }
    }

    /// Malformed and random requests, each with the answer it must get (nil: any 4xx, or the connection closed).
    static func fuzz(port: Int, count: Int) throws -> [String] {
        var random = SplitMix(seed: 2026)
        var problems: [String] = []
        let host = "Host: 127.0.0.1:\(port)\r\n"
        for number in 0..<count {
            let request: [UInt8]
            var expected: Int?
            switch number % 12 {
            case 0: request = random.bytes(1 + random.below(2000))
            case 1: request = Array("GET /".utf8) + random.bytes(random.below(300)) + Array(" HTTP/1.1\r\n\(host)\r\n".utf8)
            case 2: request = Array("GET /\(String(repeating: "%2e%2e/", count: 1 + random.below(50)))etc/passwd HTTP/1.1\r\n\(host)\r\n".utf8); expected = 404
            case 3: request = Array("GET /\(String(repeating: "x", count: 8200 + random.below(60000))) HTTP/1.1\r\n\(host)\r\n".utf8); expected = 414
            case 4: request = Array("GET / HTTP/1.1\r\n\(host)\(String(repeating: "A: \(String(repeating: "y", count: 1000))\r\n", count: 33 + random.below(20)))\r\n".utf8); expected = 431
            case 5: request = Array("GET / HTTP/1.1\r\nHost: evil\(random.below(1000)).example\r\n\r\n".utf8); expected = 403
            case 6: request = Array(["DELETE", "PUT", "OPTIONS", "PATCH", "TRACE"][random.below(5)].utf8) + Array(" / HTTP/1.1\r\n\(host)Content-Length: 3\r\n\r\nabc".utf8); expected = 405
            case 7: request = Array("GET / HTTP/1.1\r\n\(host)Content-Length: 1x\r\n\r\n".utf8); expected = 400
            case 8: request = Array("GET / HTTP/1.1\r\n\(host)\r\n".utf8).prefix(random.below(20)).map { $0 }    // cut short, then closed
            case 9: request = Array("GET / HTTP/\(random.below(10)).\(random.below(10))\r\n\(host)\r\n".utf8)
            case 10: request = Array("GET /\u{0}index.html HTTP/1.1\r\n\(host)\r\n".utf8); expected = 400
            default: request = Array("\(String(repeating: "\r\n", count: random.below(3)))GET /index.html?\(random.below(99)) HTTP/1.1\r\n\(host)Connection: close\r\n\r\n".utf8); expected = 200
            }
            let reply: (status: Int?, reply: [UInt8])
            if number % 12 == 8 {
                let socket = try RawHTTP.connect(port: port, timeout: 5)
                _ = request.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                close(socket)
                continue
            }
            reply = try RawExchange.send(request, port: port)
            if let expected {
                if reply.status != expected { problems.append("fuzz \(number): \(reply.status.map(String.init) ?? "no answer"), not \(expected)") }
            } else if let status = reply.status, !(400..<600).contains(status) && ![200, 301, 404].contains(status) {
                problems.append("fuzz \(number): \(status)")
            } else if reply.status == nil && !reply.reply.isEmpty {
                problems.append("fuzz \(number): an answer that is not HTTP")
            }
        }
        return problems
    }
}

/// Makes the test's accept(2) fail while `failing`, counting the failures.
final class AcceptFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var failing = false
    private var failures = 0
    func set(_ value: Bool) { lock.withLock { failing = value } }
    func fail() -> Bool { lock.withLock { if failing { failures += 1 }; return failing } }
    func waitForFailures(_ count: Int, seconds: Double = 10) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while lock.withLock({ failures }) < count && Date() < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        return lock.withLock { failures } >= count
    }
}

/// `dossier serve` run by a shell that first lowers the descriptor limit (`ulimit -n`), which the server inherits.
final class LimitedServe: @unchecked Sendable {
    private let process = Process()
    private let lock = NSLock()
    private var outputText = "", errorText = ""

    init(descriptors: Int, arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -n \(descriptors) && exec \"$0\" serve \"$@\"", DossierBinary.path] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        // Read on threads of their own with blocking reads: a readabilityHandler was seen to hand the same bytes over twice.
        for (pipe, isOutput) in [(output, true), (errors, false)] {
            Thread.detachNewThread { [weak self] in
                while true {
                    let data = pipe.fileHandleForReading.availableData
                    if data.isEmpty { return }
                    let text = String(decoding: data, as: UTF8.self)
                    guard let self else { return }
                    self.lock.withLock { if isOutput { self.outputText += text } else { self.errorText += text } }
                }
            }
        }
        try process.run()
    }

    var output: String { lock.withLock { outputText } }
    var errors: String { lock.withLock { errorText } }

    func waitForOutput(_ text: String, seconds: Double = 60) async -> Bool { await wait(seconds) { self.output.contains(text) } }
    func waitForErrors(_ text: String, seconds: Double = 30) async -> Bool { await wait(seconds) { self.errors.contains(text) } }

    private func wait(_ seconds: Double, until done: () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !done() && Date() < deadline && process.isRunning { try? await Task.sleep(for: .milliseconds(50)) }
        return done()
    }

    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// The result of work started at once on a thread of its own, waited for later.
final class ThreadResult<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<T, any Error>?

    init(_ work: @escaping @Sendable () throws -> T) {
        Thread.detachNewThread { [self] in
            let outcome = Result { try work() }
            condition.withLock { result = outcome; condition.broadcast() }
        }
    }

    func wait() throws -> T {
        try condition.withLock {
            while result == nil { condition.wait() }
            return try result!.get()
        }
    }
}
