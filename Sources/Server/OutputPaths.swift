// Which file of the output folder a request path names, if any: only files under the folder, never a
// `..` step, a hidden file or a symbolic link that leads out. Folders are served by their index.html.

import Foundation

enum Resolution: Equatable {
    case file(String)             // absolute path of a regular file inside the output folder
    case redirect(String)         // a folder asked for without its trailing slash: send the browser to "<path>/"
    case notFound
}

enum OutputPaths {
    /// `rawPath` is the request target's path as sent, still percent-encoded ("/people/a%20b.html").
    static func resolve(_ rawPath: String, root: String) -> Resolution {
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding else { return .notFound }
        var segments: [String] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            // Refused rather than normalised: no request needs "..", and refusing leaves nothing to get wrong.
            if segment == ".." || segment.hasPrefix(".") || segment.contains("\0") || segment.contains("\\") { return .notFound }
            segments.append(String(segment))
        }
        guard let realRoot = realPath(root) else { return .notFound }
        let candidate = segments.isEmpty ? root : root + "/" + segments.joined(separator: "/")
        guard let real = realPath(candidate), real == realRoot || real.hasPrefix(realRoot + "/") else { return .notFound }
        var info = stat()
        guard stat(real, &info) == 0 else { return .notFound }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            return .file(real)
        case S_IFDIR:
            if !decoded.hasSuffix("/") {
                // Rebuilt from the checked segments, so "//host" can never become a redirect to another site.
                let encoded = segments.map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? $0 }
                return .redirect("/" + encoded.joined(separator: "/") + "/")
            }
            let index = candidate + "/index.html"
            guard let realIndex = realPath(index), realIndex.hasPrefix(realRoot + "/"),
                  stat(realIndex, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .notFound }
            return .file(realIndex)
        default:
            return .notFound
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
