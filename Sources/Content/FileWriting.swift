// Writing files whole: every cache file and the site's own files go through these, so a short write or an
// interrupted build never leaves a reader half a file.

import Foundation

public enum FileWriting {
    /// Writes all of `bytes` to `fd` (retrying short writes and EINTR); the errno of a failure, or nil.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { writeAll(fd, $0) }
    }

    /// The same for bytes where they are (a mapped file's, a buffer's).
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 { if errno == EINTR { continue }; return errno }
            offset += n
        }
        return nil
    }

    /// Writes the file through a temporary file beside it and a rename, so a reader never sees half of it.
    /// False when it could not be written (the old file, if any, is left as it was).
    @discardableResult
    public static func replace(_ path: String, with bytes: [UInt8]) -> Bool {
        replace(path) { writeAll($0, bytes) == nil }
    }

    /// The same for a file written in parts: `write` writes it to the descriptor it is given, and says whether it could.
    @discardableResult
    public static func replace(_ path: String, writing write: (Int32) -> Bool) -> Bool {
        let temporary = path + ".\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        let written = write(fd)
        close(fd)
        guard written, rename(temporary, path) == 0 else { unlink(temporary); return false }
        return true
    }
}
