// What Dossier wrote into the output folder: `.dossier-manifest` inside it lists every file of the site, and
// is also the marker that says the folder is a site Dossier built. A build removes only files the manifest lists
// (the pages of deleted articles, say) and never overwrites a file it does not list; a folder that holds files
// but no manifest is refused, untouched, unless an older Dossier (which wrote no manifest) evidently built it.

import Content
import Foundation

enum OutputManifest {
    static let name = ".dossier-manifest"
    static let header = "dossier site manifest 1"

    /// The manifest of a site made of `paths` (itself not listed): the header, then one path a line, sorted, with
    /// a line break or backslash in a name (an asset's) written `\n` or `\\`.
    static func bytes(_ paths: [String]) -> [UInt8] {
        var text = header + "\n"
        for path in paths.sorted() where path != name {
            text += path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n") + "\n"
        }
        return Array(text.utf8)
    }

    /// The files the manifest in `output` lists, or nil when the folder has no manifest of ours.
    static func read(output: String) -> Set<String>? {
        guard let data = FileManager.default.contents(atPath: output + "/" + name) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard text.hasPrefix(header + "\n") else { return nil }
        var paths = Set<String>()
        for line in text.dropFirst(header.count + 1).split(separator: "\n") {
            var path = "", escaped = false
            for c in line {
                if escaped { path.append(c == "n" ? "\n" : c); escaped = false } else if c == "\\" { escaped = true } else { path.append(c) }
            }
            // The site's own relative paths only: a manifest edited to name ../ or / files names nothing to remove.
            guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else { continue }
            paths.insert(path)
        }
        return paths
    }

    /// Which files of the output the build may overwrite or remove (`owned`), decided under the output's lock with
    /// the new site's `paths` and the files the output holds: those the manifest lists; with no manifest, all of an
    /// empty folder, or the files of a site an older Dossier built (`olderBuild`). Throws `OutputRefusal` otherwise.
    static func owned(output: String, label: String, listed files: [String], paths: Set<String>,
                      olderBuild: Bool) throws -> (owned: Set<String>, leftAlone: [String]) {
        if let manifest = read(output: output) {
            let owned = manifest.intersection(files)
            let foreign = inTheWay(of: paths, files: files, owned: owned)
            guard foreign.isEmpty else {
                throw OutputRefusal(message: "the new site has \(listing(foreign)), which Dossier did not write (\(label)/\(name) does not list \(foreign.count == 1 ? "it" : "them")); nothing was changed: move \(foreign.count == 1 ? "it" : "them") away and build again")
            }
            return (files.contains(name) ? owned.union([name]) : owned, [])
        }
        if files.isEmpty { return ([], []) }
        // An older Dossier's site: every file is one this build writes (a fresh clone's committed Site/), or the
        // build's cache lies beside the folder. Then the files this build writes are adopted; any others are left.
        let others = files.filter { !paths.contains($0) }.sorted()
        if others.isEmpty || (olderBuild && files.contains("index.html")) {
            return (Set(files).intersection(paths), others)
        }
        throw OutputRefusal(message: "output folder holds files Dossier did not write (\(listing(others))) and no \(name), so it is not a site Dossier built; nothing was changed: empty it or choose another --output")
    }

    /// Files Dossier did not write that the new site would replace: one at a path of the new site, one where a
    /// folder of the new site must go (`people` for `people/x.html`), or one inside a folder where a file must go.
    static func inTheWay(of paths: Set<String>, files: [String], owned: Set<String>) -> [String] {
        let foreign = files.filter { !owned.contains($0) && $0 != name }
        guard !foreign.isEmpty else { return [] }
        var folders = Set<Substring>()
        for path in paths {
            var end = path.endIndex
            while let slash = path[..<end].lastIndex(of: "/") {
                guard folders.insert(path[..<slash]).inserted else { break }
                end = slash
            }
        }
        return foreign.filter { file in
            if paths.contains(file) || folders.contains(Substring(file)) { return true }
            var end = file.endIndex
            while let slash = file[..<end].lastIndex(of: "/") {
                if paths.contains(String(file[..<slash])) { return true }
                end = slash
            }
            return false
        }.sorted()
    }

    /// At most five paths, then how many more.
    static func listing(_ paths: [String]) -> String {
        let shown = paths.prefix(5).joined(separator: ", ")
        return paths.count > 5 ? shown + " and \(paths.count - 5) more" : shown
    }
}

/// The output folder is not the build's to change.
struct OutputRefusal: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// One build per output at a time: an exclusive flock on `.NAME.dossier-lock` beside the output, held from before
/// the output is looked at until the build returns. A second build (another `dossier build`, or `serve`'s
/// rebuild) waits for it, saying so; the lock goes with the process, so a killed build never leaves it held.
final class OutputLock {
    private let fd: Int32

    static func path(forOutput output: String) -> String {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".dossier-lock"
    }

    /// Takes the lock, waiting for a build that holds it (after calling `waiting` once). Throws when the lock
    /// file cannot be made (a read-only parent folder).
    init(output: String, waiting: () -> Void) throws(OutputRefusal) {
        let path = Self.path(forOutput: output)
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw OutputRefusal(message: "cannot make the build lock \(path): \(String(cString: strerror(errno)))")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
        }
    }

    deinit { close(fd) }        // closing the last descriptor releases the flock
}
