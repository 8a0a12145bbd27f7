// Names written in Cyrillic or Greek: a run of capitalised words in those scripts is read through ICU's
// transliteration to Latin (diacritics stripped: "Кирилл Дмитриев" → "Kirill Dmitriev") and matched to a known
// person under the same rules as a Latin spelling (Variants). A match is a variant of the person, as written, so the
// linker links it and the person's page lists it under "also written as". A run in these scripts never makes a new
// person. Russian case endings (Дмитриева, Дмитриеву, Дмитриевым, Кирилла) are tried without their ending when the
// word as written matches nobody.

import Content
import Foundation

enum CrossScript {
    /// Whether a word starts with a capital letter of a script read through transliteration.
    static func isForeignCapital(_ word: Substring) -> Bool {
        guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return false }
        return (0x0370...0x03FF).contains(first.value) || (0x0400...0x04FF).contains(first.value)
    }

    /// Whether `text` holds Greek or Cyrillic letters (U+0380–U+04FF): their UTF-8 lead bytes, 0xCE to 0xD3, looked
    /// for in the bytes, which every article's runs are asked about and most have none.
    static func hasForeignLetters(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0xCE && $0 <= 0xD3 }
    }

    /// The runs of up to six capitalised Cyrillic or Greek words in a block, each separated from the next by one space.
    static func runs(in text: String, tokens: Tokens) -> [NameRun] {
        guard hasForeignLetters(text) else { return [] }
        let bytes = Array(text.utf8)
        var result: [NameRun] = []
        var current: [Int] = []
        func flush() {
            defer { current = [] }
            guard !current.isEmpty else { return }
            for start in stride(from: 0, to: current.count, by: 6) {
                let part = Array(current[start..<min(start + 6, current.count)])
                let range = tokens[part.first!].start..<tokens[part.last!].end
                let words = part.map { tokens.word($0) }
                result.append(NameRun(words: words, text: String(decoding: bytes[range], as: UTF8.self), range: range, role: nil,
                                      hasTitle: false, hasApposition: false, isAttributed: false, startsWithGivenName: false, honorific: false))
            }
        }
        for i in tokens.indices {
            let word = tokens.word(i)
            guard isForeignCapital(word[...]) else { flush(); continue }
            if let last = current.last, !(tokens[i].start == tokens[last].possessiveEnd + 1 && bytes[tokens[last].possessiveEnd] == 0x20) { flush() }
            current.append(i)
        }
        flush()
        return result
    }

    // MARK: Arabic

    /// Whether `text` holds Arabic letters (U+0600–U+06FF: UTF-8 lead bytes 0xD8 to 0xDB).
    static func hasArabicLetters(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0xD8 && $0 <= 0xDB }
    }

    /// The runs of Arabic words in a block, each word separated from the next by one space. Arabic has no capitals:
    /// which words are a name is decided by matching them against the known people (`arabicMatches`).
    static func arabicRuns(in text: String, tokens: Tokens) -> [NameRun] {
        guard hasArabicLetters(text) else { return [] }
        let bytes = Array(text.utf8)
        var result: [NameRun] = []
        var current: [Int] = []
        func flush() {
            defer { current = [] }
            guard current.count >= 2 else { return }
            let range = tokens[current.first!].start..<tokens[current.last!].end
            result.append(NameRun(words: current.map { tokens.word($0) }, text: String(decoding: bytes[range], as: UTF8.self), range: range,
                                  role: nil, hasTitle: false, hasApposition: false, isAttributed: false, startsWithGivenName: false, honorific: false))
        }
        for i in tokens.indices {
            guard hasArabicLetters(String(tokens.word(i))) else { flush(); continue }
            if let last = current.last, !(tokens[i].start == tokens[last].possessiveEnd + 1 && bytes[tokens[last].possessiveEnd] == 0x20) { flush() }
            current.append(i)
        }
        flush()
        return result
    }

    /// What is left of a name when only what Arabic script writes is kept: its consonants, in one string. Arabic writes
    /// no short vowels, and ICU's transliteration of it (ا و ي as ā, w, y) keeps none the Latin spelling could be
    /// compared by; so both sides lose their vowels, w and y, the h of a digraph (sh, kh, gh, th, dh), doubled letters,
    /// and letters that transliterations trade (q, g, j, c as k; z as s; v, p as f, b). "محمد بن سلمان" and "Mohammed bin
    /// Salman" both read "mhmdbnslmn".
    static func skeleton(_ words: [String]) -> String {
        var out: [UInt8] = []
        for word in words {
            // (Doubled letters are one within a word only: "البرهان إن" is not "البرهان".)
            let wordStart = out.count
            let latin = hasArabicLetters(word) ? arabicLatin(word) : Slug.make(from: word)
            for byte in latin.utf8 {
                var c = byte | 0x20
                guard c >= UInt8(ascii: "a"), c <= UInt8(ascii: "z") else { continue }
                if "aeiouyw".utf8.contains(c) { continue }
                if c == UInt8(ascii: "h"), let last = out.last, "cskgtdz".utf8.contains(last) { continue }
                switch c {
                case UInt8(ascii: "q"), UInt8(ascii: "g"), UInt8(ascii: "j"), UInt8(ascii: "c"): c = UInt8(ascii: "k")
                case UInt8(ascii: "z"): c = UInt8(ascii: "s")
                case UInt8(ascii: "v"), UInt8(ascii: "p"): c = c == UInt8(ascii: "v") ? UInt8(ascii: "f") : UInt8(ascii: "b")
                default: break
                }
                if out.count == wordStart || out.last != c { out.append(c) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// An Arabic word in Latin letters by ICU ("Arabic-Latin"), diacritics and signs dropped; cached per word.
    static func arabicLatin(_ word: String) -> String {
        if let known = cache.withLock({ $0["ar:" + word] }) { return known }
        let latin = word.applyingTransform(StringTransform("Arabic-Latin"), reverse: false)?
            .applyingTransform(.stripDiacritics, reverse: false) ?? word
        let cleaned = latin.filter { $0.isASCII && $0.isLetter }
        cache.withLock { $0["ar:" + word] = cleaned }
        return cleaned
    }

    private static let cache = Mutex<[String: String]>([:])

    /// A word in Latin letters without diacritics; cached per word (the same names recur in every article).
    static func latin(_ word: String) -> String {
        if let known = cache.withLock({ $0[word] }) { return known }
        // Greek by the UN's romanisation (η → i: "Μητσοτάκης" → "Mitsotakis", as the press writes it), the rest by ICU's default.
        let isGreek = word.unicodeScalars.first.map { (0x0370...0x03FF).contains($0.value) } ?? false
        let transform = isGreek ? StringTransform("Greek-Latin/UNGEGN") : .toLatin
        let latin = word.applyingTransform(transform, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false) ?? word
        let cleaned = latin.filter { $0.isLetter || $0 == "-" }
        cache.withLock { $0[word] = cleaned }
        return cleaned
    }

    /// Russian case endings a name may carry (genitive, dative, instrumental, prepositional, feminine).
    static let endings = ["ым", "им", "ом", "ой", "ою", "ем", "у", "ю", "а", "я", "е"]

    /// The forms to try for a run: as written, then each word without a case ending, in Latin letters.
    static func latinForms(_ words: [String]) -> [[String]] {
        var forms = [words.map(latin)]
        let stripped = words.map { word -> String in
            for ending in endings where word.count > ending.count + 3 && word.hasSuffix(ending) { return String(word.dropLast(ending.count)) }
            return word
        }
        if stripped != words { forms.append(stripped.map(latin)) }
        return forms
    }
}

/// A value behind a lock, for the transliteration cache shared by the threads that read articles.
final class Mutex<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) -> T) -> T { lock.lock(); defer { lock.unlock() }; return body(&value) }
}
