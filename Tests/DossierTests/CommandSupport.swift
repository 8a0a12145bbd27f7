// Running the built `dossier` binary as a user would: arguments, standard input, environment, exit status,
// with a time limit so a hang fails the test instead of stalling the suite.

import Foundation

struct CommandResult: Sendable {
    var status: Int32
    var output: String
    var errors: String
}

enum DossierBinary {
    /// The `dossier` executable built beside this test bundle (swift build puts every product in one folder).
    static let path: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("dossier").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return Repo.root + "/.build/debug/dossier"
    }()

    /// `executable`: another copy of the program than `path`.
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                    in directory: String? = nil, timeout: Double = 60, executable: String = path) async throws -> CommandResult {
        try await offPool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            var env = ProcessInfo.processInfo.environment
            env.removeValue(forKey: "NO_COLOR")
            for (key, value) in environment { env[key] = value }
            process.environment = env
            if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
            let output = Pipe(), errors = Pipe(), input = Pipe()
            process.standardOutput = output
            process.standardError = errors
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(Data((stdin ?? "").utf8))
            try input.fileHandleForWriting.close()
            let collected = Collected()
            let readers = DispatchGroup()
            for (pipe, isOutput) in [(output, true), (errors, false)] {
                readers.enter()
                Thread.detachNewThread {
                    collected.set(isOutput, pipe.fileHandleForReading.readDataToEndOfFile())
                    readers.leave()
                }
            }
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            if process.isRunning {
                process.terminate()
                throw RawHTTP.Failure(description: "dossier \(arguments.joined(separator: " ")) did not finish within \(timeout) s")
            }
            readers.wait()
            return CommandResult(status: process.terminationStatus, output: collected.text(true), errors: collected.text(false))
        }
    }
}

private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data: [Bool: Data] = [:]
    func set(_ key: Bool, _ value: Data) { lock.withLock { data[key] = value } }
    func text(_ key: Bool) -> String { lock.withLock { String(decoding: data[key] ?? Data(), as: UTF8.self) } }
}

/// `dossier serve` as a child process, its standard output read line by line.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    private let lock = NSLock()
    private var outputText = ""
    private var errorText = ""

    init(_ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: DossierBinary.path)
        process.arguments = ["serve"] + arguments
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            self?.lock.withLock { self?.outputText += text }
        }
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            self?.lock.withLock { self?.errorText += text }
        }
        try process.run()
    }

    var printed: String { lock.withLock { outputText } }
    var printedErrors: String { lock.withLock { errorText } }

    /// Waits (bounded) until standard output contains `text`.
    func waitForOutput(_ text: String, seconds: Double = 60) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !printed.contains(text) {
            if Date() > deadline || !process.isRunning { return printed.contains(text) }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return true
    }

    /// Waits (bounded) for the process to end; its exit status, or nil if it is still running (it is then killed).
    func waitForExit(seconds: Double = 15) async -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            return nil
        }
        try? await Task.sleep(for: .milliseconds(100))     // let the readers drain the pipes
        return process.terminationStatus
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }
}
