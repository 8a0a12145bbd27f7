// Finds the capitalised runs of a text that may name people, with the cues news prose gives for each:
// a title or role before it, an apposition after it, an attribution verb, a known given name.

import Content
import Foundation
import Markdown

/// One capitalised run with the title words in front taken off: "Russian Foreign Minister Sergei V. Lavrov" →
/// name "Sergei V. Lavrov", role "Russian Foreign Minister".
struct NameRun: Sendable, Equatable {
    var words: [String]              // the name's words, initials included
    var text: String                 // as written
    var range: Range<Int>            // UTF-8 offsets in the block's text
    var role: String?                // from a title in front or an apposition after, as written
    var hasTitle: Bool               // a title or role word stands in front (honorifics count)
    var hasApposition: Bool          // ", the Kremlin spokesman," follows
    var isAttributed: Bool           // "said" stands next to it
    var startsWithGivenName: Bool
    var honorific: Bool              // Mr., Ms., Dr. in front: a surname used alone
    /// Its last word is written alone elsewhere in the article ("Tetsuya Yamagami ... Yamagami said"), and none of its
    /// words is an ordinary English word: the way news prose names a person a second time (Discovery.runs).
    var surnameRecurs: Bool = false
    /// A name of two words whose first word the article also writes alone ("Getachew Reda ... Getachew said"), none of
    /// them an ordinary English word: a patronymic name, named a second time by its given name (Discovery.runs).
    var firstWordRecurs: Bool = false
    /// One capitalised word in brackets right after the name: what else the person is called ("Mohamed Hamdan
    /// Dagalo (Hemedti)").
    var aka: String? = nil

    /// Two to four words no dictionary or table knows (or a particle inside: "Marine Le Pen"), as the subject of a verb
    /// in the past tense or with an apposition after: "Pieter Omtzigt, a former ...", "Marine Le Pen congratulated".
    var isNameShaped: Bool = false

    /// A particle (or one misspelt: "Inb") opens the run: "bin Zayed", "van der Berg". That is a surname written alone,
    /// the person's whose full name ends so, never a person of its own (Discovery attaches it or reports it).
    var startsWithParticle: Bool = false

    /// A place-forming first word ("New", "San", "Santa", "Rio"): a person only with a title, apposition or speech
    /// verb; a given name's or a name's shape alone does not make one ("San Francisco", "New Caledonia").
    var startsLikeAPlace: Bool = false

    /// A family name and given names of a culture that writes the family name first, none an ordinary English word,
    /// not where a place stands: "Pan Gongsheng", "Liu Kun", "Yoon Suk Yeol" (EastAsianNames).
    var isFamilyNameFirst: Bool = false

    /// After a verb of naming and "as": "officials later named him as ...", "police identified the man as ...".
    var isNamedAs: Bool = false

    /// One word with a comma after it, or a comma before it and the sentence's end after it: how a briefing speaks to
    /// someone ("Toria, over to you.", "Thanks, Matt.").
    var isVocative: Bool = false

    /// A transcript's speaker label in capitals ("MINISTER SPOKESPERSON ISABEL RODRÍGUEZ:"), read in title case.
    var isSpeakerLabel: Bool = false

    /// Evidence enough that a run of two or more words names a person nobody curated.
    var isPerson: Bool {
        guard !startsWithParticle, words.filter({ !Variants.isInitial($0) }).count >= 2 else { return false }
        // One hyphenated word ("Willem-Alexander", "Adebayo-Smith") is a person after a title only: alone it is a surname.
        guard text.contains(" ") || hasTitle else { return false }
        if startsLikeAPlace { return hasTitle || hasApposition || isAttributed }
        return hasTitle || hasApposition || isAttributed || startsWithGivenName || surnameRecurs || firstWordRecurs || isNameShaped || isFamilyNameFirst || isNamedAs || isSpeakerLabel
    }
}

enum PersonFinder {
    /// `writtenInLowerCase`: whether the same article also writes a word in lower case. A capitalised word that opens a
    /// sentence and is written in lower case elsewhere ("Draft", "Officials", "Ceasefire") is an ordinary word, not a given name.
    /// `tokens`: the words of `text`.
    static func runs(in text: String, tokens: Tokens, writtenInLowerCase: (String) -> Bool = { _ in false }) -> [NameRun] {
        let bytes = Array(text.utf8)
        var result: [NameRun] = []

        // Once per token, each is looked at several times, and asked of several cue sets by its key (lowered). A
        // word in lower case is made only when asked for: from its key, for most words.
        let keys = tokens.map { $0.lowercaseKey ?? WordSet.Key(tokens.word(of: $0).lowercasedQuickly) }
        let capitals = tokens.map(tokens.startsUppercase)
        let keysMakeWords = WordSet.Key.makesWords
        func lower(_ i: Int) -> String {
            keysMakeWords && tokens[i].key != .empty ? keys[i]!.word : tokens.word(i).lowercasedQuickly
        }
        func isCapitalised(_ i: Int) -> Bool { capitals[i] }
        func isAcronym(_ word: String) -> Bool {
            if word.isASCIIAlphanumeric {
                return word.utf8.count >= 2 && word.utf8.allSatisfy { ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }
            }
            return word.count >= 2 && word.allSatisfy { $0.isUppercase || $0.isNumber }
        }
        /// Only spaces between token i and i+1 (after an initial, also its period): they belong to one phrase.
        func joined(_ i: Int) -> Bool {
            guard i + 1 < tokens.count, !tokens[i].isPossessive else { return false }
            var gap = bytes[tokens[i].end..<tokens[i + 1].start]
            if gap.first == UInt8(ascii: "."), Variants.isInitial(tokens.word(i)) || has(NameCues.abbreviatedTitles, i) {
                gap = gap.dropFirst()
            }
            return !gap.isEmpty && gap.allSatisfy { $0 == 0x20 }
        }
        /// Token i and i+1 are the two halves of one hyphenated word.
        func hyphenated(_ i: Int) -> Bool {
            guard i + 1 < tokens.count, !tokens[i].isPossessive, tokens[i + 1].start == tokens[i].end + 1 else { return false }
            return bytes[tokens[i].end] == UInt8(ascii: "-") && isCapitalised(i)
        }
        func gap(_ i: Int) -> String {
            i + 1 < tokens.count ? String(decoding: bytes[tokens[i].possessiveEnd..<tokens[i + 1].start], as: UTF8.self) : ""
        }
        /// The first word of the text, or the first after a sentence's end.
        func opensSentence(_ i: Int) -> Bool {
            guard i > 0 else { return true }
            return bytes[tokens[i - 1].possessiveEnd..<tokens[i].start].contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: ":") }
        }
        func slice(_ a: Int, _ b: Int) -> String { Linker.substring(text, tokens[a].start..<tokens[b].end) }
        /// Whether token i, in lower case, is in `set`.
        /// (By the key alone when there is one, as most words have: no String of the word is made.)
        func has(_ set: WordSet, _ i: Int) -> Bool {
            if let key = keys[i] { return set.contains(key) }
            return set.containsLowercase(of: tokens.word(i), key: nil)
        }
        func isTitle(_ i: Int) -> Bool { has(NameCues.titleWords, i) }
        func isQualifier(_ i: Int) -> Bool { has(NameCues.qualifierWords, i) }
        /// Token x of the capitalised run i...j is a month or weekday used as a date. A month people are named by
        /// ("Jan Peeters", "Theresa May", "April Ryan") is a name where no date can be meant: no number after it, no
        /// word of time before it ("in May", "last May"), and a name word beside it in the run.
        func isCalendar(_ x: Int, in i: Int, _ j: Int) -> Bool {
            guard has(NameCues.calendarWords, x) else { return false }
            guard NameCues.monthsThatAreNames.contains(lower(x)) else { return true }
            if joined(x), tokens.word(x + 1).startsWithNumber { return true }
            if x > 0, joined(x - 1), has(NameCues.monthLeads, x - 1) { return true }
            func nameWord(_ t: Int) -> Bool {
                !has(NameCues.calendarWords, t) && !isTitle(t) && !isQualifier(t) && !has(NameCues.functionWords, t)
                    && !has(NameCues.monthLeads, t) && !tokens.word(t).startsWithNumber
            }
            return !((x > i && nameWord(x - 1)) || (x < j && nameWord(x + 1)))
        }

        /// Tokens k...j name a person by their shape and place alone (NameRun.isNameShaped).
        func nameShaped(_ k: Int, _ j: Int) -> Bool {
            func unknown(_ t: Int) -> Bool {
                let word = tokens.word(t)
                return word.count >= 2 && word.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" }) && !NameCues.isOrdinaryWord(word)
                    && !NameCues.twoLetterWords.contains(lower(t))
                    && !has(NameCues.organisationOrPlaceWords, t) && !isTitle(t) && !isQualifier(t) && !has(NameCues.placeNames, t)
            }
            let particleInside = j - k == 2 && has(NameCues.nameParticles, k + 1) && !has(NameCues.organisationOrPlaceWords, j)
                && !has(NameCues.placeNames, j) && !has(NameCues.placeNames, k)
            // A capitalised article or particle first is a newspaper, a league or a town ("La Liga", "Al Jazeera",
            // "El Fasher", "Le Monde"), not a given name.
            guard !has(NameCues.nameParticles, k), particleInside || (k...j).allSatisfy(unknown) else { return false }
            // Not where a place stands: "in", "at", "the" ... in front.
            if k > 0, has(NameCues.placeLeads, k - 1) { return false }
            guard j + 1 < tokens.count, !tokens[j].isPossessive else { return false }
            let next = lower(j + 1)
            if joined(j), !isCapitalised(j + 1) {
                return has(NameCues.attributionVerbs, j + 1) || (next.utf8.count > 4 && next.hasSuffix("ed"))
            }
            // An apposition: ", a former ...", ", who ...".
            guard isComma(bytes[tokens[j].possessiveEnd..<tokens[j + 1].start]), j + 2 < tokens.count else { return false }
            return next == "who" || (["a", "an", "the", "another"].contains(next) && !isCapitalised(j + 2))
        }

        /// Tokens k...j are a name written family name first (NameRun.isFamilyNameFirst). A given name of one syllable
        /// that is also a family name ("Dong Feng", "Shen Zhou": brands, spacecraft) needs another cue.
        func familyNameFirst(_ k: Int, _ j: Int) -> Bool {
            guard !EastAsianNames.cultures(ofFamilyName: lower(k)).isEmpty else { return false }
            if k > 0, has(NameCues.placeLeads, k - 1), !["of", "to", "from"].contains(lower(k - 1)) { return false }
            let written = slice(k, j).split(separator: " ").map(String.init)
            guard EastAsianNames.isFamilyFirst(written, allowingEnglish: false) else { return false }
            if written.count == 2, !written[1].contains("-"), !EastAsianNames.cultures(ofFamilyName: written[1].lowercased()).isEmpty,
               EastAsianNames.syllableCount(EastAsianNames.fold(written[1]), .chinese) == 1 { return false }
            return true
        }

        /// Tokens i and i+1 are initials of one abbreviation: "U.S.", "U.K.".
        func isInitialsPair(_ i: Int) -> Bool {
            i + 1 < tokens.count && Variants.isInitial(tokens.word(i)) && Variants.isInitial(tokens.word(i + 1))
                && bytes[tokens[i].end..<tokens[i + 1].start].elementsEqual([UInt8(ascii: ".")])
        }
        /// Token b, right before a title, says whose title it is: a proper adjective or a noun ("Chechen", "union"),
        /// not a function word, a verb, a date or a number.
        func modifiesTitle(_ b: Int) -> Bool {
            let word = lower(b)
            guard word.utf8.count >= 3, !tokens.word(b).startsWithNumber, !has(NameCues.functionWords, b),
                  !has(NameCues.attributionVerbs, b), !has(NameCues.calendarWords, b), !has(NameCues.monthLeads, b),
                  !has(NameCues.honorifics, b), !Variants.isInitial(tokens.word(b)) else { return false }
            if isCapitalised(b) { return !opensSentence(b) || !NameCues.isOrdinaryWord(tokens.word(b)) || word == "union" }
            return !["ed", "ing", "ly"].contains(where: { word.hasSuffix($0) }) && !word.hasSuffix("s")
                && !NameCues.neverTitleModifiers.contains(word)
        }
        /// Words that name someone after "as" ("officials named him as ...", "police identified the man as ...").
        func namedAs(_ i: Int) -> Bool {
            guard i >= 2, lower(i - 1) == "as", joined(i - 1) else { return false }
            var b = i - 2
            while b >= max(0, i - 5), joined(b) {
                if NameCues.namingVerbs.contains(lower(b)) { return true }
                b -= 1
            }
            return false
        }

        var i = 0
        while i < tokens.count {
            guard isCapitalised(i) else { i += 1; continue }
            var j = i
            while true {
                if joined(j), isCapitalised(j + 1) { j += 1; continue }
                // A hyphenated name: "Jean-Pierre", "Willem-Alexander", "Tsai Ing-wen", "Kim Yong-hyun" (a lower-case
                // part only after a capitalised one that is no English word: not "Anti-war").
                // "Cho Dong-hyun", "Choi Jae-won": one part may be an English word ("dong", "won"), not both ("Anti-war").
                if hyphenated(j), isCapitalised(j + 1) || !NameCues.isOrdinaryWord(tokens.word(j)) || !NameCues.isOrdinaryWord(tokens.word(j + 1)) { j += 1; continue }
                // A lower-case particle inside a name: "Abdel Fattah al-Burhan", "Faisal bin Farhan", "Charles de Gaulle".
                if j + 2 < tokens.count, joined(j), NameCues.nameParticles.contains(tokens.word(j + 1)),
                   joined(j + 1) || gap(j + 1) == "-", isCapitalised(j + 2) { j += 2; continue }
                // Two of them: "Ursula von der Leyen", "Caroline van der Plas".
                if j + 3 < tokens.count, joined(j), NameCues.nameParticles.contains(tokens.word(j + 1)), joined(j + 1),
                   NameCues.nameParticles.contains(tokens.word(j + 2)), joined(j + 2), isCapitalised(j + 3) { j += 3; continue }
                break
            }
            defer { i = j + 1 }

            // Take off what stands in front of the name: everything up to the last title ("Hungarian Prime Minister",
            // "European Council President"), then sentence-opening words and qualifiers.
            var k = i
            var titleInRun = false, honorific = false
            if let t = (i..<j).last(where: { isTitle($0) }) {
                titleInRun = true
                honorific = has(NameCues.honorifics, t)
                k = t + 1
            }
            while k <= j {
                if has(NameCues.honorifics, k) { honorific = true; titleInRun = true; k += 1 }
                else if isTitle(k) { titleInRun = true; k += 1 }
                else if isQualifier(k) || has(NameCues.functionWords, k) || isCalendar(k, in: i, j) { k += 1 }
                else { break }
            }
            // (Not a particle: "Bin Nasser said", "Van der Berg told" open with the surname.)
            if k == i, k < j, opensSentence(k), writtenInLowerCase(lower(k)), !isGivenName(tokens.word(k), lowered: lower(k)),
               !NameCues.isParticle(tokens.word(k)) { k += 1 }
            guard k <= j else { continue }
            // An office in front is never part of the name: ordinary words before it ("Director of National
            // Intelligence Avril Haines" reads "Intelligence Avril Haines" here) are left out, down to two words.
            let namedAfterAs = k == i && namedAs(i)
            // (Nor is a family name that is an English word: "Deputy Foreign Minister Shin Jae-won".)
            let familyFirstFromK = k < j && !EastAsianNames.cultures(ofFamilyName: lower(k)).isEmpty
                && EastAsianNames.isFamilyFirst(slice(k, j).split(separator: " ").map(String.init))
            while k < j - 1, !namedAfterAs, !familyFirstFromK {
                let word = tokens.word(k)
                guard NameCues.isOrdinaryWord(word), !isGivenName(word, lowered: lower(k)), !hyphenated(k), !(k > 0 && hyphenated(k - 1)) else { break }
                k += 1
            }
            // Nor does a name end in an office ("U.S. President"), or in an ordinary word ("Prefectural Police") unless
            // an office stands in front ("Vice President Mike Pence").
            if j > k, isTitle(j) { continue }
            let endsInOrdinaryWord = j > k && NameCues.isOrdinaryWord(tokens.word(j)) && !(j > 0 && hyphenated(j - 1))
            let words = (k...j).map { tokens.word($0) }
            if words.contains(where: { isAcronym($0) || $0.startsWithNumber }) { continue }
            // "Costa Rica", "Rio de Janeiro", "New York": a place the tables know is nobody, whatever the cues.
            if words.count >= 2, NameCues.containsKnownPlace(words) { continue }
            // An article first is a newspaper, a league, a race or a place ("La Vuelta", "El Fasher", "Le Monde"); a
            // surname with one ("Le Pen") is found where the whole name is written.
            if has(NameCues.leadingArticles, k) { continue }
            // The rest of a body's name after "of", "on" or "for" ("Commission on Human Rights", "Office for Democratic
            // Institutions"): part of the organisation, nobody of its own.
            if i >= 2, joined(i - 1), joined(i - 2), ["of", "on", "for"].contains(lower(i - 1)),
               has(NameCues.organisationOrPlaceWords, i - 2) { continue }
            if (k...j).contains(where: { has(NameCues.organisationOrPlaceWords, $0) || has(NameCues.placeNames, $0)
                || (has(NameCues.functionWords, $0) && !NameCues.nameParticles.contains(tokens.word($0))) || isCalendar($0, in: i, j) }) { continue }

            // A title or role in front, possibly in lower case ("Kremlin spokesman", "Secretary of State").
            var roleStart = k
            var titleBefore = false
            var b = i - 1
            while b >= 0, joined(b) {
                if isTitle(b) { titleBefore = true; roleStart = b; b -= 1 }
                else if isQualifier(b) { roleStart = b; b -= 1 }
                else if lower(b) == "of", b > 0, joined(b - 1), isTitle(b - 1) { roleStart = b; b -= 1 }
                else { break }
            }
            // One word that says whose the title is stays with it ("Chechen leader", "union leader", "Moscow mayor"),
            // not a verb or a word of the sentence's frame ("said leader", "then leader"): a role of "Leader" says little.
            if titleBefore, b >= 0, joined(b), isTitle(b + 1), modifiesTitle(b) { roleStart = b }
            if i < k { roleStart = min(roleStart, i) }
            // "U.S. President": the initials before a title are one word with it (the period between them cut the run).
            if roleStart > 0, roleStart < k, isInitialsPair(roleStart - 1) { roleStart -= 1 }
            while roleStart < k, has(NameCues.functionWords, roleStart) { roleStart += 1 }
            let hasTitle = titleInRun || titleBefore
            var role: String?
            if hasTitle, roleStart < k, (roleStart..<k).contains(where: { isTitle($0) && !has(NameCues.honorifics, $0) }) {
                role = slice(roleStart, k - 1)
            }

            // An apposition after: "Moussa Koussa, the foreign minister, was ..." (a title word in a short phrase).
            var hasApposition = false
            let afterName = tokens[j].possessiveEnd
            if j + 1 < tokens.count, !tokens[j].isPossessive, isComma(bytes[afterName..<tokens[j + 1].start]) {
                var a = j + 1
                if has(NameCues.appositionOpeners, a) { a += 1 }
                var e = a
                var sawTitle = false
                while e < tokens.count, e - a < 8, !has(NameCues.roleStops, e) {
                    if isTitle(e), !has(NameCues.honorifics, e) { sawTitle = true }
                    // (Initials with periods go on: "the U.S. ambassador".)
                    if !joined(e), !(isInitialsPair(e)) { break }
                    e += 1
                }
                if e < tokens.count, sawTitle, e >= a {
                    let end = has(NameCues.roleStops, e) ? e - 1 : e
                    if end >= a, isTitle(end) || (a...end).contains(where: { isTitle($0) }) {
                        hasApposition = true
                        if role == nil { role = slice(a, end) }
                    }
                }
            }
            // An apposition before, closed by a comma after: "the Japanese Ambassador, Koji Tomita, to sign",
            // "The Chief of Nara Prefectural Police, Onizuka Tomoaki, held" (a title word in the few words before).
            if !hasApposition, i > 0, isComma(bytes[tokens[i - 1].possessiveEnd..<tokens[i].start]),
               j + 1 < tokens.count, isComma(bytes[tokens[j].possessiveEnd..<tokens[j + 1].start]) || has(NameCues.attributionVerbs, j + 1) {
                var b = i - 1, steps = 0
                while b >= 0, steps < 7, !opensSentence(b + 1) || b == i - 1 {
                    if isTitle(b) { hasApposition = true; break }
                    if b > 0, !joined(b - 1), !isComma(bytes[tokens[b - 1].possessiveEnd..<tokens[b].start]) && bytes[tokens[b - 1].possessiveEnd..<tokens[b].start].contains(where: { $0 != 0x20 }) { break }
                    b -= 1; steps += 1
                }
            }
            let verbAfter = j + 1 < tokens.count && joined(j) && has(NameCues.attributionVerbs, j + 1)
            let verbBefore = i > 0 && joined(i - 1) && has(NameCues.attributionBefore, i - 1)
            let whoAfter = j + 2 < tokens.count && !tokens[j].isPossessive && isComma(bytes[afterName..<tokens[j + 1].start]) && lower(j + 1) == "who"
            // A given name and an English word as surname ("Emmanuel Macron") with a speech verb or "who" after.
            let givenNameFirst = isGivenName(words[0], lowered: lower(k))
            if endsInOrdinaryWord, !hasTitle, !hasApposition, !(givenNameFirst && (verbAfter || whoAfter)) { continue }
            // Ordinary words alone ("Strategic Communications") are a person only right after a title.
            if words.allSatisfy({ NameCues.isOrdinaryWordOrPlural($0) && !isGivenName($0) }), !hasTitle { continue }
            var run = NameRun(words: words, text: slice(k, j), range: tokens[k].start..<tokens[j].end, role: role,
                              hasTitle: hasTitle, hasApposition: hasApposition, isAttributed: verbAfter || verbBefore,
                              startsWithGivenName: givenNameFirst,
                              honorific: honorific)
            run.startsWithParticle = k < j && NameCues.isParticle(words[0])
            run.isNamedAs = namedAfterAs
            if k == j, !tokens[j].isPossessive {
                // (On the bytes: most runs are one word, and this is asked of every one.)
                let after = bytes[tokens[j].end..<(j + 1 < tokens.count ? tokens[j + 1].start : bytes.count)].drop { $0 == 0x20 }.first
                let before = k > 0 ? bytes[tokens[k - 1].possessiveEnd..<tokens[k].start] : []
                run.isVocative = after == UInt8(ascii: ",")
                    || (isComma(before) && (after == UInt8(ascii: ".") || after == UInt8(ascii: "!") || after == UInt8(ascii: "?")))
            }
            run.startsLikeAPlace = words.count >= 2 && NameCues.placeFormingWords.contains(words[0].lowercased())
            if !hasTitle, !hasApposition, (2...4).contains(words.count) {
                run.isNameShaped = nameShaped(k, j)
            }
            if !run.startsLikeAPlace, (2...4).contains(words.count) {
                run.isFamilyNameFirst = familyNameFirst(k, j)
            }
            if words.count >= 2, j + 1 < tokens.count, isCapitalised(j + 1),
               String(decoding: bytes[tokens[j].possessiveEnd..<tokens[j + 1].start], as: UTF8.self) == " (",
               tokens[j + 1].end < bytes.count, bytes[tokens[j + 1].end] == UInt8(ascii: ")") {
                run.aka = tokens.word(j + 1)
            }
            result.append(run)
        }
        return result
    }

    /// The name in a transcript's speaker label written in capitals, titles in front left out and read in title case:
    /// "MINISTER SPOKESPERSON ISABEL RODRÍGUEZ: Good afternoon." → Isabel Rodríguez, role "Minister spokesperson";
    /// "MS. RODRÍGUEZ:" → Rodríguez after an honorific. Nil for a paragraph that opens with no such label, for a
    /// question's label ("Q", "QUESTION:") and for a label of titles alone ("SENIOR ADMINISTRATION OFFICIAL:").
    static func speakerLabel(in text: String) -> NameRun? {
        let head = text.utf8.prefix(80)
        guard let colon = head.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let label = text[..<colon]
        guard label.contains(where: \.isLetter), label == label.uppercased(),
              label.allSatisfy({ $0.isLetter || $0 == " " || $0 == "." || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "," }) else { return nil }
        // Words with where each starts, in bytes.
        var words: [(word: String, start: Int)] = []
        var offset = 0
        for piece in label.split(separator: " ", omittingEmptySubsequences: false) {
            let word = piece.trimmingCharacters(in: CharacterSet(charactersIn: ".,"))
            if !word.isEmpty { words.append((word, offset)) }
            offset += piece.utf8.count + 1
        }
        guard (1...6).contains(words.count) else { return nil }
        var k = 0, honorific = false, titled = false
        while k < words.count {
            let lowered = words[k].word.lowercased()
            if NameCues.honorifics.contains(lowered) { honorific = true; titled = true }
            else if NameCues.titleWords.contains(lowered) { titled = true }
            else if !NameCues.qualifierWords.contains(lowered) && !NameCues.functionWords.contains(lowered) { break }
            k += 1
        }
        let name = words[k...].map(\.word)
        guard (1...3).contains(name.count), name.count >= 2 || titled else { return nil }
        let titleCase = name.map { $0.capitalized }
        guard !titleCase.contains(where: { NameCues.organisationOrPlaceWords.containsLowercase(of: $0) || NameCues.placeNames.containsLowercase(of: $0)
                  || NameCues.titleWords.containsLowercase(of: $0) || ["QUESTION", "Q", "REPORTER", "QUESTIONER", "MODERATOR", "OPERATOR", "PARTICIPANT"].contains($0.uppercased()) }),
              !titleCase.allSatisfy({ NameCues.isOrdinaryWordOrPlural($0) && !isGivenName($0) }) else { return nil }
        let start = words[k].start, end = words[words.count - 1].start + words[words.count - 1].word.utf8.count
        let roleWords = words[..<k].map(\.word).filter { !NameCues.honorifics.contains($0.lowercased()) }
        var run = NameRun(words: NameTokens.words(of: titleCase.joined(separator: " ")), text: titleCase.joined(separator: " "),
                          range: start..<end, role: roleWords.isEmpty ? nil : roleWords.joined(separator: " ").lowercased(),
                          hasTitle: titled, hasApposition: false, isAttributed: false,
                          startsWithGivenName: isGivenName(titleCase[0]), honorific: honorific)
        run.isSpeakerLabel = name.count >= 2
        run.startsWithParticle = name.count > 1 && NameCues.isParticle(titleCase[0])
        return run
    }

    /// Whether a word is a given name the tables know (compared as a slug: "Sergei", "SERGEI").
    /// `lowered`: the word in lower case, when the caller has it already.
    static func isGivenName(_ word: String, lowered: String? = nil) -> Bool {
        // The slug of an ASCII word of letters and digits is the word in lower case (up to the slug's length limit).
        if word.isASCIIAlphanumeric, word.utf8.count < 80 { return NameCues.givenNames.contains(lowered ?? word.lowercasedQuickly) }
        return NameCues.givenNames.contains(Slug.make(from: word))
    }

    /// A comma with only spaces around it.
    private static func isComma(_ gap: ArraySlice<UInt8>) -> Bool {
        var gap = gap
        while gap.first == 0x20 { gap = gap.dropFirst() }
        while gap.last == 0x20 { gap = gap.dropLast() }
        return gap.count == 1 && gap.first == UInt8(ascii: ",")
    }
}

extension PersonFinder {
    /// Whether a paragraph opens as a transcript's turn does, with a label in capitals: "MS. RODRÍGUEZ:", "Q:", "Q ".
    static func opensWithCapitalLabel(_ text: String) -> Bool {
        if text.hasPrefix("Q ") || text.hasPrefix("Q:") || text.hasPrefix("Q.") { return true }
        guard let colon = text.utf8.prefix(80).firstIndex(of: UInt8(ascii: ":")) else { return false }
        let label = text[..<colon]
        return label.contains(where: \.isLetter) && label == label.uppercased()
    }
}
