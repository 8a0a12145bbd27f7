// The output folder is replaced wholesale on every build, so refuse any folder whose loss would hurt:
// one that holds the content or templates, the working folder itself, or a folder that is not a site.

import Content
import Foundation

enum OutputGuard {
    static func problems(output: String, content: String, templates: String) -> [Diagnostic] {
        let out = absolute(output)
        var problems: [Diagnostic] = []
        func refuse(_ message: String) { problems.append(Diagnostic(path: output, message: message)) }
        let cwd = absolute(FileManager.default.currentDirectoryPath)
        if out == "/" || out == cwd || cwd.hasPrefix(out + "/") {
            refuse("output folder would replace \(out == "/" ? "the root folder" : "the working folder"); choose a folder of its own, e.g. --output Site")
        }
        for (name, folder) in [("content", content), ("templates", templates)] {
            let other = absolute(folder)
            if other == out || other.hasPrefix(out + "/") || out.hasPrefix(other + "/") {
                refuse("output folder overlaps the \(name) folder \(folder); choose a folder outside it")
            }
        }
        var isDirectory: ObjCBool = false
        if problems.isEmpty, FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), isDirectory.boolValue {
            let entries = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).filter { !$0.hasPrefix(".") }
            if !entries.isEmpty && !entries.contains("index.html") {
                refuse("output folder is not empty and holds no index.html, so it does not look like a site Dossier built; it would be replaced: empty it or choose another --output")
            }
        }
        return problems
    }

    /// The path with symbolic links resolved as far as it exists, so two spellings of one folder compare equal.
    static func absolute(_ path: String) -> String {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        var tail: [String] = []
        while !FileManager.default.fileExists(atPath: url.path), url.path != "/" {
            tail.insert(url.lastPathComponent, at: 0)
            url.deleteLastPathComponent()
        }
        var resolved = url.resolvingSymlinksInPath().path
        for piece in tail { resolved += (resolved.hasSuffix("/") ? "" : "/") + piece }
        return resolved
    }
}
