// Where a build may write its site: never a folder that holds the content or templates, the working folder
// itself, or a folder that is not a site Dossier built (see OutputManifest for the files inside one that is).

import Content
import Foundation

enum OutputGuard {
    /// `lock`: called once the output's place is fine, before its files are looked at (the build takes the
    /// output's lock there, so the files looked at are not another build's half-way).
    static func problems(output: String, content: String, templates: String,
                         lock: (String) throws(OutputRefusal) -> Void = { _ in }) -> [Diagnostic] {
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
        guard problems.isEmpty else { return problems }
        do {
            try lock(output)
        } catch {
            refuse(error.message)
            return problems
        }
        var isDirectory: ObjCBool = false
        if problems.isEmpty, FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), isDirectory.boolValue {
            // The quick refusal, before anything is read: files, no manifest, not even an index.html. A folder with
            // an index.html but no manifest is judged once the new site's files are known (`OutputManifest.owned`).
            let entries = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).sorted()
            if !entries.isEmpty && !entries.contains(OutputManifest.name) && !entries.contains("index.html") {
                refuse("output folder holds files Dossier did not write (\(OutputManifest.listing(entries))) and no \(OutputManifest.name), so it is not a site Dossier built; nothing was changed: empty it or choose another --output")
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
