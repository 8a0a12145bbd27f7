// The page cache's file, read byte by byte: what a build writes, the next reads back exactly; anything that is
// not such a file (cut short, damaged) is no cache at all, so every page is rendered again.

import Foundation
@testable import Renderer
import Testing

extension PageCache {
    /// The file a build would write with these entries, sorted by path (a build writes them in plan order).
    var bytes: [UInt8] {
        var out = Self.headerLine
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) { Self.appendLine(path, entry, to: &out) }
        return out
    }
}

@Suite struct PageCacheFileTests {
    static let sample: PageCache = {
        var cache = PageCache()
        cache.entries["people/kirill-dmitriev.html"] = .init(signature: 0xfedc_ba98_7654_3210, size: 12_345, modified: 1_764_000_000_123_456_789)
        cache.entries["articles/ätsch, ein titel.html"] = .init(signature: 0, size: 0, modified: -86_400_000_000_000)   // before 1970
        cache.entries["assets/search/articles-1.js"] = .init(signature: UInt64.max, size: Int.max, modified: Int64.min + 1)
        return cache
    }()

    @Test func whatIsWrittenIsReadBack() throws {
        let bytes = Self.sample.bytes
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix(PageCache.header + "\n"))
        #expect(text.contains("\npeople/kirill-dmitriev.html\tfedcba9876543210\t12345\t1764000000123456789\n"))
        let read = try #require(PageCache.parse(bytes))
        #expect(read.entries == Self.sample.entries)
    }

    @Test func numbersAreWrittenAsStringWritesThem() {
        var generator = SystemRandomNumberGenerator()
        let signed: [Int64] = [0, 1, -1, 9, 10, -10, 99, 100, Int64.max, Int64.min, Int64.min + 1] + (0..<200).map { _ in Int64.random(in: .min ... .max, using: &generator) }
        for value in signed {
            var out: [UInt8] = [7]
            PageCache.appendDecimal(value, to: &out)
            #expect(out == [7] + Array(String(value).utf8))
        }
        let unsigned: [UInt64] = [0, 1, 15, 16, 255, 256, UInt64.max] + (0..<200).map { _ in UInt64.random(in: 0 ... .max, using: &generator) }
        for value in unsigned {
            var out: [UInt8] = []
            PageCache.appendDigits(of: value, radix: 16, to: &out)
            #expect(out == Array(String(value, radix: 16).utf8))
        }
    }

    @Test func anEmptyCacheIsOnlyItsHeader() throws {
        #expect(try #require(PageCache.parse(PageCache().bytes)).entries.isEmpty)
    }

    @Test func aDamagedFileIsNoCache() {
        let bytes = Self.sample.bytes
        let damaged: [[UInt8]] = [
            Array(bytes.dropLast()),                                                   // the last line cut short
            Array(bytes.prefix(bytes.count / 2)),
            Array("dossier page cache 0\n".utf8) + bytes.drop(while: { $0 != 10 }).dropFirst(),   // another format
            bytes.map { $0 == UInt8(ascii: "f") ? UInt8(ascii: "g") : $0 },           // not hexadecimal
            Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\t12345\t", with: "\t12345\t\t").utf8),
            Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\t12345\t", with: "\t99999999999999999999999\t").utf8),
        ]
        for file in damaged {
            #expect(PageCache.parse(file) == nil, "\(String(decoding: file, as: UTF8.self))")
        }
    }
}
