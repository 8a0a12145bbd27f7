// The tokenizer, the letter tests and the cue lookups work on bytes with shortcuts for ASCII; on any text they must
// answer exactly as the plain Unicode definitions do.

@testable import Content
@testable import Discovery
import PropertyBased
import Testing

@Suite struct NameTokensTests {
    /// Pieces that meet every branch: ASCII words, possessives (straight and curly), apostrophes inside words,
    /// combining marks after ASCII letters, other scripts, digits, emoji, punctuation, CR LF.
    static let pieces = ["Anna", "Berg", "'s", "’s", "'S", "'", "’", "O'Brien", "s", "S", "e\u{301}", "E\u{301}", "\u{301}", "Зеленський",
                         "ß", "İ", "ǅ", "٣", "3", "V.", " ", "-", ".", ",", "\r\n", "😀", "\u{200D}", "x", "Ⅻ", "ａ", "Ａ"]

    @Test func bytesTokenizeAsScalars() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 0...30)) { indexes in
            let text = indexes.map { Self.pieces[$0] }.joined()
            let tokens = NameTokens.tokenize(text)
            #expect(Self.plain(tokens) == Self.scalarTokenize(text), "\(text.debugDescription)")
            // Each token's key, made from the bytes in hand, is the key of its word, in lower case too.
            for token in tokens {
                let word = tokens.word(of: token)
                #expect(token.key == WordSet.Key(word) ?? .empty, "\(word.debugDescription)")
                #expect(token.lowercaseKey == (token.key == .empty ? nil : WordSet.Key(word.lowercased())), "\(word.debugDescription)")
                #expect(tokens.startsUppercase(token) == word.startsUppercase && tokens.startsWithNumber(token) == word.startsWithNumber,
                        "\(word.debugDescription)")
            }
        }
    }

    @Test func everyASCIICharacterTokenizesAsItsScalar() {
        // Each character alone and between letters: the tokenizer tells ASCII word bytes by their values, not by Character.
        let characters = (1..<128).map { String(UnicodeScalar(UInt8($0))) }
        for text in [characters.joined(), characters.joined(separator: "a"), characters.map { "Ab" + $0 + "9" }.joined(separator: " ")] {
            #expect(Self.plain(NameTokens.tokenize(text)) == Self.scalarTokenize(text))
        }
    }

    @Test func keysMakeTheWordsTheStandardLibraryWould() async {
        #expect(WordSet.Key.makesWords)
        // Any ASCII word of up to 15 bytes: the word made from its key is the one String(decoding:) makes, to the bit.
        await propertyCheck(count: 400, input: Gen.int(in: 0...127).array(of: 1...15)) { codes in
            let bytes = codes.map(UInt8.init)
            let key = bytes.withUnsafeBufferPointer { WordSet.Key(packing: $0) }
            let made = key.word
            let expected = String(decoding: bytes, as: UTF8.self)
            #expect(made == expected && Array(made.utf8) == bytes && made.count == expected.count && made.hashValue == expected.hashValue)
            #expect(unsafeBitCast(made, to: (UInt64, UInt64).self) == unsafeBitCast(expected, to: (UInt64, UInt64).self), "\(expected.debugDescription)")
            #expect(made.lowercased() == expected.lowercased() && made + "x" == expected + "x")
            #expect(key.startsUppercase == expected.startsUppercase && key.startsWithDigit == expected.startsWithNumber)
        }
    }

    @Test func aWordPackedInPlaceHasTheKeyOfItsBytesAlone() async {
        // The tokenizer packs a word where it lies in its text, reading 16 bytes and masking what follows the word:
        // whatever follows, at any length and any place, the key is that of the word's own bytes.
        await propertyCheck(count: 400, input: Gen.int(in: 0...255).array(of: 1...40), Gen.int(in: 0...39), Gen.int(in: 1...15)) { codes, from, length in
            let text = codes.map(UInt8.init)
            let start = min(from, text.count - 1), end = min(start + length, text.count)
            text.withUnsafeBufferPointer { buffer in
                let inPlace = WordSet.Key(packing: buffer, from: start, to: end)
                let alone = Array(text[start..<end]).withUnsafeBufferPointer { WordSet.Key(packing: $0) }
                #expect(inPlace == alone && inPlace.length == end - start, "\(text) \(start)..<\(end)")
            }
        }
    }

    @Test func letterTestsAnswerAsCharacterDoes() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 0...3)) { indexes in
            let word = indexes.map { Self.pieces[$0] }.joined()
            #expect(word.startsUppercase == (word.first?.isUppercase == true), "\(word.debugDescription)")
            #expect(word.startsLowercase == (word.first?.isLowercase == true), "\(word.debugDescription)")
            #expect(word.startsWithNumber == (word.first?.isNumber == true), "\(word.debugDescription)")
            #expect(word.isSingleCapital == (word.count == 1 && word.first!.isUppercase), "\(word.debugDescription)")
        }
    }

    @Test func quickLowerCaseAndCueLookupsAnswerAsTheSlowOnes() async {
        // Members of 15 and 16 bytes: the set packs words of up to 15 bytes and asks a Set<String> of longer ones.
        let cues: Set<String> = ["said", "will", "march", "k", "kelvin", "sergei", "al", "mr", "internationalis", "internationalist"]
        let set = WordSet(cues)
        let pieces = Self.pieces + ["said", "Said", "SAID", "will", "march", "\u{212A}", "elvin", "sergei", "Sergei", "O'Sergei", "al", "mr",
                                    "INTERNATIONAL", "is", "t", "Internationalist"]
        await propertyCheck(count: 400, input: Gen.int(in: 0...(pieces.count - 1)).array(of: 0...3)) { indexes in
            let word = indexes.map { pieces[$0] }.joined()
            #expect(word.lowercasedQuickly == word.lowercased(), "\(word.debugDescription)")
            #expect(set.contains(word) == cues.contains(word), "\(word.debugDescription)")
            #expect(set.contains(word.lowercased()) == cues.contains(word.lowercased()), "\(word.debugDescription)")
            #expect(set.containsLowercase(of: word) == cues.contains(word.lowercased()), "\(word.debugDescription)")
            #expect(PersonFinder.isGivenName(word) == NameCues.givenNames.contains(Slug.make(from: word)), "\(word.debugDescription)")
        }
        #expect(set.contains("\u{212A}elvin".lowercased()) && !set.contains("mrs") && set.contains("k"))
        #expect(set.containsLowercase(of: "INTERNATIONALIS") && set.containsLowercase(of: "Internationalist") && !set.contains("Internationalist"))
    }

    /// The definition, scalar by scalar: words are runs of word scalars; an apostrophe between word scalars stays
    /// in the word, unless it is a final "'s", which marks a possessive.
    /// A token as the definition below gives it: the word and where it is.
    struct PlainToken: Equatable {
        var word: String
        var start: Int, end: Int, possessiveEnd: Int
    }

    static func plain(_ tokens: Tokens) -> [PlainToken] {
        tokens.map { PlainToken(word: tokens.word(of: $0), start: $0.start, end: $0.end, possessiveEnd: $0.possessiveEnd) }
    }

    static func scalarTokenize(_ text: String) -> [PlainToken] {
        let scalars = Array(text.unicodeScalars)
        var offsets = [0]
        for s in scalars { offsets.append(offsets.last! + UTF8.width(s)) }
        func isWord(_ i: Int) -> Bool { i < scalars.count && NameTokens.isWordScalar(scalars[i]) }
        var tokens: [PlainToken] = []
        var i = 0
        while i < scalars.count {
            guard isWord(i) else { i += 1; continue }
            let start = i
            var possessiveEnd: Int?
            while i < scalars.count {
                if isWord(i) { i += 1; continue }
                guard NameTokens.isApostrophe(scalars[i]), isWord(i + 1) else { break }
                if scalars[i + 1] == "s" || scalars[i + 1] == "S", !isWord(i + 2) { possessiveEnd = offsets[i + 2]; break }
                i += 1
            }
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[start..<i])
            tokens.append(PlainToken(word: String(word), start: offsets[start], end: offsets[i], possessiveEnd: possessiveEnd ?? offsets[i]))
            if let possessiveEnd { i = offsets.firstIndex(of: possessiveEnd)! }
        }
        return tokens
    }
}

/// The phrase index finds words with a key in a table of its own and the others through a String dictionary;
/// together they must find what one String trie finds (Strings compare by canonical equivalence: "\u{212A}" is "K").
@Suite struct PhraseIndexTests {
    static let later = ["Anna", "Berg", "Kelvin", "\u{212A}elvin", "Kelvinson", "Internationalists", "Зеленський", "e\u{301}te",
                        "\u{E9}te", "van", "O'Brien", "A", "a", "Ａ", "ANNA"]
    /// First words without one that equals another of other bytes: the index turns away a token with a key whose
    /// first word has none by design (see `mayStartPhrase`), which a plain trie would not.
    static let first = ["Anna", "Berg", "Kelvin", "Kelvinson", "Internationalists", "Зеленський", "\u{E9}te", "van", "O'Brien", "A", "ANNA"]

    @Test func findsWhatAPlainTrieFinds() async {
        let word = Gen.int(in: 0...(Self.later.count - 1))
        await propertyCheck(count: 300, input: word.array(of: 1...3).array(of: 1...8), word.array(of: 0...40)) { picks, text in
            let phrases = picks.map { [Self.first[$0[0] % Self.first.count]] + $0.dropFirst().map { Self.later[$0] } }
            var index = PhraseIndex<Int>()
            var byWords: [[String]: [Int]] = [:]
            for (i, words) in phrases.enumerated() {
                index.insert(words, i)
                byWords[words, default: []].append(i)
            }
            let tokens = NameTokens.tokenize(text.map { Self.later[$0] }.joined(separator: " "))
            let words = tokens.words
            // The plain trie: the longest phrase at each place, left to right, never overlapping.
            var expected: [(first: Int, last: Int, values: [Int])] = []
            var i = 0
            while i < words.count {
                let longest = (1...min(3, words.count - i)).reversed().lazy.compactMap { n in byWords[Array(words[i..<(i + n)])].map { (n, $0) } }.first
                if let (n, values) = longest { expected.append((i, i + n - 1, values)); i += n } else { i += 1 }
            }
            let found = index.matches(in: tokens) { _, _ in true }
            #expect(found.map { [$0.first, $0.last] } == expected.map { [$0.first, $0.last] }, "\(phrases) \(words)")
            #expect(found.map(\.values) == expected.map(\.values), "\(phrases) \(words)")
        }
    }
}
