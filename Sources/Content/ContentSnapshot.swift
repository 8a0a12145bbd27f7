// Incremental rebuilds, reading: what the last build read from each article, person and event file, kept with the
// file's size, times and inode (as git's index does), so a rebuild reads and parses only the files that changed.
// For an unchanged article it takes the front matter, the located slugs and the warnings as they were, and the
// body's hash (the body itself is read from the file only if a page shows it); for a person or an event, all of it.

import EDTF
import Foundation

public final class ContentSnapshot: @unchecked Sendable {
    /// What identifies one version of a file without reading it.
    struct Stamp: Equatable, Sendable {
        var size: UInt64, modified: Int64, changed: Int64, inode: UInt64

        /// The stamp of the file at `path` (symbolic links followed), or nil when it is not a readable file.
        init?(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            self.init(info)
        }

        /// The stamp of the file `name` in the folder open as `folder`: as `init(path)`, without the kernel walking
        /// the folders of the path again.
        init?(in folder: Int32, _ name: String) {
            var info = stat()
            guard fstatat(folder, name, &info, 0) == 0 else { return nil }
            self.init(info)
        }

        /// What `stat` told of a file; nil when it is not a regular file.
        private init?(_ info: stat) {
            guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            size = UInt64(info.st_size)
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
            inode = UInt64(info.st_ino)
        }

        init(size: UInt64, modified: Int64, changed: Int64, inode: UInt64) {
            self.size = size; self.modified = modified; self.changed = changed; self.inode = inode
        }
    }

    /// One article file (and its sidecar) as the last build read it.
    struct Record: Sendable {
        var stamp: Stamp
        var sidecar: String?
        var sidecarStamp: Stamp?
        var article: Article
        var references: SlugReferences
        var warnings: [Diagnostic]
    }

    /// A person's or an event's file as the last build read it (profiles and notes are short: kept whole).
    struct NoteRecord: Sendable {
        enum Note: Sendable { case person(Person), event(Event) }
        var stamp: Stamp
        var note: Note
        var references: SlugReferences
        var warnings: [Diagnostic]
    }

    // The file: magic, the program's identity, the number of records, then per file its path and its record
    // (a kind, 0 for an article, 1 for a person or an event, then the record),
    // length-prefixed (4 bytes, little-endian). Opening reads only the paths; a record is decoded when its file is
    // looked up (on whichever core loads that article), and an unchanged one is copied as bytes into the next file.
    static let magic = Array("dossier content snapshot 3\n".utf8)
    /// A file modified less than this before the build read it is read again next time: on a file system whose
    /// clock ticks coarsely, a second edit within the same tick could leave size and times as they were.
    static let settleNanoseconds: Int64 = 1_000_000_000

    let path: String
    private let salt: String
    private let stored: ByteStore?
    private let records: [String: Range<Int>]           // file → its record in `stored`
    /// When this build started reading: files changed after `started - settle` are not kept for the next.
    let started: Int64
    private let lock = NSLock()
    private enum Kept { case stored(Range<Int>), read(Record), readNote(NoteRecord) }
    private var next: [(String, Kept)] = []
    private let saving = DispatchGroup()
    /// Articles this build took from the snapshot, without reading their files.
    public private(set) var reused = 0
    /// People and events this build took from the snapshot, without reading their files.
    public private(set) var notesReused = 0
    /// The folders of the files stamped, open, by path: a rebuild stamps every article, and walking each path's
    /// folders in the kernel was a tenth of its samples.
    private var folders: [Substring: Int32] = [:]

    deinit { for fd in folders.values where fd >= 0 { close(fd) } }

    /// `Stamp(path)`, taken in the file's folder, which stays open for the rest of the build.
    func stamp(_ path: String) -> Stamp? {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.startIndex else { return Stamp(path) }
        let folder = path[..<slash]
        lock.lock()
        let fd: Int32
        if let open = folders[folder] { fd = open } else {
            fd = open(String(folder), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            folders[folder] = fd
        }
        lock.unlock()
        guard fd >= 0 else { return Stamp(path) }
        return Stamp(in: fd, String(path[path.utf8.index(after: slash)...]))
    }

    /// The snapshot at `path` (none, or one from another program, is empty). `salt` names the program.
    public init(path: String, salt: String) {
        self.path = path
        self.salt = salt
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        started = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
        var records: [String: Range<Int>] = [:]
        let store = ByteStore(mapping: path)
        if let store, store.starts(with: Self.magic) {
            var reader = ByteReader(store: store, position: Self.magic.count)
            if let stored = try? reader.string(), stored == salt, let count = try? reader.count() {
                records.reserveCapacity(count)
                for _ in 0..<count {
                    guard let file = try? reader.string(), store.count - reader.position >= 4 else { records = [:]; break }
                    let length = Int(store.littleEndian(UInt32.self, at: reader.position))
                    let start = reader.position + 4
                    guard length <= store.count - start else { records = [:]; break }
                    records[file] = start..<(start + length)
                    reader.position = start + length
                }
            }
        }
        stored = store
        self.records = records
    }

    /// The article at `path` as the last build read it, when the file (and sidecar) still has the same stamp.
    func article(at path: String, sidecar: String?) -> Record? {
        guard let range = records[path], let stored else { return nil }
        var reader = ByteReader(store: stored, position: range.lowerBound, end: range.upperBound)
        guard (try? reader.int()) == 0, let stamps = try? reader.stamps(), stamps.sidecar == sidecar, stamp(path) == stamps.stamp,
              sidecar.flatMap({ stamp($0) }) == stamps.sidecarStamp,
              let record = try? reader.record(file: path, stamps: stamps) else { return nil }
        lock.lock(); reused += 1; next.append((path, .stored(range))); lock.unlock()
        return record
    }

    /// The person or event at `path` as the last build read it, when the file still has the same stamp.
    func note(at path: String) -> NoteRecord? {
        guard let range = records[path], let stored else { return nil }
        var reader = ByteReader(store: stored, position: range.lowerBound, end: range.upperBound)
        guard (try? reader.int()) == 1, let stamp = try? reader.stamp(), self.stamp(path) == stamp,
              let record = try? reader.note(file: path, stamp: stamp) else { return nil }
        lock.lock(); notesReused += 1; next.append((path, .stored(range))); lock.unlock()
        return record
    }

    /// Keeps what was read from a person's or an event's file for the next build, as `keep` does an article's.
    func keep(path: String, stamp: Stamp, note: NoteRecord.Note, references: SlugReferences, warnings: [Diagnostic]) {
        guard stamp.modified < started - Self.settleNanoseconds else { return }
        let record = NoteRecord(stamp: stamp, note: note, references: references, warnings: warnings)
        lock.lock(); next.append((path, .readNote(record))); lock.unlock()
    }

    /// Keeps what was read from a file for the next build, unless the file changed too recently to be told apart.
    func keep(path: String, sidecar: String?, stamps: (Stamp, Stamp?), article: Article, references: SlugReferences, warnings: [Diagnostic]) {
        // The modification time alone decides: a later edit gets a later one (the change time only has to match).
        let newest = max(stamps.0.modified, stamps.1?.modified ?? 0)
        guard newest < started - Self.settleNanoseconds, sidecar == nil || stamps.1 != nil else { return }
        let record = Record(stamp: stamps.0, sidecar: sidecar, sidecarStamp: stamps.1, article: article, references: references,
                            warnings: warnings)
        lock.lock(); next.append((path, .read(record))); lock.unlock()
    }

    /// Writes what this build read (through a temporary file and a rename) on another thread; `finishSaving`
    /// waits for it. Failing to write is no error.
    public func saveInBackground() {
        DispatchQueue.global().async(group: saving) { self.save() }
    }

    /// Returns once the file is written.
    public func finishSaving() { saving.wait() }

    func save() {
        var writer = ByteWriter()
        writer.bytes = Self.magic
        writer.string(salt)
        let records = next.sorted { $0.0 < $1.0 }
        writer.int(records.count)
        for (file, kept) in records {
            writer.string(file)
            let lengthAt = writer.bytes.count
            writer.fixed(UInt32(0))
            switch kept {
            case .stored(let range): if let stored { writer.bytes += stored.bytes(range) }
            case .read(let record): writer.int(0); writer.record(record)
            case .readNote(let record): writer.int(1); writer.note(record)
            }
            writer.setLength(UInt32(writer.bytes.count - lengthAt - 4), at: lengthAt)
        }
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        FileWriting.replace(path, with: writer.bytes)
    }
}

extension ByteWriter {
    mutating func stamp(_ stamp: ContentSnapshot.Stamp) {
        uint64(stamp.size); int(Int(stamp.modified)); int(Int(stamp.changed)); uint64(stamp.inode)
    }
    mutating func optional(_ text: String?) {
        if let text { int(1); string(text) } else { int(0) }
    }
    mutating func locations(_ list: [SourceLocation]) {
        int(list.count)
        for location in list { int(location.line); int(location.column) }
    }

    mutating func note(_ record: ContentSnapshot.NoteRecord) {
        stamp(record.stamp)
        switch record.note {
        case .person(let p):
            int(0)
            string(p.slug); string(p.name); int(p.aliases.count); for alias in p.aliases { string(alias) }
            optional(p.role); optional(p.affiliation); optional(p.born?.edtf); string(p.profile); int(p.bodyFirstLine)
        case .event(let e):
            int(1)
            string(e.slug); string(e.title); string(e.date.edtf); optional(e.place)
            int(e.people.count); for slug in e.people { string(slug) }
            int(e.aliases.count); for alias in e.aliases { string(alias) }
            string(e.description); int(e.bodyFirstLine)
        }
        locations(record.references.people); locations(record.references.events); locations(record.references.aliases)
        warnings(record.warnings)
    }

    mutating func warnings(_ list: [Diagnostic]) {
        int(list.count)
        for w in list { string(w.path); int(w.line); int(w.column); int(w.severity == .error ? 1 : 0); string(w.message) }
    }

    mutating func record(_ record: ContentSnapshot.Record) {
        stamp(record.stamp)
        optional(record.sidecar)
        if let sidecarStamp = record.sidecarStamp { int(1); stamp(sidecarStamp) } else { int(0) }
        let a = record.article
        string(a.slug); string(a.title); string(a.date.edtf)
        optional(a.source); optional(a.author); optional(a.url); optional(a.summary)
        int(a.people.count); for slug in a.people { string(slug) }
        int(a.events.count); for slug in a.events { string(slug) }
        int(a.format == .markdown ? 0 : 1)
        int(a.bodyFirstLine)
        uint64(a.bodyHash)
        int(a.mayHaveWikiLinks ? 1 : 0)
        locations(record.references.people); locations(record.references.events); locations(record.references.aliases)
        warnings(record.warnings)
    }
}

extension ByteReader {
    mutating func stamp() throws -> ContentSnapshot.Stamp {
        ContentSnapshot.Stamp(size: try uint64(), modified: Int64(try int()), changed: Int64(try int()), inode: try uint64())
    }
    mutating func optional() throws -> String? { try int() == 1 ? try string() : nil }
    mutating func locations() throws -> [SourceLocation] {
        try (0..<count()).map { _ in SourceLocation(line: try int(), column: try int()) }
    }

    /// What a record says of the files: enough to tell whether the rest of it still holds.
    mutating func stamps() throws -> (stamp: ContentSnapshot.Stamp, sidecar: String?, sidecarStamp: ContentSnapshot.Stamp?) {
        let stamp = try stamp()
        let sidecar = try optional()
        return (stamp, sidecar, try int() == 1 ? try self.stamp() : nil)
    }

    mutating func warnings() throws -> [Diagnostic] {
        try (0..<count()).map { _ in
            Diagnostic(path: try string(), line: try int(), column: try int(), severity: try int() == 1 ? .error : .warning,
                       message: try string())
        }
    }

    /// The rest of the record of the person or event `file`, after its stamp.
    mutating func note(file: String, stamp: ContentSnapshot.Stamp) throws -> ContentSnapshot.NoteRecord {
        let note: ContentSnapshot.NoteRecord.Note
        switch try int() {
        case 0:
            let slug = try string(), name = try string()
            let aliases = try (0..<count()).map { _ in try string() }
            let role = try optional(), affiliation = try optional()
            let born = try optional().map { text -> EDTFDate in
                guard let date = DateTexts.date(text) else { throw Malformed() }
                return date
            }
            note = .person(Person(slug: slug, name: name, aliases: aliases, role: role, affiliation: affiliation, born: born,
                                  profile: try string(), path: file, bodyFirstLine: try int()))
        case 1:
            let slug = try string(), title = try string()
            guard let date = DateTexts.date(try string()) else { throw Malformed() }
            let place = try optional()
            let people = try (0..<count()).map { _ in try string() }
            let aliases = try (0..<count()).map { _ in try string() }
            note = .event(Event(slug: slug, title: title, date: date, place: place, people: people, aliases: aliases,
                                description: try string(), path: file, bodyFirstLine: try int()))
        default:
            throw Malformed()
        }
        let references = SlugReferences(people: try locations(), events: try locations(), aliases: try locations())
        let warnings = try warnings()
        guard position == end else { throw Malformed() }
        return ContentSnapshot.NoteRecord(stamp: stamp, note: note, references: references, warnings: warnings)
    }

    /// The rest of the record of `file`, after its `stamps()`.
    mutating func record(file: String, stamps: (stamp: ContentSnapshot.Stamp, sidecar: String?, sidecarStamp: ContentSnapshot.Stamp?))
        throws -> ContentSnapshot.Record {
        let slug = try string(), title = try string()
        guard let date = DateTexts.date(try string()) else { throw Malformed() }
        let source = try optional(), author = try optional(), url = try optional(), summary = try optional()
        let people = try (0..<count()).map { _ in try string() }
        let events = try (0..<count()).map { _ in try string() }
        let format: Article.Format = try int() == 0 ? .markdown : .plainText
        let bodyFirstLine = try int()
        let hash = try uint64()
        let brackets = try int() == 1
        let references = SlugReferences(people: try locations(), events: try locations(), aliases: try locations())
        let warnings = try warnings()
        let body = ArticleBody(hash: hash, hasDoubleBracket: brackets) {
            ContentLoader.readBody(file, format: format)
        }
        let article = Article(slug: slug, title: title, date: date, source: source, author: author, url: url, summary: summary,
                              people: people, events: events, text: body, format: format, path: file, bodyFirstLine: bodyFirstLine)
        guard position == end else { throw Malformed() }
        return ContentSnapshot.Record(stamp: stamps.stamp, sidecar: stamps.sidecar, sidecarStamp: stamps.sidecarStamp, article: article,
                                      references: references, warnings: warnings)
    }
}
