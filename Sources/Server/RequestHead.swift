// The head of an HTTP/1.1 request (request line and header fields), parsed from the bytes received so far in one
// forward pass: every byte is looked at once however the bytes arrive, and nothing past the limits is kept.
// A request line longer than `maxLine` is refused with 414 and a head longer than `maxHead` with 431 as soon as
// that many bytes have arrived, without waiting for the rest.

struct RequestHead: Equatable, Sendable {
    var method: String
    /// The request target as sent, still percent-encoded ("/people/a%20b.html?x=1").
    var target: String
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    var minorVersion: Int
    /// In the order sent; names in lower case.
    var fields: [(name: String, value: String)]

    static func == (a: RequestHead, b: RequestHead) -> Bool {
        a.method == b.method && a.target == b.target && a.minorVersion == b.minorVersion
            && a.fields.map(\.name) == b.fields.map(\.name) && a.fields.map(\.value) == b.fields.map(\.value)
    }

    func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// The path part of the target, without query or fragment.
    var path: String {
        var end = target.endIndex
        if let mark = target.firstIndex(where: { $0 == "?" || $0 == "#" }) { end = mark }
        return String(target[..<end])
    }

    /// Whether the client asked to keep the connection open (HTTP/1.1 does unless it says `close`).
    var keepAlive: Bool {
        let tokens = values("connection").flatMap { $0.lowercased().split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if tokens.contains("close") { return false }
        return minorVersion >= 1 || tokens.contains("keep-alive")
    }
}

/// What to refuse a malformed request with, and why (the why goes into the response body).
struct RequestRefusal: Error, Equatable, Sendable {
    var status: Int
    var reason: String
}

struct RequestHeadParser {
    var maxLine: Int
    var maxHead: Int

    enum Outcome: Equatable {
        case needMore
        /// The head, and how many bytes of the buffer it took (a pipelined next request may follow).
        case complete(RequestHead, consumed: Int)
        case refused(RequestRefusal)
    }

    /// Where scanning stopped last time, so that bytes already looked at are never scanned again.
    private var scanned = 0
    private var lineStarts: [Int] = []          // start of each complete line (the request line first)
    private var leadingBlank = 0                // empty lines before the request line, which RFC 9112 lets us skip

    init(maxLine: Int = 8192, maxHead: Int = 32768) {
        self.maxLine = maxLine
        self.maxHead = maxHead
    }

    /// Looks at `buffer` (all bytes received for this request so far, which only ever grows between calls).
    mutating func parse(_ buffer: [UInt8]) -> Outcome {
        if lineStarts.isEmpty && scanned == 0 { lineStarts = [0] }
        var index = scanned
        while index < buffer.count {
            let byte = buffer[index]
            index += 1
            guard byte == 10 else { continue }            // LF ends a line (a CR before it is dropped below)
            let start = lineStarts[lineStarts.count - 1]
            let length = index - 1 - start - (index >= 2 && buffer[index - 2] == 13 ? 1 : 0)
            if lineStarts.count == 1 && length <= 0 && leadingBlank < 4 {
                leadingBlank += 1                          // a stray CRLF before the request line
                lineStarts[0] = index
                continue
            }
            if lineStarts.count == 1 && length > maxLine {
                return .refused(RequestRefusal(status: 414, reason: "the request line is longer than \(maxLine) bytes"))
            }
            if length <= 0 && lineStarts.count > 1 {    // the empty line that ends the head
                scanned = index
                return finish(buffer, end: index)
            }
            lineStarts.append(index)
            if index - lineStarts[0] > maxHead {
                return .refused(RequestRefusal(status: 431, reason: "the request's header fields are longer than \(maxHead) bytes"))
            }
        }
        scanned = index
        let pending = buffer.count - lineStarts[lineStarts.count - 1]
        if lineStarts.count == 1 && pending > maxLine + 1 {
            return .refused(RequestRefusal(status: 414, reason: "the request line is longer than \(maxLine) bytes"))
        }
        if buffer.count - lineStarts[0] > maxHead {
            return .refused(RequestRefusal(status: 431, reason: "the request's header fields are longer than \(maxHead) bytes"))
        }
        return .needMore
    }

    private func line(_ buffer: [UInt8], _ number: Int, end: Int) -> ArraySlice<UInt8> {
        let start = lineStarts[number]
        var stop = number + 1 < lineStarts.count ? lineStarts[number + 1] : end
        stop -= 1                                            // the LF
        if stop > start && buffer[stop - 1] == 13 { stop -= 1 }
        return buffer[start..<stop]
    }

    private func finish(_ buffer: [UInt8], end: Int) -> Outcome {
        let bad = { (reason: String) in Outcome.refused(RequestRefusal(status: 400, reason: reason)) }
        // The request line: METHOD SP target SP HTTP/1.x, single spaces, nothing else.
        let requestLine = line(buffer, 0, end: end)
        let parts = requestLine.split(separator: 32, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else { return bad("the request line is not METHOD TARGET HTTP/1.1") }
        guard parts[0].allSatisfy(Self.isToken) else { return bad("the method is not a token") }
        guard parts[1].allSatisfy({ $0 > 32 && $0 < 127 }) else { return bad("the request target has spaces, control characters or non-ASCII bytes") }
        let version = Array(parts[2])
        guard version.count == 8, version.starts(with: Array("HTTP/".utf8)), version[6] == 46,
              (48...57).contains(version[5]), (48...57).contains(version[7]) else { return bad("the protocol is not HTTP/1.1") }
        guard version[5] == 49, version[7] <= 49 else {
            return .refused(RequestRefusal(status: 505, reason: "only HTTP/1.0 and HTTP/1.1 are served"))
        }
        var fields: [(name: String, value: String)] = []
        for number in 1..<lineStarts.count {
            let field = line(buffer, number, end: end)
            guard let first = field.first else { continue }
            if first == 32 || first == 9 { return bad("a header field is folded over lines (obsolete line folding)") }
            guard let colon = field.firstIndex(of: 58), colon > field.startIndex else { return bad("a header field has no name: \"\(Self.shown(field))\"") }
            let name = field[field.startIndex..<colon]
            guard name.allSatisfy(Self.isToken) else { return bad("a header field name is not a token: \"\(Self.shown(name))\"") }
            var value = field[(colon + 1)...]
            while let b = value.first, b == 32 || b == 9 { value = value.dropFirst() }
            while let b = value.last, b == 32 || b == 9 { value = value.dropLast() }
            guard value.allSatisfy({ $0 >= 32 && $0 != 127 || $0 == 9 }) else { return bad("a header field value has control characters") }
            fields.append((String(decoding: name, as: UTF8.self).lowercased(), String(decoding: value, as: UTF8.self)))
        }
        let head = RequestHead(method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self),
                               minorVersion: Int(version[7] - 48), fields: fields)
        return .complete(head, consumed: end)
    }

    /// tchar of RFC 9110: letters, digits and !#$%&'*+-.^_`|~
    static func isToken(_ byte: UInt8) -> Bool {
        switch byte {
        case 48...57, 65...90, 97...122: return true
        case 33, 35, 36, 37, 38, 39, 42, 43, 45, 46, 94, 95, 96, 124, 126: return true
        default: return false
        }
    }

    private static func shown(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.prefix(40), as: UTF8.self).filter { !$0.isASCII || $0.asciiValue! >= 32 }
    }
}
