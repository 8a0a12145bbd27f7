// A small heuristic for `dossier import`: capitalised names in an article that match nobody in people/, so the
// writer can add the ones that matter. Deliberately simple (runs of two or three capitalised words);
// full name discovery is a separate feature.

import Content
import Discovery
import Foundation
import Markdown

enum NameCandidates {
    /// Runs of 2–3 capitalised words, not counting a sentence's first word, titles ("President") or initials at
    /// the edges, that overlap no mention and are no known name; in order of first appearance, each once.
    static func find(in text: BodyText, knownNames: [String]) -> [String] {
        let known = Set(knownNames.map { NameTokens.words(of: $0).joined(separator: " ").lowercased() })
        var seen = Set<String>()
        var found: [String] = []
        for (b, block) in text.document.blocks.enumerated() {
            let masked = text.mentions.filter { $0.block == b }.map(\.range)
            let tokens = NameTokens.tokenize(block.text)
            let bytes = Array(block.text.utf8)
            let sentenceStarts = Set(block.sentences.compactMap { sentence in tokens.firstIndex { $0.start >= sentence.lowerBound } })

            var run: [Int] = []
            func finish() {
                defer { run = [] }
                var words = run
                if let first = words.first, sentenceStarts.contains(first) { words.removeFirst() }
                // "Ukrainian President Volodymyr Zelensky": the name starts after the last title.
                if let title = words.dropLast(2).lastIndex(where: { titles.contains(tokens.word($0)) }) {
                    words.removeFirst(title + 1)
                }
                while let first = words.first, isEdgeWord(tokens.word(first)) { words.removeFirst() }
                while let last = words.last, isEdgeWord(tokens.word(last)) { words.removeLast() }
                guard (2...3).contains(words.count), let last = words.last, !organisationWords.contains(tokens.word(last)) else { return }
                let name = words.map { tokens.word($0) }.joined(separator: " ")
                    .replacingOccurrences(of: #"\b(\p{Lu}) "#, with: "$1. ", options: .regularExpression)
                let key = words.map { tokens.word($0) }.joined(separator: " ").lowercased()
                guard !known.contains(key), seen.insert(key).inserted else { return }
                found.append(name)
            }
            for (i, token) in tokens.enumerated() {
                let word = tokens.word(i)
                let inName = isCapitalised(word) && !stopWords.contains(word)
                    && !masked.contains { $0.overlaps(token.start..<token.end) }
                guard inName else { finish(); continue }
                if let previous = run.last, !adjacent(tokens[previous], token, initial: isInitial(tokens.word(previous)), bytes) { finish() }
                run.append(i)
                if token.isPossessive { finish() }      // "Putin's envoy": the name ends at the 's
            }
            finish()
        }
        return found
    }

    /// Only spaces between them, or ". " after an initial ("Vladimir V. Putin").
    /// `initial`: whether `a` is an initial.
    private static func adjacent(_ a: WordToken, _ b: WordToken, initial: Bool, _ bytes: [UInt8]) -> Bool {
        let gap = bytes[a.possessiveEnd..<b.start]
        if !gap.isEmpty && gap.allSatisfy({ $0 == 0x20 }) { return true }
        return initial && gap.first == UInt8(ascii: ".") && gap.dropFirst().allSatisfy { $0 == 0x20 } && gap.count >= 2
    }

    /// Starts with an upper-case letter and has a lower-case one: "Witkoff", "McKinsey"; not "US", "RDIF", "V".
    private static func isCapitalised(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return false }
        return isInitial(word) || word.unicodeScalars.contains { $0.properties.isLowercase }
    }

    private static func isInitial(_ word: String) -> Bool {
        word.unicodeScalars.count == 1 && word.unicodeScalars.first!.properties.isUppercase
    }

    private static func isEdgeWord(_ word: String) -> Bool { isInitial(word) || titles.contains(word) }

    /// Capitalised for reasons other than being a name.
    static let stopWords: Set<String> = [
        "The", "A", "An", "And", "But", "Or", "If", "In", "On", "At", "Of", "For", "To", "From", "By", "With", "As",
        "It", "He", "She", "They", "We", "I", "His", "Her", "Their", "Our", "This", "That", "These", "Those", "There",
        "While", "When", "After", "Before", "Despite", "However", "Also", "According",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
    /// Words before a name, not part of it: "President Vladimir Putin", "Foreign Minister Sergei Lavrov".
    static let titles: Set<String> = [
        "President", "Vice", "Prime", "Minister", "Foreign", "Secretary", "Senator", "Envoy", "Special", "General",
        "Mr", "Mrs", "Ms", "Dr", "Sir", "Chancellor", "Ambassador", "King", "Queen", "Prince", "Pope", "Chief",
        "Director", "Deputy", "Former", "Spokesman", "Spokeswoman",
    ]
    /// A run ending in one of these names an organisation or a place, not a person.
    static let organisationWords: Set<String> = [
        "Department", "House", "University", "Council", "Fund", "Ministry", "Administration", "Committee", "Agency",
        "Office", "Bank", "Party", "Authority", "Times", "News", "Post", "Street", "Union", "Nations", "States", "Kingdom", "Service",
    ]
}
