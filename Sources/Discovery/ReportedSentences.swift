// Dated sentences as lists of every article show them: a sentence that several articles carry (wire copy reprinted,
// a statement quoted everywhere) is one entry, with all of them, not one entry per article.

import Content
import EDTF

/// One dated sentence, once, with every article that carries it.
public struct ReportedSentence: Sendable {
    public var date: EDTFDate
    /// As text: wikilinks read as their words, white space as single spaces.
    public var sentence: String
    /// Where it is written: the article and the index of the statement in `Dossier.datedStatements[article]`, in
    /// article order (oldest first), each article once.
    public var places: [(article: Int, statement: Int)]
    /// Whom it names, in any of its articles, each once, in the order first named.
    public var people: [Int]

    public var articles: [Int] { places.map(\.article) }
}

extension Dossier {
    /// Every dated sentence once per date, grouped across articles by its words, in article order.
    public func reportedSentences() -> [ReportedSentence] {
        var result: [ReportedSentence] = []
        var groupOf: [String: Int] = [:]
        for (a, statements) in datedStatements.enumerated() {
            for (s, statement) in statements.enumerated() {
                let text = Self.normalised(statement.sentenceText.isEmpty
                    ? articleTexts[a].sentence(block: statement.block, index: statement.sentence) : statement.sentenceText)
                let key = statement.date.edtf + "\u{1}" + text
                if let g = groupOf[key] {
                    if result[g].places.last?.article != a { result[g].places.append((a, s)) }
                    for person in statement.people where !result[g].people.contains(person) { result[g].people.append(person) }
                } else {
                    groupOf[key] = result.count
                    var people: [Int] = []
                    for person in statement.people where !people.contains(person) { people.append(person) }
                    result.append(ReportedSentence(date: statement.date, sentence: wikiLabels.plain(text), places: [(a, s)], people: people))
                }
            }
        }
        return result
    }

    /// The words of a sentence with runs of white space as one space: the same sentence wrapped differently is the same.
    static func normalised(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) || text.contains("  ") else { return text }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
