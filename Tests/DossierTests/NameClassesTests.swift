// People discovery by class of name (issue 25), beyond DiscoveryClassTests: names written family name first and
// their surname alone, honorifics of other cultures, appositions and clauses after a name. Each row is a sentence
// written fresh here with what a reader should get: the person pages, and where it matters the mention's page.

import Content
import Discovery
import Foundation
import Testing

@Suite struct NameClassesTests {

    /// A family name and given names shaped as that culture's syllables (pinyin, Wade-Giles, Korean, Vietnamese),
    /// none an ordinary English word, is a person with no other cue; brands, spacecraft and places of that look are not.
    @Test(arguments: [
        ("The council named Zhou Minghao as trade minister, replacing Gao Jianlin.", ["Gao Jianlin", "Zhou Minghao"]),
        ("Vice Chairmen Tang Weiguo, Xu Lanfang, Feng Zhiyuan and others attended.", ["Feng Zhiyuan", "Tang Weiguo", "Xu Lanfang"]),
        ("The legislature also named Yin Qiaoli as health minister.", ["Yin Qiaoli"]),
        ("It named Hou Jin'an as finance minister.", ["Hou Jin’an"]),
        ("Delegates cheered Park Seong-min and Yoon Jae Hyuk.", ["Park Seong-min", "Yoon Jae Hyuk"]),
        ("The party re-elected Nguyen Van Thanh in the vote.", ["Nguyen Van Thanh"]),
        ("Deputy Foreign Minister Shin Ha-eun arrived. Gen. Shin Min-jae followed.", ["Shin Ha-eun", "Shin Min-jae"]),
        ("Dong Feng trucks and Shen Zhou capsules were shown.", []),
        ("The tourists went to Hong Kong and then Sun Valley.", []),
        ("Prices in Ha Giang fell.", []),
    ])
    func aNameWrittenFamilyNameFirstIsAPerson(body: String, expected: [String]) throws {
        let dossier = try oneArticleDossier(body, date: "2024-06-14")
        #expect(dossier.people.map(\.name).sorted() == expected, "\(body)")
    }

    /// A month people are named by is part of a name where no date can be meant, and the surname alone links only as
    /// a name ("May told", "Mrs May"), never in a date ("In May", "on May 5", "Last May").
    @Test func aMonthThatIsANameIsPartOfIt() throws {
        let dossier = try oneArticleDossier("""
            LONDON - Prime Minister Theresa May said on Tuesday that the deal was the best available. "This is the only deal," May told lawmakers.

            Jan Peeters, the owner of a trucking firm in Belgium, said the delay was costly. "Nobody wins this," Peeters said.

            In May the party will choose a new leader, said April Ryan, a White House correspondent. Talks resume on May 5. Last May Boris Johnson resigned. Mrs May left.
            """, date: "2019-03-12")
        #expect(dossier.people.map(\.name).sorted() == ["April Ryan", "Boris Johnson", "Jan Peeters", "Theresa May"])
        let may = try #require(dossier.people.firstIndex { $0.name == "Theresa May" })
        let sentences = dossier.articleTexts[0].mentions.filter { $0.person == may }.map { dossier.articleTexts[0].sentence(block: $0.block, index: $0.sentence) }
        #expect(sentences.count == 3)
        #expect(!sentences.contains { $0.contains("In May") || $0.contains("May 5") || $0.contains("Last May") })
        #expect(dossier.quotes[0].compactMap(\.speaker).map { dossier.people[$0].name }.sorted() == ["Jan Peeters", "Theresa May"])
        #expect(dossier.datedStatements[0].map(\.expression).contains("on May 5"))
    }

    /// The rest of a body's name after "on", "for" or "of" is the body's, and "another" opens an apposition.
    @Test func theRestOfABodysNameIsNobody() throws {
        let dossier = try oneArticleDossier("""
            The Kenya National Commission on Human Rights said police had used excessive force. Human Rights Watch researcher Laetitia Bader agreed. Kalonzo Musyoka, another opposition figure, said the president must go.
            """, date: "2024-06-27")
        #expect(dossier.people.map(\.name).sorted() == ["Kalonzo Musyoka", "Laetitia Bader"])
    }

    /// A role keeps the word that says whose title it is, and initials before a title stay whole.
    @Test func aRoleKeepsWhoseTitleItIs() throws {
        let dossier = try oneArticleDossier("""
            Union leader Marijke Vandermeersch spoke first. Then union leader Karel Peeters said no. Chechen leader Ramzan Kadyrov agreed. U.S. President Joe Biden called. He met leader Ana Brnabic. Kremlin spokesman Dmitry Peskov declined to comment.
            """, date: "2019-03-12")
        let roles = Dictionary(uniqueKeysWithValues: dossier.people.map { ($0.name, $0.role ?? "") })
        #expect(roles["Marijke Vandermeersch"] == "Union leader")
        #expect(roles["Karel Peeters"] == "Union leader")
        #expect(roles["Ramzan Kadyrov"] == "Chechen leader")
        #expect(roles["Joe Biden"] == "U.S. President")
        #expect(roles["Ana Brnabic"] == "Leader")
        #expect(roles["Dmitry Peskov"] == "Kremlin spokesman")
    }

    /// The surname alone of a name written family name first is its first word: it links to the person named in full,
    /// in this article or an earlier one, and a page first made under it ("Foreign Minister Gao") takes the whole name.
    @Test func theSurnameOfAFamilyFirstNameIsItsFirstWord() throws {
        let scratch = Scratch()
        scratch.write("dossier.yml", "title: T\n")
        scratch.write("articles/a.md", "---\ntitle: A\ndate: 2024-06-14\n---\nForeign Minister Gao has not been seen for weeks.\n")
        scratch.write("articles/b.md", """
            ---
            title: B
            date: 2024-06-20
            ---
            The legislature removed Gao Jianlin as foreign minister. Gao, who vanished in June, kept his seat.
            """)
        let (dossier, log) = linkedDossier(scratch.path)
        #expect(!log.hasErrors, "\(log.items)")
        let linked = try #require(dossier)
        #expect(linked.people.map(\.name) == ["Gao Jianlin"])
        let mentions = linked.articleTexts.flatMap { $0.mentions.map { "\($0.text) → \(linked.people[$0.person].name)" } }
        #expect(mentions == ["Gao → Gao Jianlin", "Gao Jianlin → Gao Jianlin", "Gao → Gao Jianlin"])
    }

    /// Honorifics of other cultures ("Shri", "Smt.", "Comrade") name a person as "Mr." does, and are not part of the name.
    @Test(arguments: [
        ("Official Spokesperson, Shri Devraj Menon: Good afternoon, friends.", ["Devraj Menon"]),
        ("Comrade Ilmar Ostrovik was elected chairman.", ["Ilmar Ostrovik"]),
        ("The award went to Smt. Kaveri Nandakumar on Monday.", ["Kaveri Nandakumar"]),
    ])
    func honorificsOfOtherCulturesNameAPerson(body: String, expected: [String]) throws {
        let dossier = try oneArticleDossier(body, date: "2024-06-14")
        #expect(dossier.people.map(\.name) == expected, "\(body)")
    }

    /// A clause after a place is no apposition ("…, where her son served"), and the divisions of a country are places:
    /// neither makes a person.
    @Test(arguments: [
        "The mother arrived in Kharp in Vostrava-Ulgan Autonomous Okrug, where her son served his sentence.",
        "Shelling hit Zarnivka Oblast, where a teacher died.",
        "Her brother lives in Ashvaran Governorate, when he is not travelling.",
    ])
    func aPlaceBeforeAClauseIsNobody(body: String) throws {
        let dossier = try oneArticleDossier(body, date: "2024-06-14")
        #expect(dossier.people.isEmpty, "\(dossier.people.map(\.name))")
    }
}

extension NameClassesTests {
    /// A given name and an English word as surname is a person with a speech verb or "who" after; an apposition with
    /// an abbreviation ("the U.S. ambassador") is an apposition; words named "as" after a verb of naming are a name;
    /// ordinary words alone are nobody, even beside a person.
    @Test(arguments: [
        ("Emmanuel Macron, who speaks often with the envoy, condemned the coup.", ["Emmanuel Macron"]),
        ("Ilse Ostrova, the U.S. ambassador to Chile, had left.", ["Ilse Ostrova"]),
        ("Police later identified the gunman as Ravindra Lal Sethi.", ["Ravindra Lal Sethi"]),
        ("Officials named the envoy as Tomasz Wielgorski.", ["Tomasz Wielgorski"]),
        ("Officials later named the diplomat as Pavan Mehra Joshi.", ["Pavan Mehra Joshi"]),
        ("The Coordinator for Strategic Communications, Admiral Jon Kerrby, spoke.", ["Jon Kerrby"]),
        ("Victoria Station closed early.", []),
        ("Flights by Pan Am resumed.", []),
    ])
    func cuesAroundANameDecide(body: String, expected: [String]) throws {
        let dossier = try oneArticleDossier(body, date: "2024-06-14")
        #expect(dossier.people.map(\.name) == expected, "\(body)")
    }
}

extension NameClassesTests {
    /// A transcript's speaker label in capitals names its speaker in title case, the titles in front left out; the
    /// turns under the label and under the surname alone are that person's; a label of titles alone names nobody.
    @Test func aSpeakerLabelInCapitalsNamesItsSpeaker() throws {
        let dossier = try oneArticleDossier("""
            MINISTER SPOKESPERSON ILSE OSTROVA-BRANDT: Good afternoon. The cabinet met today.

            Q: Will the minister resign?

            MS. OSTROVA-BRANDT: That is a decision for the federation.

            SENIOR ADMINISTRATION OFFICIAL: Nothing to add.
            """, date: "2024-06-14")
        #expect(dossier.people.map(\.name) == ["Ilse Ostrova-Brandt"])
        let quotes = dossier.quotes[0].map { "\($0.text) ← \($0.speaker.map { dossier.people[$0].name } ?? "nobody")" }
        #expect(quotes.contains("That is a decision for the federation. ← Ilse Ostrova-Brandt"), "\(quotes)")
        #expect(quotes.contains("Good afternoon. The cabinet met today. ← Ilse Ostrova-Brandt"), "\(quotes)")
    }
}

extension NameClassesTests {
    /// Spellings of one person are one page: a familiar form spoken to in a briefing ("Thanks, Matt.") of the one
    /// person named there with that given name; one rare given name with a surname that resembles; a name without its
    /// second surname, or with it joined by a hyphen; a double surname alone.
    @Test(arguments: [
        ("Spokesman Matthew Kellerby opened the briefing. QUESTION: Matt, can you say more? MR KELLERBY: No.",
         "Matthew Kellerby", ["Matt"]),
        ("Deputy Secretary Victoria Halloran joined. Toria, over to you.", "Victoria Halloran", ["Toria"]),
        ("General Abdourahamane Tiani spoke on Friday. General Abdourahamane Tchiani was not seen later.",
         "Abdourahamane Tiani", ["Abdourahamane Tchiani"]),
        ("Justice Minister Dilan Varoglu-Zegerius spoke. Later Dilan Varoglu said the talks failed.",
         "Dilan Varoglu-Zegerius", ["Dilan Varoglu"]),
        ("Justice Minister Dilan Varoglu spoke. Later Dilan Varoglu-Zegerius said the talks failed.",
         "Dilan Varoglu", ["Dilan Varoglu-Zegerius"]),
        ("President Andrés Manuel Ortiz Obregal spoke. Ortiz Obregal said the vote was fair.",
         "Andrés Manuel Ortiz Obregal", []),
    ])
    func spellingsOfOnePersonAreOnePage(body: String, name: String, variants: [String]) throws {
        let dossier = try oneArticleDossier(body, date: "2024-06-14")
        #expect(dossier.people.map(\.name) == [name], "\(body)")
        #expect(dossier.people.first?.variants.map(\.text) == variants, "\(body)")
    }

    /// A familiar form is nobody's when two people named in the article could be called so, and a name of one
    /// letter's difference with a common given name is another person.
    @Test func aFamiliarFormOfTwoPeopleIsNobodys() throws {
        let dossier = try oneArticleDossier("""
            Spokesman Matthew Kellerby and Senator Matthew Orrin opened the briefing. QUESTION: Matt, can you say more?
            """, date: "2024-06-14")
        #expect(dossier.people.map(\.name).sorted() == ["Matthew Kellerby", "Matthew Orrin"])
        #expect(dossier.people.allSatisfy { $0.variants.isEmpty })
    }
}

extension NameClassesTests {
    /// A name in Arabic script links to the Latin-script person whose consonants it writes, and is listed as written
    /// under "also written as"; the words around it are not part of it, and Arabic words make nobody new.
    @Test func aNameInArabicScriptLinksItsPerson() throws {
        let dossier = try oneArticleDossier("""
            قال الفريق أول عبد الفتاح البرهان إن الجيش مستعد. والتقى ولي العهد محمد بن سلمان بالوزير سيرغي لافروف في الرياض.
            """, date: "2024-06-14", people: [("abdel-fattah-al-burhan", "Abdel Fattah al-Burhan"), ("mohammed-bin-salman", "Mohammed bin Salman"),
                                              ("sergei-lavrov", "Sergei Lavrov"), ("anna-berg", "Anna Berg")])
        #expect(dossier.people.map(\.slug).sorted() == ["abdel-fattah-al-burhan", "anna-berg", "mohammed-bin-salman", "sergei-lavrov"])
        let mentions = dossier.articleTexts[0].mentions.map { "\($0.text) → \(dossier.people[$0.person].slug)" }
        #expect(mentions == ["عبد الفتاح البرهان → abdel-fattah-al-burhan", "محمد بن سلمان → mohammed-bin-salman", "سيرغي لافروف → sergei-lavrov"])
        #expect(dossier.personBySlug["sergei-lavrov"].map { dossier.people[$0].variants.map(\.text) } == ["سيرغي لافروف"])
    }
}

extension NameClassesTests {
    /// A name is named alone by other words than its last in some cultures: the given name of a patronymic name
    /// ("Abiy" of Abiy Ahmed, the second word a father's given name), a word between in a long name ("Lula" of Luiz
    /// Inácio Lula da Silva). The mention links to the person, and a page first made under that word takes the whole
    /// name; a given name alone links nobody.
    @Test(arguments: [
        ("Prime Minister Tesfaye Ahmed spoke. Tesfaye said the war was over.", "Tesfaye Ahmed", ["Tesfaye Ahmed", "Tesfaye"]),
        ("President Joaquim Inácio Brizo da Lanha arrived. Brizo said Brazil was back.",
         "Joaquim Inácio Brizo da Lanha", ["Joaquim Inácio Brizo da Lanha", "Brizo"]),
        ("President Brizo spoke on Monday. Later, Joaquim Inácio Brizo da Lanha signed the decree.",
         "Joaquim Inácio Brizo da Lanha", ["Brizo", "Joaquim Inácio Brizo da Lanha"]),
        ("Senator Mark Tobias spoke. Mark said nothing.", "Mark Tobias", ["Mark Tobias"]),
    ])
    func otherWordsThanTheLastNameAPersonAlone(body: String, name: String, mentions: [String]) throws {
        let dossier = try oneArticleDossier(body, date: "2024-06-14")
        #expect(dossier.people.map(\.name) == [name], "\(body)")
        #expect(dossier.articleTexts[0].mentions.map(\.text) == mentions, "\(body)")
    }
}

extension NameClassesTests {
    /// A name of two unknown words whose first word the article also writes alone is a patronymic name named again by
    /// its given name: a person, and the word alone links to them. A given name the tables know alone is no such cue.
    @Test(arguments: [
        ("The rebels sent Getachew Worede. Getachew told reporters the aid had arrived.", ["Getachew Worede"], ["Getachew Worede", "Getachew"]),
        ("Crowds met Tsegaye Bekele at the airport. Later Tsegaye said so.", ["Tsegaye Bekele"], ["Tsegaye Bekele", "Tsegaye"]),
        ("Crowds met Donald Oddsby at the airport. Later Donald said so.", ["Donald Oddsby"], ["Donald Oddsby"]),
        ("Shelling hit Khan Yunes overnight. Khan spoke later.", [], []),
    ])
    func aPatronymicNameIsNamedAgainByItsGivenName(body: String, people: [String], mentions: [String]) throws {
        let dossier = try oneArticleDossier(body, date: "2024-06-14")
        #expect(dossier.people.map(\.name) == people, "\(body)")
        #expect(dossier.articleTexts[0].mentions.map(\.text) == mentions, "\(body)")
    }

    /// A rebuild that reads the names from the analysis cache decides as the first build did: every cue of a name
    /// survives the cache.
    @Test func aRebuildFromTheCacheFindsTheSamePeople() throws {
        let scratch = Scratch()
        scratch.write("Content/dossier.yml", "title: T\n")
        scratch.write("Content/articles/a.md", """
            ---
            title: A
            date: 2024-06-14
            ---
            The council named Zhou Minghao as trade minister. Police identified the gunman as Ravindra Lal Sethi. Later \
            bin Qadiri said no. The rebels sent Getachew Worede. Getachew told reporters the aid had arrived. \
            Santa Clarita outlined a framework. Spokesman Matthew Kellerby spoke. QUESTION: Matt, can you say more?

            MINISTER SPOKESPERSON ILSE OSTROVA: Good afternoon.

            Q: Will the minister resign?
            """)
        func people() throws -> [String] {
            let (set, references, _) = ContentLoader.load(directory: scratch.path + "/Content")
            let cache = AnalysisCache(path: scratch.path + "/analysis.bin", salt: "test")
            defer { cache.finishSaving() }
            let (dossier, log) = Linker.link(try #require(set), references: references, cache: cache)
            #expect(!log.hasErrors, "\(log.items)")
            return dossier.people.map { "\($0.name) \($0.variants.map(\.text))" }
        }
        let first = try people()
        #expect(first == ["Getachew Worede [\"Getachew\"]", "Ilse Ostrova []", "Matthew Kellerby [\"Matt\"]", "Ravindra Lal Sethi []", "Zhou Minghao []"])
        #expect(try people() == first)
    }
}

extension NameClassesTests {
    /// Given names of many cultures start a name with no other cue; a name of four unknown words is a name by its
    /// shape as one of two or three is.
    @Test(arguments: [
        ("The first such ceremony since Shigeru Okabe in 1967.", ["Shigeru Okabe"]),
        ("Talks with Hakainde Mwansa ended.", ["Hakainde Mwansa"]),
        ("Andrés Manuel Ortiz Obregal said the vote was fair.", ["Andrés Manuel Ortiz Obregal"]),
        ("Christian Democrats met Liberal Democrats.", []),
    ])
    func givenNamesOfManyCulturesStartAName(body: String, expected: [String]) throws {
        let dossier = try oneArticleDossier(body, date: "2024-06-14")
        #expect(dossier.people.map(\.name) == expected, "\(body)")
    }
}

extension NameClassesTests {
    /// Organisations named in their own language, and cities and regions the word list leaves out, get no page,
    /// whatever verb follows them; a person whose surname is also a place's name still gets one.
    @Test(arguments: [
        ("Jabhat al-Nusra claimed the attack.", []),
        ("Ansar Allah said it fired missiles.", []),
        ("Cumhuriyet Halk Partisi said it would appeal.", []),
        ("Shelling resumed near Idlib Aleppo overnight, officials said.", []),
        ("Yair Golan said the vote was lost.", ["Yair Golan"]),
    ])
    func organisationsInTheirOwnLanguageAreNobody(body: String, expected: [String]) throws {
        let dossier = try oneArticleDossier(body, date: "2024-06-14")
        #expect(dossier.people.map(\.name) == expected, "\(body)")
    }
}

extension NameClassesTests {
    /// A family name two people written family name first share is left unlinked where neither is in play, and
    /// `dossier check` lists it as an open question; where one was just named in full, it is theirs.
    @Test func aSharedFamilyNameIsInPlayOrAnOpenQuestion() throws {
        let scratch = Scratch()
        scratch.write("dossier.yml", "title: T\n")
        scratch.write("articles/a.md", """
            ---
            title: A
            date: 2024-06-14
            ---
            Foreign Minister Wang Minghao met spokesman Wang Jianlin on Monday. The talks lasted an hour.

            Officials were cautious. Wang said nothing.

            Later Wang Jianlin spoke to reporters. Wang said the talks went well.
            """)
        let report = CheckReport.make(content: scratch.path)
        #expect(report.ambiguousSurnames.map { "\($0.text) \($0.article) \($0.people)" } == ["Wang a [\"wang-jianlin\", \"wang-minghao\"]"])
        #expect(report.needsDecision)
        let (linked, _) = linkedDossier(scratch.path)
        let dossier = try #require(linked)
        let alone = dossier.articleTexts[0].mentions.filter { $0.kind == .surname }.map { dossier.people[$0.person].name }
        #expect(alone == ["Wang Jianlin"])
    }
}
