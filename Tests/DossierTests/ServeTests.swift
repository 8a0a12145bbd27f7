// `dossier serve` in-process, over real HTTP on a free port: pages with their content types and the reload
// script (never in Site/), nothing outside the output folder, an edit served and announced, a failed build
// shown while the last good site stays, a taken port, and a clean stop.

import Content
import Foundation
import Renderer
import Server
import Testing

/// A scratch copy of a fixture dossier and the templates, served on a free port while `body` runs.
final class ServedDossier: @unchecked Sendable {
    let scratch = Scratch("dossier-serve")
    let content: String
    let templates: String
    let output: String
    let server: PreviewServer
    let builds = BuildLog()

    /// `configure` may change the options before the server is made (tests shorten its timeouts).
    init(fixture: String = "small", configure: (inout ServeOptions) -> Void = { _ in }) {
        content = scratch.copy(Repo.fixture(fixture), as: "Content")
        templates = scratch.copy(Repo.templates, as: "Templates")
        output = scratch.path + "/Site"
        let builds = self.builds
        var options = ServeOptions(build: BuildOptions(content: content, templates: templates, output: output),
                                   port: 0, pollInterval: .milliseconds(100))
        configure(&options)
        server = PreviewServer(options: options) { builds.record($0) }
    }

    var port: Int { server.port }

    func get(_ target: String, method: String = "GET") async throws -> HTTPReply {
        try await RawHTTP.fetch(target, port: port, method: method)
    }

    /// GETs `target` until its body contains `text`, for at most `seconds`; the last reply.
    func waitFor(_ text: String, at target: String, seconds: Double = 10) async throws -> HTTPReply {
        let deadline = Date().addingTimeInterval(seconds)
        var reply = try await get(target)
        while !reply.body.contains(text) && Date() < deadline {
            try await Task.sleep(for: .milliseconds(100))
            reply = try await get(target)
        }
        return reply
    }

    func edit(_ relative: String, _ change: (String) -> String) throws {
        let path = content + "/" + relative
        try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func with(fixture: String = "small", configure: (inout ServeOptions) -> Void = { _ in },
                     _ body: (ServedDossier) async throws -> Void) async throws {
        let served = ServedDossier(fixture: fixture, configure: configure)
        try await served.server.start()
        do {
            try await body(served)
        } catch {
            await served.server.stop()
            throw error
        }
        await served.server.stop()
    }
}

/// How many builds the server has finished (good or failed), as it reports them.
final class BuildLog: @unchecked Sendable {
    private let lock = NSLock()
    private var finished = 0
    private var notes: [String] = []
    func record(_ event: ServeEvent) {
        switch event {
        case .rebuilding: return
        case .notice(let text): lock.withLock { notes.append(text) }
        case .built, .failed: lock.withLock { finished += 1 }
        }
    }
    /// What the server reported about itself (running out of descriptors, say).
    var notices: [String] { lock.withLock { notes } }
    var count: Int { lock.withLock { finished } }

    /// Waits (bounded) until at least `count` builds have finished.
    func waitFor(_ count: Int, seconds: Double = 10) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while self.count < count && Date() < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        return self.count >= count
    }
}

@Suite struct ServeTests {
    @Test func servesPagesWithContentTypesAndTheReloadScriptOnlyInHTML() async throws {
        try await ServedDossier.with { served in
            let home = try await served.get("/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.body.contains("<script src=\"/__dossier/live-reload.js\"></script>\n</body>"))
            let onDisk = try #require(SiteFiles.read(served.output, "index.html"))
            #expect(!onDisk.contains("__dossier"), "the reload script must never be written into Site/")
            #expect(home.body == LiveReloadText.expected(onDisk))

            let css = try await served.get("/assets/dossier.css")
            #expect(css.status == 200)
            #expect(css.headers["content-type"] == "text/css; charset=utf-8")
            #expect(css.body == SiteFiles.read(served.output, "assets/dossier.css"))

            let note = try await served.get("/assets/note.txt")
            #expect(note.headers["content-type"] == "text/plain; charset=utf-8")
            #expect(!note.body.contains("__dossier"))

            let person = try await served.get("/people/anna-berg.html")
            #expect(person.status == 200)
            #expect(person.body.contains("Anna Berg"))

            let folder = try await served.get("/people/")
            #expect(folder.status == 200)
            #expect(folder.body.hasPrefix(try #require(SiteFiles.read(served.output, "people/index.html")).components(separatedBy: "</body>")[0]))
            let bare = try await served.get("/people")
            #expect(bare.status == 301)
            #expect(bare.headers["location"] == "/people/")

            let head = try await served.get("/", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.headers["content-length"] == String(home.body.utf8.count))
            #expect(head.body.isEmpty)

            let script = try await served.get("/__dossier/live-reload.js")
            #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
            #expect(script.body.contains("new EventSource('/__dossier/events')"))

            #expect(try await served.get("/", method: "POST").status == 405)
        }
    }

    @Test func missingPagesGetThe404Page() async throws {
        try await ServedDossier.with { served in
            let reply = try await served.get("/people/nobody.html")
            #expect(reply.status == 404)
            #expect(reply.headers["content-type"] == "text/html; charset=utf-8")
            #expect(reply.body.contains("<h1>Not found</h1>"))
            #expect(reply.body.contains("<code>/people/nobody.html</code>"))
            #expect(reply.body.contains("/__dossier/live-reload.js"))
            // The path is shown escaped.
            let hostile = try await served.get("/%3Cscript%3Ealert(1)%3C/script%3E.html")
            #expect(hostile.status == 404)
            #expect(!hostile.body.contains("<script>alert"))
            #expect(hostile.body.contains("&lt;script&gt;alert(1)"))
        }
    }

    @Test func nothingOutsideTheOutputFolderIsServed() async throws {
        try await ServedDossier.with { served in
            let marker = "SECRET-\(UUID().uuidString)"
            served.scratch.write("secret.txt", marker)                   // beside Site/, inside the scratch folder
            try FileManager.default.createSymbolicLink(atPath: served.output + "/leak.txt", withDestinationPath: served.scratch.path + "/secret.txt")
            try FileManager.default.createSymbolicLink(atPath: served.output + "/up", withDestinationPath: served.scratch.path)
            served.scratch.write("Site/.hidden.txt", marker)

            for target in ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt", "/..%2fsecret.txt",
                           "/%2e%2e%2fsecret.txt", "/people/../../secret.txt", "/people/%2e%2e/%2e%2e/secret.txt",
                           "/../Package.swift", "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd",
                           "/leak.txt", "/up/secret.txt", "/.hidden.txt", "/index.html%00.txt",
                           "/..\\secret.txt", "/%5c..%5csecret.txt"] {
                let reply = try await served.get(target)
                #expect(reply.status == 404, "\(target) gave \(reply.status)")
                #expect(!reply.body.contains(marker), "\(target) leaked a file outside Site/")
                #expect(!reply.body.contains("root:x:0:0"), "\(target) leaked /etc/passwd")
            }
            // A link that stays inside the output folder is fine.
            try FileManager.default.createSymbolicLink(atPath: served.output + "/home.html", withDestinationPath: "index.html")
            #expect(try await served.get("/home.html").status == 200)
        }
    }

    @Test func anEditIsRebuiltServedAndAnnouncedToOpenPages() async throws {
        try await ServedDossier.with { served in
            let events = try await EventStreamClient.open(port: served.port)
            let hello = try #require(await events.next("hello"))
            let sentence = "Anna Berg later toured the harbour museum."
            try served.edit("articles/envoys-meet.md") { $0 + "\n\n" + sentence + "\n" }

            let reload = try #require(await events.next("reload"), "no reload event after the edit")
            #expect(reload != hello)
            let page = try await served.waitFor("harbour museum", at: "/articles/envoys-meet.html")
            #expect(page.body.contains("later toured the harbour museum."))
            // The person page quotes the new sentence too: the rebuild is the whole build, not a page.
            #expect(try await served.get("/people/anna-berg.html").body.contains("<mark>Anna Berg</mark> later toured the harbour museum."))
            #expect(SiteFiles.read(served.output, "articles/envoys-meet.html")?.contains("__dossier") == false)
        }
    }

    @Test func aSaveThatChangesNoPageReloadsNothing() async throws {
        try await ServedDossier.with { served in
            let events = try await EventStreamClient.open(port: served.port)
            _ = try #require(await events.next("hello"))
            #expect(served.builds.count == 1)
            // Saved again as it was (a new file renamed over the old one: a new inode, a new time).
            try served.edit("articles/envoys-meet.md") { $0 }
            #expect(await served.builds.waitFor(2), "no rebuild after the save")
            // Then a real change: the first reload the page gets is for that one.
            try served.edit("articles/envoys-meet.md") { $0 + "\nA second sentence.\n" }
            #expect(await served.builds.waitFor(3), "no rebuild after the edit")
            let reload = try #require(await events.next("reload"))
            #expect(reload.hasSuffix("-3"), "the page was told to reload after a save that changed nothing")
        }
    }

    /// An output folder inside Content/ is not watched: otherwise every build would set off the next.
    @Test func anOutputFolderInsideContentDoesNotRebuildItself() async throws {
        let scratch = Scratch("dossier-serve")
        let content = scratch.copy(Repo.fixture("small"), as: "Content")
        let builds = BuildLog()
        let server = PreviewServer(options: ServeOptions(build: BuildOptions(content: content, templates: Repo.templates, output: content + "/Site"),
                                                         port: 0, pollInterval: .milliseconds(100))) { builds.record($0) }
        try await server.start()
        #expect(builds.count == 1)
        #expect(await builds.waitFor(2, seconds: 2) == false, "the server rebuilt after writing its own output")
        await server.stop()
    }

    @Test func aFailedBuildIsShownWhileTheLastGoodSiteStaysServed() async throws {
        try await ServedDossier.with { served in
            let events = try await EventStreamClient.open(port: served.port)
            _ = try #require(await events.next("hello"))
            try served.edit("articles/envoys-meet.md") { $0.replacingOccurrences(of: "date: 2024-03-05", with: "date: 2024-13-05") }

            let failed = try #require(await events.next("failed"), "no failed event after breaking the date")
            let lines = try JSONSerialization.jsonObject(with: Data(failed.utf8)) as? [String]
            let line = try #require(lines?.first)
            #expect(line.contains("articles/envoys-meet.md:3:12: error: date \"2024-13-05\" is not a valid EDTF date: month 13 does not exist"))

            // Still the last good page, and a page opened now learns of the failure at once.
            let page = try await served.get("/articles/envoys-meet.html")
            #expect(page.status == 200)
            #expect(page.body.contains("datetime=\"2024-03-05\""))
            let late = try await EventStreamClient.open(port: served.port)
            _ = try #require(await late.next("hello"))
            #expect(await late.next("failed", within: 5) == failed)

            try served.edit("articles/envoys-meet.md") { $0.replacingOccurrences(of: "date: 2024-13-05", with: "date: 2024-03-06") }
            #expect(await events.next("reload") != nil, "no reload after the fix")
            #expect(try await served.waitFor("datetime=\"2024-03-06\"", at: "/articles/envoys-meet.html").body.contains("datetime=\"2024-03-06\""))
        }
    }

    @Test func aTakenPortIsAClearError() async throws {
        try await ServedDossier.with { first in
            let second = ServedDossier()
            let clash = PreviewServer(options: ServeOptions(build: BuildOptions(content: second.content, templates: second.templates,
                                                                                output: second.output), port: first.port))
            let error = try #require(await startError(clash), "a second server started on port \(first.port)")
            #expect(error.kind == .server)
            #expect(error.message == "port \(first.port) on 127.0.0.1 is already in use (another `dossier serve`?): choose another with --port, or --port 0 to pick a free one")
            // The first one is unaffected.
            #expect(try await first.get("/").status == 200)
        }
    }

    @Test func stopClosesTheListenerAndEveryEventStream() async throws {
        let served = ServedDossier()
        try await served.server.start()
        let port = served.port
        #expect(port > 0)
        let events = try await EventStreamClient.open(port: port)
        _ = try #require(await events.next("hello"))
        await served.server.stop()
        #expect(RawHTTP.silent(port: port))
        #expect(await events.next("reload", within: 3) == nil)        // the stream ended rather than hanging
        #expect(events.ended)
    }
}

/// The error `start()` threw, or nil when it started (it is then stopped again).
func startError(_ server: PreviewServer) async -> ServeError? {
    do throws(ServeError) {
        try await server.start()
    } catch {
        return error
    }
    await server.stop()
    return nil
}

/// What the served HTML should be: the file with the script tag before `</body>`.
enum LiveReloadText {
    static func expected(_ file: String) -> String {
        let tag = "<script src=\"/__dossier/live-reload.js\"></script>\n"
        guard let close = file.range(of: "</body>", options: .backwards) else { return file + "\n" + tag }
        return file.replacingCharacters(in: close.lowerBound..<close.lowerBound, with: tag)
    }
}
