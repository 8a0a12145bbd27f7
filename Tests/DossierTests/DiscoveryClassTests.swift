// Discovery by class, one table per class (issue 25): each row is a construction news prose uses, written fresh
// here, with what a reader should get. The rows are examples of the class, not the sentences of any evaluation.

import Content
import Discovery
import Foundation
import Testing

@Suite struct DiscoveryClassTests {

    /// Tense and modality decide which way a bare weekday or month points; the article's own weekday is its day; a
    /// month without a year takes the nearest year that way; one phrase gives one date.
    /// (2024-06-14 is a Friday.)
    @Test(arguments: [
        ("A vote could come as early as Tuesday.", "2024-06-18"),
        ("The leaders will meet on Monday in Rome.", "2024-06-17"),
        ("Officials said Monday would be a holiday.", "2024-06-17"),
        ("Han said on Thursday that talks had stalled.", "2024-06-13"),
        ("The minister spoke later on Friday.", "2024-06-14"),
        ("He called an emergency meeting for Sunday.", "2024-06-16"),
        ("Parliament sits until a snap election on Sept. 29.", "2024-09-29"),
        ("The funeral will be held in January.", "2025-01"),
        ("The deal was signed in November.", "2023-11"),
        ("They first met in March last year.", "2023-03"),
        ("A vote could be held in the middle of November.", "2024-11"),
        ("The envoy arrived on the 9th.", "2024-06-09"),
        ("The election on the 21st will go ahead.", "2024-06-21"),
        ("As the minister said this morning, nothing changes.", "2024-06-14"),
        ("He led the party for a decade from 2006.", "2006"),
        ("“We agreed,” she told reporters on Wednesday. “Today we sign.”", "2024-06-12|2024-06-12"),
        ("“Yesterday was hard,” he said on Tuesday.", "2024-06-10|2024-06-11"),
        ("“We sign today,” she said.", "2024-06-14"),
        ("Today the envoy arrived, after talks ended on Wednesday.", "2024-06-14|2024-06-12"),
    ])
    func datesPointTheWayTheTenseDoes(sentence: String, expected: String) throws {
        let dossier = try oneArticleDossier(sentence, date: "2024-06-14")
        #expect(dossier.datedStatements[0].map(\.date.edtf) == expected.split(separator: "|").map(String.init), "\(sentence)")
    }

    /// The speaker is the subject of the speech verb, not the one spoken of or to; "according to X" is X's; a
    /// transcript's turns are their speaker's, a question is nobody's.
    @Test(arguments: [
        ("Anna Berg met Paul Ode. “It went badly,” Berg said of Ode.", "It went badly ← anna-berg"),
        ("Anna Berg met Paul Ode. “We are done,” Berg told Ode.", "We are done ← anna-berg"),
        ("Anna Berg met Paul Ode. According to Ode, “nothing was agreed.”", "nothing was agreed. ← paul-ode"),
        ("Anna Berg met Paul Ode. “It is over,” said Ode.", "It is over ← paul-ode"),
        ("Anna Berg was quoted as saying “we will return.”", "we will return. ← anna-berg"),
        ("Paul Ode spoke. Anna Berg called Ode “a staunch friend”.", "a staunch friend ← anna-berg"),
        ("Paul Ode spoke. Anna Berg said she called for “an end to the fighting”.", "an end to the fighting ← anna-berg"),
        ("Anna Berg came despite sanctions by a ministry, which described her as “a close ally.”", "a close ally. ← nobody"),
        ("Ms. Berg met her husband Paul Ode. Berg spoke first. “I take full responsibility,” he said.", "I take full responsibility ← paul-ode"),
        ("Ms. Anna Berg met Paul Ode. Ms. Berg spoke. “We are grateful,” he said.", "We are grateful ← paul-ode"),
        ("Ms. Anna Berg met Ms. Lena Ode. Ms. Berg spoke. “We are grateful,” he said.", "We are grateful ← nobody"),
    ])
    func quotationsGoToTheSubjectOfTheSpeechVerb(body: String, expected: String) throws {
        let dossier = try oneArticleDossier(body, date: "2024-06-14", people: [("anna-berg", "Anna Berg"), ("paul-ode", "Paul Ode")])
        let quotes = dossier.quotes[0].map { "\($0.text) ← \($0.speaker.map { dossier.people[$0].slug } ?? "nobody")" }
        #expect(quotes == [expected])
    }

    @Test func aTranscriptsTurnsAreItsSpeakers() throws {
        let dossier = try oneArticleDossier("""
            MS. BERG: Good afternoon. I will start with the harbour.

            The talks go on tomorrow.

            Q Will Mr. Ode attend?

            MS. BERG: He will not.

            QUESTION: Why not?

            ODE: I was not asked.
            """, date: "2024-06-14", people: [("anna-berg", "Anna Berg"), ("paul-ode", "Paul Ode")])
        let quotes = dossier.quotes[0].map { "\($0.text) ← \($0.speaker.map { dossier.people[$0].slug } ?? "nobody")" }
        #expect(quotes == ["Good afternoon. I will start with the harbour. ← anna-berg", "The talks go on tomorrow. ← anna-berg",
                           "He will not. ← anna-berg", "I was not asked. ← paul-ode"])
    }

    /// Names of every culture get a page under their whole name, titles and offices left out; organisations get none.
    @Test(arguments: [
        ("Press Secretary Karine Jean-Pierre spoke. Jean-Pierre said more.", "Karine Jean-Pierre"),
        ("Taiwan's President Tsai Ing-wen sent condolences.", "Tsai Ing-wen"),
        ("Director of National Intelligence Avril Haines testified. Haines said little.", "Avril Haines"),
        ("Former U.S. Vice President Mike Pence attended.", "Mike Pence"),
        ("The suspect, Tetsuya Yamagami, was arrested. Yamagami told police he had a grudge.", "Tetsuya Yamagami"),
        ("The envoy met the Japanese Ambassador, Koji Tomita, on the day.", "Koji Tomita"),
        ("Commission President Ursula von der Leyen said so.", "Ursula von der Leyen"),
        ("The offer came from Saudi Foreign Minister Faisal bin Farhan.", "Faisal bin Farhan"),
    ])
    func namesOfEveryCultureGetTheirWholeName(body: String, expected: String) throws {
        let dossier = try oneArticleDossier(body, date: "2024-06-14")
        #expect(dossier.people.map(\.name) == [expected], "\(body)")
    }

    @Test(arguments: [
        "The Chief of Nara Prefectural Police said the guard had failed. Police said more.",
        "The U.S. President said nothing. The President left.",
        "Officials at the Sudan Doctors' Union said hospitals were full.",
    ])
    func officesAndOrganisationsGetNoPage(body: String) throws {
        let dossier = try oneArticleDossier(body, date: "2024-06-14")
        #expect(dossier.people.isEmpty, "\(dossier.people.map(\.name))")
    }

    /// A title and a surname alone name a person: a page under the surname, which takes the whole name when a later
    /// article writes it; a relative's given name, an office or an organisation after a title gets none.
    @Test(arguments: [
        ("Ambassador Quellin was safe, officials said.", "", ["Quellin"]),
        ("The Secretary spoke with Foreign Minister Ostrova this morning.", "", ["Ostrova"]),
        ("Mr. Brandvold always says that.", "", ["Brandvold"]),
        ("Ambassador Quellin was safe.", "Envoy Tomas Quellin returned home.", ["Tomas Quellin"]),
        ("Mrs. Ostrova said so.", "Finance minister Ilse Ostrova resigned.", ["Ilse Ostrova"]),
        ("He thanked his wife Akemi for her support.", "", []),
        ("Shares of General Electric fell.", "", []),
        ("Lavrov met the head of Sardovia on Monday.", "", []),
        ("Minister Energy spoke. Prime Minister Kremlin answered.", "", []),
    ])
    func aTitleAndASurnameNameAPerson(first: String, later: String, expected: [String]) throws {
        let scratch = Scratch()
        scratch.write("dossier.yml", "title: T\n")
        scratch.write("articles/a.md", "---\ntitle: A\ndate: 2024-06-14\n---\n\(first)\n")
        if !later.isEmpty { scratch.write("articles/b.md", "---\ntitle: B\ndate: 2024-06-20\n---\n\(later)\n") }
        let (dossier, log) = linkedDossier(scratch.path)
        #expect(!log.hasErrors, "\(log.items)")
        let linked = try #require(dossier)
        #expect(linked.people.map(\.name) == expected, "\(first) / \(later)")
        if let person = linked.people.first {
            // Every article's mention of the person goes to the one page.
            #expect(Set(linked.articleTexts.flatMap { $0.mentions.map(\.person) }) == [0], "\(first) / \(later)")
            #expect(person.slug == Slug.make(from: expected[0].split(separator: " ").last.map(String.init) ?? ""))
        }
    }

    /// A name with no title, given name or speech verb is still a name by its shape: two or three words no dictionary
    /// or table knows (or a particle inside), as the subject of a past-tense verb or with an apposition after. Places
    /// and ordinary words of that shape get no page.
    @Test(arguments: [
        ("In Lyon, Corentin Le Brasseur congratulated the winner.", ["Corentin Le Brasseur"]),
        ("Wouter Kleinveld, a former judge, founded a party.", ["Wouter Kleinveld"]),
        ("Takumi Oshiro, who led the inquiry, resigned.", ["Takumi Oshiro"]),
        ("Burkina Faso announced a curfew.", []),
        ("Hong Kong reported no cases.", []),
        ("Al Jazeera reported the strike.", []),
        ("Boko Haram claimed the attack.", []),
        ("La Vuelta announced a new route.", []),
        ("Troops arrived in Kuala Lumpur, the capital.", []),
        ("Green Energy collapsed last year.", []),
        ("The ceremony was held at the Nippon Budokan hall.", []),
    ])
    func aNameShapedRunIsAPerson(body: String, expected: [String]) throws {
        let dossier = try oneArticleDossier(body, date: "2024-06-14")
        #expect(dossier.people.map(\.name) == expected, "\(body)")
    }

    /// A particle and a surname alone ("bin Zayed", "Van der Berg", misspelt "Inb Najjar") are the surname of the one
    /// whose full name ends so, never a page of their own; with no such person they are reported, not made a page.
    @Test(arguments: [
        ("Mohammed bin Rashed spoke. Later bin Rashed said no.", ["Mohammed bin Rashed"]),
        ("Sheikh Tamir bin Hamdan arrived. Bin Hamdan said little.", ["Tamir bin Hamdan"]),
        ("Senator Ilse van der Brink spoke. Van der Brink told reporters more.", ["Ilse van der Brink"]),
        ("Walid ibn Qasimi spoke. Mr. ibn Qasimi said so.", ["Walid ibn Qasimi"]),
        ("Minister Yusuf ibn Najjari spoke. Inb Najjari's office said no.", ["Yusuf ibn Najjari"]),
        ("Later bin Qadiri said no. Mr. bin Qadiri agreed.", []),
        ("Farida van der Molen, whose party won, spoke. Van der Molen said more.", ["Farida van der Molen"]),
        ("Minister Jose de Almagro said so.", ["Jose de Almagro"]),
        ("Commission President Ursula von der Leyen said so.", ["Ursula von der Leyen"]),
    ])
    func aParticleAndASurnameAreASurnameAlone(body: String, expected: [String]) throws {
        let dossier = try oneArticleDossier(body, date: "2024-06-14")
        #expect(dossier.people.map(\.name) == expected, "\(body)")
        if expected.count == 1 {
            #expect(Set(dossier.articleTexts.flatMap { $0.mentions.map(\.person) }) == [0], "\(body)")
        }
    }

    /// Hyphenated given names and surnames stay whole, possessive or not: Korean family name first ("Cho Dong-hyun"),
    /// Yoruba and Igbo double surnames ("Okonjo-Iweala"); a hyphenated word alone is no person.
    @Test(arguments: [
        ("Minister Cho Dong-hyun said so. Cho Dong-hyun's office agreed.", ["Cho Dong-hyun"]),
        ("Ambassador Choi Jae-won spoke to reporters.", ["Choi Jae-won"]),
        ("Envoy Han Dong-su met the press.", ["Han Dong-su"]),
        ("Minister Amaka Okonjo-Iweala said so.", ["Amaka Okonjo-Iweala"]),
        ("Taiwan's President Tsai Ing-wen sent condolences.", ["Tsai Ing-wen"]),
        ("Adebayo-Smiths proposed a plan.", []),
        ("Anti-war protesters marched.", []),
        ("The premier met King Willem-Alexander.", ["Willem-Alexander"]),
    ])
    func hyphenatedNamesStayWhole(body: String, expected: [String]) throws {
        let dossier = try oneArticleDossier(body, date: "2024-06-14")
        #expect(dossier.people.map(\.name) == expected, "\(body)")
    }

    /// Places of several words are nobody, whatever cue stands by them; a person whose name starts like a place is
    /// one with a title or a speech verb.
    @Test(arguments: [
        ("Talks were held in Costa Rica, officials said.", []),
        ("Negotiators in Rio de Janeiro questioned the plan.", []),
        ("New York said it would sue.", []),
        ("San Francisco announced a curfew.", []),
        ("The envoy flew from Abu Dhabi to Addis Ababa.", []),
        ("Buenos Aires and Kuala Lumpur agreed.", []),
        ("Santa Clarita outlined a framework.", []),
        ("President Santa Ono said the university would act.", ["Santa Ono"]),
        ("Newt Gingrich said so.", ["Newt Gingrich"]),
        ("Minister Rui Costa said so in Hong Kong.", ["Rui Costa"]),
    ])
    func placesOfSeveralWordsAreNobody(body: String, expected: [String]) throws {
        let dossier = try oneArticleDossier(body, date: "2024-06-14")
        #expect(dossier.people.map(\.name) == expected, "\(body)")
    }

    /// The same person under another order of names, or a name in brackets, is one page.
    @Test func familyNameFirstAndNicknamesAreOnePerson() throws {
        let dossier = try oneArticleDossier("""
            Prime Minister Kishida Fumio spoke first. Later Fumio Kishida added a word. General Mohamed Hamdan Dagalo \
            (Hemedti) commands the force. Hemedti said it would fight.
            """, date: "2024-06-14")
        #expect(dossier.people.map(\.name) == ["Kishida Fumio", "Mohamed Hamdan Dagalo"])
        #expect(dossier.people.map { $0.variants.map(\.text) } == [["Fumio Kishida"], ["Hemedti"]])
    }

    /// A quotation of several sentences is one sentence of its block and one quotation; "King Salman" is not the
    /// known Mohammed bin Salman.
    @Test func aQuotationIsNeverCutAndAKingIsNoSurname() throws {
        let dossier = try oneArticleDossier("""
            Anna Berg spoke. “We agreed. It holds. Nobody wants more,” Berg said. King Salman met Mohammed bin Salman. \
            King Salman left.
            """, date: "2024-06-14", people: [("anna-berg", "Anna Berg"), ("mohammed-bin-salman", "Mohammed bin Salman")])
        let quotes = dossier.quotes[0].map { "\($0.text) ← \($0.speaker.map { dossier.people[$0].slug } ?? "nobody")" }
        #expect(quotes == ["We agreed. It holds. Nobody wants more ← anna-berg"])
        #expect(dossier.articleTexts[0].document.blocks[0].sentences.count == 4)
        let salman = try #require(dossier.personBySlug["mohammed-bin-salman"])
        #expect(dossier.articleTexts[0].mentions.filter { $0.person == salman }.map(\.text) == ["Mohammed bin Salman"])
    }

    /// A surname two people in play share is left unlinked and listed by `dossier check`; one named in full nearby
    /// resolves it.
    @Test func aSharedSurnameIsReportedNotGuessed() throws {
        let scratch = Scratch()
        scratch.write("dossier.yml", "title: T\n")
        scratch.write("articles/a.md", """
            ---
            title: A
            date: 2024-06-14
            ---
            Akie Abe thanked mourners for her husband Shinzo Abe. Abe was 67.
            """)
        scratch.write("articles/b.md", """
            ---
            title: B
            date: 2024-06-15
            ---
            Shinzo Abe was buried. Abe led Japan twice.
            """)
        scratch.write("people/akie-abe.md", "---\nname: Akie Abe\n---\n")
        scratch.write("people/shinzo-abe.md", "---\nname: Shinzo Abe\n---\n")
        let report = CheckReport.make(content: scratch.path)
        #expect(report.ambiguousSurnames.map { "\($0.text) \($0.article) \($0.people)" } == ["Abe a [\"akie-abe\", \"shinzo-abe\"]"])
        #expect(report.needsDecision)
        #expect(report.text.contains("\"Abe\" in a could be akie-abe or shinzo-abe"))
    }

    /// A shared surname goes to the one of that name in play: named in full in its sentence or the one before, alone.
    @Test func aSharedSurnameGoesToTheOneInPlay() throws {
        let dossier = try oneArticleDossier("""
            Akie Abe spoke at the temple. Shinzo Abe was buried on Tuesday. Abe was 67. Akie Abe, whose husband Shinzo Abe \
            led Japan, wept. Abe thanked the mourners.
            """, date: "2024-06-14", people: [("akie-abe", "Akie Abe"), ("shinzo-abe", "Shinzo Abe")])
        let surnames = dossier.articleTexts[0].mentions.filter { $0.kind == .surname }.map { dossier.people[$0.person].slug }
        #expect(surnames == ["shinzo-abe"])
    }

    /// A short or familiar form of a given name is the same person; another given name of that surname is not.
    @Test(arguments: [
        ("Victoria Halden", "Toria Halden"),
        ("Robert Tranby", "Bobby Tranby"),
        ("Dmitry Orlovets", "Dima Orlovets"),
        ("Richard Vossler", "Dick Vossler"),
        ("Katherine Mendle", "Kate Mendle"),
    ])
    func aHypocorismIsTheSamePerson(full: String, short: String) throws {
        let dossier = try oneArticleDossier("""
            Senator \(full) spoke in Vilnius. Later, Senator \(short) said more. Senator Paul Halden, Senator Paul Tranby, \
            Senator Paul Orlovets, Senator Paul Vossler and Senator Paul Mendle listened.
            """, date: "2024-06-14")
        let person = try #require(dossier.people.first { $0.name == full })
        #expect(person.variants.map(\.text) == [short])
        #expect(!dossier.people.contains { $0.name == short })
    }

    /// Two transliterations of one long given name are one person; two short names a letter apart are not.
    @Test func transliteratedGivenNamesAreOnePerson() throws {
        let dossier = try oneArticleDossier("""
            Opposition leader Svetlana Tsikhanouskaya spoke in Vilnius. Later, Sviatlana Tsikhanouskaya said more. \
            Senator Mary Smith met Senator Mark Smith.
            """, date: "2024-06-14")
        #expect(dossier.people.map(\.name) == ["Mark Smith", "Mary Smith", "Svetlana Tsikhanouskaya"])
        #expect(dossier.people.last?.variants.map(\.text) == ["Sviatlana Tsikhanouskaya"])
    }
}
