// Writes Site/ so that nothing is ever lost: the new site is assembled in a staging folder beside the
// output (unchanged files hard-linked from the old site, so they keep their bytes, inode and modification
// time), then swapped in with one atomic rename. A failure or a kill at any point leaves the old Site/ as it was.
// Only changed files get new inodes, which also avoids ext4's slow path for files created right after deletes.

import Content
import Foundation

public struct OutputFile: Sendable {
    /// `unchanged`: the file the output already has at this path is kept (the build knows its inputs did not change).
    public enum Content: Sendable { case bytes([UInt8]), copy(from: String), unchanged }
    public var path: String              // relative to the output folder, "/"-separated
    public var content: Content
    public init(path: String, content: Content) { self.path = path; self.content = content }
}

public struct WriteReport: Sendable, Equatable {
    public var written = 0               // new or changed files
    public var unchanged = 0
    public var removed = 0               // files of the old site that the new one no longer has
}

public struct WriteError: Error, CustomStringConvertible {
    public let path: String
    public let message: String
    public var description: String { "\(path): \(message)" }
    public init(path: String, message: String) { self.path = path; self.message = message }
}

public struct SiteWriter: Sendable {
    public var output: String
    /// Called before each file is written to staging; tests throw from it to simulate a failure half-way.
    public var beforeWrite: (@Sendable (String) throws -> Void)?

    public init(output: String, beforeWrite: (@Sendable (String) throws -> Void)? = nil) {
        self.output = output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
        self.beforeWrite = beforeWrite
    }

    public func write(_ files: [OutputFile]) throws -> WriteReport {
        let fm = FileManager.default
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let parent = outputURL.deletingLastPathComponent().path
        let name = outputURL.lastPathComponent
        try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        removeLeftovers(parent: parent, name: name)

        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: outputURL.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw WriteError(path: output, message: "exists and is not a folder; move it away or choose another --output")
        }
        let oldFiles = exists ? Set(Self.listFiles(outputURL.path)) : []

        // Which files differ from what is there now? Reading and comparing is far cheaper than writing.
        var report = WriteReport()
        let sameAsOld: [Bool] = Parallel.map(files) { file in
            guard oldFiles.contains(file.path) else { return false }
            return Self.sameContent(file.content, atPath: outputURL.path + "/" + file.path)
        }
        report.unchanged = sameAsOld.filter { $0 }.count
        report.written = files.count - report.unchanged
        let newPaths = Set(files.map(\.path))
        report.removed = oldFiles.subtracting(newPaths).count
        if exists && report.written == 0 && report.removed == 0 { return report }

        let staging = parent + "/." + name + ".dossier-staging-\(getpid())"
        try? fm.removeItem(atPath: staging)
        do {
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
            var folders = Set<String>()
            for (file, same) in zip(files, sameAsOld) {
                let folder = (file.path as NSString).deletingLastPathComponent
                if !folder.isEmpty, folders.insert(folder).inserted {
                    try fm.createDirectory(atPath: staging + "/" + folder, withIntermediateDirectories: true)
                }
                try beforeWrite?(file.path)
                let destination = staging + "/" + file.path
                if same, link(outputURL.path + "/" + file.path, destination) == 0 { continue }
                try Self.writeFile(file.content, to: destination)
            }
            if exists {
                try Self.exchange(staging, outputURL.path)
                try? fm.removeItem(atPath: staging)            // now the old site
            } else if rename(staging, outputURL.path) != 0 {
                throw WriteError(path: output, message: "cannot move the new site into place: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
        return report
    }

    /// Staging folders of builds that were killed before they finished.
    private func removeLeftovers(parent: String, name: String) {
        let prefix = "." + name + ".dossier-staging-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(prefix) {
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
    }

    static func listFiles(_ root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files
    }

    static func sameContent(_ content: OutputFile.Content, atPath path: String) -> Bool {
        if case .unchanged = content { return FileManager.default.fileExists(atPath: path) }
        guard let existing = FileManager.default.contents(atPath: path) else { return false }
        switch content {
        case .bytes(let bytes): return existing.count == bytes.count && existing.elementsEqual(bytes)
        case .copy(let source):
            guard let data = FileManager.default.contents(atPath: source) else { return false }
            return data == existing
        case .unchanged: return true
        }
    }

    static func writeFile(_ content: OutputFile.Content, to path: String) throws {
        let bytes: [UInt8]
        switch content {
        case .bytes(let b): bytes = b
        case .copy(let source):
            guard let data = FileManager.default.contents(atPath: source) else {
                throw WriteError(path: source, message: "cannot be read")
            }
            bytes = [UInt8](data)
        case .unchanged:
            throw WriteError(path: path, message: "was to be kept from the previous site, which no longer has it; build again")
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: path, message: "cannot be created: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteError(path: path, message: "cannot be written: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }

    /// Swaps two folders in one step (Linux renameat2 with RENAME_EXCHANGE). Where that is unavailable,
    /// falls back to two renames, leaving a window in which the output is briefly missing.
    static func exchange(_ a: String, _ b: String) throws {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") {
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let RENAME_EXCHANGE: UInt32 = 1 << 1
            if renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) == 0 { return }
        }
        let aside = b + ".dossier-old-\(getpid())"
        guard rename(b, aside) == 0 else { throw WriteError(path: b, message: "cannot be replaced: \(String(cString: strerror(errno)))") }
        guard rename(a, b) == 0 else {
            _ = rename(aside, b)
            throw WriteError(path: b, message: "cannot be replaced: \(String(cString: strerror(errno)))")
        }
        guard rename(aside, a) == 0 else { throw WriteError(path: aside, message: "old site left here") }
    }
}
