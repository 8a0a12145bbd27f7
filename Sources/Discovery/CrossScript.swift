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
