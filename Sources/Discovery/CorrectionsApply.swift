// Carries out the analyst's decisions (Content/corrections.yml, read by Content/Corrections.swift) on what
// discovery found: people first (not a person, one person), then each article's mentions, quotations and dated
// sentences. Each decision says whether it still matched something, so that `dossier check` can list stale ones.

import Content
import EDTF
import Markdown

enum CorrectionsApplier {
    static let reason = "the same person (corrections.yml)"

    /// "X is not a person" and "these names are one person", on the people discovery returned (before they are
    /// sorted: nothing holds their indices yet). Returns the indices of the decisions that matched something.
    static func applyToPeople(_ corrections: Corrections, people: inout [Person], report: inout DiscoveryReport,
                              log: inout DiagnosticLog) -> Set<Int> {
        var matched = Set<Int>()
        func same(_ a: String, _ b: String) -> Bool { a.lowercased() == b.lowercased() }
        func resolve(_ name: String) -> Int? {
            people.firstIndex { $0.slug == name || same($0.name, name) }
                ?? people.firstIndex { $0.aliases.contains { same($0, name) } || $0.variants.contains { same($0.text, name) } }
        }
        for (i, correction) in corrections.items.enumerated() {
            switch correction.kind {
            case .notPerson(let name):
                if let curated = people.first(where: { $0.curated && ($0.slug == name || same($0.name, name)) }) {
                    log.error(corrections.path, correction.line, correction.column,
                              "'\(name)' is a curated person (\(curated.path)): delete that file rather than call them not a person")
                    continue
                }
                let before = people.count + people.reduce(0) { $0 + $1.variants.count } + report.suggestions.count + report.unresolved.count
                let removed = Set(people.filter { !$0.curated && ($0.slug == name || same($0.name, name)) }.map(\.slug))
                people.removeAll { removed.contains($0.slug) }
                report.discovered.removeAll { removed.contains($0) }
                for p in people.indices { people[p].variants.removeAll { same($0.text, name) } }
                report.suggestions.removeAll { same($0.text, name) }
                report.unresolved.removeAll { same($0.text, name) }
                let after = people.count + people.reduce(0) { $0 + $1.variants.count } + report.suggestions.count + report.unresolved.count
                if after < before { matched.insert(i) }
            case .same(let names):
                let resolved = names.map(resolve)
                // The one kept: a curated person if any is named, else the first found.
                guard let keeperIndex = resolved.compactMap({ $0 }).first(where: { people[$0].curated }) ?? resolved.compactMap({ $0 }).first else { continue }
                let keeperSlug = people[keeperIndex].slug
                var changed = false
                for (name, index) in zip(names, resolved) {
                    let keeper = people.firstIndex { $0.slug == keeperSlug }!
                    if let index, people[index].slug == keeperSlug { continue }
                    if let index {
                        let other = people[index]
                        if other.curated {
                            log.error(corrections.path, correction.line, correction.column,
                                      "'\(name)' and '\(keeperSlug)' are both curated people: make one of them an alias of the other")
                            continue
                        }
                        people[keeper].variants.append(Variant(text: other.name, article: other.foundIn ?? "", reason: reason))
                        people[keeper].variants += other.variants.filter { v in !people[keeper].variants.contains { $0.text == v.text } }
                        people.remove(at: index)
                        report.discovered.removeAll { $0 == other.slug }
                        changed = true
                    } else if let suggestion = report.suggestions.first(where: { same($0.text, name) }) {
                        people[keeper].variants.append(Variant(text: suggestion.text, article: suggestion.article, reason: reason))
                        changed = true
                    } else if !people[keeper].aliases.contains(name) {
                        // Written nowhere discovery looked at yet: it links like an alias.
                        people[keeper].aliases.append(name)
                        changed = true
                    }
                    report.suggestions.removeAll { same($0.text, name) }
                }
                if changed { matched.insert(i) }
            default:
                continue
            }
        }
        return matched
    }

    /// The sentences of `document` (block, sentence) whose text holds `fragment`.
    static func sentences(holding fragment: String, in document: Document) -> [(block: Int, sentence: Int, range: Range<Int>)] {
        var found: [(Int, Int, Range<Int>)] = []
        for (b, block) in document.blocks.enumerated() where block.text.contains(fragment) {
            let bytes = Array(block.text.utf8), needle = Array(fragment.utf8)
            var start = 0
            while start + needle.count <= bytes.count {
                if bytes[start..<start + needle.count].elementsEqual(needle) {
                    let s = block.sentences.firstIndex { $0.contains(start) } ?? max(0, block.sentences.count - 1)
                    if !block.sentences.isEmpty, !found.contains(where: { $0.0 == b && $0.1 == s }) { found.append((b, s, start..<start + needle.count)) }
                    start += needle.count
                } else { start += 1 }
            }
        }
        return found
    }

    /// One article's decisions (`decisions`: index into the file's list and the decision) on its mentions, then on
    /// its quotations and dates once they are found from them. Returns the indices of the decisions that matched.
    static func applyToMentions(_ decisions: [(Int, Correction)], text: inout BodyText, tokens: [Tokens], personBySlug: [String: Int]) -> Set<Int> {
        var matched = Set<Int>()
        let document = text.document
        var mentions = text.mentions
        for (i, correction) in decisions {
            switch correction.kind {
            case .surname(_, let surname, let slug):
                guard let person = personBySlug[slug] else { continue }
                for m in mentions.indices where mentions[m].text == surname && mentions[m].kind != .wikilink {
                    mentions[m].person = person; matched.insert(i)
                }
                // Where the linker left the surname unlinked (two people of that name): a mention of this person.
                for (b, blockTokens) in tokens.enumerated() {
                    let block = document.blocks[b]
                    for token in blockTokens where blockTokens.word(of: token) == surname {
                        if mentions.contains(where: { $0.block == b && $0.range.overlaps(token.start..<token.end) }) { continue }
                        let sentence = block.sentences.firstIndex { $0.contains(token.start) } ?? 0
                        mentions.append(Mention(person: person, block: b, range: token.start..<token.end, sentence: sentence, kind: .surname, text: surname))
                        matched.insert(i)
                    }
                }
            case .ignore(_, let fragment):
                let places = sentences(holding: fragment, in: document)
                if !places.isEmpty { matched.insert(i) }
                mentions.removeAll { m in places.contains { $0.block == m.block && $0.sentence == m.sentence } }
            default:
                continue
            }
        }
        mentions.sort { ($0.block, $0.range.lowerBound) < ($1.block, $1.range.lowerBound) }
        if mentions != text.mentions { text.mentions = mentions }
        return matched
    }

    static func applyToFindings(_ decisions: [(Int, Correction)], text: BodyText, quotes: inout [Quote], dates: inout [DatedStatement],
                                personBySlug: [String: Int]) -> Set<Int> {
        var matched = Set<Int>()
        let document = text.document
        for (i, correction) in decisions {
            switch correction.kind {
            case .speaker(_, let fragment, let slug):
                let places = sentences(holding: fragment, in: document)
                for q in quotes.indices where quotes[q].text.contains(fragment) || places.contains(where: { $0.block == quotes[q].block && $0.sentence == quotes[q].sentence }) {
                    quotes[q].speaker = slug.flatMap { personBySlug[$0] }
                    quotes[q].organisation = nil          // the analyst's speaker (or nobody) replaces a body found
                    matched.insert(i)
                }
            case .date(_, let fragment, let date):
                for place in sentences(holding: fragment, in: document) {
                    matched.insert(i)
                    let there = dates.indices.filter { dates[$0].block == place.block && dates[$0].sentence == place.sentence }
                    if let date {
                        if let first = there.first {
                            dates[first].date = date
                            dates = dates.enumerated().filter { !there.dropFirst().contains($0.offset) }.map(\.element)
                        } else {
                            let block = document.blocks[place.block]
                            let people = text.mentions.filter { $0.block == place.block && $0.sentence == place.sentence }.map(\.person)
                            dates.append(DatedStatement(block: place.block, sentence: place.sentence, range: place.range, expression: fragment, date: date,
                                                        sentenceText: Linker.substring(block.text, block.sentences[place.sentence]), people: people))
                        }
                    } else {
                        dates = dates.filter { !($0.block == place.block && $0.sentence == place.sentence) }
                    }
                }
            case .ignore(_, let fragment):
                let places = sentences(holding: fragment, in: document)
                if !places.isEmpty { matched.insert(i) }
                quotes.removeAll { q in places.contains { $0.block == q.block && $0.sentence == q.sentence } }
                dates.removeAll { d in places.contains { $0.block == d.block && $0.sentence == d.sentence } }
            default:
                continue
            }
        }
        dates.sort { ($0.block, $0.range.lowerBound) < ($1.block, $1.range.lowerBound) }
        return matched
    }

    /// What a decision says, for the warning that it matches nothing any more.
    static func describe(_ kind: Correction.Kind) -> String {
        switch kind {
        case .notPerson(let name): "not_people '\(name)': no person or spelling of that name was found"
        case .same(let names): "same \(names): none of these names is a person of the dossier"
        case .surname(let a, let surname, let person): "surname '\(surname)' → \(person) in \(a): the article does not write it"
        case .speaker(let a, let fragment, _): "speaker of '\(fragment)' in \(a): no quotation holds these words"
        case .date(let a, let fragment, _): "date of '\(fragment)' in \(a): no sentence holds these words"
        case .ignore(let a, let fragment): "ignore '\(fragment)' in \(a): no sentence holds these words"
        }
    }
}
