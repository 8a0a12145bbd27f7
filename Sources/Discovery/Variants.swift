// Is one written name another spelling of a known person? String similarity (Jaro-Winkler, Levenshtein) on a
// phonetic key of the surname, compatible given names, and whether the person is already named in the article.

import Content

enum Variants {
    /// How sure a match is: strong links the spelling to the person, weak only suggests it.
    enum Strength: Sendable, Equatable { case strong, weak }

    struct Match: Sendable, Equatable {
        var person: Int
        var strength: Strength
        var reason: String
    }

    /// A known person as discovery compares names against them.
    struct Known: Sendable {
        var index: Int
        var given: [GivenName]       // first words of the name and multi-word aliases ("Kirill")
        var surnames: [String]       // last words of the name and aliases ("Dmitriev")
        var forms: Set<[String]>     // every written form, as words without initials
        var written: Set<[String]> = []  // every written form as the name matcher sees it, initials included
        var surnameKeys: [String] = []   // parallel to `surnames`: their phonetic keys, computed once, not per comparison
    }

    /// A given name with what `givenCompatible` compares, made once rather than at every comparison.
    struct GivenName: Sendable, Equatable {
        var text: String
        var slug: String
        var key: String
        init(_ text: String) { self.text = text; slug = Slug.make(from: text); key = Variants.key(text) }
    }

    /// A written name as every comparison with a known person reads it, made once for all of them.
    struct Written: Sendable {
        var core: [String]           // the words without initials
        var surname: String          // the last of them
        var surnameKey: String
        var given: GivenName?        // the first of them, when there are two or more
        init?(_ words: [String]) {
            core = words.filter { !isInitial($0) }
            guard let last = core.last else { return nil }
            surname = last
            surnameKey = key(last)
            given = core.count >= 2 ? GivenName(core[0]) : nil
        }
    }

    /// A phonetic key for transliterated and garbled names: spellings that sound alike get one key.
    /// Gaddafi, Qadhafi, Gadhafi → "kadafi"; Witkoff, Witkov → "fitkof"; Fogel, Vogel → "fokel"; Aleksei, Alexei → "aleksi".
    static func key(_ word: String) -> String {
        var s = Array(Slug.make(from: word).filter { $0 != "-" })
        var out: [Character] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            let next: Character? = i + 1 < s.count ? s[i + 1] : nil
            // "dzh" and "dj" are the "j" of other transliterations (Dzhokhar/Jokhar, Djibouti): the "d" is no sound of its own.
            let third: Character? = i + 2 < s.count ? s[i + 2] : nil
            if c == "d" && next == "z" && third == "h" { i += 1; continue }
            if c == "d", next == "j" { i += 1; continue }
            if c == "z", i > 0, s[i - 1] == "d", next == "h" { out.append("j"); i += 2; continue }
            switch (c, next) {
            case ("d", "h"), ("t", "h"), ("k", "h"), ("g", "h"): out.append(c == "g" ? "k" : c); i += 2; continue
            case ("p", "h"): out.append("f"); i += 2; continue
            case ("c", "k"): out.append("k"); i += 2; continue
            case ("i", "e"), ("i", "y"), ("y", "e"): out.append("i"); i += 2; continue
            default: break
            }
            switch c {
            case "q", "c", "g": out.append("k")
            case "w", "v": out.append("f")
            case "y", "j" where i > 0: out.append("i")
            case "z": out.append("s")
            case "x": out.append("k"); out.append("s")
            default: out.append(c)
            }
            i += 1
        }
        // Doubled letters are one sound.
        s = []
        for c in out where s.last != c { s.append(c) }
        return String(s)
    }

    /// Edit distance between two phonetic keys, exact up to `limit`; above it, some distance above `limit` (the
    /// callers only ask whether keys are one or two edits apart, and most are many apart: a row of the table all
    /// above the limit ends the count). Keys are ASCII (made through `Slug.make`), so bytes are letters;
    /// this runs for every candidate of every unknown name, so it works on bytes in a stack buffer.
    static func levenshtein(_ a: String, _ b: String, limit: Int) -> Int {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                if x.isEmpty { return y.count }
                if y.isEmpty { return x.count }
                // Each byte one key has over the other is an edit: keys of lengths further apart need no table.
                if abs(x.count - y.count) > limit { return limit + 1 }
                // Only the band of cells within `limit` of the diagonal can hold a distance within the limit
                // (Ukkonen); the cells beside it count as limit + 1, which is all a caller needs to know of them.
                let cap = limit + 1
                return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (y.count + 1)) { rows in
                    var previous = 0, current = y.count + 1
                    for j in 0...y.count { rows[previous + j] = min(j, cap) }
                    for i in 1...x.count {
                        let lo = max(1, i - limit), hi = min(y.count, i + limit)
                        guard lo <= hi else { return cap }
                        rows[current + lo - 1] = lo == 1 ? min(i, cap) : cap
                        var rowMinimum = rows[current + lo - 1]
                        for j in lo...hi {
                            let substitution = rows[previous + j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                            let cell = min(rows[previous + j] + 1, rows[current + j - 1] + 1, substitution, cap)
                            rows[current + j] = cell
                            rowMinimum = min(rowMinimum, cell)
                        }
                        if hi < y.count { rows[current + hi + 1] = cap }     // read by the next row's band
                        if rowMinimum > limit { return cap }
                        swap(&previous, &current)
                    }
                    return rows[previous + y.count]
                }
            }
        }
    }

    static func jaroWinkler(_ a: String, _ b: String) -> Double {
        let x = Array(a), y = Array(b)
        if x.isEmpty || y.isEmpty { return x.isEmpty && y.isEmpty ? 1 : 0 }
        let window = max(0, max(x.count, y.count) / 2 - 1)
        var xMatched = [Bool].filled(with: false, count: x.count), yMatched = [Bool].filled(with: false, count: y.count)
        var matches = 0
        for i in x.indices {
            let lo = max(0, i - window), hi = min(y.count - 1, i + window)
            guard lo <= hi else { continue }
            for j in lo...hi where !yMatched[j] && x[i] == y[j] {
                xMatched[i] = true; yMatched[j] = true; matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }
        var transpositions = 0, j = 0
        for i in x.indices where xMatched[i] {
            while !yMatched[j] { j += 1 }
            if x[i] != y[j] { transpositions += 1 }
            j += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(x.count) + m / Double(y.count) + (m - Double(transpositions) / 2) / m) / 3
        var prefix = 0
        while prefix < min(4, x.count, y.count), x[prefix] == y[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    /// Two surnames that are probably one name spelled twice: the same phonetic key, or keys one letter apart
    /// (Dmitriev/Dmitliff: a garbled r) starting alike, and close as written.
    static func surnamesAlike(_ a: String, _ b: String) -> Bool { surnamesAlike(a, key(a), b, key(b)) }

    static func surnamesAlike(_ a: String, _ ka: String, _ b: String, _ kb: String) -> Bool {
        if ka == kb { return true }
        // Keys whose lengths differ by more than one cannot be one edit apart: skip the edit distance.
        guard abs(ka.utf8.count - kb.utf8.count) <= 1 else { return false }
        // Keys are ASCII: bytes are characters.
        guard ka.utf8.first == kb.utf8.first, min(ka.utf8.count, kb.utf8.count) >= 5 else { return false }
        return levenshtein(ka, kb, limit: 1) <= 1 && jaroWinkler(a.lowercased(), b.lowercased()) >= 0.8
    }

    /// Looser: worth suggesting, not linking.
    static func surnamesResemble(_ a: String, _ b: String) -> Bool { surnamesResemble(a, key(a), b, key(b)) }

    static func surnamesResemble(_ a: String, _ ka: String, _ b: String, _ kb: String) -> Bool {
        guard abs(ka.utf8.count - kb.utf8.count) <= 2 || ka == kb else { return false }
        guard ka.utf8.first == kb.utf8.first, min(ka.utf8.count, kb.utf8.count) >= 4 else { return ka == kb }
        return levenshtein(ka, kb, limit: 2) <= 2 && jaroWinkler(a.lowercased(), b.lowercased()) >= 0.85
    }

    /// Given names that can be the same person's: one spelling (Mark/Marc, Kiril/Kirill, Alexei/Aleksei),
    /// a short form (Steve/Steven) or an equivalent in the table (Tony/Anthony).
    static func givenCompatible(_ a: GivenName, _ b: GivenName) -> Bool {
        if a.slug == b.slug || a.key == b.key { return true }
        // Slugs are ASCII: bytes are characters.
        if min(a.slug.utf8.count, b.slug.utf8.count) >= 4, a.slug.hasPrefix(b.slug) || b.slug.hasPrefix(a.slug) { return true }
        // Two transliterations of one long name (Svetlana/Sviatlana, Aleksandr/Alexandr): same first letter, at most
        // two letters apart. Short names are left to the table: Mark and Mary are two people.
        if min(a.slug.utf8.count, b.slug.utf8.count) >= 6, a.slug.utf8.first == b.slug.utf8.first,
           levenshtein(a.slug, b.slug, limit: 2) <= 2, jaroWinkler(a.slug, b.slug) >= 0.8 { return true }
        return NameCues.givenNameEquivalents.contains { $0.contains(a.slug) && $0.contains(b.slug) }
    }

    static func isInitial(_ word: String) -> Bool { word.isSingleCapital }

    /// Two given names spelt the same that are long and no common name the tables know ("Abdourahamane", not "Alexander").
    static func isRareSameGivenName(_ a: GivenName, _ b: GivenName) -> Bool {
        a.slug == b.slug && a.slug.utf8.count >= 7 && !NameCues.givenNames.contains(a.slug)
    }

    /// What one known person is to a written name. Only a lone surname that sounds like the person's waits for the
    /// article: it is strong if the article names the person, weak otherwise. Everything else depends on the name
    /// and the person alone, so a verdict stays valid until the person's forms change.
    enum Verdict: Sendable, Equatable {
        case strong(reason: String)
        case weak(reason: String)
        case soundsLike(hit: String)
    }

    /// The best known person `words` may be another spelling of. `named` are the people already named in this
    /// article (the context); a lone surname links only to one of them.
    static func match(_ words: [String], known: [Known], named: Set<Int>) -> Match? {
        guard let name = Written(words) else { return nil }
        return decide(known.compactMap { person in verdict(name, person: person).map { (person.index, $0) } }, surname: name.surname, named: named)
    }

    static func verdict(_ name: Written, person: Known) -> Verdict? {
        let surname = name.surname, surnameKey = name.surnameKey
        let keyed = zip(person.surnames, person.surnameKeys)
        // The first of the person's surnames alike this one; only it and whether there is one matter.
        let alike = keyed.first { surnamesAlike(surname, surnameKey, $0.0, $0.1) }?.0
        let resembling = { keyed.first { surnamesResemble(surname, surnameKey, $0.0, $0.1) }?.0 }
        if let given = name.given {
            // A form of the person ends with one of their surnames: most people have none of this name's.
            if person.surnames.contains(surname), person.forms.contains(name.core) {
                return .strong(reason: "the same name with an initial")
            } else if let hit = alike, person.given.contains(where: { givenCompatible(given, $0) }) {
                let same = hit == surname
                return .strong(reason: same ? "same surname, given name \(given.text) is a form of \(person.given[0].text)"
                                            : "\(surname) sounds like \(hit), given name \(given.text) fits \(person.given[0].text)")
            } else if let hit = resembling(), person.given.contains(where: { isRareSameGivenName(given, $0) }) {
                // One rare given name, spelt the same, and a surname that resembles ("Abdourahamane Tiani",
                // "Abdourahamane Tchiani"): two people so alike in one dossier are less likely than two spellings.
                return .strong(reason: "\(surname) resembles \(hit), and the given name \(given.text) is the same rare name")
            } else if let hit = resembling(), hit != surname || alike == nil {
                return .weak(reason: "\(surname) resembles \(hit), but the given name \(given.text) does not fit")
            }
        } else if let hit = alike {
            return .soundsLike(hit: hit)
        } else if let hit = resembling() {
            return .weak(reason: "\(surname) resembles \(hit)")
        }
        return nil
    }

    /// The match the verdicts of the candidates (in person order) add up to in an article naming `named`.
    static func decide(_ verdicts: some Sequence<(person: Int, verdict: Verdict)>, surname: String, named: Set<Int>) -> Match? {
        var strong: [Match] = [], firstWeak: Match?
        for (person, verdict) in verdicts {
            switch verdict {
            case .strong(let reason):
                strong.append(Match(person: person, strength: .strong, reason: reason))
            case .weak(let reason):
                if firstWeak == nil { firstWeak = Match(person: person, strength: .weak, reason: reason) }
            case .soundsLike(let hit) where named.contains(person):
                strong.append(Match(person: person, strength: .strong, reason: "\(surname) sounds like \(hit), who is named in the same article"))
            case .soundsLike(let hit):
                if firstWeak == nil { firstWeak = Match(person: person, strength: .weak, reason: "\(surname) sounds like \(hit), who is not named in this article") }
            }
        }
        // Two strong candidates are no evidence for either: suggest instead.
        if strong.count == 1 { return strong[0] }
        if strong.count > 1 { return Match(person: strong[0].person, strength: .weak, reason: "could be several people") }
        return firstWeak
    }
}
