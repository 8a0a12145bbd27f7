// Reading Content/ safely: text must be UTF-8 and non-empty, and nothing may lead outside the folder
// (a symbolic link that leaves Content/ is refused), so no input can make the build read or write elsewhere.

import Foundation

public struct FileReader: Sendable {
    let root: String
    private let realRoot: String

    init(root: String) {
        self.root = root
        realRoot = FileReader.realPath(root) ?? root
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    func topLevelEntries() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The files of one subfolder (`articles`, `people`, `events`), sorted, hidden files skipped.
    func list(_ folder: String, log: inout DiagnosticLog) -> [String] {
        let directory = root + "/" + folder
        guard exists(directory), staysInside(directory, log: &log) else { return [] }
        guard let entries = Self.entries(directory) else {
            log.error(directory, 1, 1, "folder cannot be read")
            return []
        }
        var files: [String] = []
        for (name, type) in entries.sorted(by: { $0.name < $1.name }) where !name.hasPrefix(".") {
            let path = directory + "/" + name
            switch kind(path, type, log: &log) {
            case .folder:
                log.warning(path, 1, 1, "ignored: subfolders of \(folder)/ are not read; move its files up into \(folder)/")
            case .file:
                files.append(path)
            case .skipped:
                break
            }
        }
        return files
    }

    enum Kind { case file, folder, skipped }

    /// What an entry is, from the folder's listing (`type`) where it says, else from lstat; a symbolic link by where
    /// it leads (refused when it leads out of Content/). Anything but a file or folder (a named pipe, a socket, a
    /// device) is skipped with a warning and never opened: opening a named pipe waits for a writer, for ever.
    private func kind(_ path: String, _ type: UInt8, log: inout DiagnosticLog) -> Kind {
        var info = stat()
        var mode: mode_t
        switch Int32(type) {
        case Int32(DT_REG): return .file
        case Int32(DT_DIR): return .folder
        case Int32(DT_LNK):
            guard staysInside(path, log: &log) else { return .skipped }
            guard stat(path, &info) == 0 else { return .skipped }
            mode = info.st_mode & S_IFMT
        default:
            guard lstat(path, &info) == 0 else { return .skipped }
            mode = info.st_mode & S_IFMT
            if mode == S_IFLNK {
                guard staysInside(path, log: &log), stat(path, &info) == 0 else { return .skipped }
                mode = info.st_mode & S_IFMT
            }
        }
        if mode == S_IFREG { return .file }
        if mode == S_IFDIR { return .folder }
        log.warning(path, 1, 1, "skipped: \(Self.describe(mode)), not a file; Content/ holds files and folders only")
        return .skipped
    }

    static func describe(_ mode: mode_t) -> String {
        switch mode {
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "a special file"
        }
    }

    /// The names in a folder with their types as readdir gives them (DT_UNKNOWN where the file system does not say),
    /// "." and ".." left out; nil when the folder cannot be opened.
    public static func entries(_ directory: String) -> [(name: String, type: UInt8)]? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var result: [(name: String, type: UInt8)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name == "." || name == ".." { continue }
            result.append((name, entry.pointee.d_type))
        }
        return result
    }

    /// Every file below assets/, as paths relative to it. Each folder is entered once, by its device and inode:
    /// a symbolic link back up (`assets/loop -> .`) is a cycle, reported and not followed.
    func assets(log: inout DiagnosticLog) -> [Asset] {
        let directory = root + "/assets"
        guard exists(directory), staysInside(directory, log: &log) else { return [] }
        var result: [Asset] = []
        var visited: [FolderIdentity: String] = [:]
        if let id = FolderIdentity(directory) { visited[id] = "" }
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? directory : directory + "/" + relative
            let entries = (Self.entries(folder) ?? []).sorted { $0.name < $1.name }
            for (name, type) in entries where !name.hasPrefix(".") {
                let rel = relative.isEmpty ? name : relative + "/" + name
                let path = directory + "/" + rel
                switch kind(path, type, log: &log) {
                case .file:
                    result.append(Asset(relativePath: rel, absolutePath: path))
                case .folder:
                    guard let id = FolderIdentity(path) else { continue }
                    if let first = visited[id] {
                        log.warning(path, 1, 1, "skipped: a folder cycle, this leads back to assets/\(first.isEmpty ? "" : first + "/") (a symbolic link to a folder above it)")
                        continue
                    }
                    visited[id] = rel
                    pending.append(rel)
                case .skipped:
                    break
                }
            }
        }
        return result.sorted { $0.relativePath < $1.relativePath }
    }

    /// A folder as the file system knows it, symbolic links followed: the same folder by any path is one identity.
    struct FolderIdentity: Hashable {
        let device: UInt64, inode: UInt64
        init?(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev); inode = UInt64(info.st_ino)
        }
    }

    /// The file as text: UTF-8 (a byte-order mark dropped, CRLF read as LF), and not empty unless allowed.
    func readText(_ path: String, log: inout DiagnosticLog, allowEmpty: Bool = false) -> String? {
        guard var bytes = FileReader.contents(path) else {
            log.error(path, 1, 1, "file cannot be read")
            return nil
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = FileReader.firstInvalidUTF8(bytes) {
            let line = bytes[..<bad].filter { $0 == 0x0A }.count + 1
            let lineStart = bytes[..<bad].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let column = String(decoding: bytes[lineStart..<bad], as: UTF8.self).unicodeScalars.count + 1
            log.error(path, line, column, "not UTF-8 text (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at offset \(bad)): save the file as UTF-8")
            return nil
        }
        let hasCarriageReturn = bytes.withUnsafeBufferPointer { $0.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false }
        var text = String(decoding: bytes, as: UTF8.self)
        if hasCarriageReturn {                           // memchr: a Sequence scan of the String showed in profiles
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if !allowEmpty && text.allSatisfy(\.isWhitespace) {
            log.error(path, 1, 1, "file is empty")
            return nil
        }
        return text
    }

    /// The file's bytes, read straight into one array (Foundation's Data, then a copy into an array, showed in
    /// the profile of reading 10,000 articles); nil when it cannot be opened or read.
    static func contents(_ path: String) -> [UInt8]? {
        // O_NONBLOCK: should a named pipe get here after all (dossier.yml, or one made since the listing), opening
        // it does not wait for a writer; it is then refused as not a regular file. Reads of files ignore the flag.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8].filled(with: 0, count: max(Int(info.st_size), 0))
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count))) }   // grew since fstat
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { break }
            filled += n
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// Refuses a path whose real location (symbolic links followed) is outside the content folder.
    private func staysInside(_ path: String, log: inout DiagnosticLog) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return true }
        guard (info.st_mode & S_IFMT) == S_IFLNK else { return true }
        guard let real = FileReader.realPath(path), real == realRoot || real.hasPrefix(realRoot + "/") else {
            log.error(path, 1, 1, "symbolic link leads outside the content folder (or nowhere); copy the file into Content/ instead")
            return false
        }
        return true
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Offset of the first byte that breaks UTF-8, or nil when the bytes are valid.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var i = 0
        while i < bytes.count {
            let length = sequenceLength(bytes, at: i)
            if length == 0 { return i }
            i += length
        }
        return nil
    }

    private static func sequenceLength(_ bytes: [UInt8], at i: Int) -> Int {
        let b = bytes[i]
        let need: Int
        switch b {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: need = 2
        case 0xE0...0xEF: need = 3
        case 0xF0...0xF4: need = 4
        default: return 0
        }
        guard i + need <= bytes.count else { return 0 }
        guard String(validating: bytes[i..<(i + need)], as: UTF8.self) != nil else { return 0 }
        return need
    }
}
