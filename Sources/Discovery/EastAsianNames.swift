// Names written family name first (Chinese, Korean, Vietnamese): "Pan Gongsheng", "Yoon Suk Yeol", "Cho Dong-hyun",
// "Nguyen Phu Trong". Their shape is a cue of its own: a family name the tables know, then given names made of the
// syllables of that romanisation (pinyin and Wade-Giles, Korean, Vietnamese), none an ordinary English word. And
// their surname used alone is the FIRST word ("Qin said" is Qin Gang), not the last.

import Content

enum EastAsianNames {
    enum Culture { case chinese, korean, vietnamese }

    /// The cultures whose family names include `word` (lower-case).
    static func cultures(ofFamilyName word: String) -> [Culture] {
        var result: [Culture] = []
        if NameCues.chineseFamilyNames.contains(word) { result.append(.chinese) }
        if NameCues.koreanFamilyNames.contains(word) { result.append(.korean) }
        if NameCues.vietnameseFamilyNames.contains(word) { result.append(.vietnamese) }
        return result
    }

    /// Whether `words` (as written, a hyphenated given name one word or split into its parts) are a family name and
    /// one or two given names of one culture: "Pan Gongsheng", "Lan Fo'an", "Cho Dong-hyun", "Yoon Suk Yeol".
    /// `allowingEnglish`: whether a given name may be an ordinary English word ("Qin Gang"): yes when deciding which
    /// word is the surname of a known name, no when the shape alone must say that a run is a person.
    static func isFamilyFirst(_ words: [String], allowingEnglish: Bool = true) -> Bool {
        guard (2...4).contains(words.count), let family = words.first?.lowercased() else { return false }
        let cultures = cultures(ofFamilyName: family)
        guard !cultures.isEmpty else { return false }
        let given = Array(words.dropFirst())
        guard given.allSatisfy({ $0.first?.isLetter == true }) else { return false }
        if !allowingEnglish, given.contains(where: NameCues.isOrdinaryWord) { return false }
        for culture in cultures {
            let parts = given.flatMap { $0.split(whereSeparator: { $0 == "-" }) }.map { fold(String($0)) }
            // Chinese and Korean give one or two given names (a hyphen or a space between syllables); Vietnamese up to three.
            guard parts.count <= (culture == .vietnamese ? 3 : 2) else { continue }
            if parts.allSatisfy({ syllableCount($0, culture) != nil }) { return true }
        }
        return false
    }

    /// The number of syllables (one to three) `word` (lower-case, no diacritics) splits into, or nil if it does not.
    static func syllableCount(_ word: String, _ culture: Culture) -> Int? {
        // An apostrophe separates syllables in pinyin ("Fo'an", "Xi'an").
        let pieces = word.split(whereSeparator: { $0 == "'" || $0 == "’" }).map { Array($0.utf8) }
        var total = 0
        for piece in pieces {
            guard let n = split(piece[...], culture, depth: 0) else { return nil }
            total += n
        }
        return (1...3).contains(total) ? total : nil
    }

    private static func split(_ letters: ArraySlice<UInt8>, _ culture: Culture, depth: Int) -> Int? {
        if letters.isEmpty { return 0 }
        guard depth < 3 else { return nil }
        let (onsets, rhymes) = tables(culture)
        // Onsets are at most three letters, rhymes at most five: each length is one lookup of the letters packed into
        // an integer (a scan of both tables with `starts(with:)` was a hundredth of a build).
        for onsetLength in 0...min(3, letters.count - 1) where onsets.contains(pack(letters.prefix(onsetLength))) {
            let rest = letters.dropFirst(onsetLength)
            for rhymeLength in stride(from: min(5, rest.count), through: 1, by: -1) where rhymes.contains(pack(rest.prefix(rhymeLength))) {
                if let n = split(rest.dropFirst(rhymeLength), culture, depth: depth + 1) { return n + 1 }
            }
        }
        return nil
    }

    /// Up to seven letters in one integer, with their count, so that "a" and "" differ.
    private static func pack(_ letters: some Collection<UInt8>) -> UInt64 {
        var key = UInt64(letters.count)
        for letter in letters { key = key << 8 | UInt64(letter) }
        return key
    }

    private static func tables(_ culture: Culture) -> (onsets: Set<UInt64>, rhymes: Set<UInt64>) {
        switch culture {
        case .chinese: return (chineseOnsets, chineseRhymes)
        case .korean: return (koreanOnsets, koreanRhymes)
        case .vietnamese: return (vietnameseOnsets, vietnameseRhymes)
        }
    }

    private static func table(_ items: [String]) -> Set<UInt64> { Set(items.map { pack(Array($0.utf8)) }) }

    /// Pinyin, Wade-Giles (hs, ts, -ih, -ieh, -ung: "Hsiao", "Tseng", "Ching") and the Hokkien of Taiwanese given
    /// names ("Bi-khim"); an empty onset for syllables that open with a vowel ("An", "Ou", "Er").
    private static let chineseOnsets = table(["", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "zh", "ch",
                                              "sh", "r", "z", "c", "s", "y", "w", "hs", "ts", "tz", "kh", "ph", "th"])
    private static let chineseRhymes = table(["a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er", "i",
                                              "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong", "u", "ua", "uo",
                                              "uai", "ui", "un", "uan", "uang", "ue", "ve", "v", "ih", "ieh", "ien", "iung",
                                              "ung", "uei", "ueh", "im", "eou", "ek", "ok"])
    /// Korean as news copy romanises it (Revised, McCune-Reischauer and the spellings people choose: "Yoon", "Myung",
    /// "Seok", "Geun", "Hee").
    private static let koreanOnsets = table(["", "g", "k", "kk", "n", "d", "t", "tt", "r", "l", "m", "b", "p", "pp", "s", "ss",
                                             "j", "ch", "jj", "h", "sh", "y", "w"])
    private static let koreanRhymes: Set<UInt64> = {
        let vowels = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu",
                      "eu", "ui", "i", "oo", "ee", "yoo", "ou", "eon", "ea"]
        let codas = ["", "k", "n", "l", "m", "p", "t", "ng"]
        return table(vowels.flatMap { v in codas.map { v + $0 } })
    }()
    private static let vietnameseOnsets = table(["", "b", "c", "ch", "d", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng",
                                                 "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"])
    private static let vietnameseRhymes: Set<UInt64> = {
        let vowels = ["a", "e", "i", "o", "u", "y", "ai", "ao", "au", "ay", "eo", "eu", "ia", "ie", "iu", "oa", "oai", "oay",
                      "oe", "oi", "ua", "ue", "ui", "uo", "uoi", "uy", "uya", "uye", "uyu", "ye", "yeu", "uu", "uou", "ieu", "uay"]
        let codas = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]
        return table(vowels.flatMap { v in codas.map { v + $0 } })
    }()

    /// Lower-case ASCII letters (apostrophes kept): "Nguyễn" → "nguyen", "Đinh" → "dinh".
    static func fold(_ word: String) -> String {
        var result = ""
        for scalar in word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII { result.unicodeScalars.append(scalar) }
            else if scalar == "đ" { result += "d" }
            else if scalar == "’" { result += "'" }
        }
        return result
    }
}

extension NameCues {
    /// The word of a name that it is named by alone: the family name, first in a name written family name first
    /// ("Qin" of "Qin Gang", "Yoon" of "Yoon Suk Yeol"), else the last word ("Lavrov" of "Sergei Lavrov").
    /// `words`: the name's words (initials left out), as `NameTokens.words(of:)` gives them.
    static func surname(of words: [String]) -> String? { shortForms(of: words).first }

    /// Every word a name is named by alone, the surname (`surname(of:)`) first. Besides it: the given name of a name
    /// whose second word is a father's given name ("Abiy" of Abiy Ahmed, "Anwar" of Anwar Ibrahim: patronymic names
    /// have no family name), and in a name of four words or more the words between that are no given name, particle
    /// or English word ("Lula" of Luiz Inácio Lula da Silva, "López" of Andrés Manuel López Obrador).
    static func shortForms(of words: [String]) -> [String] {
        guard let last = words.last else { return [] }
        if words.count >= 2, EastAsianNames.isFamilyFirst(words) { return [words[0]] }
        var forms = [last]
        if words.count == 2, PersonFinder.isGivenName(words[1]), !PersonFinder.isGivenName(words[0]), !isParticle(words[0]),
           words[0].count >= 3, !isOrdinaryWord(words[0]) {
            forms.append(words[0])
        }
        if words.count >= 4 {
            for word in words[1..<(words.count - 1)] where word.count >= 3 && word.first?.isUppercase == true && !PersonFinder.isGivenName(word)
                && !isParticle(word) && !isOrdinaryWord(word) && !forms.contains(word) {
                forms.append(word)
            }
        }
        return forms
    }
}
