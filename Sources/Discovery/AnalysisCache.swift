// Incremental rebuilds, first half: the analysis of each article body (blocks, sentences, mentions, wikilinks)
// kept between builds in one binary file, so a rebuild analyses only bodies that changed. An entry is found
// by a hash of the body and of everything the analysis reads besides it (every name, alias and slug, in
// order, and the program itself); any change to those misses every entry, which is always safe.

import Content
import Dispatch
import EDTF
import Foundation
import Markdown

public final class AnalysisCache: @unchecked Sendable {
    public let path: String
    private let salt: String
    /// The file as it was when the build started, mapped rather than read: a rebuild decodes only what it asks for.
    private let stored: ByteStore?
    private let offsets: [UInt64: Range<Int>]           // key → payload in `stored`
    /// The end of the last whole record: less than the file's size when a killed build left half a record, 0 when
    /// the file is of another format. Either way the next save rewrites the file whole.
    private let validLength: Int
    /// How many bodies of the last `Linker.link` came from the cache.
    public private(set) var reused = 0
    /// How many articles discovery decided on in the last `Linker.link` (the others' decisions were replayed).
    public private(set) var decided = 0
    /// What discovery decided in the build that wrote the file.
    let previousDecisions: DecisionLog?

    // The file is a log of records (key, length, payload), appended to by each build: a rebuild that analysed one
    // article adds one record rather than writing every article's again. It is rewritten with only the records in
    // use when they are less than half of it. Discovery's decisions, rewritten by every build, live in a file of their own.
    static let magic = Array("dossier analysis cache 10\n".utf8)
    static let decisionsMagic = Array("dossier decisions 1\n".utf8)
    static let recordHeader = 12                          // key: 8 bytes, payload length: 4 bytes, little-endian

    /// Where each record is, written after the file by every save: a rebuild reads this (400 KB at 10,000 articles)
    /// instead of touching a page of the 95 MB file for every record's header (up to 8 ms of a 0.22 s rebuild). It
    /// names the file it describes by inode and length, so an index left by an interrupted save is not believed.
    static let indexMagic = Array("dossier analysis index 1\n".utf8)
    static let indexEntry = 20                            // key: 8 bytes, payload start: 8, payload length: 4
    static func indexPath(besides path: String) -> String { path + ".index" }

    var decisionsPath: String { Self.decisionsPath(besides: path) }
    static func decisionsPath(besides path: String) -> String { (path as NSString).deletingLastPathComponent + "/decisions.bin" }

    /// What is kept of one article: the analysed body, and the quotations and dated sentences read from it.
    struct Entry: Sendable {
        var text: BodyText
        var quotes: [Quote]
        var dates: [DatedStatement]
    }

    /// Opens the cache file at `path` (none, or one that cannot be read, is an empty cache).
    /// `salt` names what else the analysis depends on, e.g. the program's identity.
    public init(path: String, salt: String) {
        self.path = path
        self.salt = salt
        var offsets: [UInt64: Range<Int>] = [:]
        var position = 0
        let store = ByteStore(mapping: path)
        if let store, store.starts(with: Self.magic), let indexed = Self.readIndex(besides: path, describing: store) {
            offsets = indexed
            position = store.count
        } else if let store, store.starts(with: Self.magic) {
            position = Self.magic.count
            let end = store.count
            while position < end {
                guard end - position >= Self.recordHeader else { break }
                let key = store.littleEndian(UInt64.self, at: position)
                let length = Int(store.littleEndian(UInt32.self, at: position + 8))
                let start = position + Self.recordHeader
                guard length <= end - start else { break }
                offsets[key] = start..<(start + length)
                position = start + length
            }
        }
        stored = store
        self.offsets = offsets
        validLength = position
        var decisions: DecisionLog?
        if let file = ByteStore(mapping: Self.decisionsPath(besides: path)),
           file.starts(with: Self.decisionsMagic) {
            var reader = ByteReader(store: file, position: Self.decisionsMagic.count)
            decisions = try? reader.decisions()
        }
        previousDecisions = decisions
    }

    /// What discovery's decisions start from besides the articles' name runs: the curated people's names and
    /// aliases in order, every slug (a discovered person's slug avoids them), and the program.
    func decisionsStart(_ content: ContentSet) -> UInt64 {
        var h = StableHash()
        h.add("decisions-1"); h.add(salt)
        h.add(content.people.count)
        for person in content.people { h.add(person.slug); h.add(person.name); h.add(person.aliases) }
        h.add(content.events.map(\.slug))
        h.add(content.articles.map(\.slug))
        return h.value
    }

    /// What every body's analysis reads besides the body: names and aliases of people (in order: mentions
    /// hold indices), event aliases, and every slug a wikilink could name.
    func tables(people: [Person], events: [Event], articles: [Article]) -> UInt64 {
        var h = StableHash()
        h.add("analysis-1"); h.add(salt)
        h.add(people.count)
        // Spellings found by discovery match like aliases, so they are part of the tables too.
        for person in people { h.add(person.slug); h.add(person.name); h.add(person.withVariantsAsAliases.aliases) }
        h.add(events.count)
        for event in events { h.add(event.slug); h.add(event.aliases) }
        h.add(articles.count)
        for article in articles { h.add(article.slug) }
        return h.value
    }

    /// The article's body and format, and its date (relative dates in the text are read against it).
    func key(tables: UInt64, article: Article) -> UInt64 {
        var h = StableHash()
        h.add(tables)
        h.add(article.format.rawValue)
        h.add(article.date)
        h.add(article.bodyHash)
        return h.value
    }

    /// The key of an article's name runs (what discovery reads in it): they depend on the body and the title alone.
    func runsKey(_ article: Article) -> UInt64 {
        var h = StableHash()
        h.add("runs-2"); h.add(salt)
        h.add(article.format.rawValue)
        h.add(article.bodyHash)
        h.add(article.title)
        return h.value
    }

    /// Whether name runs are stored for `key`.
    func hasRuns(_ key: UInt64) -> Bool { offsets[key] != nil }

    /// The stored name runs for `key`, or nil.
    func lookupRuns(_ key: UInt64) -> [NameRun]? {
        guard let range = offsets[key], let stored else { return nil }
        var reader = ByteReader(store: stored, position: range.lowerBound, end: range.upperBound)
        return try? reader.runs()
    }

    /// The stored analysis for `key`, or nil (also when the entry does not decode).
    /// `document`: makes the body's document again (it is `Markdown.analyze` of the body), should the stored one,
    /// decoded only when first asked for, turn out not to decode.
    func lookup(_ key: UInt64, document: @escaping @Sendable () -> Document = { Document(blocks: [], links: []) }) -> Entry? {
        guard let range = offsets[key], let stored else { return nil }
        var reader = ByteReader(store: stored, position: range.lowerBound, end: range.upperBound)
        return try? reader.entry(document: document)
    }

    /// The records' places from the index beside `path`, when it describes `store` (same inode, same length) and
    /// every place lies inside it; nil otherwise, and the file's headers are read instead.
    private static func readIndex(besides path: String, describing store: ByteStore) -> [UInt64: Range<Int>]? {
        guard let index = ByteStore(mapping: indexPath(besides: path)), index.starts(with: indexMagic),
              index.count >= indexMagic.count + 24 else { return nil }
        let head = indexMagic.count
        let count = Int(truncatingIfNeeded: index.littleEndian(UInt64.self, at: head + 16))
        guard index.littleEndian(UInt64.self, at: head) == store.inode, index.littleEndian(UInt64.self, at: head + 8) == UInt64(store.count),
              count >= 0, count <= index.count / indexEntry, index.count == head + 24 + count * indexEntry else { return nil }
        var offsets: [UInt64: Range<Int>] = [:]
        offsets.reserveCapacity(count)
        for i in 0..<count {
            let at = head + 24 + i * indexEntry
            let start = Int(truncatingIfNeeded: index.littleEndian(UInt64.self, at: at + 8))
            let length = Int(index.littleEndian(UInt32.self, at: at + 16))
            guard start >= magic.count + recordHeader, start <= store.count - length else { return nil }
            offsets[index.littleEndian(UInt64.self, at: at)] = start..<(start + length)
        }
        return offsets
    }

    /// Writes the index of the file at `path` as it now is, holding `records`; removes it when the file cannot be read.
    private static func writeIndex(besides path: String, records: [(key: UInt64, payload: Range<Int>)]) {
        var info = stat()
        guard stat(path, &info) == 0 else { unlink(indexPath(besides: path)); return }
        var writer = ByteWriter()
        writer.bytes = indexMagic
        writer.bytes.reserveCapacity(indexMagic.count + 24 + records.count * indexEntry)
        writer.fixed(UInt64(info.st_ino)); writer.fixed(UInt64(info.st_size)); writer.fixed(UInt64(records.count))
        for record in records {
            writer.fixed(record.key); writer.fixed(UInt64(record.payload.lowerBound)); writer.fixed(UInt32(record.payload.count))
        }
        if !FileWriting.replace(indexPath(besides: path), with: writer.bytes) { unlink(indexPath(besides: path)) }
    }

    private let saving = DispatchGroup()

    /// `save` on another thread; `finishSaving` waits for it.
    func saveInBackground(keys: [UInt64], texts: [Entry], runKeys: [UInt64], runs: [[NameRun]?], decisions: DecisionLog?, decided: Int) {
        reused = keys.filter { offsets[$0] != nil }.count
        self.decided = decided
        DispatchQueue.global().async(group: saving) {
            self.save(keys: keys, texts: texts, runKeys: runKeys, runs: runs, decisions: decisions)
        }
    }

    /// Waits until the cache file of this build is written (a build must not end before).
    public func finishSaving() {
        saving.wait()
    }

    /// Records the entries of this build (`keys` parallel to `texts`) and the name runs of each article (`runKeys`
    /// parallel to `runs`; nil: not read, kept as stored): those the file lacks are appended to it, or, when the
    /// records in use are less than half of the file, it is rewritten with them alone through a temporary file and
    /// a rename. Discovery's decisions are rewritten. Failing to write is no error: the next build analyses more.
    func save(keys: [UInt64], texts: [Entry], runKeys: [UInt64], runs: [[NameRun]?], decisions: DecisionLog?) {
        enum Payload: Sendable { case entry(Entry), runs([NameRun]) }
        var seen = Set<UInt64>()
        var fresh: [(UInt64, Payload)] = []
        var inUse: [(UInt64, Range<Int>)] = []
        func note(_ key: UInt64, _ payload: @autoclosure () -> Payload?) {
            guard seen.insert(key).inserted else { return }
            if let range = offsets[key] { inUse.append((key, range)) } else if let payload = payload() { fresh.append((key, payload)) }
        }
        for (key, text) in zip(keys, texts) { note(key, .entry(text)) }
        for (key, runs) in zip(runKeys, runs) { note(key, runs.map(Payload.runs)) }
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

        // Records are encoded one after another into one buffer, written out whenever it holds a megabyte: a first
        // build's records are 95 MB for 10,000 articles, and an array each, then all of them joined into one more,
        // cost a build 4 % of its samples, a third of it faulting in fresh memory.
        // `at`: where in the file the first is written; `records` gets each one's place.
        var records: [(key: UInt64, payload: Range<Int>)] = []
        func writeFresh(to fd: Int32, at fileOffset: Int) -> Bool {
            var record = ByteWriter()
            record.bytes.reserveCapacity(1 << 21)
            var flushed = fileOffset
            for (key, payload) in fresh {
                let start = record.bytes.count
                record.fixed(key); record.fixed(UInt32(0))
                switch payload {
                case .entry(let value): record.entry(value)
                case .runs(let value): record.runs(value)
                }
                record.setLength(UInt32(record.bytes.count - start - Self.recordHeader), at: start + 8)
                records.append((key, (flushed + start + Self.recordHeader)..<(flushed + record.bytes.count)))
                if record.bytes.count >= 1 << 20 {
                    guard FileWriting.writeAll(fd, record.bytes) == nil else { return false }
                    flushed += record.bytes.count
                    record.bytes.removeAll(keepingCapacity: true)
                }
            }
            return FileWriting.writeAll(fd, record.bytes) == nil
        }

        let inUseBytes = inUse.reduce(0) { $0 + $1.1.count + Self.recordHeader }
        let written: Bool
        if let stored, stored.count == validLength, validLength <= 2 * (Self.magic.count + inUseBytes) + 2 * fresh.count * 64 {
            // Appended, unless nothing is new. (Fresh records count at a low guess of their size, known only once
            // they are written: a guess that can only make the rewrite come sooner.)
            records = offsets.map { ($0.key, $0.value) }
            if fresh.isEmpty {
                written = true
            } else {
                let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
                written = fd >= 0 && writeFresh(to: fd, at: validLength)
                if fd >= 0 { close(fd) }
            }
        } else {
            written = FileWriting.replace(path) { fd in
                guard FileWriting.writeAll(fd, Self.magic) == nil else { return false }
                var at = Self.magic.count
                if let stored {
                    for (key, range) in inUse.sorted(by: { $0.1.lowerBound < $1.1.lowerBound }) {
                        guard FileWriting.writeAll(fd, stored.bytes(range.lowerBound - Self.recordHeader..<range.upperBound)) == nil else { return false }
                        records.append((key, (at + Self.recordHeader)..<(at + Self.recordHeader + range.count)))
                        at += Self.recordHeader + range.count
                    }
                }
                return writeFresh(to: fd, at: at)
            }
        }
        if written { Self.writeIndex(besides: path, records: records) } else { unlink(Self.indexPath(besides: path)) }

        var writer = ByteWriter()
        writer.bytes = Self.decisionsMagic
        if let decisions { writer.decisions(decisions); FileWriting.replace(decisionsPath, with: writer.bytes) } else { unlink(decisionsPath) }
    }
}


// MARK: - The analysis in the binary form (ByteCoding.swift holds the primitives).

extension ByteWriter {
    /// How kinds of mention are written: their place here.
    static let mentionKinds: [MentionKind] = [.name, .alias, .surname, .wikilink]

    mutating func runs(_ runs: [NameRun]) {
        int(runs.count)
        for run in runs {
            int(run.words.count); for word in run.words { string(word) }
            string(run.text); range(run.range)
            if let role = run.role { int(1); string(role) } else { int(0) }
            if let aka = run.aka { int(1); string(aka) } else { int(0) }
            int((run.hasTitle ? 1 : 0) | (run.hasApposition ? 2 : 0) | (run.isAttributed ? 4 : 0)
                | (run.startsWithGivenName ? 8 : 0) | (run.honorific ? 16 : 0) | (run.surnameRecurs ? 32 : 0) | (run.isNameShaped ? 64 : 0)
                | (run.startsWithParticle ? 128 : 0) | (run.startsLikeAPlace ? 256 : 0) | (run.isFamilyNameFirst ? 512 : 0)
                | (run.isNamedAs ? 1024 : 0) | (run.isSpeakerLabel ? 2048 : 0) | (run.isVocative ? 4096 : 0) | (run.firstWordRecurs ? 8192 : 0))
        }
    }

    mutating func decisions(_ log: DecisionLog) {
        uint64(log.start)
        int(log.articles.count)
        for article in log.articles {
            string(article.slug); uint64(article.runs)
            int(article.actions.count)
            for action in article.actions {
                switch action {
                case .variant(let person, let text, let reason): int(0); int(person); string(text); string(reason)
                case .discovered(let slug, let name, let role):
                    int(1); string(slug); string(name)
                    if let role { int(1); string(role) } else { int(0) }
                case .suggestion(let text, let person, let reason): int(2); string(text); string(person); string(reason)
                case .unresolved(let text): int(3); string(text)
                }
            }
        }
    }

    /// What every rebuild reads of an article first (mentions, quotations, dates, the first paragraph), then the
    /// document, length-prefixed so that it is decoded only if a page shows it (`BodyText.document`).
    mutating func entry(_ entry: AnalysisCache.Entry) {
        body(entry.text)
        int(entry.quotes.count)
        for q in entry.quotes {
            int(q.block); int(q.sentence); range(q.range); string(q.text)
            if let speaker = q.speaker { int(1); int(speaker) } else { int(0) }
            if let organisation = q.organisation { int(1); string(organisation) } else { int(0) }
        }
        int(entry.dates.count)
        for d in entry.dates {
            int(d.block); int(d.sentence); range(d.range); string(d.expression); string(d.date.edtf); string(d.sentenceText)
            int(d.people.count)
            for p in d.people { int(p) }
        }
        let document = beginSkippable()
        self.document(entry.text.document)
        endSkippable(document)
    }

    mutating func document(_ document: Document) {
        int(document.blocks.count)
        // Each block's fields read in place: a copy of a block counts its text and both lists again.
        document.blocks.withUnsafeBufferPointer { blocks in
            for b in blocks.indices {
                switch blocks[b].kind {
                case .paragraph: int(0)
                case .heading(let level): int(level)
                }
                string(blocks[b].text)
                ranges(blocks[b].sentences)
                ranges(blocks[b].linkedRanges)
            }
        }
        int(document.links.count)
        for link in document.links { string(link.destination); int(link.isImage ? 1 : 0); string(link.text) }
    }

    mutating func body(_ text: BodyText) {
        if let first = text.firstParagraph { int(1); string(first) } else { int(0) }
        let digest = text.mentionDigest
        int(digest.people.count)
        for p in digest.people { int(p) }
        uint64(digest.spellings)
        // The mentions, behind their length: a reader skips them until they are asked for.
        let mentions = beginSkippable()
        int(text.mentions.count)
        for m in text.mentions {
            int(m.person); int(m.block); range(m.range); int(m.sentence)
            int(Self.mentionKinds.firstIndex(of: m.kind)!); string(m.text)
        }
        endSkippable(mentions)
        int(text.eventMentions.count)
        for m in text.eventMentions { int(m.event); int(m.block); range(m.range); int(m.sentence) }
        int(text.wikiLinks.count)
        for link in text.wikiLinks {
            int(link.block); range(link.range)
            switch link.target {
            case .person(let p): int(0); int(p)
            case .event(let e): int(1); int(e)
            case .article(let a): int(2); int(a)
            }
            if let label = link.text { int(1); string(label) } else { int(0) }
        }
    }
}

extension ByteReader {
    mutating func runs() throws -> [NameRun] {
        try (0..<count()).map { _ in
            let words = try (0..<count()).map { _ in try string() }
            let text = try string(), range = try range()
            let role: String? = try int() == 1 ? try string() : nil
            let aka: String? = try int() == 1 ? try string() : nil
            let flags = try int()
            var run = NameRun(words: words, text: text, range: range, role: role, hasTitle: flags & 1 != 0, hasApposition: flags & 2 != 0,
                              isAttributed: flags & 4 != 0, startsWithGivenName: flags & 8 != 0, honorific: flags & 16 != 0,
                              surnameRecurs: flags & 32 != 0, aka: aka, isNameShaped: flags & 64 != 0)
            (run.startsWithParticle, run.startsLikeAPlace, run.isFamilyNameFirst) = (flags & 128 != 0, flags & 256 != 0, flags & 512 != 0)
            (run.isNamedAs, run.isSpeakerLabel, run.isVocative, run.firstWordRecurs) = (flags & 1024 != 0, flags & 2048 != 0, flags & 4096 != 0, flags & 8192 != 0)
            return run
        }
    }

    mutating func decisions() throws -> DecisionLog {
        var log = DecisionLog(start: try uint64())
        log.articles = try (0..<count()).map { _ in
            let slug = try string(), runs = try uint64()
            let actions = try (0..<count()).map { _ -> DecisionLog.Action in
                switch try int() {
                case 0: return .variant(person: try int(), text: try string(), reason: try string())
                case 1: return .discovered(slug: try string(), name: try string(), role: try int() == 1 ? try string() : nil)
                case 2: return .suggestion(text: try string(), person: try string(), reason: try string())
                case 3: return .unresolved(text: try string())
                default: throw Malformed()
                }
            }
            return DecisionLog.Article(slug: slug, runs: runs, actions: actions)
        }
        return log
    }

    mutating func entry(document remade: @escaping @Sendable () -> Document = { Document(blocks: [], links: []) }) throws -> AnalysisCache.Entry {
        var text = try body { Document(blocks: [], links: []) }
        let quotes = try (0..<count()).map { _ in
            let block = try int(), sentence = try int(), range = try range(), words = try string()
            let speaker: Int? = try int() == 1 ? try int() : nil
            let organisation: String? = try int() == 1 ? try string() : nil
            return Quote(block: block, sentence: sentence, range: range, text: words, speaker: speaker, organisation: organisation)
        }
        let dates = try (0..<count()).map { _ in
            let block = try int(), sentence = try int(), range = try range(), expression = try string()
            guard let date = DateTexts.date(try string()) else { throw Malformed() }
            let sentenceText = try string()
            return DatedStatement(block: block, sentence: sentence, range: range, expression: expression, date: date,
                                  sentenceText: sentenceText, people: try (0..<count()).map { _ in try int() })
        }
        // The document stays where it is until asked for; the mapped file stays mapped as long as it may be.
        let length = try skippableLength()
        let document = ByteReader(store: store, position: position, end: position + length)
        try skip(length)
        text.decodeDocument {
            var reader = document
            return (try? reader.document()) ?? remade()
        }
        return AnalysisCache.Entry(text: text, quotes: quotes, dates: dates)
    }

    mutating func document() throws -> Document {
        let blocks = try (0..<count()).map { _ -> TextBlock in
            let level = try int()
            return TextBlock(kind: level == 0 ? .paragraph : .heading(level), text: try string(), sentences: try ranges(),
                             linkedRanges: try ranges())
        }
        let links = try (0..<count()).map { _ in Link(destination: try string(), isImage: try int() == 1, text: try string()) }
        return Document(blocks: blocks, links: links)
    }

    /// What `ByteWriter.body` wrote: all but the document, which `entry()` attaches.
    /// `document`: decodes the body's document when it is first asked for.
    mutating func body(document: @escaping @Sendable () -> Document) throws -> BodyText {
        let first: String? = try int() == 1 ? try string() : nil
        let people = try (0..<count()).map { _ in try int() }
        let digest = BodyText.MentionDigest(people: people, spellings: try uint64())
        // The mentions stay where they are until asked for; a damaged record then has none.
        let length = try skippableLength()
        let mentionBytes = ByteReader(store: store, position: position, end: position + length)
        try skip(length)
        let eventMentions = try (0..<count()).map { _ in
            EventMention(event: try int(), block: try int(), range: try range(), sentence: try int())
        }
        let wikiLinks = try (0..<count()).map { _ in
            let block = try int(), range = try range()
            let tag = try int(), index = try int()
            let target: LinkTarget
            switch tag {
            case 0: target = .person(index)
            case 1: target = .event(index)
            case 2: target = .article(index)
            default: throw Malformed()
            }
            let label: String? = try int() == 1 ? try string() : nil
            return WikiLink(block: block, range: range, target: target, text: label)
        }
        return BodyText(firstParagraph: first, digest: digest, mentions: {
            var reader = mentionBytes
            return (try? reader.mentions()) ?? []
        }, eventMentions: eventMentions, wikiLinks: wikiLinks, decode: document)
    }

    mutating func mentions() throws -> [Mention] {
        try (0..<count()).map { _ in
            let person = try int(), block = try int(), range = try range(), sentence = try int()
            let code = try int()
            guard ByteWriter.mentionKinds.indices.contains(code) else { throw Malformed() }
            let kind = ByteWriter.mentionKinds[code]
            return Mention(person: person, block: block, range: range, sentence: sentence, kind: kind, text: try string())
        }
    }
}
