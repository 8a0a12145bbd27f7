// Date expressions in article text, resolved against the article's own date to EDTF at their own precision:
// "February 27", "3 March 2024", "in 2022", "since 2019", "on Wednesday", "last month", "two days later".

import Content
import EDTF
import Markdown

/// A sentence that dates something, and the date it gives.
public struct DatedStatement: Sendable, Equatable {
    public var block: Int
    public var sentence: Int
    public var range: Range<Int>         // the expression, UTF-8 offsets in the block's text
    public var expression: String        // as written: "on Wednesday", "A day before"
    public var date: EDTFDate
    /// The sentence it is in, as written: lists of every article show it, and need not decode each body for it.
    public var sentenceText: String = ""
    /// Whom the sentence names: the person of each mention in it, in text order (filled in by the Linker). Lists of
    /// every article sign each article by it, without decoding every article's mentions.
    public var people: [Int] = []
}

enum TextDates {
    /// `tokens`: the words of each block of `document`.
    static func statements(in document: Document, tokens tokensOfBlock: [Tokens], articleDate: EDTFDate) -> [DatedStatement] {
        let anchor = articleDate.earliest == .distantPast ? articleDate.latest : articleDate.earliest
        let relativeQualifier: EDTFDate.Qualifier? = articleDate.isApproximate ? .approximate : nil
        var lastDay: DayStamp?
        var result: [DatedStatement] = []
        // Read once here: a global's every read checks that it is made, and these are asked of every word.
        let futureWords = NameCues.futureWords, dateTriggers = NameCues.dateTriggers
        for (b, block) in document.blocks.enumerated() {
            let tokens = tokensOfBlock[b]
            let bytes = Array(block.text.utf8)
            var sentenceOf = [Int].filled(with: 0, count: tokens.count)
            var futureBefore = [Bool].filled(with: false, count: tokens.count)   // a future word earlier in the same sentence
            var mayStartDate = [Bool].filled(with: false, count: tokens.count)   // a date word or a number: most words are neither
            var s = 0, future = false
            for (t, token) in tokens.enumerated() {
                while s + 1 < block.sentences.count, token.start >= block.sentences[s].upperBound { s += 1; future = false }
                sentenceOf[t] = s
                futureBefore[t] = future
                // Most words have a key, and then the sets need no String of them.
                if let key = token.lowercaseKey {
                    if futureWords.contains(key) { future = true }
                    mayStartDate[t] = dateTriggers.contains(key) || tokens.startsWithNumber(token)
                } else {
                    let word = tokens.word(of: token)
                    if futureWords.containsLowercase(of: word, key: nil) { future = true }
                    mayStartDate[t] = dateTriggers.containsLowercase(of: word, key: nil) || tokens.startsWithNumber(token)
                }
            }
            // Only the words around a date word are looked at, so each is lowered (or tested) when looked at.
            func w(_ i: Int) -> String { i >= 0 && i < tokens.count ? tokens.word(i).lowercasedQuickly : "" }
            func capitalised(_ i: Int) -> Bool { i < tokens.count && tokens.startsUppercase(tokens[i]) }
            func number(_ i: Int) -> Int? { i < tokens.count && tokens.word(i).count <= 2 ? Int(tokens.word(i)) : nil }
            func year(_ i: Int) -> Int? {
                guard i < tokens.count, tokens.word(i).count == 4, let y = Int(tokens.word(i)), (1800...2100).contains(y) else { return nil }
                return y
            }
            func month(_ i: Int) -> Int? { capitalised(i) ? NameCues.months[w(i)] : nil }
            /// Token i is followed by a word in the same phrase, not by punctuation.
            func runsOn(_ i: Int) -> Bool {
                guard i + 1 < tokens.count else { return false }
                return bytes[tokens[i].end..<tokens[i + 1].start].allSatisfy { $0 == 0x20 }
            }
            func guessYear(_ m: Int) -> Int { m > anchor.month + 1 ? anchor.year - 1 : anchor.year }
            func day(_ d: DayStamp, _ q: EDTFDate.Qualifier?) -> EDTFDate? { try? EDTFDate(year: d.year, month: d.month, day: d.day, qualifier: q) }
            func span(_ a: DayStamp, _ z: DayStamp, _ q: EDTFDate.Qualifier?) -> EDTFDate? {
                guard let s = day(a, q), let e = day(z, q) else { return nil }
                return try? EDTFDate.interval(from: s, to: e)
            }
            func since(_ date: EDTFDate?) -> EDTFDate? { date.flatMap { try? EDTFDate.interval(from: $0, to: nil) } }

            var pending: [(range: Range<Int>, days: Int)] = []
            let firstOfBlock = result.count
            var i = 0
            while i < tokens.count {
                // Most words start no date expression: skip them at the cost of one lookup.
                guard mayStartDate[i] else { i += 1; continue }
                var first = i, last = i
                var date: EDTFDate?
                let lead = w(i - 1)
                let isSince = lead == "since"
                if let m = month(i), let d = number(i + 1), (1...31).contains(d) {                  // February 27(, 2025)
                    last = i + 1
                    var y = guessYear(m)
                    if let explicit = year(i + 2) { y = explicit; last = i + 2 }
                    date = try? EDTFDate(year: y, month: m, day: d)
                } else if let d = number(i), (1...31).contains(d), let m = month(i + 1) {              // 3 March(2024)
                    last = i + 1
                    var y = guessYear(m)
                    if let explicit = year(i + 2) { y = explicit; last = i + 2 }
                    date = try? EDTFDate(year: y, month: m, day: d)
                } else if let m = month(i), let y = year(i + 1) {                                      // March 2024
                    last = i + 1
                    date = try? EDTFDate(year: y, month: m)
                } else if let m = month(i), ["in", "since", "until", "during", "by", "early", "late", "mid"].contains(lead) {
                    date = try? EDTFDate(year: guessYear(m), month: m)                                 // in February
                } else if lead == "from" || lead == "between", let y1 = year(i), ["to", "and", "until"].contains(w(i + 1)), let y2 = year(i + 2) {
                    last = i + 2
                    if let a = try? EDTFDate(year: y1), let z = try? EDTFDate(year: y2) { date = try? EDTFDate.interval(from: a, to: z) }
                } else if let y = year(i), ["in", "since", "until", "by", "during"].contains(lead) {    // in 2022
                    date = try? EDTFDate(year: y)
                } else if let wd = NameCues.weekdays[w(i)], capitalised(i) {                          // on Wednesday
                    var delta: Int
                    if futureBefore[i] || lead == "next" { delta = (wd - anchor.weekday + 7) % 7; if delta == 0 { delta = 7 } }
                    else { delta = -((anchor.weekday - wd + 7) % 7); if lead == "last", delta == 0 { delta = -7 } }
                    date = day(anchor.adding(days: delta), relativeQualifier)
                } else if let offset = NameCues.dayWords[w(i)] {
                    date = day(anchor.adding(days: offset), relativeQualifier)
                } else if ["last", "this", "next"].contains(w(i)) || (["earlier", "later"].contains(w(i)) && w(i + 1) == "this") {
                    let relative = w(i) == "earlier" || w(i) == "later" ? "this" : w(i)
                    let unitIndex = w(i) == relative ? i + 1 : i + 2
                    let step = relative == "last" ? -1 : relative == "next" ? 1 : 0
                    let weekStart = anchor.adding(days: 1 - anchor.weekday)
                    switch w(unitIndex) {
                    case "week":
                        let start = weekStart.adding(days: 7 * step)
                        date = span(start, start.adding(days: 6), relativeQualifier)
                    case "weekend":
                        var saturday = weekStart.adding(days: 5)
                        if step == -1 || (step == 0 && anchor < saturday && relative == "last") { saturday = saturday.adding(days: -7) }
                        if step == 1 { saturday = saturday.adding(days: 7) }
                        date = span(saturday, saturday.adding(days: 1), relativeQualifier)
                    case "month":
                        var (y, m) = (anchor.year, anchor.month + step)
                        if m < 1 { m += 12; y -= 1 } else if m > 12 { m -= 12; y += 1 }
                        date = try? EDTFDate(year: y, month: m)
                    case "year":
                        date = try? EDTFDate(year: anchor.year + step)
                    default: break
                    }
                    if date != nil { last = unitIndex }
                } else if let n = NameCues.numberWords[w(i)] ?? number(i),
                          let unit = NameCues.dayCounts[w(i + 1)],
                          let direction = NameCues.directions[w(i + 2)] {
                    // "two days later" counts from the last day the text gave; "a week before the summit on March 10"
                    // from the next day its sentence gives (resolved once the sentence is read).
                    if !(["before", "after"].contains(w(i + 2)) && runsOn(i + 2)) {
                        let base = w(i + 2) == "ago" ? anchor : (lastDay ?? anchor)
                        date = day(base.adding(days: n * unit * direction), relativeQualifier)
                        last = i + 2
                    } else if lead != "for" {                    // "for a week before ..." is a duration, not a date
                        pending.append((tokens[i].start..<tokens[i + 2].end, n * unit * direction))
                        i += 3
                        continue
                    }
                }
                guard var found = date else { i += 1; continue }
                if isSince, !found.isInterval { found = since(found) ?? found }
                if ["on", "in", "since", "from", "until", "by"].contains(lead) { first = i - 1 }
                if found.precision == .day, !found.isInterval { lastDay = found.earliest }
                let range = tokens[first].start..<tokens[last].end
                let sentence = sentenceOf[i]
                result.append(DatedStatement(block: b, sentence: sentence, range: range, expression: Linker.substring(block.text, range), date: found, sentenceText: Linker.substring(block.text, block.sentences[sentence])))
                i = last + 1
            }
            for (range, days) in pending {
                let sentence = block.sentences.firstIndex { $0.contains(range.lowerBound) } ?? 0
                guard let target = result[firstOfBlock...].first(where: { $0.sentence == sentence && $0.range.lowerBound >= range.upperBound
                                                                            && $0.date.precision == .day && !$0.date.isInterval }),
                      let date = day(target.date.earliest.adding(days: days), target.date.isApproximate ? .approximate : nil) else { continue }
                result.append(DatedStatement(block: b, sentence: sentence, range: range, expression: Linker.substring(block.text, range), date: date, sentenceText: Linker.substring(block.text, block.sentences[sentence])))
            }
            result[firstOfBlock...].sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        return result
    }
}
