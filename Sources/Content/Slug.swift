// Slugs: the file-name identity of every person, event and article, and how to make one from a title or name.

import Foundation

public enum Slug {
    /// Lower-case ASCII letters and digits in runs joined by single hyphens: `kirill-dmitriev`, `riyadh-talks-2025`.
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 200 else { return false }
        var previousWasHyphen = true   // so a leading hyphen is refused
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-"):
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !previousWasHyphen
    }

    /// A valid slug for any text, in any script: "Зеленський" → "zelenskyi", "Señor Müller" → "senor-muller".
    /// Returns "untitled" when nothing usable is left.
    public static func make(from text: String, maxLength: Int = 80) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            for piece in latin(for: scalar) {
                if piece == "-" {
                    pendingHyphen = !out.isEmpty
                    continue
                }
                if pendingHyphen { out.append("-"); pendingHyphen = false }
                out.append(piece)
            }
            if out.utf8.count >= maxLength { break }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if out.utf8.count > maxLength {
            out = String(out.prefix(maxLength))
            while out.hasSuffix("-") { out.removeLast() }
        }
        return out.isEmpty ? "untitled" : out
    }

    /// The ASCII rendering of one character: itself, a transliteration, or "-" for a separator.
    private static func latin(for scalar: Unicode.Scalar) -> [Character] {
        let value = scalar.value
        switch value {
        case 0x61...0x7A, 0x30...0x39: return [Character(scalar)]
        case 0x41...0x5A: return [Character(Unicode.Scalar(value + 32)!)]
        case 0x27, 0x2019, 0x2BC: return []    // apostrophes vanish: "Dmitriev's" → "dmitrievs"
        default: break
        }
        if let mapped = transliteration[scalar] { return Array(mapped) }
        if let lower = transliteration[Unicode.Scalar(String(scalar).lowercased()) ?? scalar] { return Array(lower) }
        // Latin letters with diacritics: drop the marks ("é" → "e").
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        if let base = decomposed.first, base.value < 0x80, base.properties.isAlphabetic {
            return [Character(String(base).lowercased())]
        }
        return ["-"]
    }

    /// Cyrillic (Russian and Ukrainian, BGN/PCGN-like), Greek and a few Latin letters that do not decompose.
    static let transliteration: [Unicode.Scalar: String] = {
        let pairs: [(String, String)] = [
            ("а", "a"), ("б", "b"), ("в", "v"), ("г", "g"), ("д", "d"), ("е", "e"), ("ё", "e"), ("ж", "zh"),
            ("з", "z"), ("и", "i"), ("й", "y"), ("к", "k"), ("л", "l"), ("м", "m"), ("н", "n"), ("о", "o"),
            ("п", "p"), ("р", "r"), ("с", "s"), ("т", "t"), ("у", "u"), ("ф", "f"), ("х", "kh"), ("ц", "ts"),
            ("ч", "ch"), ("ш", "sh"), ("щ", "shch"), ("ъ", ""), ("ы", "y"), ("ь", ""), ("э", "e"), ("ю", "yu"),
            ("я", "ya"), ("є", "ye"), ("і", "i"), ("ї", "yi"), ("ґ", "g"),
            ("α", "a"), ("β", "v"), ("γ", "g"), ("δ", "d"), ("ε", "e"), ("ζ", "z"), ("η", "i"), ("θ", "th"),
            ("ι", "i"), ("κ", "k"), ("λ", "l"), ("μ", "m"), ("ν", "n"), ("ξ", "x"), ("ο", "o"), ("π", "p"),
            ("ρ", "r"), ("σ", "s"), ("ς", "s"), ("τ", "t"), ("υ", "y"), ("φ", "f"), ("χ", "ch"), ("ψ", "ps"), ("ω", "o"),
            ("ß", "ss"), ("æ", "ae"), ("ø", "o"), ("œ", "oe"), ("ł", "l"), ("đ", "d"), ("þ", "th"), ("ı", "i"),
        ]
        var table: [Unicode.Scalar: String] = [:]
        for (letter, latin) in pairs { table[letter.unicodeScalars.first!] = latin }
        return table
    }()
}
