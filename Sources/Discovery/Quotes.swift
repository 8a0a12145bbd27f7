// Direct quotations in article text and who said them: `"...," Lavrov said`, `Dmitriev wrote on X that "..."`,
// `He said "..."` (he: the person the text was last about), and a quote that is a whole sentence continuing
// the speaker of the sentence before.

import Content
import Markdown

/// One direct quotation.
public struct Quote: Sendable, Equatable {
    public var block: Int
    public var sentence: Int
    public var range: Range<Int>         // the quoted words, without the quotation marks
    public var text: String
    public var speaker: Int?             // index into Dossier.people, when the text says who
}

enum Quotes {
    /// `tokens`: the words of each block of the body. `speakers`: people by the last word of their name, lower-case,
    /// for a transcript's speaker labels ("MS. JEAN-PIERRE:", "RUTTE:").
    static func find(in body: BodyText, tokens tokensOfBlock: [Tokens], speakers: [String: [Int]] = [:]) -> [Quote] {
        var result = find(in: body, tokens: tokensOfBlock)
        let turns = transcriptTurns(in: body, speakers: speakers)
        if !turns.isEmpty {
            // A quotation inside a turn with nobody named for it is the turn's speaker's, unless a speech verb in its
            // sentence gives it to someone the text names only by office ("As the President said, “…”").
            for (q, quote) in result.enumerated() where quote.speaker == nil {
                let block = body.document.blocks[quote.block]
                let sentence = block.sentences[quote.sentence]
                let spans = quotationSpans(block.text)
                let attributed = tokensOfBlock[quote.block].contains { token in
                    sentence.contains(token.start) && !spans.contains { $0.outer.contains(token.start) }
                        && NameCues.attributionVerbs.containsLowercase(of: tokensOfBlock[quote.block].word(of: token))
                }
                if !attributed { result[q].speaker = turns.first { $0.block == quote.block }?.speaker }
            }
            result = (result + turns).sorted { ($0.block, $0.range.lowerBound) < ($1.block, $1.range.lowerBound) }
        }
        return result
    }

    /// A transcript's turns: a paragraph opening with a speaker label ("RUTTE:", "MR MILLER:", "Mao Ning:") is what
    /// that speaker said, and so is every paragraph after it up to the next label; a question label ("Q", "QUESTION:")
    /// ends the turn. One quotation per paragraph, the label left out. Only in a text with two labels or more.
    static func transcriptTurns(in body: BodyText, speakers: [String: [Int]]) -> [Quote] {
        let blocks = body.document.blocks
        let named = Set(body.peopleNamed)
        var labels: [(block: Int, end: Int, speaker: Int?, question: Bool)] = []
        for (b, block) in blocks.enumerated() where block.kind == .paragraph {
            let text = block.text
            if text.hasPrefix("Q ") || text.hasPrefix("Q:") || text.hasPrefix("Q.") {
                labels.append((b, 0, nil, true)); continue
            }
            guard let colon = text.utf8.prefix(60).firstIndex(of: UInt8(ascii: ":")) else { continue }
            let label = String(text[..<colon])
            let words = label.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            guard (1...6).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true }) else { continue }
            let question = ["QUESTION", "Q", "REPORTER", "QUESTIONER"].contains(words.last!.uppercased())
            let end = text.utf8.distance(from: text.utf8.startIndex, to: colon) + 1
            // Who: someone named inside the label, else the one person of the label's last word as a surname, among
            // the people the text names if any of them has it.
            var speaker = body.mentions.first { $0.block == b && $0.range.upperBound <= end }?.person
            if speaker == nil, !question {
                let key = words.last!.lowercased().trimmingCharacters(in: .punctuationCharacters)
                let candidates = speakers[key] ?? []
                let here = candidates.filter(named.contains)
                if here.count == 1 { speaker = here[0] } else if here.isEmpty, candidates.count == 1 { speaker = candidates[0] }
            }
            // A label of capitals only, or one naming somebody: not "The General Command of the army: ..." prose.
            guard question || speaker != nil || label == label.uppercased() else { continue }
            labels.append((b, end, speaker, question))
        }
        guard labels.filter({ !$0.question }).count >= 2 || (labels.contains { $0.question } && labels.contains { !$0.question }) else { return [] }
        var result: [Quote] = []
        for (l, label) in labels.enumerated() where !label.question {
            let last = l + 1 < labels.count ? labels[l + 1].block : blocks.count
            for b in label.block..<last where blocks[b].kind == .paragraph {
                let text = blocks[b].text
                var start = b == label.block ? label.end : 0
                let utf8 = Array(text.utf8)
                while start < utf8.count, utf8[start] == 0x20 { start += 1 }
                guard start < utf8.count else { continue }
                let range = start..<utf8.count
                let sentence = blocks[b].sentences.firstIndex { $0.contains(start) } ?? 0
                result.append(Quote(block: b, sentence: sentence, range: range, text: Linker.substring(text, range), speaker: label.speaker))
            }
        }
        return result
    }

    static func find(in body: BodyText, tokens tokensOfBlock: [Tokens]) -> [Quote] {
        var result: [Quote] = []
        var subject: Int?                    // the person the text was last about: first named in the last sentence naming anyone
        var lastSpeaker: (block: Int, sentence: Int, person: Int)?
        var mentionsOfBlock = [[Mention]].filled(with: [], count: body.document.blocks.count)
        for mention in body.mentions { mentionsOfBlock[mention.block].append(mention) }
        // Who the text says is a man (true) or a woman (false): "Mr. Abe", "Ms. Kaag", "her husband Valery Tsepkalo".
        var gender: [Int: Bool] = [:]
        for mention in body.mentions {
            let text = body.document.blocks[mention.block].text.utf8
            // Every cue ends in a space after ".", "r", "s", "d", "e", "w" or "n": most mentions, after other bytes, are
            // passed over without the lower-cased String below.
            guard mention.range.lowerBound >= 2 else { continue }
            let end = text.index(text.startIndex, offsetBy: mention.range.lowerBound)
            guard text[text.index(end, offsetBy: -1)] == 0x20,
                  Self.cueEnds.contains(text[text.index(end, offsetBy: -2)] | 0x20) else { continue }
            let before = String(decoding: text.prefix(mention.range.lowerBound).suffix(12), as: UTF8.self).lowercased()
            for (cue, male) in [("mr. ", true), ("mr ", true), ("ms. ", false), ("ms ", false), ("mrs. ", false), ("mrs ", false),
                                ("husband ", true), ("wife ", false), ("widow ", false), ("son ", true), ("daughter ", false)]
            where before.hasSuffix(cue) && (before.count == cue.count || !before.dropLast(cue.count).last!.isLetter) {
                gender[mention.person] = male
            }
        }
        for (b, block) in body.document.blocks.enumerated() {
            let spans = quotationSpans(block.text)
            // Tokens, mentions and quotations grouped by sentence in one pass each, so a long paragraph stays linear.
            let sentenceCount = block.sentences.count
            func grouped<T>(_ items: [T], at offset: (T) -> Int) -> [[T]] {
                var groups = [[T]].filled(with: [], count: sentenceCount)
                var s = 0
                for item in items.sorted(by: { offset($0) < offset($1) }) {
                    while s + 1 < sentenceCount, offset(item) >= block.sentences[s].upperBound { s += 1 }
                    if sentenceCount > 0, block.sentences[s].contains(offset(item)) { groups[s].append(item) }
                }
                return groups
            }
            func insideQuote(_ offset: Int) -> Bool {
                // Spans are sorted and disjoint: binary search for the last one starting at or before `offset`.
                var lo = 0, hi = spans.count
                while lo < hi { let mid = (lo + hi) / 2; if spans[mid].outer.lowerBound <= offset { lo = mid + 1 } else { hi = mid } }
                return lo > 0 && spans[lo - 1].outer.contains(offset)
            }
            // Words matter only around quotations: a block without any needs none.
            let blockTokens = tokensOfBlock[b]
            let tokensOf = spans.isEmpty ? [[WordToken]].filled(with: [], count: sentenceCount) : grouped(blockTokens.filter { !insideQuote($0.start) }, at: \.start)
            let mentionsOf = grouped(mentionsOfBlock[b].filter { !insideQuote($0.range.lowerBound) }, at: \.range.lowerBound)
            let spansOf = grouped(spans, at: \.outer.lowerBound)

            for (s, sentenceRange) in block.sentences.enumerated() {
                let subjectBefore = subject
                let here = mentionsOf[s]
                let words = tokensOf[s]
                let sentenceSpans = spansOf[s]
                for span in sentenceSpans {
                    var text = Linker.substring(block.text, span.inner)
                    if text.hasSuffix(",") { text.removeLast() }   // the comma belongs to the sentence around the quote
                    var speaker: Int?
                    // The attribution verb nearest the quotation, outside any quotation.
                    let verbs = words.filter { NameCues.attributionVerbs.containsLowercase(of: blockTokens.word(of: $0)) }
                    let verb = verbs.min { distance($0, span.outer) < distance($1, span.outer) }
                    if let verb {
                        // The clause the verb is in: from the end of the quotation before it (or the sentence start).
                        let clauseStart = sentenceSpans.filter { $0.outer.upperBound <= verb.start }.map(\.outer.upperBound).max() ?? sentenceRange.lowerBound
                        let clauseEnd = sentenceSpans.filter { $0.outer.lowerBound >= verb.end }.map(\.outer.lowerBound).min() ?? sentenceRange.upperBound
                        // The one named after the verb speaks only when the verb follows the quotation at once
                        // (`"...," said Marco Rubio`) or is "according to"; not the one spoken of or to
                        // (`"...," Kurz said of Kickl`, `Putin told Lukashenko`).
                        let verbWord = blockTokens.word(of: verb).lowercased()
                        let verbIndex = words.firstIndex { $0.start == verb.start }
                        let nextWord = verbIndex.flatMap { $0 + 1 < words.count ? blockTokens.word(of: words[$0 + 1]).lowercased() : nil } ?? ""
                        let verbRightAfterQuote = verb.start > span.outer.lowerBound
                            && !words.contains { $0.start >= span.outer.upperBound && $0.end <= verb.start }
                        let speakerMayFollow = (verbRightAfterQuote && !["told", "tells", "asked", "asks", "urged", "warned"].contains(verbWord)
                                                && !["of", "about", "to", "that"].contains(nextWord)) || verbWord == "according"
                        if speakerMayFollow, let after = here.first(where: { $0.range.lowerBound >= verb.end && $0.range.lowerBound < clauseEnd
                                                           && $0.range.lowerBound - verb.end <= 40 }) {
                            speaker = after.person                                              // "...," said Marco Rubio
                        } else if ["called", "calls", "described", "describes", "branded", "brands", "dubbed"].contains(verbWord),
                                  !["for", "on", "upon"].contains(nextWord) {
                            // "X called Abe “a staunch friend”": X only when named right before the verb; "the
                            // administration, which described him as “...”" is nobody's the text names.
                            speaker = here.last { $0.range.upperBound <= verb.start && verb.start - $0.range.upperBound <= 1 }?.person
                        } else if let first = here.first(where: { $0.range.lowerBound >= clauseStart && $0.range.upperBound <= verb.start }) {
                            speaker = first.person                                              // Lavrov said / Dmitriev, ..., said
                        } else if let pronoun = words.first(where: { $0.start >= clauseStart && $0.start < clauseEnd
                                                          && NameCues.personalPronouns.containsLowercase(of: blockTokens.word(of: $0)) }) {
                            // He said: the person the text is about, as long as the text does not make them a woman
                            // ("Ms.", "wife", ...; and the other way round for "she").
                            let male = blockTokens.word(of: pronoun).lowercased() == "he"
                            var inPlay: [Int] = []
                            for m in (s > 1 ? mentionsOf[s - 2] : []) + (s > 0 ? mentionsOf[s - 1] : []) + here.filter({ $0.range.lowerBound < pronoun.start })
                            where !inPlay.contains(m.person) { inPlay.append(m.person) }
                            // The subject the text is about, unless the text says that person is of the other gender;
                            // then the one person in play who fits, or nobody.
                            let fitting = inPlay.filter { gender[$0] != !male }
                            let subject = subjectBefore ?? lastSpeaker?.person
                            if let subject, gender[subject] != !male { speaker = subject }
                            else if fitting.count == 1 { speaker = fitting[0] }
                        }
                    } else if isWholeSentence(span.outer, sentenceRange), s > 0,
                              let previous = lastSpeaker, previous.block == b, previous.sentence == s - 1 {
                        speaker = previous.person                                              // a quote continuing the speaker
                    } else if isWholeSentence(span.outer, sentenceRange), s > 0 {
                        // The sentence before attributes without quoting ("according to a video of his comments").
                        if tokensOf[s - 1].contains(where: { NameCues.attributionVerbs.containsLowercase(of: blockTokens.word(of: $0)) }) { speaker = subjectBefore }
                    }
                    result.append(Quote(block: b, sentence: s, range: span.inner, text: text, speaker: speaker))
                    if let speaker { lastSpeaker = (b, s, speaker) }
                }
                if let first = here.first { subject = first.person }
            }
        }
        return result
    }

    /// The last letter of each gender cue before its space, lower case ("." is unchanged by `| 0x20`).
    private static let cueEnds: Set<UInt8> = Set(".rsdewn".utf8)

    private static func isWholeSentence(_ quote: Range<Int>, _ sentence: Range<Int>) -> Bool {
        quote.lowerBound <= sentence.lowerBound + 1 && quote.upperBound >= sentence.upperBound - 2
    }

    private static func distance(_ token: WordToken, _ span: Range<Int>) -> Int {
        token.start >= span.upperBound ? token.start - span.upperBound : max(0, span.lowerBound - token.end)
    }

    /// “…” and "…" pairs on one block (smart punctuation has usually curled them already).
    static func quotationSpans(_ text: String) -> [(outer: Range<Int>, inner: Range<Int>)] {
        var text = text
        return text.withUTF8(quotationSpans(utf8:))
    }

    /// On the bytes where the String keeps them: most bytes are neither `"` nor the first byte of a curly quote
    /// (0xE2), and are passed over by that one test.
    private static func quotationSpans(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [(outer: Range<Int>, inner: Range<Int>)] {
        var result: [(outer: Range<Int>, inner: Range<Int>)] = []
        var open: (at: Int, width: Int, curly: Bool)?
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            guard byte == UInt8(ascii: "\"") || byte == 0xE2 else { i += 1; continue }
            let isCurlyOpen = i + 2 < count && byte == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x9C
            let isCurlyClose = i + 2 < count && byte == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x9D
            let isStraight = byte == UInt8(ascii: "\"")
            if let o = open {
                if (o.curly && isCurlyClose) || (!o.curly && isStraight) {
                    let width = isStraight ? 1 : 3
                    if i > o.at + o.width { result.append((o.at..<(i + width), (o.at + o.width)..<i)) }
                    open = nil
                    i += width
                    continue
                }
            } else if isCurlyOpen || isStraight {
                open = (i, isStraight ? 1 : 3, !isStraight)
                i += isStraight ? 1 : 3
                continue
            }
            i += isCurlyOpen || isCurlyClose ? 3 : 1
        }
        return result
    }
}

extension Quotes {
    /// People by the last word of their name, lower-case: what a transcript's speaker label names ("RUTTE:").
    static func speakersBySurname(_ people: [Person]) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for (p, person) in people.enumerated() {
            guard let last = NameTokens.words(of: person.name).last else { continue }
            result[last.lowercased(), default: []].append(p)
            // A hyphenated surname is one label word: "JEAN-PIERRE:".
            if let written = person.name.split(separator: " ").last, written.contains("-") {
                result[written.lowercased(), default: []].append(p)
            }
        }
        return result
    }
}
