// Which dated sentences speak of which curated event: one rule, read by the event pages ("Reported") and by the
// export (a statement's events).

import Content
import EDTF

extension Dossier {
    /// Per event, the statements of `statements` (indices into it, ascending) whose date falls within the event's and
    /// that name one of its people or the first word of its place. Made through indexes by person and by place word,
    /// so each event reads only its own sentences, not every one of the dossier (nor every one within its dates: an
    /// event of a year or more has most of them).
    public func statementsOfEvents(_ statements: [(article: Int, index: Int)]) -> [[Int]] {
        guard !events.isEmpty else { return [] }
        // Each sentence's dates and people read once: each read of the statement copies it (its strings and arrays).
        let bounds = statements.map { ref -> (earliest: DayStamp, latest: DayStamp) in
            let date = datedStatements[ref.article][ref.index].date
            return (date.earliest, date.latest)
        }
        var byPerson = [[Int]](repeating: [], count: people.count)
        for (s, ref) in statements.enumerated() {
            var named: [Int] = []
            for p in datedStatements[ref.article][ref.index].people where !named.contains(p) {
                named.append(p)
                byPerson[p].append(s)
            }
        }
        // The first word of each event's place, and the sentences that have it (each sentence read once, on every core).
        let placeWords = Set(events.compactMap { $0.place.flatMap { NameTokens.words(of: $0).first } })
        var byPlace: [String: [Int]] = [:]
        if !placeWords.isEmpty {
            let found = Parallel.map(Array(statements.indices)) { s -> [String] in
                let ref = statements[s]
                var words: [String] = []
                for word in NameTokens.words(of: self.sentenceText(of: ref))
                where placeWords.contains(word) && !words.contains(word) { words.append(word) }
                return words
            }
            for (s, words) in found.enumerated() { for word in words { byPlace[word, default: []].append(s) } }
        }
        let (statementsOfPerson, statementsOfPlace) = (byPerson, byPlace)
        return Parallel.map(Array(events.indices)) { e -> [Int] in
            let event = self.events[e]
            let (earliest, latest) = (event.date.earliest, event.date.latest)
            // The sentence's date must fall within the event's: "in February", "in 2022" or "this week" do not date a day's event.
            let within = { (s: Int) -> Bool in earliest <= bounds[s].earliest && bounds[s].latest <= latest }
            var chosen = Set<Int>()
            for p in Set(event.people.compactMap { self.personBySlug[$0] }) { for s in statementsOfPerson[p] where within(s) { chosen.insert(s) } }
            if let place = event.place.flatMap({ NameTokens.words(of: $0).first }) {
                for s in statementsOfPlace[place] ?? [] where within(s) { chosen.insert(s) }
            }
            return chosen.sorted()
        }
    }

    /// The sentence a statement stands in, as written.
    func sentenceText(of ref: (article: Int, index: Int)) -> String {
        let statement = datedStatements[ref.article][ref.index]
        return statement.sentenceText.isEmpty
            ? articleTexts[ref.article].sentence(block: statement.block, index: statement.sentence) : statement.sentenceText
    }
}
