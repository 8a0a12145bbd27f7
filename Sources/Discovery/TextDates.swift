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
        let futureWords = NameCues.futureWords, pastWords = NameCues.pastWords, dateTriggers = NameCues.dateTriggers
        for (b, block) in document.blocks.enumerated() {
            let tokens = tokensOfBlock[b]
            let bytes = Array(block.text.utf8)
            var sentenceOf = [Int].filled(with: 0, count: tokens.count)
            // Whether the last word of tense before each word in its sentence looks forward (true), back (false), or
            // there is none (nil): "will meet on Friday", "said on Thursday".
            var futureBefore = [Bool?].filled(with: nil, count: tokens.count)
            var mayStartDate = [Bool].filled(with: false, count: tokens.count)   // a date word or a number: most words are neither
            var s = 0
            var future: Bool?
            // A participle after an auxiliary ("will be held", "could be signed", "to be named") says nothing of the tense.
            func afterAuxiliary(_ t: Int) -> Bool {
                t > 0 && ["be", "been", "being", "to", "will", "would", "could", "may", "might", "should", "get"].contains(tokens.word(t - 1).lowercased())
            }
            for (t, token) in tokens.enumerated() {
                while s + 1 < block.sentences.count, token.start >= block.sentences[s].upperBound { s += 1; future = nil }
                sentenceOf[t] = s
                futureBefore[t] = future
                // Most words have a key, and then the sets need no String of them.
                if let key = token.lowercaseKey {
                    if futureWords.contains(key) { future = true }
                    else if pastWords.contains(key) || (key.length > 4 && tokens.word(of: token).hasSuffix("ed")), !afterAuxiliary(t) { future = false }
                    mayStartDate[t] = dateTriggers.contains(key) || tokens.startsWithNumber(token)
                } else {
                    let word = tokens.word(of: token)
                    if futureWords.containsLowercase(of: word, key: nil) { future = true }
                    else if pastWords.containsLowercase(of: word, key: nil) { future = false }
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
            /// The year of a month written without one: looking forward, its next occurrence; else the last one, or
            /// this year's when it is at most two months ahead (an article in July announcing "a funeral on Sept. 27").
            func guessYear(_ m: Int, forward: Bool) -> Int {
                if forward { return m >= anchor.month ? anchor.year : anchor.year + 1 }
                return m > anchor.month + 2 ? anchor.year - 1 : anchor.year
            }
            /// Whether a date at token i points forward: "until", "as early as", "for Sunday", or the tense before it.
            func looksForward(_ i: Int) -> Bool {
                let lead = w(i - 1)
                if lead == "last" { return false }
                // "had recorded 39 deaths by Monday": the past perfect puts "by" and "before" in the past.
                if lead == "by" || lead == "before" {
                    var k = i - 2
                    while k >= 0, k >= i - 12, sentenceOf[k] == sentenceOf[i] {
                        if w(k) == "had", w(k + 1) != "to" { return false }   // ("had to pass by Friday" still looks ahead)
                        k -= 1
                    }
                }
                if NameCues.forwardLeads.contains(lead) || (lead == "as" && w(i - 2) == "early") { return true }
                if runsOn(i), futureWords.containsLowercase(of: tokens.word(i + 1), key: nil) { return true }   // "on the 10th will be"
                if let before = futureBefore[i] { return before }
                // No tense before it ("Sunday's vote will decide"): the first word of tense in the few words after.
                var k = i + 1
                while k < tokens.count, k <= i + 6, sentenceOf[k] == sentenceOf[i] {
                    let word = tokens.word(k)
                    if futureWords.containsLowercase(of: word, key: nil) { return true }
                    if pastWords.containsLowercase(of: word, key: nil) || (word.count > 4 && word.hasSuffix("ed") && !afterAuxiliary(k)) { return false }
                    k += 1
                }
                return false
            }
            /// Where the second end of a range starts after token i: "15-17", "15–17" (the next token), "from 15 to 17",
            /// "between 15 and 17" (the token after the word); nil when no range goes on. Words only after "from" or
            /// "between", so that "on March 15 to discuss" stays one day.
            func rangeEnd(after i: Int, lead: String) -> Int? {
                guard i + 1 < tokens.count, sentenceOf[i + 1] == sentenceOf[i] else { return nil }
                let gap = bytes[tokens[i].end..<tokens[i + 1].start]
                if gap.elementsEqual("-".utf8) || gap.elementsEqual("\u{2013}".utf8) || gap.elementsEqual(" \u{2013} ".utf8) { return i + 1 }
                guard ["from", "between"].contains(lead), gap.allSatisfy({ $0 == 0x20 }), i + 2 < tokens.count else { return nil }
                return (lead == "from" ? ["to", "until", "till", "through"] : ["and"]).contains(w(i + 1)) ? i + 2 : nil
            }
            func days(_ a: DayStamp, _ z: DayStamp) -> EDTFDate? { z > a ? span(a, z, nil) : nil }
            /// A date in figures: ISO "2024-06-25" or day first "25.06.2024" (translations keep their source's form);
            /// not "06/25/2024", whose order a slash does not tell.
            func numericDate(at i: Int) -> (Int, Int, Int, Int)? {
                guard i + 2 < tokens.count else { return nil }
                func gap(_ k: Int) -> ArraySlice<UInt8> { bytes[tokens[k].end..<tokens[k + 1].start] }
                func figures(_ k: Int, _ n: Int) -> Int? { tokens.word(k).utf8.count == n ? Int(tokens.word(k)) : nil }
                if let y = year(i), gap(i).elementsEqual("-".utf8), gap(i + 1).elementsEqual("-".utf8),
                   let m = figures(i + 1, 2), let d = figures(i + 2, 2), (1...12).contains(m), (1...31).contains(d) { return (y, m, d, i + 2) }
                if let d = number(i), gap(i).elementsEqual(".".utf8), gap(i + 1).elementsEqual(".".utf8),
                   let m = figures(i + 1, 2), let y = year(i + 2), (1...12).contains(m), (1...31).contains(d) { return (y, m, d, i + 2) }
                return nil
            }
            /// "in September last year", "in March next year": the year the month is in.
            func relativeYear(after i: Int) -> Int? {
                guard w(i + 2) == "year" else { return nil }
                switch w(i + 1) {
                case "last": return anchor.year - 1
                case "this": return anchor.year
                case "next": return anchor.year + 1
                default: return nil
                }
            }
            /// "8th", "1st", "22nd", "3rd": the day it names.
            func ordinal(_ i: Int) -> Int? {
                guard i >= 0, i < tokens.count else { return nil }
                let word = w(i)
                guard word.count >= 3, ["st", "nd", "rd", "th"].contains(String(word.suffix(2))), let d = Int(word.dropLast(2)),
                      (1...31).contains(d) else { return nil }
                return d
            }
            func day(_ d: DayStamp, _ q: EDTFDate.Qualifier?) -> EDTFDate? { try? EDTFDate(year: d.year, month: d.month, day: d.day, qualifier: q) }
            func span(_ a: DayStamp, _ z: DayStamp, _ q: EDTFDate.Qualifier?) -> EDTFDate? {
                guard let s = day(a, q), let e = day(z, q) else { return nil }
                return try? EDTFDate.interval(from: s, to: e)
            }
            func since(_ date: EDTFDate?) -> EDTFDate? { date.flatMap { try? EDTFDate.interval(from: $0, to: nil) } }

            var pending: [(range: Range<Int>, days: Int)] = []
            let firstOfBlock = result.count
            // "today", "yesterday", "tomorrow" as written, by where they stand in the block and how many days they move.
            var spokenDays: [(result: Int, offset: Int)] = []
            var i = 0
            while i < tokens.count {
                // Most words start no date expression: skip them at the cost of one lookup.
                guard mayStartDate[i] else { i += 1; continue }
                var first = i, last = i
                var date: EDTFDate?
                let lead = w(i - 1)
                let isSince = lead == "since"
                if let (y, m, d, end) = numericDate(at: i) {                                          // 25.06.2024, 2024-06-25
                    last = end
                    date = try? EDTFDate(year: y, month: m, day: d)
                } else if let m = month(i), let d = number(i + 1) ?? ordinal(i + 1), (1...31).contains(d) {   // February 27(, 2025)
                    last = i + 1
                    var y = guessYear(m, forward: looksForward(i))
                    if let explicit = year(i + 2) { y = explicit; last = i + 2 }
                    date = try? EDTFDate(year: y, month: m, day: d)
                    // A range: "March 15-17", "from July 24 to 25", "from July 30 to August 2(, 2023)".
                    if last == i + 1, let j = rangeEnd(after: i + 1, lead: lead) {
                        var end: (m: Int, d: Int, last: Int)?
                        if let d2 = number(j) ?? ordinal(j), (1...31).contains(d2), month(j + 1) == nil { end = (m, d2, j) }
                        else if let m2 = month(j), let d2 = number(j + 1) ?? ordinal(j + 1), (1...31).contains(d2) { end = (m2, d2, j + 1) }
                        if let end {
                            if let explicit = year(end.last + 1) { y = explicit }
                            let y2 = end.m < m ? y + 1 : y
                            if let range = days(DayStamp(year: y, month: m, day: d), DayStamp(year: y2, month: end.m, day: end.d)) {
                                date = range
                                last = year(end.last + 1) != nil ? end.last + 1 : end.last
                            }
                        }
                    }
                } else if let d = number(i) ?? ordinal(i), (1...31).contains(d), let j = rangeEnd(after: i, lead: lead),
                          let d2 = number(j) ?? ordinal(j), let m = month(j + 1) ?? month(j + 2).flatMap({ w(j + 1) == "of" ? $0 : nil }),
                          let range = { () -> EDTFDate? in
                              let mLast = w(j + 1) == "of" ? j + 2 : j + 1
                              let y = year(mLast + 1) ?? guessYear(m, forward: looksForward(i))
                              return days(DayStamp(year: y, month: m, day: d), DayStamp(year: y, month: m, day: d2))
                          }() {
                    // "from 15 to 17 March", "15-17 March 2024", "between 3 and 5 May".
                    let mLast = w(j + 1) == "of" ? j + 2 : j + 1
                    last = year(mLast + 1) != nil ? mLast + 1 : mLast
                    date = range
                } else if let m = month(i), let y = year(i + 1), let j = rangeEnd(after: i + 1, lead: lead), let m2 = month(j), let y2 = year(j + 1),
                          let a = try? EDTFDate(year: y, month: m), let z = try? EDTFDate(year: y2, month: m2), z.earliest > a.earliest {
                    // "from March 2013 to December 2022"
                    last = j + 1
                    date = try? EDTFDate.interval(from: a, to: z)
                } else if let m = month(i), ["last", "next", "this"].contains(lead), w(i + 1) != "year" {
                    // "last September": the last one before this month; "next March": the next one after it.
                    let y = lead == "this" ? anchor.year : lead == "last" ? (m < anchor.month ? anchor.year : anchor.year - 1)
                        : (m > anchor.month ? anchor.year : anchor.year + 1)
                    date = try? EDTFDate(year: y, month: m)
                    first = i - 1
                } else if let d = number(i) ?? ordinal(i), (1...31).contains(d), let m = month(i + 1) ?? month(i + 2).flatMap({ w(i + 1) == "of" ? $0 : nil }) {
                    last = w(i + 1) == "of" ? i + 2 : i + 1                                              // 3 March(2024), 3rd of March
                    var y = guessYear(m, forward: looksForward(i))
                    if let explicit = year(last + 1) { y = explicit; last += 1 }
                    date = try? EDTFDate(year: y, month: m, day: d)
                } else if let m = month(i), let y = year(i + 1) {                                      // March 2024
                    last = i + 1
                    date = try? EDTFDate(year: y, month: m)
                } else if let m = month(i), let y = relativeYear(after: i) {                           // September last year
                    last = i + 2
                    date = try? EDTFDate(year: y, month: m)
                } else if let m = month(i), ["in", "since", "until", "during", "by", "for", "early", "late", "mid"].contains(lead)
                            || (lead == "of" && ["middle", "end", "beginning", "start"].contains(w(i - 2))) {
                    date = try? EDTFDate(year: guessYear(m, forward: looksForward(i)), month: m)       // in February
                } else if lead == "from" || lead == "between", let y1 = year(i), ["to", "and", "until"].contains(w(i + 1)), let y2 = year(i + 2) {
                    last = i + 2
                    if let a = try? EDTFDate(year: y1), let z = try? EDTFDate(year: y2) { date = try? EDTFDate.interval(from: a, to: z) }
                } else if let y = year(i), ["in", "since", "until", "by", "during", "from"].contains(lead) {    // in 2022
                    date = try? EDTFDate(year: y)
                } else if let y = year(i), ["and", "or"].contains(lead), year(i - 2) != nil,
                          ["in", "since", "during", "by", "between"].contains(w(i - 3)) {
                    date = try? EDTFDate(year: y)                                                      // in 2019 and 2020
                } else if NameCues.weekdays[w(i)] != nil, capitalised(i),
                          (month(i + 1) != nil && number(i + 2) != nil) || ((number(i + 1) ?? ordinal(i + 1)) != nil && month(i + 2) != nil) {
                    // "on Sunday, June 9", "Monday 10 June": one phrase, dated by the day it writes out (next).
                    i += 1
                    continue
                } else if let wd = NameCues.weekdays[w(i)], capitalised(i) {                          // on Wednesday
                    // The article's own weekday is its day ("later on Saturday", written on a Saturday), unless "next"
                    // or "last" says otherwise; another weekday points the way the tense before it does.
                    var delta: Int
                    // "this Friday" is the one of the article's week still to come, unless the tense says it is past.
                    let forward = lead == "this" ? (futureBefore[i] ?? true) || looksForward(i) : looksForward(i)
                    if lead == "this" { first = i - 1 }
                    if forward { delta = (wd - anchor.weekday + 7) % 7; if delta == 0, lead == "next" { delta = 7 } }
                    else { delta = -((anchor.weekday - wd + 7) % 7); if lead == "last", delta == 0 { delta = -7 } }
                    date = day(anchor.adding(days: delta), relativeQualifier)
                    // "from Monday to Wednesday": one span, to the next such weekday.
                    if ["from", "between"].contains(lead), let j = rangeEnd(after: i, lead: lead), let wd2 = NameCues.weekdays[w(j)], capitalised(j) {
                        let start = anchor.adding(days: delta)
                        if let range = days(start, start.adding(days: (wd2 - wd + 7) % 7)) { date = range; last = j }
                    }
                } else if let d = ordinal(i), (lead == "the" && (["on", "since", "until"].contains(w(i - 2))
                            || (w(i - 2) == "of" && NameCues.partsOfDay.contains(w(i - 3))) || NameCues.partsOfDay.contains(w(i + 1))))
                            || (lead == "on" && w(i + 1) != "of") {
                    // (also "on the afternoon of the 25th", "the 9th morning", "on 9th")
                    // "on the 9th" (translations): that day of the article's month, or of the month before when it is
                    // past the article's day and nothing points forward.
                    var (y, m) = (anchor.year, anchor.month)
                    if d > anchor.day, !looksForward(i) { m -= 1; if m < 1 { m = 12; y -= 1 } }
                    date = day(DayStamp(year: y, month: m, day: d), relativeQualifier)
                    first = i - 1
                } else if w(i) == "tonight" || (w(i) == "this" && NameCues.partsOfDay.contains(w(i + 1))) {
                    date = day(anchor, relativeQualifier)                                             // this morning
                    if w(i) == "this" { last = i + 1 }
                } else if let offset = NameCues.dayWords[w(i)] {
                    date = day(anchor.adding(days: offset), relativeQualifier)
                    spokenDays.append((result.count, offset))
                } else if ["last", "this", "next"].contains(w(i)) || (["earlier", "later"].contains(w(i)) && w(i + 1) == "this") {
                    let relative = w(i) == "earlier" || w(i) == "later" ? "this" : w(i)
                    let unitIndex = w(i) == relative ? i + 1 : i + 2
                    let step = relative == "last" ? -1 : relative == "next" ? 1 : 0
                    // "last week", "this weekend" are no day, month or year: spans of days the reader cannot place
                    // on a calendar any better than the article's date, so they give no date.
                    switch w(unitIndex) {
                    case "day" where relative == "next" && w(i - 1) == "the":
                        // "the next day": the day after the last one the text gave, when it gave one.
                        if let base = lastDay { date = day(base.adding(days: 1), relativeQualifier); first = i - 1 }
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
            // "Today" inside a quotation is the day the words were spoken: the day its paragraph gives outside the
            // quotation marks ("...," Rutte told a news conference late on Friday. "Today, ..."), the nearest one.
            if !spokenDays.isEmpty {
                let quoted = quotedRanges(bytes)
                func isQuoted(_ r: Range<Int>) -> Bool { quoted.contains { $0.contains(r.lowerBound) } }
                let spokenIndexes = Set(spokenDays.map(\.result))
                for (r, offset) in spokenDays where isQuoted(result[r].range) {
                    let position = result[r].range.lowerBound
                    let said = result.indices[firstOfBlock...].filter { !spokenIndexes.contains($0) && !isQuoted(result[$0].range)
                        && result[$0].date.precision == .day && !result[$0].date.isInterval }
                    guard let nearest = said.min(by: { abs(result[$0].range.lowerBound - position) < abs(result[$1].range.lowerBound - position) }),
                          let date = day(result[nearest].date.earliest.adding(days: offset), result[nearest].date.isApproximate ? .approximate : nil) else { continue }
                    result[r].date = date
                }
            }
            result[firstOfBlock...].sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        return result
    }

    /// The UTF-8 ranges of a block's text inside quotation marks (“…”, "…", «…», „…“).
    static func quotedRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var open: Int?
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\"") {
                if let o = open { ranges.append(o..<i); open = nil } else { open = i + 1 }
            } else if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 {
                if bytes[i + 2] == 0x9C || bytes[i + 2] == 0x9E { if open == nil { open = i + 3 } else if bytes[i + 2] == 0x9C, let o = open { ranges.append(o..<i); open = nil } }   // “ „ (and „…“)
                else if bytes[i + 2] == 0x9D, let o = open { ranges.append(o..<i); open = nil }  // ”
            } else if bytes[i] == 0xC2, i + 1 < bytes.count {
                if bytes[i + 1] == 0xAB { open = i + 2 }                                     // «
                else if bytes[i + 1] == 0xBB, let o = open { ranges.append(o..<i); open = nil }   // »
            }
            i += 1
        }
        return ranges
    }
}
