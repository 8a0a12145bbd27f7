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
    /// `tokens`: the words of each block of the body.
    static func find(in body: BodyText, tokens tokensOfBlock: [Tokens]) -> [Quote] {
        var result: [Quote] = []
        var subject: Int?                    // the person the text was last about: first named in the last sentence naming anyone
        var lastSpeaker: (block: Int, sentence: Int, person: Int)?
        var mentionsOfBlock = [[Mention]].filled(with: [], count: body.document.blocks.count)
        for mention in body.mentions { mentionsOfBlock[mention.block].append(mention) }
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
                        if let after = here.first(where: { $0.range.lowerBound >= verb.end && $0.range.lowerBound < clauseEnd
                                                           && $0.range.lowerBound - verb.end <= 40 && verb.start > span.outer.lowerBound }) {
                            speaker = after.person                                              // "...," said Marco Rubio
                        } else if let first = here.first(where: { $0.range.lowerBound >= clauseStart && $0.range.upperBound <= verb.start }) {
                            speaker = first.person                                              // Lavrov said / Dmitriev, ..., said
                        } else if words.contains(where: { $0.start >= clauseStart && $0.start < clauseEnd
                                                          && NameCues.personalPronouns.containsLowercase(of: blockTokens.word(of: $0)) }) {
                            speaker = subjectBefore ?? lastSpeaker?.person                      // he said
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
