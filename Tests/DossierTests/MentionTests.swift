// Mention finding, case by case: whole words, possessives, aliases, surnames and their ambiguity,
// names inside links and emphasis, sentences kept with each mention.

@testable import Content
@testable import Discovery
import EDTF
import Testing

private func person(_ slug: String, _ name: String, aliases: [String] = []) -> Person {
    Person(slug: slug, name: name, aliases: aliases, role: nil, affiliation: nil, born: nil, profile: "", path: "people/\(slug).md", bodyFirstLine: 1)
}

private let cast = [
    person("kirill-dmitriev", "Kirill Dmitriev", aliases: ["Kiril Dmitriev", "Dmitliff", "Dmitliv"]),
    person("steve-witkoff", "Steve Witkoff", aliases: ["Steve Witkov", "Witkov"]),
    person("donald-trump", "Donald Trump"),
    person("melania-trump", "Melania Trump"),
    person("vladimir-putin", "Vladimir Putin", aliases: ["Vladimir V. Putin"]),
    person("volodymyr-zelensky", "Volodymyr Zelensky", aliases: ["Зеленський"]),
]

/// (slug, text as written, sentence) of every mention in `body`, in reading order.
private func mentions(_ body: String, people: [Person] = cast) -> [(slug: String, text: String, sentence: String)] {
    let article = Article(slug: "a", title: "A", date: try! EDTFDate.parse("2025-04-01"), source: nil, author: nil, url: nil,
                          summary: nil, people: [], events: [], body: body, format: .markdown, path: "articles/a.md", bodyFirstLine: 1)
    let (dossier, _) = Linker.link(ContentSet(settings: Settings(title: "T"), people: people, articles: [article]))
    let text = dossier.articleTexts[0]
    return text.mentions.map { (dossier.people[$0.person].slug, $0.text, text.sentence(block: $0.block, index: $0.sentence)) }
}

@Suite struct MentionTests {
    @Test func fullNamesAliasesAndVariants() {
        let found = mentions("Envoy Kiril Dmitriev met Steve Witkov. Later Dmitliff and Dmitliv spoke to Witkov.")
        #expect(found.map(\.slug) == ["kirill-dmitriev", "steve-witkoff", "kirill-dmitriev", "kirill-dmitriev", "steve-witkoff"])
        #expect(found.map(\.text) == ["Kiril Dmitriev", "Steve Witkov", "Dmitliff", "Dmitliv", "Witkov"])
    }

    @Test func wholeWordsOnly() {
        #expect(mentions("Putinism and Witkoffs are not people; Dmitrievich is a patronymic.").map(\.slug) == [])
        #expect(mentions("The Putin–Trump call.").map(\.text) == ["Putin"])
    }

    @Test func possessivesCountAndKeepTheName() {
        let found = mentions("Vladimir Putin spoke. Putin's aide and Putin’s envoy agreed.")
        #expect(found.map(\.text) == ["Vladimir Putin", "Putin", "Putin"])
        #expect(mentions("Kirill Dmitriev arrived. Dmitriev's visit began.").map(\.text) == ["Kirill Dmitriev", "Dmitriev"])
    }

    @Test func initialsInsideANameDoNotSplitTheSentence() {
        let found = mentions("Dmitriev, President Vladimir V. Putin, head of the fund, spoke.")
        #expect(found.map(\.text) == ["Dmitriev", "Vladimir V. Putin"])
        #expect(found.last?.slug == "vladimir-putin")
        #expect(found.last?.sentence == "Dmitriev, President Vladimir V. Putin, head of the fund, spoke.")
    }

    @Test func surnameAloneNeedsToBeUnambiguousInTheArticle() {
        // Two Trumps in the dossier: "Trump" alone is Donald only where the article names Donald.
        #expect(mentions("Donald Trump spoke. Trump left.").map(\.slug) == ["donald-trump", "donald-trump"])
        #expect(mentions("Melania Trump spoke. Trump left.").map(\.slug) == ["melania-trump", "melania-trump"])
        #expect(mentions("Trump left early.").map(\.slug) == [])
        #expect(mentions("Donald Trump and Melania Trump arrived. Trump left.").map(\.slug) == ["donald-trump", "melania-trump"])
        // One Putin in the dossier: unambiguous everywhere.
        #expect(mentions("Putin declined.").map(\.slug) == ["vladimir-putin"])
    }

    @Test func caseAsWritten() {
        #expect(mentions("putin and PUTIN are not matched; Putin is.").map(\.text) == ["Putin"])
    }

    @Test func namesInsideLinksAndEmphasisAreMentions() {
        let found = mentions("*Steve Witkoff* met [Kirill Dmitriev](https://example.org) and **Putin**.")
        #expect(found.map(\.slug) == ["steve-witkoff", "kirill-dmitriev", "vladimir-putin"])
    }

    @Test func otherScripts() {
        #expect(mentions("Зеленський заявив. Volodymyr Zelensky replied.").map(\.slug) == ["volodymyr-zelensky", "volodymyr-zelensky"])
    }

    @Test func eachMentionKeepsItsSentence() {
        let found = mentions("The talks ended. Witkov met Dmitliff on Wednesday! Nobody else came.")
        #expect(found.map(\.sentence) == ["Witkov met Dmitliff on Wednesday!", "Witkov met Dmitliff on Wednesday!"])
    }

    @Test func aNameDoesNotRunAcrossSentences() {
        // "Kirill. Dmitriev" is two sentences; only the surname in the second is a mention.
        #expect(mentions("He met Kirill. Dmitriev said so.").map(\.text) == ["Dmitriev"])
    }

    @Test func anAliasClaimedByTwoPeopleIsNotLinked() {
        let people = [person("a-smith", "Alan Smith", aliases: ["The Envoy"]), person("b-jones", "Bea Jones", aliases: ["The Envoy"])]
        let article = Article(slug: "a", title: "A", date: try! EDTFDate.parse("2025"), source: nil, author: nil, url: nil, summary: nil,
                              people: [], events: [], body: "The Envoy spoke to Alan Smith.", format: .markdown, path: "articles/a.md", bodyFirstLine: 1)
        let (dossier, log) = Linker.link(ContentSet(settings: Settings(title: "T"), people: people, articles: [article]))
        #expect(dossier.articleTexts[0].mentions.map(\.text) == ["Alan Smith"])
        #expect(log.warnings.contains { $0.message.contains("alias \"The Envoy\" is claimed by Alan Smith and Bea Jones") })
    }

    @Test func coMentionsGoByArticlesSharedThenByName() {
        // Anna shares two articles with Cleo and one each with Bea and Dan: Cleo first, then Bea and Dan by name.
        let people = [person("dan-dorn", "Dan Dorn"), person("anna-aston", "Anna Aston"), person("cleo-cole", "Cleo Cole"),
                      person("bea-birch", "Bea Birch")]
        let bodies = ["Anna Aston met Cleo Cole.", "Anna Aston, Cleo Cole and Dan Dorn spoke.", "Anna Aston and Bea Birch left."]
        let articles = bodies.enumerated().map { i, body in
            Article(slug: "a\(i)", title: "A\(i)", date: try! EDTFDate.parse("2025"), source: nil, author: nil, url: nil, summary: nil,
                    people: [], events: [], body: body, format: .markdown, path: "articles/a\(i).md", bodyFirstLine: 1)
        }
        let (dossier, _) = Linker.link(ContentSet(settings: Settings(title: "T"), people: people, articles: articles))
        let anna = try! #require(dossier.personBySlug["anna-aston"])
        #expect(dossier.coMentions[anna].map { "\(dossier.people[$0.person].slug) \($0.articles)" } == ["cleo-cole 2", "bea-birch 1", "dan-dorn 1"])
        let dan = try! #require(dossier.personBySlug["dan-dorn"])
        #expect(dossier.coMentions[dan].map { "\(dossier.people[$0.person].slug) \($0.articles)" } == ["anna-aston 1", "cleo-cole 1"])
    }

    @Test func manyPeopleStillOnePass() {
        // 3,000 people in the trie; the article names two of them.
        var people = (0..<3000).map { person("p\($0)", "Given\($0) Family\($0)") }
        people.append(person("kirill-dmitriev", "Kirill Dmitriev"))
        let found = mentions("Given17 Family17 met Kirill Dmitriev. Family2999 was absent.", people: people)
        #expect(found.map(\.slug) == ["p17", "kirill-dmitriev", "p2999"])
    }
}

/// Wikilinks are looked for only in text that holds "[[": the test that says so must find every one.
@Suite struct DoubleBracketTests {
    @Test func findsEveryDoubleBracketAndNoOther() {
        // Every text of up to six pieces from these: brackets at the start, the end, apart and together, after
        // multi-byte characters, in a String's storage and in a plain array of bytes.
        let pieces = ["[", "]", "a", "é", "[["]
        var texts: Set<String> = [""]
        for _ in 0..<5 { texts.formUnion(texts.flatMap { text in pieces.map { text + $0 } }) }
        #expect(texts.count > 1000)
        for text in texts {
            let bytes = Array(text.utf8)
            let expected = bytes.indices.dropLast().contains { bytes[$0] == 0x5B && bytes[$0 + 1] == 0x5B }
            #expect(text.utf8.containsDoubleBracket == expected, "\(text)")
            #expect(bytes.containsDoubleBracket == expected, "\(text)")
            #expect(bytes.lazy.map { $0 }.containsDoubleBracket == expected, "\(text)")
        }
    }
}

@Suite struct LinesWithDoubleBracketTests {
    @Test func theLinesHoldingDoubleBracketsAreThoseSplittingFinds() {
        // Every text of up to six pieces: newlines at the start, the end and together, brackets split by a newline,
        // multi-byte characters; the lines named are those `split` cuts that hold "[[", with their numbers.
        let pieces = ["[", "\n", "a", "é", "[["]
        var texts: Set<String> = [""]
        for _ in 0..<5 { texts.formUnion(texts.flatMap { text in pieces.map { text + $0 } }) }
        for text in texts {
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .filter { $0.element.utf8.containsDoubleBracket }.map { "\($0.offset):\($0.element)" }
            #expect(Linker.linesWithDoubleBracket(text).map { "\($0.line):\($0.text)" } == expected, "\(text)")
        }
    }
}

@Suite struct KeyTableTests {
    @Test func answersAsASetOfTheKeysDoes() {
        let words = ["a", "the", "Dmitriev", "abcdefghijklmno", "x1", "talks", "The", "TALKS", "said", "abcdefgh", "abcdefghi"]
        var table = KeyTable(capacity: words.count)
        let inserted = words.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        for word in inserted + inserted { table.insert(WordSet.Key(word)!) }     // twice: a key is held once
        for word in words + ["", "ab", "Said", "abcdefghijklmn"] {
            let key = WordSet.Key(word)!
            #expect(table.contains(key) == inserted.contains(word), "\(word)")
        }
    }
}
