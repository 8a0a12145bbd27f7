// Dates as people write them ("24/06/2023", "24.06.2023", "June 24, 2023", "24 Jun 2023") are not EDTF; rather
// than the parser's complaint about their slashes or dots, the error says what they probably mean. Pure
// functions of the text, so that `--date` and front matter give the same advice.

public enum DateSuggestion {
    /// Shown with every date error that has no reading: what valid dates look like.
    public static let example = "write 2025-04-02, 2025-04, 2025, 2025-04-01/2025-04-03, or add ~ for approximate, ? for uncertain"

    /// The EDTF dates `text` probably means, written as people write dates: one, two when day and month could be
    /// either way round (`03/04/2023`: the day-first reading first), none when it is not such a date or no
    /// reading is a real day. Read: day, month and year with `/`, `.` or `-` between them (day or month first;
    /// a part over 12 is the day), year first with `/` or `.`, one-digit months and days, month and year alone,
    /// and English month names or their abbreviations (`24 June 2023`, `June 24, 2023`, `24th of Jun. 2023`).
    public static func readings(of text: String) -> [String] {
        let trimmed = text.trimmingCharacters(whereIn: " \t")
        if let numeric = numericReadings(trimmed) { return numeric }
        return wordReadings(trimmed)
    }

    /// The advice an error about `text` ends with: "did you mean 2023-06-24?", both readings when it could be
    /// either, or the example of valid dates.
    public static func advice(for text: String) -> String {
        let found = readings(of: text)
        switch found.count {
        case 0: return "(\(example))"
        case 1: return "did you mean \(found[0])?"
        default:
            let spelled = found.map { "\($0) (\(spellOut($0)))" }
            return "did you mean \(spelled.joined(separator: " or "))? (the day or the month could come first)"
        }
    }

    /// Whether `text` is written as a day, month and year (or year, month and day) in digits with `/` or `.`,
    /// real day or not: `31/02/2023` is, `2025/..` is not.
    public static func isWrittenDate(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(whereIn: " \t")
        guard let separator = trimmed.first(where: { $0 == "/" || $0 == "." }),
              trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == separator) }) else { return false }
        let parts = trimmed.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { return false }
        let lengths = parts.map(\.count)
        return (lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2) || (lengths[2] == 4 && lengths[0] <= 2 && lengths[1] <= 2)
    }

    // MARK: - Numbers

    private static func numericReadings(_ text: String) -> [String]? {
        guard let separator = text.first(where: { $0 == "/" || $0 == "." || $0 == "-" }),
              text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == separator) }) else { return nil }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 }) else { return [] }
        let numbers = parts.compactMap { Int($0) }
        switch parts.count {
        case 3 where parts[0].count == 4 && parts[1].count <= 2 && parts[2].count <= 2 && separator != "-":
            // 2023/06/24, 2023.6.4; 2023-6-24 is left to the parser, which says "a month needs two digits, as in 2025-04"
            return valid(numbers[0], numbers[1], numbers[2]).map { [$0] } ?? []
        case 3 where parts[2].count == 4 && parts[0].count <= 2 && parts[1].count <= 2:
            let (a, b, year) = (numbers[0], numbers[1], numbers[2])
            var found: [String] = []
            if let dayFirst = valid(year, b, a) { found.append(dayFirst) }
            if a != b, let monthFirst = valid(year, a, b) { found.append(monthFirst) }
            return found
        case 2 where parts[1].count == 4 && parts[0].count <= 2:                      // 06/2023
            return (1...12).contains(numbers[0]) ? [pad(numbers[1], 4) + "-" + pad(numbers[0], 2)] : []
        case 2 where parts[0].count == 4 && parts[1].count <= 2 && separator != "-":  // 2023/06 (2023-06 is EDTF)
            return (1...12).contains(numbers[1]) ? [pad(numbers[0], 4) + "-" + pad(numbers[1], 2)] : []
        default:
            return []
        }
    }

    // MARK: - Month names

    private static func wordReadings(_ text: String) -> [String] {
        var words: [Substring] = []
        for word in text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
            var w = word
            if w.hasSuffix(".") { w = w.dropLast() }
            if w.isEmpty || w == "of" || w == "the" || weekdays.contains(where: { $0.hasPrefix(w) && w.count >= 3 }) { continue }
            words.append(w)
        }
        var day: Int?, month: Int?, year: Int?
        for word in words {
            if let m = monthNumber(word) {
                guard month == nil else { return [] }
                month = m
            } else if word.count == 4, let y = Int(word) {
                guard year == nil else { return [] }
                year = y
            } else if let d = Int(ordinal(word)), (1...31).contains(d), word.count <= 4 {
                guard day == nil, year == nil else { return [] }                          // the day comes before the year
                day = d
            } else {
                return []
            }
        }
        guard let month, let year else { return [] }
        guard let day else { return [pad(year, 4) + "-" + pad(month, 2)] }
        return valid(year, month, day).map { [$0] } ?? []
    }

    private static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    private static func monthNumber(_ word: Substring) -> Int? {
        guard word.count >= 3, word.allSatisfy(\.isLetter) else { return nil }
        if word == "sept" { return 9 }
        for (i, name) in monthNames.enumerated() where name.lowercased().hasPrefix(word) && (word.count == 3 || word.count == name.count) {
            return i + 1
        }
        return nil
    }

    /// "24th" → "24".
    private static func ordinal(_ word: Substring) -> Substring {
        for suffix in ["st", "nd", "rd", "th"] where word.hasSuffix(suffix) && word.count > 2 { return word.dropLast(2) }
        return word
    }

    // MARK: - Helpers

    private static func valid(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard year >= 1000, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// "2023-04-03" → "3 April".
    private static func spellOut(_ edtf: String) -> String {
        let parts = edtf.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return edtf }
        return "\(parts[2]) \(monthNames[parts[1] - 1])"
    }
}

private extension String {
    func trimmingCharacters(whereIn set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
