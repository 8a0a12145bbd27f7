// The command line as people meet it: help with an example on every command, exit statuses, colour and
// progress only on a terminal (never with NO_COLOR), and `serve` as a process that stops cleanly on a signal.

import Foundation
import Testing

@Suite struct CommandLineTests {
    /// A scratch dossier (the small fixture) with its own templates and output folder.
    struct Dossier {
        let scratch = Scratch("dossier-cli")
        var content: String { scratch.path + "/Content" }
        var templates: String { scratch.path + "/Templates" }
        var output: String { scratch.path + "/Site" }
        var folders: [String] { ["--content", content, "--templates", templates, "--output", output] }
        init() {
            scratch.copy(Repo.fixture("small"), as: "Content")
            scratch.copy(Repo.templates, as: "Templates")
        }
        func breakADate() throws {
            let path = content + "/articles/envoys-meet.md"
            try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "2024-03-05", with: "2024-03-45")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    @Test(arguments: [[], ["build"], ["serve"], ["new"], ["new", "person"], ["new", "event"], ["new", "article"], ["import"]])
    func everyCommandHasHelpWithAnExample(_ command: [String]) async throws {
        let result = try await DossierBinary.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("Example:"), "dossier \(command.joined(separator: " ")) --help has no example")
        #expect(result.output.contains("USAGE: dossier"))
    }

    /// `dossier serve` runs `dossier-serve` from the folder `dossier` is in (the tests above serve through it);
    /// without it, it says what is missing.
    @Test func serveSaysSoWhenItsServerProgramIsMissing() async throws {
        let scratch = Scratch("dossier-alone")
        let alone = URL(fileURLWithPath: scratch.path).resolvingSymlinksInPath().path
        try FileManager.default.copyItem(atPath: DossierBinary.path, toPath: alone + "/dossier")
        let result = try await DossierBinary.run(["serve", "--port", "0"], executable: alone + "/dossier")
        #expect(result.status == 2)
        #expect(result.errors == "error: \(alone)/dossier-serve is missing: `dossier serve` runs it, and `swift build` builds it beside dossier\n")
    }

    /// Neither program links FoundationNetworking (with curl and OpenSSL under it): loading it cost every command
    /// several milliseconds when the server was FlyingFox, and the server now needs nothing but POSIX sockets.
    @Test func noProgramLinksFoundationNetworking() throws {
        let library = Data("libFoundationNetworking.so".utf8)       // the name a dynamic-section entry would give
        let helper = URL(fileURLWithPath: DossierBinary.path).deletingLastPathComponent().appendingPathComponent("dossier-serve")
        #expect(try Data(contentsOf: URL(fileURLWithPath: DossierBinary.path)).range(of: library) == nil)
        #expect(try Data(contentsOf: helper).range(of: library) == nil)
    }

    @Test func exitStatusSaysWhatWentWrong() async throws {
        let dossier = Dossier()
        #expect(try await DossierBinary.run(["build"] + dossier.folders).status == 0)
        #expect(try await DossierBinary.run(["build", "--no-such-option"]).status == 64)
        #expect(try await DossierBinary.run(["new", "event", "Talks", "--date", "2025-13-01", "--content", dossier.content]).status == 64)
        #expect(try await DossierBinary.run(["new", "person", "Anna Berg", "--content", dossier.content]).status == 1)
        #expect(try await DossierBinary.run(["import", dossier.scratch.path + "/missing.txt", "--date", "2025", "--content", dossier.content]).status == 1)
        #expect(try await DossierBinary.run(["serve", "--port", "70000"]).status == 64)
        #expect(try await DossierBinary.run(["serve", "--host", "example.org", "--port", "0"] + dossier.folders).status == 64)
        try dossier.breakADate()
        let failed = try await DossierBinary.run(["build"] + dossier.folders)
        #expect(failed.status == 1)
        #expect(failed.errors.contains("articles/envoys-meet.md:3:15: error: date \"2024-03-45\" is not a valid EDTF date"))
        #expect(failed.errors.contains("error: build failed with 1 error; \(dossier.output)/ is unchanged"))
    }

    /// Through a pipe there is no colour and no progress line; --verbose prints the steps; --quiet only problems.
    @Test func plainOutputThroughAPipe() async throws {
        let dossier = Dossier()
        let normal = try await DossierBinary.run(["build"] + dossier.folders)
        #expect(normal.output.hasPrefix("Built \(dossier.output)/ in "))
        #expect(!(normal.output + normal.errors).contains("\u{1B}"))
        #expect(!normal.errors.contains("[1/6]"))

        let verbose = try await DossierBinary.run(["build", "--verbose"] + dossier.folders)
        for (i, step) in ["read content", "link", "load templates", "plan pages", "render, check and stage", "put in place"].enumerated() {
            #expect(verbose.errors.contains("[\(i + 1)/6] \(step) (at "), "no [\(i + 1)/6] \(step)")
        }
        let quiet = try await DossierBinary.run(["build", "--quiet"] + dossier.folders)
        #expect(quiet.status == 0)
        #expect(quiet.output.isEmpty && quiet.errors.isEmpty)
    }

    /// On a terminal (a pseudo-terminal from `script`), errors are coloured and steps shown, unless NO_COLOR is set.
    @Test func colourAndProgressOnATerminalOnly() async throws {
        let dossier = Dossier()
        try dossier.breakADate()
        let command = ([DossierBinary.path, "build"] + dossier.folders).map { "'\($0)'" }.joined(separator: " ")
        let sgr = try Regex(#"\x1B\[[0-9;]*m"#)

        let coloured = try await Self.onTerminal(command, environment: ["TERM": "xterm-256color"])
        #expect(coloured.contains("\u{1B}[1;31merror\u{1B}[0m: date \"2024-03-45\""))
        #expect(coloured.contains("[1/6] read content"))

        let plain = try await Self.onTerminal(command, environment: ["TERM": "xterm-256color", "NO_COLOR": "1"])
        #expect(plain.contains("error: date \"2024-03-45\""))
        #expect(plain.firstMatch(of: sgr) == nil, "colour despite NO_COLOR")
        #expect(plain.contains("[1/6] read content"))
    }

    static func onTerminal(_ command: String, environment: [String: String]) async throws -> String {
        // `script` runs the command on a pseudo-terminal and copies what it printed to its own output.
        let result = try await offPool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qec", command, "/dev/null"]
            var env = ProcessInfo.processInfo.environment
            env.removeValue(forKey: "NO_COLOR")
            for (key, value) in environment { env[key] = value }
            process.environment = env
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        return result
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func serveRunsUntilASignalAndStopsCleanly(_ signal: Int32) async throws {
        let dossier = Dossier()
        let serve = try ServeProcess(["--port", "0"] + dossier.folders)
        let started = await serve.waitForOutput("Ctrl-C to stop)")
        guard started else {
            _ = await serve.waitForExit(seconds: 1)
            Issue.record("serve did not start: \(serve.printed) \(serve.printedErrors)")
            return
        }
        let match = try #require(serve.printed.firstMatch(of: /Serving (.+)\/ at http:\/\/127\.0\.0\.1:(\d+)\//))
        #expect(String(match.1) == dossier.output)
        let port = try #require(Int(match.2))
        #expect(serve.printed.contains("Built \(dossier.output)/ in "))

        let page = try await RawHTTP.fetch("/articles/envoys-meet.html", port: port)
        #expect(page.status == 200)
        #expect(page.body.contains("Envoys meet in Port Mira"))

        serve.signal(signal)
        #expect(await serve.waitForExit() == 0)
        #expect(serve.printed.hasSuffix("Stopped.\n"))
        #expect(RawHTTP.silent(port: port))
    }

    @Test func serveOnATakenPortExitsWithStatus2() async throws {
        let dossier = Dossier()
        // Hold a port the way another server would: bound and listening.
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                guard bind(holder, $0, length) == 0, listen(holder, 1) == 0, getsockname(holder, $0, &length) == 0 else {
                    throw RawHTTP.Failure(description: "cannot hold a port")
                }
            }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let result = try await DossierBinary.run(["serve", "--port", String(port)] + dossier.folders, timeout: 30)
        #expect(result.status == 2)
        #expect(result.errors == "error: port \(port) on 127.0.0.1 is already in use (another `dossier serve`?): choose another with --port, or --port 0 to pick a free one\n")
        #expect(!FileManager.default.fileExists(atPath: dossier.output), "nothing is built when the server cannot start")
    }
}
