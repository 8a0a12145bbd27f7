// Writes Site/ so that nothing is ever lost: new and changed files are written into a staging folder beside the
// output, and Site/ is not touched until every one of them is written and every page has passed its link check.
// A first build then renames the staging folder into place. A rebuild writes a journal (the commit point) and
// moves the changed files into Site/, removing those the new site no longer has; unchanged files are left alone
// (same bytes, inode and modification time), so a rebuild after one edit touches a few files, not the whole site.
// A failure or kill before the commit point leaves Site/ as it was; a kill after it is completed from the
// journal by the next build, before anything else.

import Content
import Foundation

public struct OutputFile: Sendable {
    /// `unchanged`: the file the output already has at this path is kept (the build knows its inputs did not change).
    /// `generated`: bytes made when the file is staged, so that big generated files (the search index) are
    /// made on one core while the other renders pages, not before every page.
    public enum Content: Sendable { case bytes([UInt8]), copy(from: String), unchanged, generated(@Sendable () -> [UInt8]) }
    public var path: String              // relative to the output folder, "/"-separated
    public var content: Content
    /// What the bytes are made from, when the file is made by the build: with the same signature as the last
    /// build's, the file already in the output is kept (`IncrementalPages.keep`).
    public var signature: UInt64?
    public init(path: String, content: Content, signature: UInt64? = nil) {
        self.path = path; self.content = content; self.signature = signature
    }
}

public struct WriteReport: Sendable, Equatable {
    public var written = 0               // new or changed files
    public var unchanged = 0
    public var removed = 0               // files of the old site that the new one no longer has
    public init(written: Int = 0, unchanged: Int = 0, removed: Int = 0) {
        self.written = written; self.unchanged = unchanged; self.removed = removed
    }
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

    /// Opens a staging folder for a site that will hold exactly `paths`; files are then put into it one by one
    /// (from any thread) while the pages are still being rendered, so no build holds the whole site in memory.
    /// `listing`: the output's files as the build found them (by default, listed now: see `OutputListing`).
    /// Only files the output's manifest lists are replaced or removed (`OutputManifest.owned`; `olderBuild`: the
    /// build found its cache beside an output with no manifest); an output that is not Dossier's is refused.
    func stage(paths: [String], listing: OutputListing? = nil, olderBuild: Bool = false) throws -> StagedSite {
        let fm = FileManager.default
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let parent = outputURL.deletingLastPathComponent().path
        let name = outputURL.lastPathComponent
        try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let listing = listing ?? OutputListing(output: output)        // completes a killed build's journal first

        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: outputURL.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw WriteError(path: output, message: "exists and is not a folder; move it away or choose another --output")
        }
        let paths = paths + [OutputManifest.name]
        let (oldFiles, leftAlone) = exists
            ? try OutputManifest.owned(output: outputURL.path, label: output, listed: listing.files, paths: Set(paths), olderBuild: olderBuild)
            : ([], [])
        let staging = parent + "/." + name + ".dossier-staging-\(getpid())"
        Self.removeTree(staging)
        do {
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            Self.removeTree(staging)
            throw error
        }
        let site = StagedSite(output: outputURL.path, label: output, staging: staging, existed: exists, oldFiles: oldFiles,
                              removedFiles: oldFiles.subtracting(paths).sorted(), manifest: OutputManifest.bytes(paths),
                              beforeWrite: beforeWrite)
        site.leftAlone = leftAlone
        return site
    }

    /// Removes a folder and everything in it, with unlinkat on open folders (FileManager's removeItem took a
    /// tenth of a second per 10,000 files more); subfolders in parallel. Errors are ignored: it is a cleanup.
    static func removeTree(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { unlink(path); return }
        var folders: [String] = []
        if let dir = fdopendir(fd) {
            while let entry = readdir(dir) {
                let name = entryName(entry)
                if name == "." || name == ".." { continue }
                if entry.pointee.d_type == UInt8(DT_DIR) { folders.append(path + "/" + name) }
                else if unlinkat(fd, name, 0) != 0 && errno == EISDIR { folders.append(path + "/" + name) }
            }
            closedir(dir)
        } else {
            close(fd)
        }
        _ = Parallel.map(folders) { removeTree($0) }
        rmdir(path)
    }

    /// The name of a readdir entry.
    private static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
    }

    /// Staging folders of builds that were killed before they finished: one killed after its commit point
    /// (it holds a journal) is completed, the others are removed.
    fileprivate static func finishLeftovers(output: String) {
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let parent = outputURL.deletingLastPathComponent().path
        let prefix = "." + outputURL.lastPathComponent + ".dossier-staging-"
        for entry in ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).sorted() where entry.hasPrefix(prefix) {
            let staging = parent + "/" + entry
            if let journal = Journal.read(staging) { journal.apply(from: staging, to: outputURL.path) }
            Self.removeTree(staging)
        }
    }

    /// Every file below `root` (symbolic links to files included, folders not), as relative paths, unsorted.
    /// readdir with the entry types, rather than FileManager's enumerator and a stat per entry: the old site
    /// is listed on every build.
    static func listFiles(_ root: String) -> [String] {
        var files: [String] = []
        var folders = [""]
        while let relative = folders.popLast() {
            let path = relative.isEmpty ? root : root + "/" + relative
            for (name, entryType) in FileReader.entries(path) ?? [] {
                let child = relative.isEmpty ? name : relative + "/" + name
                var type = entryType
                if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                    var info = stat()
                    let isLink = type == UInt8(DT_LNK)
                    guard (isLink ? stat(path + "/" + name, &info) : lstat(path + "/" + name, &info)) == 0 else { continue }
                    let mode = info.st_mode & S_IFMT
                    type = mode == S_IFDIR ? (isLink ? UInt8(DT_LNK) : UInt8(DT_DIR)) : mode == S_IFREG ? UInt8(DT_REG) : UInt8(DT_UNKNOWN)
                }
                if type == UInt8(DT_DIR) { folders.append(child) } else if type == UInt8(DT_REG) { files.append(child) }
            }
        }
        return files
    }

    static func sameContent(_ content: OutputFile.Content, atPath path: String) -> Bool {
        switch content {
        case .unchanged: return FileManager.default.fileExists(atPath: path)
        case .bytes(let bytes): return fileHolds(bytes, atPath: path)
        case .generated(let make): return fileHolds(make(), atPath: path)
        case .copy(let source):
            guard let data = FileManager.default.contents(atPath: source) else { return false }
            return fileHolds([UInt8](data), atPath: path)
        }
    }

    /// Whether the file at `path` holds exactly `bytes`: the size first, then the bytes, with no Data in between.
    static func fileHolds(_ bytes: [UInt8], atPath path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, Int(info.st_size) == bytes.count else { return false }
        if bytes.isEmpty { return true }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < bytes.count {
            let n = read(fd, buffer.baseAddress! + offset, bytes.count - offset)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return bytes.withUnsafeBytes { memcmp($0.baseAddress!, buffer.baseAddress!, bytes.count) == 0 }
    }

    static func writeFile(_ content: OutputFile.Content, to path: String) throws {
        let bytes: [UInt8]
        switch content {
        case .bytes(let b): bytes = b
        case .generated(let make): bytes = make()
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
        if let failure = FileWriting.writeAll(fd, bytes) {
            throw WriteError(path: path, message: "cannot be written: \(String(cString: strerror(failure)))")
        }
    }
}

/// A site being assembled beside the output: each file is compared with the output's and written to the staging
/// folder only when its bytes differ; `commit` puts the changes into the output, `abandon` leaves it as it was.
public final class StagedSite: @unchecked Sendable {
    let output: String, label: String, staging: String
    let existed: Bool
    let oldFiles: Set<String>
    let removedFiles: [String]
    let beforeWrite: (@Sendable (String) throws -> Void)?
    /// The output's manifest for the new site, put in last.
    let manifest: [UInt8]
    /// Files of an older Dossier's output (no manifest) that this build does not write: left where they are.
    var leftAlone: [String] = []
    private let lock = NSLock()
    private var writtenFiles: [String] = [], unchanged = 0
    /// Folders made in the staging folder so far: each is made when the first file in it is written (a rebuild
    /// writes a handful of files; making every folder of the site up front cost more than writing them).
    private var madeFolders: Set<Substring> = [""]

    init(output: String, label: String, staging: String, existed: Bool, oldFiles: Set<String>, removedFiles: [String],
         manifest: [UInt8], beforeWrite: (@Sendable (String) throws -> Void)?) {
        self.output = output; self.label = label; self.staging = staging; self.existed = existed
        self.oldFiles = oldFiles; self.removedFiles = removedFiles; self.manifest = manifest; self.beforeWrite = beforeWrite
    }

    /// Puts one file of the new site in place (thread-safe: each path is put once).
    public func put(_ path: String, _ content: OutputFile.Content) throws {
        try beforeWrite?(path)
        var content = content
        if case .generated(let make) = content { content = .bytes(make()) }
        let same: Bool
        if case .unchanged = content, oldFiles.contains(path) { same = true }
        else { same = oldFiles.contains(path) && SiteWriter.sameContent(content, atPath: output + "/" + path) }
        if !same {
            try makeFolder(of: path)
            try SiteWriter.writeFile(content, to: staging + "/" + path)
        }
        lock.lock()
        if same { unchanged += 1 } else { writtenFiles.append(path) }
        lock.unlock()
    }

    private func makeFolder(of path: String) throws {
        let folder = path[..<(path.lastIndex(of: "/") ?? path.startIndex)]
        lock.lock()
        let made = madeFolders.contains(folder)
        lock.unlock()
        guard !made else { return }
        // Two threads may both make it: creating a folder that exists (with its parents) is no error.
        try FileManager.default.createDirectory(atPath: staging + "/" + folder, withIntermediateDirectories: true)
        lock.lock()
        madeFolders.insert(folder)
        lock.unlock()
    }

    /// Makes the staged site the output; when nothing differs, the output is left untouched.
    public func commit() throws -> WriteReport {
        do {
            try put(OutputManifest.name, .bytes(manifest))
        } catch {
            abandon()
            throw error
        }
        // The manifest is counted with neither: it is the site's bookkeeping, not one of its files.
        let manifestWritten = writtenFiles.contains(OutputManifest.name)
        let report = WriteReport(written: writtenFiles.count - (manifestWritten ? 1 : 0), unchanged: unchanged - (manifestWritten ? 0 : 1),
                                 removed: removedFiles.count)
        if existed && writtenFiles.isEmpty && removedFiles.isEmpty {
            abandon()
            return report
        }
        guard existed else {
            guard rename(staging, output) == 0 else {
                let reason = String(cString: strerror(errno))
                abandon()
                throw WriteError(path: label, message: "cannot move the new site into place: \(reason)")
            }
            return report
        }
        let journal = Journal(written: writtenFiles.sorted(), removed: removedFiles)
        do {
            try journal.write(into: staging)
        } catch {
            abandon()
            throw error
        }
        journal.apply(from: staging, to: output)
        SiteWriter.removeTree(staging)
        return report
    }

    public func abandon() {
        SiteWriter.removeTree(staging)
    }

    /// Test hook: stops where a build killed right after its commit point stops (the journal written, nothing moved).
    func commitJournalOnly() throws {
        try put(OutputManifest.name, .bytes(manifest))
        try Journal(written: writtenFiles.sorted(), removed: removedFiles).write(into: staging)
    }
}

/// The output folder's files as a build found them, with their sizes and modification times: listed on another
/// thread from the start of the build, while the content is read and linked, since a rebuild looks at every one
/// (to keep the pages whose inputs did not change, and to remove the files the new site no longer has).
/// A build killed after its journal is completed first, so the listing is of the output as that build left it.
final class OutputListing: @unchecked Sendable {
    private var found: (files: [String], stamps: [String: (size: Int, modified: Int64)]) = ([], [:])
    private let done = DispatchGroup()

    init(output: String) {
        SiteWriter.finishLeftovers(output: output)
        let root = URL(fileURLWithPath: output).standardizedFileURL.path
        DispatchQueue.global().async(group: done) {
            let files = SiteWriter.listFiles(root)
            var stamps: [String: (size: Int, modified: Int64)] = [:]
            stamps.reserveCapacity(files.count)
            for file in files { if let stamp = PageCache.stamp(root + "/" + file) { stamps[file] = stamp } }
            self.found = (files, stamps)
        }
    }

    /// Every file (symbolic links to files included), as paths relative to the output folder.
    var files: [String] { done.wait(); return found.files }
    /// Size and modification time of each regular file (links followed).
    var stamps: [String: (size: Int, modified: Int64)] { done.wait(); return found.stamps }
}

/// What a rebuild changes in the output: files to move in from the staging folder, files to remove. Once it is
/// written (renamed into the staging folder whole), the change is decided; applying it twice is harmless.
struct Journal: Equatable {
    var written: [String]
    var removed: [String]

    static let name = ".dossier-journal"
    static let header = "dossier journal 2"

    /// The header line, then entries `W path` or `R path`, each ended by a NUL byte: a file name may hold a line
    /// break (an asset's), never a NUL.
    func write(into staging: String) throws {
        var text = Self.header + "\n"
        for path in written { text += "W " + path + "\0" }
        for path in removed { text += "R " + path + "\0" }
        guard FileWriting.replace(staging + "/" + Self.name, with: Array(text.utf8)) else {
            throw WriteError(path: staging, message: "cannot write the journal: \(String(cString: strerror(errno)))")
        }
    }

    /// The journal in `staging`, or nil when that build never reached its commit point.
    static func read(_ staging: String) -> Journal? {
        guard let data = FileManager.default.contents(atPath: staging + "/" + name) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard text.hasPrefix(header + "\n") else { return nil }
        var journal = Journal(written: [], removed: [])
        for line in text.dropFirst(header.count + 1).split(separator: "\0") where line.count > 2 {
            let path = String(line.dropFirst(2))
            // Paths are the site's own, relative; anything else is not from a journal of ours.
            guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else { return nil }
            if line.hasPrefix("W ") { journal.written.append(path) } else if line.hasPrefix("R ") { journal.removed.append(path) }
        }
        return journal
    }

    /// Moves each written file into the output (making its folder, and clearing whatever old entry is in the way),
    /// removes the removed files and the folders they leave empty.
    func apply(from staging: String, to output: String) {
        var folders = Set<String>()
        for path in written {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty, folders.insert(folder).inserted { Self.makeFolder(output, folder) }
        }
        _ = Parallel.map(written) { path in
            let destination = output + "/" + path
            if rename(staging + "/" + path, destination) != 0, errno == EISDIR || errno == ENOTEMPTY {
                SiteWriter.removeTree(destination)
                _ = rename(staging + "/" + path, destination)
            }
        }
        var emptied = Set<String>()
        for path in removed {
            unlink(output + "/" + path)
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty { emptied.insert(folder); folder = (folder as NSString).deletingLastPathComponent }
        }
        // Deepest first, so that a folder emptied by its subfolders' removal goes too; rmdir keeps any that hold files.
        for folder in emptied.sorted(by: { $0.count > $1.count }) { rmdir(output + "/" + folder) }
    }

    /// Makes `folder` below `root`, replacing any file that stands where one of its folders must be.
    private static func makeFolder(_ root: String, _ folder: String) {
        var path = root
        for part in folder.split(separator: "/") {
            path += "/" + part
            var info = stat()
            if lstat(path, &info) == 0 {
                if (info.st_mode & S_IFMT) == S_IFDIR { continue }
                unlink(path)
            }
            mkdir(path, 0o755)
        }
    }
}
