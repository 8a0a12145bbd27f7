// EDTF: the EDTF (levels 0–1) date model, its parser and validator, Gregorian calendar maths, and ordering.

/// One calendar day: proleptic Gregorian calendar, astronomical year numbering (year 0 is 1 BC, -1 is 2 BC).
public struct DayStamp: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Does not validate: `DayStamp` is a plain value for comparisons; `EDTFDate` does the validating.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Stand-ins for the far side of an open (`..`) or unknown (blank) interval end. Parsed years stay below
    /// 10^15 in magnitude, so these sort outside every real date yet are still safe for day arithmetic.
    public static let distantPast = DayStamp(year: -1_000_000_000_000_000, month: 1, day: 1)
    public static let distantFuture = DayStamp(year: 1_000_000_000_000_000, month: 12, day: 31)

    /// "2025-04-02"; years are zero-padded to four digits, negatives keep their sign ("-0100-03-01").
    public var iso: String { "\(isoYear(year))-\(pad2(month))-\(pad2(day))" }
    public var description: String { iso }

    public static func < (a: DayStamp, b: DayStamp) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's days_from_civil, exact for the proleptic calendar.
    public var daysSince1970: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1  // counted from 1 March
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `daysSince1970` (Hinnant's civil_from_days).
    public init(daysSince1970 days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153  // 0 = March
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month,
                  day: dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
    }

    public func adding(days: Int) -> DayStamp { DayStamp(daysSince1970: daysSince1970 + days) }

    /// ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    public var weekday: Int { ((daysSince1970 % 7) + 7 + 3) % 7 + 1 }
}

/// A parse or validation failure: a sentence for a human, and where in the input it went wrong.
public struct EDTFError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// 0-based offset, in Characters, into the string given to `parse` (surrounding whitespace included).
    public let offset: Int
    /// What to write instead (DateSuggestion.advice): "did you mean 2023-06-24?", or examples of valid dates.
    /// Set by `parse`; messages end with it.
    public let advice: String

    public init(message: String, offset: Int, advice: String = "") {
        self.message = message
        self.offset = offset
        self.advice = advice
    }

    /// The message and the advice: "month 13 does not exist (write 2025-04-02, ...)".
    public var explained: String { advice.isEmpty ? message : message + (advice.hasPrefix("(") ? " " : "; ") + advice }

    public var description: String { "\(message) (column \(offset + 1))" }

    /// Equal when they say the same thing at the same place; the advice follows from the text.
    public static func == (a: EDTFError, b: EDTFError) -> Bool { a.message == b.message && a.offset == b.offset }
}

/// A date in Extended Date/Time Format levels 0 and 1: a single date or an interval.
public struct EDTFDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Qualifier: String, Hashable, Sendable, CaseIterable {
        case uncertain = "?"
        case approximate = "~"
        case uncertainAndApproximate = "%"
    }

    /// Coarse to fine. `.century` is a hundred-year span written like `20XX` (2000–2099), not "the 21st century".
    public enum Precision: Int, Hashable, Sendable, Comparable, CaseIterable {
        case century, decade, year, season, month, day
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    /// A month or day component: left out, written `XX`, or a number (months 21–24 are seasons).
    enum Field: Hashable, Sendable {
        case absent, unspecified, known(Int)
    }

    /// One date (a whole single date, or one end of an interval).
    struct Endpoint: Hashable, Sendable {
        var year: Int                  // unspecified digits stored as 0: 201X is 2010
        var unspecifiedYearDigits = 0  // 0, 1 (201X) or 2 (20XX)
        var month = Field.absent
        var day = Field.absent
        var qualifier: Qualifier?
    }

    /// An interval end: a date, `..` (open: goes on indefinitely) or blank (unknown).
    enum Bound: Hashable, Sendable {
        case known(Endpoint), open, unknown
        var endpoint: Endpoint? { if case .known(let e) = self { e } else { nil } }
    }

    enum Shape: Hashable, Sendable {
        case single(Endpoint)
        case interval(Bound, Bound)
    }

    // The only stored property, and it holds nothing the canonical `edtf` text doesn't: that keeps the
    // synthesized `==` consistent with `<` (which falls back to comparing `edtf`).
    let shape: Shape

    init(shape: Shape) { self.shape = shape }

    /// Parses EDTF text (level 0 or 1), ignoring surrounding whitespace.
    public static func parse(_ text: String) throws(EDTFError) -> EDTFDate {
        if let date = plain(text) { return date }
        return try parsedByParser(text)
    }

    /// The parser alone, without the plain forms' shortcut: tests hold the two to the same dates and errors.
    static func parsedByParser(_ text: String) throws(EDTFError) -> EDTFDate {
        do {
            return try Parser(text).parse()
        } catch {
            // A date as people write it ("24/06/2023") gets what it means, not the parser's view of its slashes.
            let start = text.prefix(while: { $0 == " " || $0 == "\t" }).count
            if !DateSuggestion.readings(of: text).isEmpty {
                throw EDTFError(message: "EDTF writes year-month-day", offset: start, advice: DateSuggestion.advice(for: text))
            }
            if DateSuggestion.isWrittenDate(text) {
                throw EDTFError(message: "EDTF writes year-month-day, and no reading of this is a day the calendar has", offset: start,
                                advice: DateSuggestion.advice(for: text))
            }
            throw EDTFError(message: error.message, offset: error.offset, advice: DateSuggestion.advice(for: text))
        }
    }

    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, valid, read from the bytes: almost every date is written so, and the
    /// parser, which works on Characters for its error columns, took a few percent of a rebuild reading them
    /// back from the caches. Anything else (a day the month lacks, a season, a qualifier) is the parser's.
    public static func plain(_ text: String) -> EDTFDate? {
        var text = text
        return text.withUTF8 { b -> EDTFDate? in
            guard b.count == 4 || b.count == 7 || b.count == 10 else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for i in range {
                    let digit = b[i] &- UInt8(ascii: "0")
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int(digit)
                }
                return value
            }
            guard let year = number(0..<4) else { return nil }
            var endpoint = Endpoint(year: year)
            if b.count >= 7 {
                guard b[4] == UInt8(ascii: "-"), let month = number(5..<7), (1...12).contains(month) else { return nil }
                endpoint.month = .known(month)
                if b.count == 10 {
                    guard b[7] == UInt8(ascii: "-"), let day = number(8..<10), day >= 1, day <= daysIn(month: month, year: year)
                    else { return nil }
                    endpoint.day = .known(day)
                }
            }
            return EDTFDate(shape: .single(endpoint))
        }
    }


    /// A single year, month or day, validated as if it had been parsed; e.g. the resolved "on Wednesday".
    /// Errors carry offsets into the equivalent EDTF text (`edtfYear(year)-MM-DD`).
    public init(year: Int, month: Int? = nil, day: Int? = nil, qualifier: Qualifier? = nil) throws(EDTFError) {
        if day != nil && month == nil { throw EDTFError(message: "a day needs a month", offset: 0) }
        if let month, !(0...99).contains(month) { throw EDTFError(message: "month \(month) does not exist", offset: 0) }
        if let day, !(0...99).contains(day) { throw EDTFError(message: "day \(day) does not exist", offset: 0) }
        var text = Endpoint(year: year).edtfYear
        if let month { text += "-" + pad2(month) }
        if let day { text += "-" + pad2(day) }
        self = try Self.parse(text + (qualifier?.rawValue ?? ""))
    }

    /// An interval between two single dates; `nil` means an open end (`..`).
    public static func interval(from start: EDTFDate?, to end: EDTFDate?) throws(EDTFError) -> EDTFDate {
        if start?.isInterval == true || end?.isInterval == true {
            throw EDTFError(message: "the ends of an interval must be single dates", offset: 0)
        }
        return try parse("\(start?.edtf ?? "..")/\(end?.edtf ?? "..")")
    }

    /// Canonical EDTF text; `parse(edtf)` gives back an equal value.
    public var edtf: String {
        switch shape {
        case .single(let e): e.edtf
        case .interval(let s, let e): "\(s.edtf)/\(e.edtf)"
        }
    }

    public var description: String { edtf }

    /// The date as a few numbers, one to one with `edtf` (the same date gives the same numbers, another date other
    /// numbers): what the build's caches hash. Making the text for that was a twentieth of a rebuild.
    public func forEachCanonicalNumber(_ body: (UInt64) -> Void) {
        func field(_ f: Field) -> UInt64 {
            switch f {
            case .absent: 0
            case .unspecified: 1
            case .known(let n): UInt64(truncatingIfNeeded: n) &+ 2
            }
        }
        func endpoint(_ e: Endpoint) {
            let qualifier: UInt64 = switch e.qualifier {
            case nil: 0
            case .uncertain: 1
            case .approximate: 2
            case .uncertainAndApproximate: 3
            }
            body(UInt64(bitPattern: Int64(e.year)))
            body(UInt64(truncatingIfNeeded: e.unspecifiedYearDigits) | qualifier << 8 | (field(e.month) & 0xFFFF) << 16 | (field(e.day) & 0xFFFF) << 32)
        }
        func bound(_ b: Bound) {
            switch b {
            case .known(let e): body(0); endpoint(e)
            case .open: body(1)
            case .unknown: body(2)
            }
        }
        switch shape {
        case .single(let e): body(0); endpoint(e)
        case .interval(let s, let e): body(1); bound(s); bound(e)
        }
    }

    public var isInterval: Bool {
        if case .interval = shape { true } else { false }
    }

    var endpoints: [Endpoint] {
        switch shape {
        case .single(let e): [e]
        case .interval(let s, let e): [s.endpoint, e.endpoint].compactMap { $0 }
        }
    }

    /// The start, or for an interval with an open or unknown start, the end: what precision and
    /// `isoDatetime` describe.
    var primary: Endpoint {
        switch shape {
        case .single(let e): e
        case .interval(let s, let e): s.endpoint ?? e.endpoint!  // parse guarantees one known end
        }
    }

    public var isApproximate: Bool {
        endpoints.contains { $0.qualifier == .approximate || $0.qualifier == .uncertainAndApproximate }
    }

    public var isUncertain: Bool {
        endpoints.contains { $0.qualifier == .uncertain || $0.qualifier == .uncertainAndApproximate }
    }

    /// Of the start (or of the end when the start is open or unknown).
    public var precision: Precision { primary.precision }

    /// Qualifiers don't widen this: `2025-04~` still runs from 1 to 30 April.
    public var earliest: DayStamp {
        switch shape {
        case .single(let e): e.earliest
        case .interval(let s, _): s.endpoint?.earliest ?? .distantPast
        }
    }

    public var latest: DayStamp {
        switch shape {
        case .single(let e): e.latest
        case .interval(_, let e): e.endpoint?.latest ?? .distantFuture
        }
    }

    /// Year of the earliest day; nil when the start is open or unknown.
    public var year: Int? { earliest == .distantPast ? nil : earliest.year }

    /// Month of the earliest day, only when the start is known to the month: a timeline should not file
    /// `2025` or `Spring 2025` under a particular month.
    public var month: Int? {
        guard earliest != .distantPast, let start = endpoints.first, start.precision >= .month else { return nil }
        return earliest.month
    }

    public func contains(_ day: DayStamp) -> Bool { earliest <= day && day <= latest }

    public func overlaps(_ other: EDTFDate) -> Bool { earliest <= other.latest && other.earliest <= latest }

    /// A total order: by earliest day, then latest day (narrower first), then the EDTF text.
    public static func < (a: EDTFDate, b: EDTFDate) -> Bool {
        if a.earliest != b.earliest { return a.earliest < b.earliest }
        if a.latest != b.latest { return a.latest < b.latest }
        return a.edtf < b.edtf
    }
}

/// Front matter arrives as strings; store and exchange dates as their canonical EDTF text.
extension EDTFDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // A YAML/JSON number (`date: 2025`) may not decode as a String, so accept a bare year too.
        let text = try (try? container.decode(String.self)) ?? String(container.decode(Int.self))
        do {
            self = try Self.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(text): \(error)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(edtf)
    }
}

// MARK: - Endpoint calendar logic

extension EDTFDate.Endpoint {
    var precision: EDTFDate.Precision {
        if unspecifiedYearDigits == 2 { return .century }
        if unspecifiedYearDigits == 1 { return .decade }
        guard case .known(let m) = month else { return .year }
        if m > 12 { return .season }
        if case .known = day { return .day }
        return .month
    }

    /// Last year the (possibly partly unspecified) year can be: 201X → 2019.
    var lastYear: Int { year + [0, 9, 99][unspecifiedYearDigits] }

    var earliest: DayStamp {
        switch (month, day) {
        case (.known(let m), .known(let d)): DayStamp(year: year, month: m, day: d)
        case (.known(let m), _): DayStamp(year: year, month: m > 12 ? seasonSpan(m).first : m, day: 1)
        default: DayStamp(year: year, month: 1, day: 1)
        }
    }

    var latest: DayStamp {
        switch (month, day) {
        case (.known(let m), .known(let d)):
            return DayStamp(year: year, month: m, day: d)
        case (.known(let m), _) where m > 12:
            let span = seasonSpan(m)
            let endYear = year + (span.last < span.first ? 1 : 0)  // winter ends in February of the next year
            return DayStamp(year: endYear, month: span.last, day: daysIn(month: span.last, year: endYear))
        case (.known(let m), _):
            return DayStamp(year: year, month: m, day: daysIn(month: m, year: year))
        default:
            return DayStamp(year: lastYear, month: 12, day: 31)
        }
    }

    /// Four digits (X for unspecified ones) with a sign if negative; `Y` prefix beyond four digits, as EDTF requires.
    var edtfYear: String {
        if year.magnitude > 9999 { return "Y\(year)" }
        let digits = isoYear(year)
        return String(digits.dropLast(unspecifiedYearDigits)) + String(repeating: "X", count: unspecifiedYearDigits)
    }

    var edtf: String {
        var text = edtfYear
        for field in [month, day] {
            switch field {
            case .absent: break
            case .unspecified: text += "-XX"
            case .known(let n): text += "-" + pad2(n)
            }
        }
        return text + (qualifier?.rawValue ?? "")
    }
}

extension EDTFDate.Bound {
    var edtf: String {
        switch self {
        case .known(let e): e.edtf
        case .open: ".."
        case .unknown: ""
        }
    }
}

/// Northern-hemisphere months of EDTF seasons 21–24 (spring, summer, autumn, winter).
func seasonSpan(_ season: Int) -> (first: Int, last: Int) {
    switch season {
    case 21: (3, 5)
    case 22: (6, 8)
    case 23: (9, 11)
    default: (12, 2)
    }
}

func isLeapYear(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
}

let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                  "August", "September", "October", "November", "December"]

func pad2(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : "\(n)" }

/// Zero-padded to four digits, sign kept; `magnitude` so even Int.min can't trap.
func isoYear(_ year: Int) -> String {
    let digits = String(year.magnitude)
    return (year < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

// MARK: - Parser

/// A hand-written parser over Characters, so error offsets are the columns a person sees.
private struct Parser {
    let chars: [Character]
    let base: Int  // leading whitespace trimmed off, added back to every error offset

    init(_ text: String) {
        let all = Array(text)
        var low = 0, high = all.count
        while low < high && all[low].isWhitespace { low += 1 }
        while high > low && all[high - 1].isWhitespace { high -= 1 }
        chars = Array(all[low..<high])
        base = low
    }

    func fail(_ message: String, at index: Int) -> EDTFError {
        EDTFError(message: message, offset: base + index)
    }

    func unexpected(at index: Int) -> EDTFError {
        let before = index == 0 ? "at the start" : "after '\(String(chars[..<index]))'"
        return fail("unexpected character '\(chars[index])' \(before)", at: index)
    }

    func parse() throws(EDTFError) -> EDTFDate {
        guard !chars.isEmpty else { throw EDTFError(message: "the date is empty", offset: 0) }
        try checkAlphabet()

        // Level 1 intervals have exactly one slash; either side may be a date, ".." (open) or blank (unknown).
        let slashes = chars.indices.filter { chars[$0] == "/" }
        guard slashes.count <= 1 else {
            throw fail("an interval has exactly one '/'", at: slashes[1])
        }
        guard let slash = slashes.first else {
            if chars == [".", "."] { throw fail("'..' marks an open end of an interval: write ../2025 or 2025/..", at: 0) }
            return EDTFDate(shape: .single(try endpoint(0..<chars.count)))
        }
        let start = try bound(0..<slash)
        let end = try bound(slash + 1..<chars.count)
        switch (start, end) {
        case (.known(let s), .known(let e)) where e.latest < s.earliest:
            // Compare the widest readings so `2015/201X` (could end 2015–2019) stays valid.
            throw fail("the interval ends (\(e.edtf)) before it starts (\(s.edtf))", at: slash + 1)
        case (.known, _), (_, .known):
            return EDTFDate(shape: .interval(start, end))
        default:
            throw fail("an interval needs at least one known end", at: 0)
        }
    }

    /// Rejects stray characters up front so the structural messages below only see EDTF's alphabet.
    func checkAlphabet() throws(EDTFError) {
        for (i, c) in chars.enumerated() {
            if isDigit(c) || "X-/.?~%Y".contains(c) { continue }
            switch c {
            case _ where (c == "T" || c == "t") && i > 0 && isDigit(chars[i - 1]):
                let dateStart = chars[..<i].lastIndex(of: "/").map { $0 + 1 } ?? 0
                throw fail("times are not supported; give the date only (\(String(chars[dateStart..<i])))", at: i)
            case "x":
                throw fail("unexpected character 'x' (unspecified digits are written with a capital X)", at: i)
            case "–", "—":
                throw fail("use '/' between the ends of an interval and '-' inside a date, not '\(c)'", at: i)
            case _ where c.isWhitespace:
                throw fail("spaces are not allowed inside a date", at: i)
            default:
                throw unexpected(at: i)
            }
        }
    }

    func bound(_ range: Range<Int>) throws(EDTFError) -> EDTFDate.Bound {
        if range.isEmpty { return .unknown }
        if chars[range] == [".", "."] { return .open }
        return .known(try endpoint(range))
    }

    /// `[-]YYYY[-MM[-DD]][qualifier]` or `Y[-]NNNNN…[qualifier]`, with level-1 X digits and seasons.
    func endpoint(_ range: Range<Int>) throws(EDTFError) -> EDTFDate.Endpoint {
        if let dot = range.first(where: { chars[$0] == "." }) {
            throw fail("'..' (an open end) must be a whole side of an interval, as in ../2025", at: dot)
        }
        var i = range.lowerBound
        let end = range.upperBound
        func peek() -> Character? { i < end ? chars[i] : nil }
        func run() -> (start: Int, text: String) {  // digits and X, as one component
            let start = i
            while let c = peek(), isDigit(c) || c == "X" { i += 1 }
            return (start, String(chars[start..<i]))
        }

        var date = EDTFDate.Endpoint(year: 0)
        if peek() == "Y" {
            let yAt = i
            i += 1
            let negative = peek() == "-"
            if negative { i += 1 }
            let (start, digits) = run()
            if digits.isEmpty { throw fail("expected digits after 'Y'", at: start) }
            if digits.contains("X") { throw fail("X digits are not supported in a 'Y' year", at: start) }
            if digits.count <= 4 {
                let plain = (negative ? "-" : "") + String(repeating: "0", count: 4 - digits.count) + digits
                throw fail("'Y' is only for years of more than four digits: write \(plain)", at: yAt)
            }
            if digits.first == "0" { throw fail("a 'Y' year must not start with 0", at: start) }
            if digits.count > 15 { throw fail("the year is too large (at most 15 digits)", at: start) }
            date.year = (negative ? -1 : 1) * Int(digits)!
            if peek() == "-" { throw fail("a 'Y' year stands alone: it cannot have a month or day", at: i) }
        } else {
            let yearStart = i
            let negative = peek() == "-"
            if negative { i += 1 }
            let (start, text) = run()
            if text.isEmpty {
                if let c = peek(), EDTFDate.Qualifier(rawValue: String(c)) != nil {
                    throw fail("a qualifier (?, ~, %) goes at the end of a date, as in 2025?", at: i)
                }
                throw fail(negative ? "expected a year after '-'" : "expected a four-digit year", at: i)
            }
            if text.count > 4 && !text.contains("X") {
                throw fail("a year of more than four digits needs a 'Y' prefix: Y\(negative ? "-" : "")\(text)", at: yearStart)
            }
            if text.count != 4 {
                throw fail("a year needs four digits, not \(text.count) ('\(text)')", at: yearStart)
            }
            // Level 1 allows only the last one or two digits to be unspecified (201X, 20XX).
            if let firstX = text.firstIndex(of: "X") {
                let xAt = start + text.distance(from: text.startIndex, to: firstX)
                let xCount = text.count - text.distance(from: text.startIndex, to: firstX)
                if text[firstX...].contains(where: { $0 != "X" }) || xCount > 2 {
                    throw fail("only the last one or two digits of a year may be X (as in 201X or 20XX)", at: xAt)
                }
                if negative { throw fail("X digits are not supported in negative years", at: xAt) }
                date.unspecifiedYearDigits = xCount
            }
            let value = Int(text.replacing("X", with: "0"))!
            if negative && value == 0 { throw fail("year zero has no sign: write 0000", at: yearStart) }
            date.year = negative ? -value : value
        }

        if peek() == "-" {
            i += 1
            let (start, text) = run()
            if date.unspecifiedYearDigits > 0 {
                throw fail("a year with X digits cannot have a month (that is EDTF level 2)", at: start)
            }
            date.month = try field(text, named: "month", at: start)
            if case .known(let m) = date.month, !(1...12).contains(m) && !(21...24).contains(m) {
                throw fail("month \(m) does not exist" + (m > 24 ? " (seasons are 21–24)" : ""), at: start)
            }
        }

        if peek() == "-" {
            i += 1
            let (start, text) = run()
            if case .known(let m) = date.month, m > 12 { throw fail("a season has no day", at: start) }
            date.day = try field(text, named: "day", at: start)
            switch (date.month, date.day) {
            case (.unspecified, .known):
                throw fail("a day needs a known month: write \(date.edtfYear)-XX-XX or give the month", at: start)
            case (.known(let m), .known(let d)):
                if d < 1 || d > 31 { throw fail("day \(d) does not exist", at: start) }
                let days = daysIn(month: m, year: date.year)
                if d > days {
                    let message = switch (m, d) {
                    case (2, 29): "\(date.edtfYear) is not a leap year (February 29)"
                    case (2, _): "February \(date.edtfYear) has \(days) days, not \(d)"
                    default: "\(monthNames[m - 1]) has \(days) days, not \(d)"
                    }
                    throw fail(message, at: start)
                }
            default:
                break
            }
        }

        if let c = peek(), let q = EDTFDate.Qualifier(rawValue: String(c)) {
            date.qualifier = q
            i += 1
        }

        if let c = peek() {
            if date.qualifier != nil && (c == "-" || isDigit(c)) {
                throw fail("a qualifier (?, ~, %) goes at the end of a date", at: i - 1)
            }
            if EDTFDate.Qualifier(rawValue: String(c)) != nil {
                throw fail("a date takes one qualifier: use % for uncertain and approximate together", at: i)
            }
            throw unexpected(at: i)
        }
        return date
    }

    /// A two-character month or day: digits, or XX for unspecified.
    func field(_ text: String, named name: String, at start: Int) throws(EDTFError) -> EDTFDate.Field {
        if text.isEmpty { throw fail("expected a \(name) after '-'", at: start) }
        if text == "XX" { return .unspecified }
        if text.contains("X") { throw fail("a \(name) is two digits or XX", at: start) }
        if text.count != 2 { throw fail("a \(name) needs two digits, as in \(name == "month" ? "2025-04" : "2025-04-02")", at: start) }
        return .known(Int(text)!)
    }
}

private func isDigit(_ c: Character) -> Bool {
    guard let a = c.asciiValue else { return false }
    return a >= 48 && a <= 57
}
