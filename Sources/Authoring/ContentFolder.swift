// Where new files go in Content/, and writing them without ever replacing one that is there.

import Content
import EDTF
import Foundation

/// The content folder a `new` or `import` writes into.
public struct ContentFolder: Sendable {
    public let path: String

    public init(_ path: String) {
        self.path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// Refuses a folder that is not a dossier yet, so a typo in --content does not scatter files elsewhere.
    func checkExists() throws(AuthoringError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw AuthoringError(.content, "content folder \(path)/ not found: run this where Content/ is, or pass --content PATH")
        }
        guard FileManager.default.fileExists(atPath: path + "/dossier.yml") else {
            throw AuthoringError(.content, "\(path)/ has no dossier.yml, so it is not a dossier's content folder: create one with `title: \"...\"`, or pass --content PATH")
        }
    }

    /// `Content/<folder>/<slug>.md`, refused when that slug is taken in the folder by any file (`x.md`, `x.txt`).
    func newFile(in folder: String, slug: String, namedBy what: String = "title") throws(AuthoringError) -> String {
        let directory = path + "/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        if let taken = names.sorted().first(where: { ($0 as NSString).deletingPathExtension == slug && !$0.hasSuffix(".yml") }) {
            throw AuthoringError(.content, "\(directory)/\(taken) already exists; edit it, or choose another \(what)")
        }
        return directory + "/" + slug + ".md"
    }

    /// Creates the file; never replaces one (O_EXCL), even if it appeared a moment ago.
    func create(_ file: String, text: String) throws(AuthoringError) {
        let folder = (file as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw AuthoringError(.content, "\(folder)/ cannot be created: \(error.localizedDescription)")
        }
        let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let reason = errno == EEXIST ? "already exists; edit it instead" : "cannot be created: " + String(cString: strerror(errno))
            throw AuthoringError(.content, "\(file) \(reason)")
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                unlink(file)
                throw AuthoringError(.content, "\(file) cannot be written: \(reason)")
            }
            offset += n
        }
    }
}

extension Slug {
    /// A title's slug, whole up to 100 characters (headlines are long: the curated ones run to 82), else cut
    /// at a word rather than inside one.
    static func forTitle(_ title: String) -> String {
        let whole = Slug.make(from: title, maxLength: 200)
        guard whole.count > 100 else { return whole }
        let cut = whole.prefix(101)
        return cut.lastIndex(of: "-").map { String(cut[..<$0]) } ?? String(whole.prefix(100))
    }
}

/// Checks of values given on the command line, with the messages `new` and `import` print.
enum Given {
    static func date(_ text: String, option: String = "--date") throws(AuthoringError) -> EDTFDate {
        do {
            return try EDTFDate.parse(text)
        } catch {
            throw AuthoringError(.usage, "\(option) \"\(text)\" is not a valid EDTF date: \(error.explained)")
        }
    }

    static func title(_ text: String, what: String) throws(AuthoringError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else {
            throw AuthoringError(.usage, "the \(what) \"\(text)\" has no letters or digits to make a file name from")
        }
        return trimmed
    }

    static func url(_ text: String?) throws(AuthoringError) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
              !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) else {
            throw AuthoringError(.usage, "--url \"\(text)\" is not a web address: it must start with http:// or https:// and contain no spaces")
        }
        return text
    }
}
