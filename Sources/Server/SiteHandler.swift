// Answers every HTTP request of the preview: files of the output folder (HTML with the live-reload script
// added), folders by their index.html, the event stream and the script, and a 404 page for everything else.
// Files are opened here and sent by the connection in chunks, never read whole.

import Foundation

/// What to send back. Every response says `Cache-Control: no-store`: after a rebuild the browser must fetch the
/// page again, not reuse the old one.
struct Response {
    enum Body {
        case bytes([UInt8])
        /// An open file, sent from offset 0 to `size`, with `insert` put in at `insertAt` (the reload script in HTML).
        case file(FileBody)
        /// The endless event stream of a page (server-sent events).
        case events
    }

    var status: Int
    var headers: [(String, String)]
    var body: Body

    init(status: Int, type: String, body: Body, headers: [(String, String)] = []) {
        self.status = status
        self.headers = [("Content-Type", type), ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff")] + headers
        self.body = body
    }

    static func text(_ status: Int, _ text: String, headers: [(String, String)] = []) -> Response {
        Response(status: status, type: "text/plain; charset=utf-8", body: .bytes(Array(text.utf8)), headers: headers)
    }

    /// The length of the body, when it has one (the event stream has none: it is sent chunked).
    var contentLength: Int? {
        switch body {
        case .bytes(let bytes): return bytes.count
        case .file(let file): return file.size + file.insert.count
        case .events: return nil
        }
    }
}

/// A file to send, open; closed by whoever sends it (or by `close()` when nothing is sent).
final class FileBody {
    let descriptor: Int32
    let size: Int
    let insertAt: Int
    let insert: [UInt8]
    private var closed = false

    init(descriptor: Int32, size: Int, insertAt: Int, insert: [UInt8]) {
        self.descriptor = descriptor
        self.size = size
        self.insertAt = insertAt
        self.insert = insert
    }

    func close() {
        guard !closed else { return }
        closed = true
        _ = Foundation.close(descriptor)
    }

    deinit { close() }
}

struct SiteHandler: Sendable {
    let root: String
    let state: BuildState
    let hub: ReloadHub

    /// `head` has passed the Host and method checks (GET or HEAD).
    func respond(to head: RequestHead) -> Response {
        let rawPath = head.path
        switch rawPath {
        case LiveReload.eventsPath:
            return Response(status: 200, type: "text/event-stream; charset=utf-8", body: .events)
        case LiveReload.scriptPath:
            return Response(status: 200, type: "text/javascript; charset=utf-8", body: .bytes(Array(LiveReload.script.utf8)))
        default:
            break
        }
        switch OutputPaths.resolve(rawPath, root: root) {
        case .file(let path):
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                // Too many open files: say so and let the browser try again, rather than a misleading 404.
                if errno == EMFILE || errno == ENFILE { return .text(503, "The server has too many open files; try again.\n", headers: [("Retry-After", "1")]) }
                return notFound(rawPath)                   // removed by a rebuild since it was resolved
            }
            var info = stat()
            guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
                close(descriptor)
                return notFound(rawPath)
            }
            let size = Int(info.st_size)
            let type = ContentTypes.forPath(path)
            var insertAt = size, insert: [UInt8] = []
            if ContentTypes.isHTML(type) {
                if let close = LiveReload.lastBodyClose(descriptor: descriptor, size: size) {
                    insertAt = close
                    insert = Array((LiveReload.scriptTag + "\n").utf8)
                } else {
                    insert = Array(("\n" + LiveReload.scriptTag + "\n").utf8)
                }
            }
            return Response(status: 200, type: type, body: .file(FileBody(descriptor: descriptor, size: size, insertAt: insertAt, insert: insert)))
        case .redirect(let location):
            return .text(301, "See \(location)\n", headers: [("Location", location)])
        case .notFound:
            return notFound(rawPath)
        }
    }

    func notFound(_ rawPath: String) -> Response {
        let page = LiveReload.notFoundPage(path: rawPath.removingPercentEncoding ?? rawPath, buildFailed: state.failure != nil)
        return Response(status: 404, type: "text/html; charset=utf-8", body: .bytes(Array(page.utf8)))
    }
}
