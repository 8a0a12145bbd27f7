// Content/corrections.yml: the analyst's decisions about what discovery found, read here with their places in
// the file; Discovery (Corrections+Apply.swift) carries them out and says which no longer match anything.
//
//   not_people: [Goldman Sachs]                       # a name discovery made into a person: no page, no mentions
//   same:                                             # names (or slugs) of one person; a curated one is kept
//     - [Svetlana Tsikhanouskaya, Sviatlana Tsikhanouskaya]
//   articles:
//     <article-slug>:
//       surnames: {Tsepkalo: veronika-tsepkalo}       # this surname, alone, in this article is this person
//       speakers: {"full responsibility": nobody}     # the quotation holding these words: its speaker, or nobody
//       dates: {"as early as Friday": 2024-06-14}     # the sentence holding these words: its date (EDTF), or none
//       ignore: ["a sentence fragment"]               # the sentence holding these words: no mention, quote or date

import EDTF
import Yams

public struct Correction: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case notPerson(name: String)
        case same(names: [String])
        case surname(article: String, surname: String, person: String)
        case speaker(article: String, fragment: String, person: String?)      // nil: nobody
        case date(article: String, fragment: String, date: EDTFDate?)         // nil: none
        case ignore(article: String, fragment: String)
    }
    public var kind: Kind
    public var line: Int
    public var column: Int
    /// The article's slug in the file, where a bad slug is reported.
    public var articleLine: Int = 0, articleColumn: Int = 0
    /// The person's slug in the file (surnames, speakers), where a bad slug is reported.
    public var targetLine: Int = 0, targetColumn: Int = 0

    public var article: String? {
        switch kind {
        case .notPerson, .same: nil
        case .surname(let a, _, _), .speaker(let a, _, _), .date(let a, _, _), .ignore(let a, _): a
        }
    }
}

public struct Corrections: Sendable, Equatable {
    public static let fileName = "corrections.yml"
    public var path = ""
    public var items: [Correction] = []
    /// The file's text, hashed: every page is signed with it, so a change re-checks every page.
    public var signature: UInt64 = 0
    public init() {}

    public var isEmpty: Bool { items.isEmpty }

    static let topKeys = ["not_people", "same", "articles"]
    static let articleKeys = ["surnames", "speakers", "dates", "ignore"]

    /// Reads `text` (the file at `path`); every problem goes to `log`, located, and the rest is kept.
    public static func parse(_ source: String, path: String, log: inout DiagnosticLog) -> Corrections {
        var result = Corrections()
        result.path = path
        var h = StableHash(); h.add("corrections-1"); h.add(source); result.signature = h.value
        let root: Node?
        do {
            root = try Yams.compose(yaml: source, .default, .default, .utf8)
        } catch let error as YamlError {
            let (line, column, problem) = FrontMatterReader.describe(error)
            log.error(path, line, column, "YAML does not parse: \(problem)")
            return result
        } catch {
            log.error(path, 1, 1, "YAML does not parse: \(error)")
            return result
        }
        guard let root else { return result }
        func place(_ node: Node) -> (Int, Int) { (node.mark?.line ?? 1, node.mark?.column ?? 1) }
        func problem(_ node: Node, _ message: String) { let (l, c) = place(node); log.error(path, l, c, message) }
        func unknown(_ key: Node, known: [String], under: String) {
            let (l, c) = place(key)
            let name = key.string ?? "?"
            var message = "unknown key '\(name)'\(under) is ignored"
            if let guess = Suggestions.nearest(to: name, in: known) { message += "; did you mean '\(guess)'?" }
            else { message += " (known keys: \(known.joined(separator: ", ")))" }
            log.warning(path, l, c, message)
        }
        func text(_ node: Node, _ what: String) -> String? {
            guard let s = node.scalar?.string, !s.trimmingCharacters(in: .whitespaces).isEmpty else {
                problem(node, "\(what) should be text"); return nil
            }
            return s.trimmingCharacters(in: .whitespaces)
        }
        func list(_ node: Node, _ what: String) -> [Node] {
            if let sequence = node.sequence { return Array(sequence) }
            if node.scalar != nil { return [node] }
            problem(node, "\(what) should be a list: `- ...` lines or [a, b]"); return []
        }
        func pairs(_ node: Node, _ what: String) -> [(Node, Node)] {
            guard let mapping = node.mapping else { problem(node, "\(what) should be `key: value` lines"); return [] }
            return mapping.map { ($0.key, $0.value) }
        }
        guard root.mapping != nil else {
            problem(root, "corrections.yml should be `key: value` lines (not_people, same, articles)"); return result
        }
        for (key, value) in pairs(root, "corrections.yml") {
            switch key.string {
            case "not_people":
                for item in list(value, "not_people") {
                    if let name = text(item, "a name") { let (l, c) = place(item); result.items.append(Correction(kind: .notPerson(name: name), line: l, column: c)) }
                }
            case "same":
                for group in list(value, "same") {
                    let names = list(group, "each entry of same").compactMap { text($0, "a name or slug") }
                    if names.count < 2 { problem(group, "each entry of same lists two names or more: [name, other spelling]"); continue }
                    let (l, c) = place(group)
                    result.items.append(Correction(kind: .same(names: names), line: l, column: c))
                }
            case "articles":
                for (slugNode, decisions) in pairs(value, "articles") {
                    guard let article = text(slugNode, "an article's slug") else { continue }
                    let (al, ac) = place(slugNode)
                    for (kindNode, entries) in pairs(decisions, "an article's corrections") {
                        let kindName = kindNode.string ?? ""
                        guard articleKeys.contains(kindName) else { unknown(kindNode, known: articleKeys, under: " under \(article)"); continue }
                        func add(_ kind: Correction.Kind, at node: Node, target: Node? = nil) {
                            let (l, c) = place(node)
                            let (tl, tc) = place(target ?? node)
                            result.items.append(Correction(kind: kind, line: l, column: c, articleLine: al, articleColumn: ac,
                                                           targetLine: tl, targetColumn: tc))
                        }
                        if kindName == "ignore" {
                            for item in list(entries, "ignore") {
                                if let fragment = text(item, "a fragment of the sentence") { add(.ignore(article: article, fragment: fragment), at: item) }
                            }
                            continue
                        }
                        for (left, right) in pairs(entries, kindName) {
                            guard let what = text(left, kindName == "surnames" ? "a surname" : "a fragment of the sentence"),
                                  let target = text(right, kindName == "dates" ? "a date (EDTF) or none" : "a person's slug") else { continue }
                            switch kindName {
                            case "surnames": add(.surname(article: article, surname: what, person: target), at: left, target: right)
                            case "speakers": add(.speaker(article: article, fragment: what, person: target == "nobody" ? nil : target), at: left, target: right)
                            default:
                                if target == "none" { add(.date(article: article, fragment: what, date: nil), at: left); continue }
                                do throws(EDTFError) {
                                    add(.date(article: article, fragment: what, date: try EDTFDate.parse(target)), at: left)
                                } catch {
                                    problem(right, "'\(target)' is not an EDTF date (2024-06-14, 2024-06, 2024, ...) or none: \(error.message)")
                                }
                            }
                        }
                    }
                }
            default:
                unknown(key, known: topKeys, under: "")
            }
        }
        return result
    }
}
