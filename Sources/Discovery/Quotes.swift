// Direct quotations in article text and who said them: `"...," Lavrov said`, `Dmitriev wrote on X that "..."`,
// `He said "..."` (he: the person the text was last about), and a quote that is a whole sentence continuing
// the speaker of the sentence before.

import Content
import Foundation
import Markdown

/// One direct quotation.
public struct Quote: Sendable, Equatable {
    public var block: Int
    public var sentence: Int
    public var range: Range<Int>         // the quoted words, without the quotation marks
    public var text: String
    public var speaker: Int?             // index into Dossier.people, when the text says who
    /// The organisation that speaks, as the article names it ("Rapid Support Forces", "Ministry of External
    /// Affairs"), when a body rather than a person is the subject of the speech verb; then `speaker` is nil.
    public var organisation: String? = nil
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
                        && Self.isSpeechVerb( tokensOfBlock[quote.block].word(of: token))
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
        var outlets: [(block: Int, end: Int, name: String)] = []
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
                // A label that is an office only ("SPOKESPERSON:", "The Spokesman:"): the one person this text names
                // whose role has that word ("Matthew Miller, Department Spokesperson").
                if speaker == nil, words.allSatisfy({ NameCues.titleWords.containsLowercase(of: $0) || $0.lowercased() == "the" }) {
                    let holders = (speakers["role:" + key] ?? []).filter(named.contains)
                    if holders.count == 1 { speaker = holders[0] }
                }
            }
            // A label of capitals only, or one naming somebody: not "The General Command of the army: ..." prose.
            // A label of a few capitalised words naming nobody ("Reuters:", "Global Times:", "AFP:") is a reporter's
            // outlet asking: it ends the turn before it, and its words are the outlet's.
            // One naming nobody else that is no organisation ("Bloomberg:") still ends the turn before it.
            if !question, speaker == nil, words.count <= 3 {
                if words.contains(where: { NameCues.organisationOrPlaceWords.containsLowercase(of: $0) || NameCues.placeNames.containsLowercase(of: $0) }) {
                    outlets.append((b, end, label))
                    continue
                }
                if label != label.uppercased() { labels.append((b, end, nil, true)); continue }
            }
            labels.append((b, end, speaker, question))
        }
        guard labels.filter({ !$0.question }).count >= 2 || (labels.contains { $0.question } && labels.contains { !$0.question }) else { return [] }
        var result: [Quote] = []
        for outlet in outlets {
            labels.append((outlet.block, outlet.end, nil, true))
            let text = blocks[outlet.block].text
            var start = outlet.end
            let utf8 = Array(text.utf8)
            while start < utf8.count, utf8[start] == 0x20 { start += 1 }
            guard start < utf8.count else { continue }
            let sentence = blocks[outlet.block].sentences.firstIndex { $0.contains(start) } ?? 0
            result.append(Quote(block: outlet.block, sentence: sentence, range: start..<utf8.count, text: Linker.substring(text, start..<utf8.count),
                                speaker: nil, organisation: outlet.name))
        }
        labels.sort { $0.block < $1.block }
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
        var lastBody: (block: Int, sentence: Int, name: String)?     // the organisation last quoted, for "It said"
        var mentionsOfBlock = [[Mention]].filled(with: [], count: body.document.blocks.count)
        for mention in body.mentions { mentionsOfBlock[mention.block].append(mention) }
        // Who the text says is a man (true) or a woman (false): "Mr. Abe", "Ms. Kaag", "her husband Valery Tsepkalo".
        var gender: [Int: Bool] = [:]
        for mention in body.mentions {
            let text = body.document.blocks[mention.block].text.utf8
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
                    var organisation: String?
                    let bytes = block.text.utf8
                    // The word before `offset` in the sentence (outside quotations), lower-case, when only spaces part them.
                    func wordBefore(_ offset: Int) -> String {
                        guard let k = words.lastIndex(where: { $0.end <= offset }), offset - words[k].end <= 1 else { return "" }
                        return blockTokens.word(of: words[k]).lowercased()
                    }
                    // A mention that is the subject of its clause, not a possessive ("Navalny's mother, Lyudmila
                    // Navalnaya, wrote") nor the object of a preposition ("A spokesman for Guterres said").
                    func isSubject(_ m: Mention) -> Bool {
                        !isPossessive(bytes, at: m.range.upperBound) && !Self.prepositions.contains(wordBefore(m.range.lowerBound))
                    }
                    // He / she / him / her: the person the text is about, as long as the text does not make them of the
                    // other gender ("Ms.", "wife", ...); else the one person in play who fits, or nobody.
                    func person(ofPronoun pronoun: WordToken) -> Int? {
                        let male = ["he", "him"].contains(blockTokens.word(of: pronoun).lowercased())
                        var inPlay: [Int] = []
                        for m in (s > 1 ? mentionsOf[s - 2] : []) + (s > 0 ? mentionsOf[s - 1] : []) + here.filter({ $0.range.lowerBound < pronoun.start })
                        where !inPlay.contains(m.person) { inPlay.append(m.person) }
                        let fitting = inPlay.filter { gender[$0] != !male }
                        let subject = subjectBefore ?? lastSpeaker?.person
                        if let subject, gender[subject] != !male { return subject }
                        return fitting.count == 1 ? fitting[0] : nil
                    }
                    // The attribution verb nearest the quotation, outside any quotation.
                    // Not one said of the speaker in the passive ("the ministry said it was “...” when asked").
                    // Nor a noun: a word after a determiner ("rejected the claims as") or capitalised inside the
                    // sentence ("the United States said").
                    let verbs = words.indices.filter { k in
                        Self.isSpeechVerb(blockTokens.word(of: words[k]))
                            && !(k > 0 && Self.determiners.contains(blockTokens.word(of: words[k - 1]).lowercased()))
                            && !(words[k].start > sentenceRange.lowerBound + 1 && blockTokens.startsUppercase(words[k]))
                            && !(k > 0 && ["when", "if", "was", "were", "being", "been", "is", "are"].contains(blockTokens.word(of: words[k - 1]).lowercased())
                                 && ["asked", "told", "quoted"].contains(blockTokens.word(of: words[k]).lowercased())
                                 && !(k + 1 < words.count && blockTokens.word(of: words[k + 1]).lowercased() == "as"))
                    }.map { words[$0] }
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
                        let subjectMention = here.first { $0.range.lowerBound >= clauseStart && $0.range.upperBound <= verb.start && isSubject($0) }
                        // A body as the subject: "the ministry said", "the RSF said in a statement", "Hamas said", "The
                        // federation threatened ... and said:"; before any person of the clause, it is the speaker.
                        let speakingBody = verbIndex.flatMap { organisationSubject(words, verb: $0, clauseStart: clauseStart, tokens: blockTokens, text: block.text) }
                        let pronounAfterAccording = verbWord == "according" && nextWord == "to" ? verbIndex.flatMap { i in
                            i + 2 < words.count && ["him", "her"].contains(blockTokens.word(of: words[i + 2]).lowercased()) ? words[i + 2] : nil } : nil
                        if speakerMayFollow, let after = here.first(where: { $0.range.lowerBound >= verb.end && $0.range.lowerBound < clauseEnd
                                                           && $0.range.lowerBound - verb.end <= 40 }) {
                            speaker = after.person                                              // "...," said Marco Rubio
                        } else if let pronounAfterAccording {
                            speaker = person(ofPronoun: pronounAfterAccording)                  // according to him, "..."
                        } else if verbWord.hasSuffix("ing"), verbWord != "according",
                                  let subject = here.first(where: { $0.range.upperBound <= verb.start && isSubject($0) }) {
                            // A participle's subject is the sentence's: "X dismissed it, calling them “idiots”", "X
                            // said he took “full responsibility”, adding that “...”".
                            speaker = subject.person
                        } else if ["called", "calls", "described", "describes", "branded", "brands", "dubbed", "rejected", "rejects",
                                   "dismissed", "dismisses", "denounced", "denounces", "condemned", "condemns"].contains(verbWord),
                                  !["for", "on", "upon"].contains(nextWord) {
                            // "X called Abe “a staunch friend”": X only when named right before the verb (or "X, who
                            // described"), or a pronoun is ("he called"); "the administration, which described him as
                            // “...”" is nobody's the text names.
                            let before = words.last { $0.end <= verb.start }
                            let beforeWord = before.map { blockTokens.word(of: $0).lowercased() } ?? ""
                            if let before, verb.start - before.end <= 1, NameCues.personalPronouns.contains(beforeWord) {
                                speaker = person(ofPronoun: before)
                            } else if let before, verb.start - before.end <= 1, beforeWord == "who" {
                                speaker = here.last { $0.range.upperBound <= before.start && before.start - $0.range.upperBound <= 2 }?.person
                            } else if let named = here.last(where: { $0.range.upperBound <= verb.start && verb.start - $0.range.upperBound <= 1 }) {
                                speaker = named.person
                            } else if let speakingBody, verbIndex.map({ verb.start - words[$0 - 1].end <= 1 && speakingBody.end == words[$0 - 1].end }) == true {
                                // "India's Ministry of External Affairs rejected the allegations as “...”"
                                organisation = fullName(of: speakingBody.name, blocks: body.document.blocks, upTo: b, offset: speakingBody.start)
                            }
                        } else if let verbIndex, verbIndex > 0, blockTokens.word(of: words[verbIndex - 1]).lowercased() == "who",
                                  let relative = here.last(where: { $0.range.upperBound <= words[verbIndex - 1].start
                                                                     && words[verbIndex - 1].start - $0.range.upperBound <= 2 }) {
                            speaker = relative.person                                           // The police held X, who said
                        } else if let speakingBody, subjectMention.map({ speakingBody.start < $0.range.lowerBound }) ?? true,
                                  // A person named inside the phrase is the subject: "Secretary of State Antony Blinken said".
                                  !here.contains(where: { isSubject($0) && $0.range.lowerBound < speakingBody.end && $0.range.upperBound > speakingBody.start }) {
                            organisation = fullName(of: speakingBody.name, blocks: body.document.blocks, upTo: b, offset: speakingBody.start)  // the ministry said
                        } else if subjectMention == nil, let verbIndex, verbIndex > 0, verb.start - words[verbIndex - 1].end <= 1,
                                  blockTokens.word(of: words[verbIndex - 1]).lowercased() == "it",
                                  let last = lastBody, last.block == b ? last.sentence >= s - 2 : (last.block == b - 1 && s == 0) {
                            organisation = last.name                                            // (the ministry ...) It said
                        } else if let subjectMention {
                            speaker = subjectMention.person                                     // Lavrov said / Dmitriev, ..., said
                        } else if let verbIndex, !here.contains(where: { $0.range.lowerBound >= clauseStart && $0.range.upperBound <= verb.start }),
                                  namesRole(words, verb: verbIndex, after: verbRightAfterQuote, clauseEnd: clauseEnd, tokens: blockTokens) != nil,
                                  let subject = subjectBefore, (max(0, s - 2)..<s).contains(where: { mentionsOf[$0].contains { $0.person == subject } }) {
                            // "the foreign minister said", "said the footballer": the person the text was just about.
                            // Not the one named person whose role has the word ("minister"): roles are shared.
                            speaker = subject
                        } else if !here.contains(where: { $0.range.lowerBound >= clauseStart && $0.range.upperBound <= verb.start }),
                                  let pronoun = words.first(where: { $0.start >= clauseStart && $0.start < clauseEnd
                                                          && NameCues.personalPronouns.containsLowercase(of: blockTokens.word(of: $0)) }) {
                            speaker = person(ofPronoun: pronoun)                                // he said
                        }
                    } else if let named = here.last(where: { $0.range.upperBound <= span.outer.lowerBound && span.outer.lowerBound - $0.range.upperBound <= 3 }),
                              Linker.substring(block.text, named.range.upperBound..<span.outer.lowerBound).trimmingCharacters(in: .whitespaces) == ":" {
                        speaker = named.person                                                 // Peskov: “...”
                    } else if isWholeSentence(span.outer, sentenceRange), s > 0,
                              let previous = lastSpeaker, previous.block == b, previous.sentence == s - 1 {
                        speaker = previous.person                                              // a quote continuing the speaker
                    } else if isWholeSentence(span.outer, sentenceRange), s == 0, let previous = lastSpeaker, previous.block == b - 1,
                              previous.sentence == body.document.blocks[b - 1].sentences.count - 1 {
                        // A paragraph that is a quotation, after one whose last sentence quoted someone: news style's
                        // quotation of several paragraphs (`"…," Berg said.` then `"…"`; or a mark left open at the
                        // paragraph's end, which runs to it).
                        speaker = previous.person
                    } else if isWholeSentence(span.outer, sentenceRange), s > 0 {
                        // The sentence before attributes without quoting ("according to a video of his comments").
                        if tokensOf[s - 1].contains(where: { Self.isSpeechVerb( blockTokens.word(of: $0)) }) { speaker = subjectBefore }
                    }
                    result.append(Quote(block: b, sentence: s, range: span.inner, text: text, speaker: speaker, organisation: organisation))
                    if let speaker { lastSpeaker = (b, s, speaker); lastBody = nil }
                    else if let organisation { lastSpeaker = nil; lastBody = (b, s, organisation) }
                }
                if let first = here.first { subject = first.person }
            }
            // A line of attribution after a quotation standing alone ("— Yoon Ji-ho, in an interview", under a block
            // quote): the person it opens with said the quotations of the paragraph before.
            if b > 0, let dash = ["\u{2014}", "\u{2013}", "\u{2015}", "--"].first(where: { block.text.hasPrefix($0) }),
               let named = mentionsOfBlock[b].first(where: { $0.range.lowerBound <= dash.utf8.count + 2 }) {
                for q in result.indices.reversed() {
                    guard result[q].block == b - 1 else { break }
                    result[q].speaker = named.person
                    result[q].organisation = nil
                }
                lastSpeaker = (b, 0, named.person)
            }
        }
        return result
    }

    private static func isWholeSentence(_ quote: Range<Int>, _ sentence: Range<Int>) -> Bool {
        quote.lowerBound <= sentence.lowerBound + 1 && quote.upperBound >= sentence.upperBound - 2
    }

    /// The role word when the verb's subject is "the" and a role ("the foreign minister said", "said the footballer"): right
    /// before the verb, or right after it when it follows the quotation, ending the clause.
    static func namesRole(_ words: [WordToken], verb: Int, after: Bool, clauseEnd: Int, tokens: Tokens) -> String? {
        func word(_ k: Int) -> String { tokens.word(of: words[k]).lowercased() }
        func isRole(_ range: ClosedRange<Int>) -> Bool {
            guard word(range.lowerBound) == "the", range.count >= 2, range.count <= 4,
                  roleNouns.contains(word(range.upperBound)) else { return false }
            // Lower-case words only: a capitalised office ("As the President said") is its holder's, whom the text
            // need not have named, not the person it was about.
            return range.dropFirst().allSatisfy { !NameCues.functionWords.contains(word($0)) && tokens.word(of: words[$0]).first?.isLowercase == true }
        }
        for length in 2...4 where verb - length >= 0 && isRole((verb - length)...(verb - 1)) { return word(verb - 1) }
        if after {
            let last = words.lastIndex { $0.end <= clauseEnd } ?? verb
            if last > verb, isRole((verb + 1)...last) { return word(last) }
        }
        return nil
    }

    /// Whether a possessive `'s` (or `’s`, or a lone `'` after s) follows `offset`.
    private static func isPossessive(_ bytes: String.UTF8View, at offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        let i = bytes.index(bytes.startIndex, offsetBy: offset)
        let next = bytes[i...].prefix(4).map { $0 }
        if next.first == UInt8(ascii: "'") { return next.count == 1 || next[1] == UInt8(ascii: "s") || next[1] == 0x20 }
        return next.starts(with: [0xE2, 0x80, 0x99])
    }

    /// The body that is the subject of the speech verb `words[verb]`, by the words right before it ("the Chinese
    /// Foreign Ministry said", "the RSF said", "Hamas said", "the prison service said", "His party said") or the
    /// clause's first words ("The federation threatened ... and said"). A body: a phrase ending in a word for one
    /// (`Self.speakingBodies`), an acronym, or capitalised words of an organisation or country. Its name as the
    /// article gives it: the full name written earlier for "the ministry" or "the RSF", else the words as written.
    static func organisationSubject(_ words: [WordToken], verb: Int, clauseStart: Int, tokens: Tokens,
                                    text: String) -> (start: Int, end: Int, name: String)? {
        let bytes = text.utf8
        func word(_ k: Int) -> String { tokens.word(of: words[k]) }
        func joined(_ k: Int) -> Bool {          // words[k] and words[k + 1] belong to one phrase
            let gap = Array(bytes[bytes.index(bytes.startIndex, offsetBy: words[k].end)..<bytes.index(bytes.startIndex, offsetBy: words[k + 1].start)])
            return gap == [0x20] || gap == [0x2E, 0x20] || gap == [0x2E] || gap == [0x2D]
                || gap == [UInt8(ascii: "'"), UInt8(ascii: "s"), 0x20] || gap == [0xE2, 0x80, 0x99, UInt8(ascii: "s"), 0x20]
        }
        func isAcronym(_ w: String) -> Bool { w.count >= 2 && w.count <= 8 && w.allSatisfy { $0.isUppercase || $0.isNumber } && w.contains { $0.isUppercase } }
        func isCapitalised(_ w: String) -> Bool { w.first?.isUppercase == true }
        /// The phrase words[a...z] as a body, or nil.
        func body(_ a: Int, _ z: Int) -> (start: Int, end: Int, name: String)? {
            guard a <= z, words[a].start >= clauseStart else { return nil }
            let lowered = (a...z).map { word($0).lowercased() }
            let last = word(z)
            if ["a", "an"].contains(a > 0 && words[a].start - words[a - 1].end <= 1 ? word(a - 1).lowercased() : "") { return nil }
            // Nor the object of a preposition ("a letter to the ministry said"),
            var before = a - 1
            if before >= 0, ["the", "its", "his", "her", "their"].contains(word(before).lowercased()) { before -= 1 }
            // unless a spokesperson speaks for the body: "a spokesman for the ministry said".
            if before >= 0, Self.prepositions.contains(word(before).lowercased()),
               !(["for", "of"].contains(word(before).lowercased()) && before > 0
                 && ["spokesperson", "spokesman", "spokeswoman"].contains(word(before - 1).lowercased())) { return nil }
            let capitals = (a...z).filter { isCapitalised(word($0)) || (a < $0 && $0 < z && ["of", "for"].contains(word($0))) }
            let isBody = Self.speakingBodies.contains(lowered.last!)
                || isAcronym(last) && !NameCues.isOrdinaryWord(last.lowercased())
                || (!capitals.isEmpty && capitals.count == z - a + 1
                    && lowered.contains { NameCues.organisationOrPlaceWords.contains($0) || NameCues.placeNames.contains($0) }
                    && !lowered.contains { NameCues.titleWords.contains($0) })
            guard isBody else { return nil }
            return (words[a].start, words[z].end, Linker.substring(text, words[a].start..<words[z].end))
        }
        // The phrase right before the verb: words joined to each other, ending at the verb.
        var a = verb - 1
        if a >= 0, words[verb].start - words[a].end <= 1 {
            // "of" and "for" inside a capitalised name: "Ministry of External Affairs".
            func connects(_ k: Int) -> Bool {
                ["of", "for"].contains(word(k)) && k > 0 && isCapitalised(word(k - 1)) && isCapitalised(word(k + 1)) && joined(k - 1)
            }
            while a > 0, verb - a < 7, joined(a - 1), !NameCues.functionWords.contains(word(a - 1).lowercased()) || connects(a - 1) { a -= 1 }
            if let found = body(a, verb - 1) { return found }
        }
        // The clause's first phrase after "The": "The federation threatened ...".
        if let first = words.firstIndex(where: { $0.start >= clauseStart }), first + 1 < verb, word(first).lowercased() == "the" {
            var z = first + 1
            while z + 1 < verb, z - first < 5, joined(z), isCapitalised(word(z + 1)) || Self.speakingBodies.contains(word(z + 1).lowercased()) { z += 1 }
            // Only when a verb follows the phrase: "The United Nations special representative, Volker Perthes, said" is his.
            let next = word(z + 1).lowercased()
            if next.hasSuffix("ed") || NameCues.attributionVerbs.contains(next) || ["has", "have", "is", "was", "will", "would", "also"].contains(next),
               let found = body(first + 1, z) { return found }
        }
        return nil
    }

    /// The name an article gives a body it then calls by a common noun or an acronym: "the ministry" after "India's
    /// Ministry of External Affairs", "the RSF" after "the Rapid Support Forces (RSF)"; else the words as written,
    /// from the first capitalised one ("Players' union FUTPRO" is FUTPRO). Read only for a quotation a body speaks.
    static func fullName(of written: String, blocks: [TextBlock], upTo b: Int, offset: Int) -> String {
        // Without its owner: "India's Ministry of External Affairs" is the Ministry of External Affairs.
        var words = written.split(separator: " ").map(String.init)
        if let owner = words.dropLast().lastIndex(where: { $0.hasSuffix("'s") || $0.hasSuffix("\u{2019}s") }) { words.removeFirst(owner + 1) }
        if let capital = words.firstIndex(where: { $0.first?.isUppercase == true }) { words.removeFirst(capital) }
        guard let head = words.last else { return written }
        let isAcronym = head.count >= 2 && head.allSatisfy { $0.isUppercase || $0.isNumber }
        let asWritten = words.joined(separator: " ")
        if words.contains(where: { $0.first?.isUppercase == true }) && (words.count > 1 || !isAcronym) { return asWritten }
        let connectors: Set<String> = ["of", "for", "and", "the", "on", "de", "du", "des", "la"]
        func isCapitalised(_ w: Substring) -> Bool { w.first?.isUppercase == true }
        // The paragraphs before the quotation, nearest first, a bounded number: a long article with many bodies
        // speaking must not read itself again for each.
        for k in stride(from: b, through: max(0, b - 24), by: -1) {
            let text = k == b ? String(decoding: blocks[k].text.utf8.prefix(offset), as: UTF8.self) : blocks[k].text
            let tokens = text.split(separator: " ")
            var found: [Substring] = []
            if isAcronym, let at = tokens.lastIndex(where: { $0.hasPrefix("(" + head + ")") }) {
                // The capitalised words before "(RSF)".
                var a = at
                while a > 0, isCapitalised(tokens[a - 1]) || connectors.contains(String(tokens[a - 1])), !tokens[a - 1].hasSuffix(",") { a -= 1 }
                found = Array(tokens[a..<at])
            } else if !isAcronym, let at = tokens.lastIndex(where: { $0.trimmingCharacters(in: .punctuationCharacters) == head.capitalized }) {
                // "Ministry" with the capitalised words before it and "of External Affairs" after it.
                var a = at, z = at
                while a > 0, isCapitalised(tokens[a - 1]), !tokens[a - 1].hasSuffix(","), !tokens[a - 1].hasSuffix("'s"),
                      !tokens[a - 1].hasSuffix("\u{2019}s") { a -= 1 }
                while z + 2 < tokens.count, ["of", "for"].contains(String(tokens[z + 1])), isCapitalised(tokens[z + 2]),
                      !tokens[z].hasSuffix(",") {
                    z += 2
                    while z + 1 < tokens.count, isCapitalised(tokens[z + 1]), !tokens[z].hasSuffix(",") { z += 1 }
                }
                found = Array(tokens[a...z])
            }
            while let first = found.first, connectors.contains(first.lowercased()) { found.removeFirst() }
            if found.count >= 2 {
                return found.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ",.;:()\"\u{201C}\u{201D}"))
            }
        }
        return asWritten.prefix(1).uppercased() + asWritten.dropFirst()
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
        // The marks of the languages translations keep: “…” and "…", «…» (French, Russian, Spanish), „…“ (German,
        // Polish, Hungarian). What closes depends on what opened.
        enum Mark { case straight, curly, guillemet, low }
        var open: (at: Int, width: Int, mark: Mark)?
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            guard byte == UInt8(ascii: "\"") || byte == 0xE2 || byte == 0xC2 else { i += 1; continue }
            let isCurlyOpen = i + 2 < count && byte == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x9C
            let isCurlyClose = i + 2 < count && byte == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x9D
            let isLowOpen = i + 2 < count && byte == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x9E
            let isGuillemetOpen = i + 1 < count && byte == 0xC2 && bytes[i + 1] == 0xAB
            let isGuillemetClose = i + 1 < count && byte == 0xC2 && bytes[i + 1] == 0xBB
            let isStraight = byte == UInt8(ascii: "\"")
            let width = isStraight ? 1 : byte == 0xC2 ? 2 : 3
            if let o = open {
                let closes: Bool
                switch o.mark {
                case .straight: closes = isStraight
                case .curly: closes = isCurlyClose
                case .guillemet: closes = isGuillemetClose
                case .low: closes = isCurlyOpen || isCurlyClose
                }
                if closes {
                    if i > o.at + o.width { result.append((o.at..<(i + width), (o.at + o.width)..<i)) }
                    open = nil
                    i += width
                    continue
                }
            } else if isCurlyOpen || isStraight || isLowOpen || isGuillemetOpen {
                open = (i, width, isStraight ? .straight : isCurlyOpen ? .curly : isLowOpen ? .low : .guillemet)
                i += width
                continue
            }
            i += isCurlyOpen || isCurlyClose || isLowOpen || isGuillemetOpen || isGuillemetClose ? width : 1
        }
        // A quotation left open at the paragraph's end goes on in the next paragraph (news style leaves the closing
        // mark off there): it runs to the end. Not a stray mark before a word or two.
        if let o = open, count - (o.at + o.width) >= 24, o.at == 0 || bytes[o.at - 1] == 0x20 {
            result.append((o.at..<count, (o.at + o.width)..<count))
        }
        return result
    }
}

extension Quotes {
    /// Words before a noun: a speech verb's form after one is a noun ("the claims", "his remarks").
    static let determiners: WordSet = ["the", "a", "an", "his", "her", "its", "their", "these", "those", "our", "such", "any",
                                       "my", "your"]

    /// Words before a name that make it the object of a preposition, not the subject of the verb after it.
    static let prepositions: WordSet = ["for", "of", "to", "with", "against", "about", "from", "by", "on", "at", "in", "toward",
                                        "towards", "than", "like", "over", "under", "between", "among", "behind", "after", "before"]

    /// Verbs that report speech: the attribution verbs of the name cues, and those of translated text ("repeated
    /// Rubiales", "assured the former minister", "indicated the ministry", "he defended that").
    static func isSpeechVerb(_ word: String) -> Bool {
        NameCues.attributionVerbs.containsLowercase(of: word) || moreSpeechVerbs.containsLowercase(of: word)
    }
    static let moreSpeechVerbs: WordSet = [
        "repeated", "repeats", "reiterated", "reiterates", "assured", "assures", "indicated", "indicates", "affirmed",
        "affirms", "defended", "defends", "justified", "justifies", "underlined", "underlines", "emphasised", "emphasized",
        "emphasises", "emphasizes", "judged", "judges", "estimated", "estimates", "specified", "specifies", "remarked",
        "remarks", "commented", "comments", "continued", "concluded", "answered", "answers", "responded", "responds",
        "calling", "describing", "branding", "dubbing", "telling", "adding", "writing", "quoting",
        "rejected", "rejects", "dismissed", "dismisses", "denounced", "denounces", "condemned", "condemns",
    ]
    /// Words of a person's role: "the foreign minister said", "said the footballer" speak of the person in play.
    static let roleNouns: WordSet = [
        "minister", "president", "premier", "chancellor", "secretary", "ambassador", "envoy", "general", "leader",
        "footballer", "player", "coach", "captain", "striker", "midfielder", "lawyer", "activist", "dissident", "widow",
        "mother", "father", "wife", "husband", "daughter", "son", "politician", "lawmaker", "candidate", "king", "queen",
        "prince", "monarch", "prime", "chief", "commander", "governor", "mayor", "senator", "opposition", "diplomat",
    ]

    /// Words for a body that speaks as one ("the ministry said", "the army command said", "Players' union FUTPRO
    /// said"); not words for a person ("spokesman", "minister"), whose words are a person's.
    static let speakingBodies: WordSet = [
        "ministry", "department", "army", "military", "federation", "service", "services", "command", "union", "government",
        "police", "party", "office", "embassy", "agency", "council", "committee", "commission", "court", "company", "group",
        "kremlin", "pentagon", "administration", "cabinet", "presidency", "junta", "secretariat", "bureau", "authority",
        "authorities", "forces", "force", "navy", "guard", "prosecutor's", "prosecutors", "club", "league", "association",
        "organisation", "organization", "movement", "alliance", "coalition", "network", "newspaper", "agency", "broadcaster",
        "board", "bank", "fund", "institute", "foundation", "university", "church", "mission", "consulate", "delegation",
        "parliament", "assembly", "senate", "congress", "regime", "militia", "tribunal", "watchdog", "regulator", "firm",
    ]

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
            // The words of the role, for a label that gives the office only ("SPOKESPERSON:").
            for word in Set(NameTokens.words(of: person.role ?? "").map { $0.lowercased() }) where NameCues.titleWords.contains(word) {
                result["role:" + word, default: []].append(p)
            }
        }
        return result
    }
}
