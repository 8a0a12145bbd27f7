// The binary form both caches write (ContentSnapshot here, the analysis cache in Discovery): a file mapped into
// memory, variable-length integers and length-prefixed UTF-8, nothing else.

import EDTF
import Foundation

/// Bytes a ByteReader reads: a file mapped into memory (unmapped when the last reader is gone), or a copy of an array.
package final class ByteStore: @unchecked Sendable {
    package let base: UnsafeRawPointer
    package let count: Int
    private let mapped: Bool
    /// The mapped file's inode number (0 for a copy of an array): which file an index describes.
    package let inode: UInt64

    package init(_ bytes: [UInt8]) {
        let copy = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { if let source = $0.baseAddress { copy.copyMemory(from: source, byteCount: bytes.count) } }
        base = UnsafeRawPointer(copy); count = bytes.count; mapped = false; inode = 0
    }

    /// The file at `path`, mapped read-only; nil when it is missing, empty or cannot be mapped.
    package init?(mapping path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0,
              let address = mmap(nil, Int(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else { return nil }
        base = UnsafeRawPointer(address); count = Int(info.st_size); mapped = true; inode = UInt64(info.st_ino)
    }

    deinit {
        if mapped { munmap(UnsafeMutableRawPointer(mutating: base), count) } else { base.deallocate() }
    }

    package subscript(_ i: Int) -> UInt8 { base.load(fromByteOffset: i, as: UInt8.self) }

    package func starts(with prefix: [UInt8]) -> Bool {
        count >= prefix.count && prefix.withUnsafeBytes { memcmp($0.baseAddress!, base, prefix.count) == 0 }
    }

    package func littleEndian<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T {
        T(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    package func bytes(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count)
    }
}

package struct ByteWriter {
    package var bytes: [UInt8] = []
    package init() {}

    package mutating func uint64(_ value: UInt64) {
        // Most values (counts, indexes, small offsets) take one byte; a longer one is made in a register and
        // appended at once, rather than byte by byte, each append checking the array's uniqueness and capacity.
        guard value >= 0x80 else { bytes.append(UInt8(value)); return }
        var v = value, packed: (UInt64, UInt64) = (0, 0), count = 0
        withUnsafeMutableBytes(of: &packed) { out in
            while v >= 0x80 { out[count] = UInt8(v & 0x7F) | 0x80; v >>= 7; count += 1 }
            out[count] = UInt8(v); count += 1
        }
        withUnsafeBytes(of: &packed) { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
    }
    package mutating func int(_ value: Int) { uint64(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))) }   // zigzag
    package mutating func fixed<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    package mutating func setLength(_ value: UInt32, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { for (i, byte) in $0.enumerated() { bytes[offset + i] = byte } }
    }
    package mutating func string(_ text: String) { int(text.utf8.count); bytes += text.utf8 }

    /// A part a reader may skip (an entry's mentions, its document) is written in place behind four bytes of length,
    /// filled in by `endSkippable`: made apart and appended, each was copied once more (95 MB at 10,000 articles).
    package mutating func beginSkippable() -> Int {
        let at = bytes.count
        fixed(UInt32(0))
        return at
    }
    package mutating func endSkippable(_ at: Int) {
        setLength(UInt32(bytes.count - at - 4), at: at)
    }
    package mutating func range(_ r: Range<Int>) { int(r.lowerBound); int(r.upperBound) }
    package mutating func ranges(_ rs: [Range<Int>]) { int(rs.count); for r in rs { range(r) } }
}

package struct ByteReader {
    package struct Malformed: Error { package init() {} }
    package let store: ByteStore
    package var position: Int
    /// Where this reader's bytes end (a record's payload, or the whole store).
    package let end: Int

    package init(store: ByteStore, position: Int, end: Int? = nil) {
        self.store = store; self.position = position; self.end = end ?? store.count
    }

    package init(bytes: [UInt8], position: Int) { self.init(store: ByteStore(bytes), position: position) }

    package mutating func uint64() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end, shift < 64 else { throw Malformed() }
            let byte = store[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }
    package mutating func int() throws -> Int {
        // Zigzag undone on the unsigned value: an arithmetic shift would carry the top bit down and misread every
        // number of magnitude 2^62 or more.
        let z = try uint64()
        return Int(Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1))))
    }
    package mutating func count() throws -> Int {
        let n = try int()
        guard n >= 0, n <= end - position else { throw Malformed() }
        return n
    }
    /// The length `ByteWriter.endSkippable` wrote.
    package mutating func skippableLength() throws -> Int {
        guard end - position >= 4 else { throw Malformed() }
        let n = Int(store.littleEndian(UInt32.self, at: position))
        position += 4
        guard n <= end - position else { throw Malformed() }
        return n
    }
    package mutating func skip(_ n: Int) throws {
        guard n >= 0, n <= end - position else { throw Malformed() }
        position += n
    }
    package mutating func string() throws -> String {
        let n = try count()
        defer { position += n }
        return String(decoding: store.bytes(position..<(position + n)), as: UTF8.self)
    }
    package mutating func range() throws -> Range<Int> {
        let a = try int(), b = try int()
        guard a <= b else { throw Malformed() }
        return a..<b
    }
    package mutating func ranges() throws -> [Range<Int>] { try (0..<count()).map { _ in try range() } }
}


/// Dates read back from the caches: the same few thousand texts recur across 10,000 articles, and parsing each
/// again showed in rebuilds. Shared by the threads that decode, behind a lock.
package enum DateTexts {
    nonisolated(unsafe) private static var parsed: [String: EDTFDate] = [:]
    private static let lock = NSLock()

    package static func date(_ text: String) -> EDTFDate? {
        if let date = EDTFDate.plain(text) { return date }       // most dates, without the lock
        lock.lock()
        if let date = parsed[text] { lock.unlock(); return date }
        lock.unlock()
        guard let date = try? EDTFDate.parse(text) else { return nil }
        lock.lock(); parsed[text] = date; lock.unlock()
        return date
    }
}
