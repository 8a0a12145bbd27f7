// The listening socket and the threads that serve its connections. HTTP/1.1 over POSIX sockets, written for
// this preview rather than taken from a library: it serves only GET and HEAD of files and one event stream, and
// owning the loop is what lets it bound every read, time out every wait, and keep accepting when descriptors
// run out (FlyingFox 0.27.1 parsed a long request line in quadratic time and stopped accepting for good on
// EMFILE; see README "serve").
//
// One thread accepts; each connection is served by a worker thread from a pool that grows on demand (up to the
// connection limit) and shrinks when idle. Connections are limited below the process's descriptor limit, so the
// build and the watcher always have descriptors left; when the limit is reached, or accept fails for want of
// descriptors anyway (EMFILE, ENFILE), that is reported once, new connections wait in the listen backlog, and
// accepting resumes as soon as a connection closes.

import Foundation

final class SocketServer: @unchecked Sendable {
    let limits: ServerLimits
    let hostCheck: HostCheck
    let handler: SiteHandler
    let hub: ReloadHub
    let state: BuildState
    let maxConnections: Int
    /// The port bound (the one the system picked for port 0).
    let port: Int
    private let notice: @Sendable (String) -> Void
    private let acceptCall: @Sendable (Int32) -> Int32
    private let listener: Int32
    private let wakeRead: Int32, wakeWrite: Int32

    private let condition = NSCondition()
    private var open = Set<Int32>()              // connections accepted and not yet closed
    private var queue: [Int32] = []              // accepted, waiting for a worker
    private var idleWorkers = 0
    private var workers = 0
    private var stopping = false
    private var acceptEnded = false
    private var busyWorkers: Int { workers - idleWorkers }

    struct BindError: Error { let code: Int32; let message: String }
    struct AddressError: Error {}

    init(host: String, port: Int, limits: ServerLimits, acceptCall: @escaping @Sendable (Int32) -> Int32 = { accept($0, nil, nil) },
         handler: SiteHandler, notice: @escaping @Sendable (String) -> Void) throws {
        self.limits = limits
        self.acceptCall = acceptCall
        self.hostCheck = HostCheck(listenHost: host)
        self.handler = handler
        self.hub = handler.hub
        self.state = handler.state
        self.notice = notice
        (listener, self.port) = try Self.listen(host: host, port: port)
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            close(listener)
            throw BindError(code: errno, message: String(cString: strerror(errno)))
        }
        (wakeRead, wakeWrite) = (pipeEnds[0], pipeEnds[1])
        for end in pipeEnds { Self.closeOnExec(end) }
        maxConnections = limits.maxConnections ?? Self.connectionLimit()
    }

    var isStopping: Bool { condition.withLock { stopping } }

    /// Starts accepting, on a thread of its own.
    func start() {
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "dossier-serve accept"
        thread.start()
    }

    /// Stops accepting (the port is closed when this returns), ends event streams and idle connections, and
    /// gives responses under way a moment to finish before cutting them off.
    func stop() {
        condition.withLock {
            stopping = true
            condition.broadcast()
        }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
        condition.withLock {
            let deadline = Date().addingTimeInterval(2)
            while !acceptEnded && condition.wait(until: deadline) {}
        }
        hub.closeAll()
        // Reading ends: a connection waiting for a request sees the end at once; one sending finishes first.
        shutdownAll(Int32(SHUT_RD))
        if !waitForConnectionsToClose(seconds: 1) {
            shutdownAll(Int32(SHUT_RDWR))
            _ = waitForConnectionsToClose(seconds: 1)
        }
    }

    private func shutdownAll(_ how: Int32) {
        condition.withLock { for fd in open { shutdown(fd, how) } }
    }

    private func waitForConnectionsToClose(seconds: Double) -> Bool {
        condition.withLock {
            let deadline = Date().addingTimeInterval(seconds)
            while !open.isEmpty && condition.wait(until: deadline) {}
            return open.isEmpty
        }
    }

    // MARK: - Accepting

    private func acceptLoop() {
        /// Whether new connections are held back (the limit is reached, or accept lacks descriptors), reported once per burst: from the first hold-up until a second has
        /// passed without one (connections that waited in the backlog, accepted when others close, can fill the
        /// limit again at once; each time is not news).
        var heldUp = false
        var lastHeldUp = ContinuousClock.now
        while true {
            if heldUp && ContinuousClock.now - lastHeldUp > .seconds(1) {
                heldUp = false
                notice("accepting connections again")
            }
            let full = condition.withLock { open.count >= maxConnections }
            if isStopping { break }
            if full {
                lastHeldUp = .now
                if !heldUp {
                    heldUp = true
                    notice("\(maxConnections) connections are open, as many as the descriptor limit (ulimit -n \(Self.descriptorLimit())) leaves room for; new ones wait until some close")
                }
                condition.withLock {                                       // woken when one closes
                    if open.count >= maxConnections && !stopping { _ = condition.wait(until: Date().addingTimeInterval(1)) }
                }
                lastHeldUp = .now
                continue
            }
            var entries = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&entries, 2, 1000)
            if isStopping { break }
            guard ready > 0, entries[0].revents != 0 else { continue }
            let fd = acceptCall(listener)
            guard fd >= 0 else {
                let code = errno
                switch code {
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    lastHeldUp = .now
                    if !heldUp {
                        heldUp = true
                        notice("cannot accept connections: \(String(cString: strerror(code))) (\(condition.withLock { open.count }) connections open, ulimit -n \(Self.descriptorLimit())); waiting for descriptors to free up")
                    }
                    // Woken as soon as a connection closes; descriptors freed elsewhere are seen within a quarter second.
                    condition.withLock { _ = condition.wait(until: Date().addingTimeInterval(0.25)) }
                    lastHeldUp = .now
                case EINTR, EAGAIN, ECONNABORTED, EPROTO, EPERM:
                    break
                default:
                    usleep(10_000)
                }
                continue
            }
            // Blocking, whatever the listener is (waits are bounded by poll), and not inherited by a child process.
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            Self.closeOnExec(fd)
            var yes: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            hand(fd)
        }
        close(listener)
        close(wakeRead)
        close(wakeWrite)
        condition.withLock {
            acceptEnded = true
            condition.broadcast()
        }
    }

    // MARK: - Workers

    private func hand(_ fd: Int32) {
        let spawn = condition.withLock { () -> Bool in
            open.insert(fd)
            queue.append(fd)
            condition.broadcast()
            guard idleWorkers < queue.count else { return false }     // an idle worker will take it
            workers += 1
            return true
        }
        if spawn {
            let thread = Thread { [self] in work() }
            thread.stackSize = 1 << 20
            thread.name = "dossier-serve connection"
            thread.start()
        }
    }

    /// Serves connections from the queue one after another; ends after a while without one (keeping a few).
    private func work() {
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 65536, alignment: 16)
        defer { block.deallocate() }
        while true {
            let fd = condition.withLock { () -> Int32? in
                idleWorkers += 1
                defer { idleWorkers -= 1 }
                while queue.isEmpty {
                    if stopping || (!condition.wait(until: Date().addingTimeInterval(10)) && queue.isEmpty && workers > 4) {
                        workers -= 1
                        return nil
                    }
                }
                return queue.removeFirst()
            }
            guard let fd else { return }
            if !isStopping { Connection(fd: fd, server: self, block: block).run() }
            condition.withLock {
                open.remove(fd)
                close(fd)
                condition.broadcast()
            }
        }
    }

    // MARK: - Setting up

    private static func closeOnExec(_ fd: Int32) { _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC) }

    /// The soft descriptor limit, raised to the hard one (as Go programs do), and the connections that leaves room
    /// for: an eighth (16 to 128) is kept for the build, the watcher and the files being sent.
    static func connectionLimit() -> Int {
        var limit = rlimit()
        if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max, limit.rlim_cur < 65536 {
            limit.rlim_cur = min(limit.rlim_max, 65536)
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        let descriptors = descriptorLimit()
        let reserve = min(128, max(16, descriptors / 8))
        return max(4, min(1024, descriptors - reserve))
    }

    static func descriptorLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
        return Int(min(limit.rlim_cur, rlim_t(Int32.max)))
    }

    /// A listening socket on host:port; the port it got.
    private static func listen(host: String, port: Int) throws -> (Int32, Int) {
        var storage = sockaddr_storage()
        var length: socklen_t
        let family: Int32
        let name = host == "localhost" ? "127.0.0.1" : host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if name.contains(":") {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(port).bigEndian)
            guard inet_pton(AF_INET6, name, &address.sin6_addr) == 1 else { throw AddressError() }
            withUnsafeBytes(of: address) { bytes in withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: bytes) } }
            length = socklen_t(MemoryLayout<sockaddr_in6>.size)
            family = AF_INET6
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            guard inet_pton(AF_INET, name, &address.sin_addr) == 1 else { throw AddressError() }
            withUnsafeBytes(of: address) { bytes in withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: bytes) } }
            length = socklen_t(MemoryLayout<sockaddr_in>.size)
            family = AF_INET
        }
        let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw BindError(code: errno, message: String(cString: strerror(errno))) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0, Foundation.listen(fd, 511) == 0 else {
            let code = errno
            close(fd)
            throw BindError(code: code, message: String(cString: strerror(code)))
        }
        length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        let boundPort = withUnsafeBytes(of: storage) { bytes -> UInt16 in
            family == AF_INET6 ? bytes.load(as: sockaddr_in6.self).sin6_port : bytes.load(as: sockaddr_in.self).sin_port
        }
        return (fd, Int(UInt16(bigEndian: boundPort)))
    }
}
