// Front matter read by hand (the plain subset) must give what Yams gives: the same fields and the same
// locations, on random front matter mixing plain lines with YAML the subset leaves to Yams.

@testable import Content
import Testing

@Suite struct SimpleFrontMatterTests {
    static let keys = ["title", "date", "source", "author", "url", "summary", "people", "events"]

    /// Lines of front matter, plain-subset ones and others (comments, nulls, escapes, block scalars, errors).
    static let textValues = ["\"Talks in Riyadh\"", "Talks in Riyadh", "2025-04-01", "2025-04", "\"2025-04-01~\"", "2025-04-01~",
                             "\"The New York Times (machine translation)\"", "O'Brien & Sons, Ltd.", "null", "~", "\"null\"", "true",
                             "\"a \\\"quoted\\\" word\"", "'single'", "\"é Дмитриев 😀\"", "\"line\u{2028}break\"", "a: b", "a # comment",
                             "https://example.org/a", "\"https://example.org/a?b=c#d\"", "-1", "[x]", "\"\"", "  \"padded\"  ", "1e3", "yes", "\"tab\there\"",
                             "2025-04?", "2025%", "2025-04-01?~", "../2025-04", "2025-04-01/..", "2025-04-01/2025-04-03", "202X", "2025-21",
                             ".inf", ".NaN", ".", "...", ".5", "..x", ". a", "a ? b", "a ~", "%a", "?a", "a?: b", "a %", "~a"]
    static let listValues = ["[a, b]", "[]", "[ a ,b ]", "[a,,b]", "[a, \"b c\"]", "[null]", "[kirill-dmitriev, steve-witkoff]", "a-single",
                             "[a, [b]]", "[a,]", "[1, 2]",
                             "[\"B. Renlober\", \"Livinren\"]", "[B. Renlober, Livinren]", "[\"a, b\", c]", "[ \"x\" ]", "[\"x\" , y]",
                             "[\"x\"y]", "[O'Brien & Sons]", "[\"\"]", "[\"a\\\"b\"]", "[a b,  c d  ]", "[\"x\",]", "[null, \"null\"]", "[a: b]"]
    static let blockItems = ["- a", "  - a", "- \"b c\"", "  - kirill-dmitriev", "    - x", "- ~", "- [a]", "-a"]

    static func randomFrontMatter(_ g: inout some RandomNumberGenerator) -> String {
        var lines: [String] = []
        for _ in 0..<Int.random(in: 0...7, using: &g) {
            let key = Bool.random(using: &g) || Int.random(in: 0..<10, using: &g) > 0 ? keys.randomElement(using: &g)! : "aliasses"
            switch Int.random(in: 0..<10, using: &g) {
            case 0: lines.append("")
            case 1: lines.append("# a comment")
            case 2:
                lines.append("\(key):")
                for _ in 0..<Int.random(in: 0...3, using: &g) { lines.append(blockItems.randomElement(using: &g)!) }
            case 3, 4: lines.append("\(key): \(listValues.randomElement(using: &g)!)")
            case 5: lines.append("  \(key): x")
            default: lines.append("\(key): \(textValues.randomElement(using: &g)!)")
            }
        }
        return lines.map { Int.random(in: 0..<15, using: &g) == 0 ? $0 + "  " : $0 }.joined(separator: "\n") + "\n"
    }

    @Test func theHandReaderAgreesWithYamsOrStepsAside() throws {
        var g = SystemRandomNumberGenerator()
        var handled = 0
        for _ in 0..<3000 {
            let yaml = Self.randomFrontMatter(&g)
            guard let simple = SimpleYAML.parse(yaml, knownKeys: Self.keys, listKeys: ["people", "events"]) else { continue }
            var log = DiagnosticLog()
            let yams = FrontMatterReader.decodeWithYams(ArticleFields.self, yaml: yaml, firstLine: 2, path: "a.md",
                                                        knownKeys: Self.keys, listKeys: ["people", "events"], log: &log)
            // Yams failing where the hand reader succeeded would hide a problem from the user.
            let reference = try #require(yams, "Yams refused what the hand reader read:\n\(yaml)\n\(log.items)")
            #expect(log.items.isEmpty, "\(yaml)")
            handled += 1
            #expect(ArticleFields(simple: simple) == reference.value, "\(yaml)")
            let fast = FrontMatter(value: ArticleFields(simple: simple), node: nil, lineOffset: 1, path: "a.md", simple: simple)
            for key in Self.keys {
                #expect(fast.has(key) == reference.has(key), "\(key) in\n\(yaml)")
                for index in [nil, 0, 1, 2, 5] as [Int?] where fast.has(key) {
                    #expect(fast.location(of: key, index: index) == reference.location(of: key, index: index), "\(key)[\(index ?? -1)] in\n\(yaml)")
                }
            }
        }
        #expect(handled > 100)
    }

    /// The shape every generated and imported article has is read by hand (else the shortcut would be dead code).
    @Test func ordinaryArticleFrontMatterIsReadByHand() throws {
        let yaml = "title: \"Vinzel sanctions: said meeting\"\ndate: 2022-12-25\nsource: \"The Daily Ledger\"\nauthor: \"Zelber Mika\"\npeople: [a-b, c]\nevents:\n  - riyadh-talks\n"
        let simple = try #require(SimpleYAML.parse(yaml, knownKeys: Self.keys, listKeys: ["people", "events"]))
        #expect(ArticleFields(simple: simple) == ArticleFields(title: "Vinzel sanctions: said meeting", date: "2022-12-25", source: "The Daily Ledger",
                                                             author: "Zelber Mika", people: ["a-b", "c"], events: ["riyadh-talks"]))
    }

    /// So are dates with EDTF's qualifiers and open ends, unquoted, as people write them.
    @Test func uncertainAndOpenDatesAreReadByHand() throws {
        for date in ["2019-04?", "2019-04-01~", "2019%", "../2020-05", "2019-04-01/2019-04-03", "2019-04/..", "201X", "2019-21"] {
            let simple = try #require(SimpleYAML.parse("title: \"Talks\"\ndate: \(date)\n", knownKeys: Self.keys, listKeys: ["people", "events"]), "\(date)")
            #expect(ArticleFields(simple: simple).date == date)
        }
    }
}
