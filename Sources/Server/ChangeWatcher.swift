// Notices edits to Content/ and Templates/ by polling: the list of files with their modification time, size
// and inode, compared every few hundred milliseconds. Polling needs no platform API and sees every editor's way
// of saving (in place, or a new file renamed over the old one).

import Foundation

struct FileStamp: Equatable, Sendable {
    var seconds: Int64
    var nanoseconds: Int64
    var size: Int64
    var inode: UInt64
}

/// Every file below the watched folders, by path. Hidden files (editors' swap and lock files) are left out,
/// as the build leaves them out.
struct FolderSnapshot: Equatable, Sendable {
    var files: [String: FileStamp] = [:]

    /// `excluded` is the real path (symbolic links resolved) of a folder to leave out.
    static func take(_ folders: [String], excluding excluded: String? = nil) -> FolderSnapshot {
        var snapshot = FolderSnapshot()
        for folder in folders {
            var pending = [folder]
            while let directory = pending.popLast() {
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
                for name in names where !name.hasPrefix(".") {
                    let path = directory + "/" + name
                    var info = stat()
                    guard stat(path, &info) == 0 else { continue }
                    if info.st_mode & S_IFMT == S_IFDIR {
                        // The output folder, if someone put it inside Content/: every build would trigger the next.
                        if let excluded, OutputPaths.realPath(path) == excluded { continue }
                        // A symbolic link to a folder is not followed: it could lead back up and never end.
                        var own = stat()
                        if lstat(path, &own) == 0, own.st_mode & S_IFMT == S_IFDIR { pending.append(path) }
                    } else {
                        snapshot.files[path] = FileStamp(seconds: Int64(info.st_mtim.tv_sec), nanoseconds: Int64(info.st_mtim.tv_nsec), size: Int64(info.st_size), inode: UInt64(info.st_ino))
                    }
                }
            }
        }
        return snapshot
    }

    /// The paths added, removed or changed since `old`, sorted.
    func changes(since old: FolderSnapshot) -> [String] {
        var changed = Set<String>()
        for (path, stamp) in files where old.files[path] != stamp { changed.insert(path) }
        for path in old.files.keys where files[path] == nil { changed.insert(path) }
        return changed.sorted()
    }
}

struct ChangeWatcher: Sendable {
    var folders: [String]
    var excluded: String?
    var interval: Duration = .milliseconds(300)
    /// A save often touches several files in quick succession: wait until the folders are quiet this long.
    var settle: Duration = .milliseconds(100)

    func snapshot() -> FolderSnapshot { FolderSnapshot.take(folders, excluding: excluded) }

    /// Returns once something changed and stayed still for `settle`, with the new snapshot and what changed;
    /// nil when the task is cancelled.
    func nextChange(after old: FolderSnapshot) async -> (FolderSnapshot, [String])? {
        var pause = interval
        while !Task.isCancelled {
            try? await Task.sleep(for: pause)
            let clock = ContinuousClock()
            let started = clock.now
            var current = snapshot()
            // A big dossier takes longer to look over: keep polling under about 5% of a core when idle
            // (10,000 articles took ~30 ms a look in a debug build).
            pause = max(interval, (clock.now - started) * 20)
            guard current != old else { continue }
            for _ in 0..<20 {                       // at most two seconds of an ongoing save
                try? await Task.sleep(for: settle)
                let again = snapshot()
                if again == current { break }
                current = again
            }
            guard !Task.isCancelled else { return nil }
            return (current, current.changes(since: old))
        }
        return nil
    }
}
