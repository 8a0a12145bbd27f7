// The heuristics of discovery as data: title and role words, given names, words that make a capitalised run
// a place or an organisation, attribution verbs, date words. Grow these tables, not the code.

import Content

enum NameCues {
    /// Ordinary English words, lower-case (EnglishWords.swift, from hunspell-en-us): a capitalised one is a word at the
    /// start of a sentence or in an organisation's name, not a name. Words that are also names ("Mark", "Rose") are not in it.
    static let ordinaryWords: Set<String> = {
        var words = Set<String>(minimumCapacity: 90_000)
        var previous: [UInt8] = []
        for line in EnglishWords.frontCoded.utf8.split(separator: UInt8(ascii: "\n")) {
            guard let first = line.first else { continue }
            let shared = first >= UInt8(ascii: "a") ? Int(first - UInt8(ascii: "a")) + 10 : Int(first - UInt8(ascii: "0"))
            previous = Array(previous.prefix(shared)) + line.dropFirst()
            words.insert(String(decoding: previous, as: UTF8.self))
        }
        return words
    }()

    static func isOrdinaryWord(_ word: String) -> Bool {
        word.utf8.count >= 3 && ordinaryWords.contains(word.lowercasedQuickly)
    }

    /// An ordinary word, or the plural of one the word list has only in the singular ("Communications"). Only to say
    /// that a run is all ordinary words: as a surname's test it would take "Burns" and "Banks".
    static func isOrdinaryWordOrPlural(_ word: String) -> Bool {
        isOrdinaryWord(word) || (word.utf8.count >= 5 && word.hasSuffix("s") && isOrdinaryWord(String(word.dropLast())))
    }

    /// Words that, written just before a name (or as the head of an apposition after it), say it is a person:
    /// "President Vladimir Putin", "Kremlin spokesman Dmitry Peskov", "Moussa Koussa, the foreign minister".
    /// Lower-case; compared case-insensitively.
    static let titleWords: WordSet = [
        "president", "vice", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "envoy", "ambassador",
        "adviser", "advisor", "aide", "chancellor", "premier", "governor", "senator", "sen", "representative", "rep",
        "mayor", "king", "queen", "prince", "princess", "sheikh", "emir", "general", "gen", "colonel", "col", "admiral",
        "commander", "lieutenant", "captain", "sergeant", "mr", "mrs", "ms", "miss", "dr", "prof", "professor",
        "judge", "justice", "prosecutor", "director", "chairman", "chairwoman", "chair", "chief", "executive", "ceo",
        "founder", "leader", "head", "negotiator", "diplomat", "official", "officer", "deputy", "pope", "patriarch",
        "cardinal", "bishop", "rabbi", "imam", "ayatollah", "tycoon", "banker", "billionaire", "oligarch", "journalist",
        "reporter", "correspondent", "editor", "teacher", "lawyer", "attorney", "activist", "dissident", "widow",
        "widower", "wife", "husband", "son", "daughter", "brother", "sister", "mother", "father", "economist",
        "analyst", "commissioner", "coordinator", "mediator", "czar", "tsar", "speaker", "chief-of-staff",
        "suspect", "lawmaker", "legislator", "politician", "candidate", "nominee", "chairperson", "superintendent",
        "representative", "counsel", "inspector", "detective", "officer", "marshal", "major", "sheriff", "emperor",
        "empress", "crown", "rapporteur", "special", "envoy", "comrade", "shri", "sri", "smt", "shrimati", "sahib",
    ]

    /// Titles that say whose relative someone is: the name after one is often a given name ("his wife Akie").
    static let relationWords: WordSet = ["wife", "husband", "widow", "widower", "son", "daughter", "brother", "sister", "mother", "father"]

    /// Lower-case words inside names (case-sensitive: "Al" starting a sentence is no particle).
    static let nameParticles: WordSet = ["al", "el", "bin", "ibn", "bint", "de", "del", "della", "da", "di", "dos", "van", "von", "der", "den", "ter", "le", "la"]

    /// Whether a word is a name particle in any case ("bin", "Bin", "van"), or one with two letters swapped, as
    /// typing does ("Inb" for "ibn"; particles of three letters or more, and not a given name or English word).
    static func isParticle(_ word: String) -> Bool {
        let lowered = word.lowercased()
        if nameParticles.contains(lowered) { return true }
        let letters = Array(lowered)
        guard letters.count >= 3, letters.count <= 4, !isOrdinaryWord(word), !givenNames.contains(lowered) else { return false }
        for i in 0..<(letters.count - 1) where letters[i] != letters[i + 1] {
            var swapped = letters
            swapped.swapAt(i, i + 1)
            if nameParticles.contains(String(swapped)) { return true }
        }
        return false
    }

    /// Articles of other languages that open the names of papers, leagues and places ("La Liga", "El País", "Le Monde").
    static let leadingArticles: WordSet = ["la", "le", "el", "les", "los", "las", "il", "lo", "die", "het"]

    /// Titles written with a period ("Mr. Jalil", "Gen. Gerasimov"): the period does not end the phrase.
    static let abbreviatedTitles: WordSet = ["mr", "mrs", "ms", "dr", "prof", "gen", "col", "sen", "rep", "gov", "lt", "capt", "sgt", "st", "smt"]

    /// Titles a royal or religious head is named by with one name alone ("King Salman", "Pope Francis").
    static let royalTitles: WordSet = ["king", "queen", "prince", "princess", "emperor", "empress", "pope", "sheikh", "emir", "sultan", "tsar", "czar", "crown"]

    /// Titles that carry no role worth showing on their own ("Mr. Jalil" says nothing about Jalil's job).
    static let honorifics: WordSet = ["mr", "mrs", "ms", "miss", "dr", "prof", "comrade", "shri", "sri", "smt", "shrimati", "sahib"]

    /// Adjectives of nationality and other qualifiers that may stand before a title ("Russian Foreign Minister").
    static let qualifierWords: WordSet = [
        "russian", "american", "us", "u", "s", "ukrainian", "turkish", "libyan", "jordanian", "israeli", "palestinian",
        "saudi", "qatari", "egyptian", "iranian", "chinese", "british", "french", "german", "italian", "polish",
        "belarusian", "syrian", "iraqi", "lebanese", "indian", "pakistani", "japanese", "korean", "emirati", "kremlin",
        "foreign", "prime", "defense", "defence", "interior", "energy", "finance", "economy", "trade", "justice",
        "state", "national", "security", "special", "senior", "former", "acting", "top", "deputy", "first", "white",
        "house", "presidential", "opposition", "rebel", "army", "navy", "gazprom", "treasury", "then",
    ]

    /// Given names seen in news about politics and business across the world, lower-case ASCII. A capitalised run
    /// starting with one of these, followed by a surname, is a person even without a title.
    static let givenNames: WordSet = [
        // English
        "adam", "alan", "alex", "alexander", "alice", "amy", "andrew", "angela", "ann", "anna", "anne", "anthony",
        "antony", "barack", "ben", "benjamin", "bernie", "bill", "bob", "boris", "brian", "carl", "catherine",
        "charles", "chris", "christopher", "chuck", "colin", "daniel", "david", "donald", "edward", "elizabeth",
        "emily", "emma", "eric", "frank", "gary", "george", "gordon", "hillary", "hunter", "jack", "jake", "james",
        "jane", "jason", "jeff", "jennifer", "jerome", "jim", "joe", "john", "jonathan", "joseph", "josh", "julia",
        "justin", "kamala", "karen", "kate", "keir", "kevin", "kristi", "larry", "laura", "linda", "lisa", "lloyd",
        "marc", "marco", "margaret", "mark", "martin", "mary", "matthew", "michael", "mike", "nancy", "nick",
        "nicholas", "pam", "patrick", "paul", "pete", "peter", "philip", "rachel", "richard", "rishi", "robert",
        "ron", "sam", "samantha", "sarah", "scott", "sean", "stephanie", "stephen", "steve", "steven", "susan",
        "ted", "thomas", "tim", "timothy", "tom", "tony", "victoria", "william", "jared", "kash", "tulsi", "marjorie",
        "mitch", "lindsey", "elon", "jens", "mark", "olaf", "emmanuel", "ursula", "giorgia", "viktor", "recep",
        "kaja", "annalena", "rafael", "pedro", "luiz", "javier", "narendra", "xi", "li", "wang", "kim", "yoon",
        "shinzo", "fumio", "jacinda", "justin", "liz", "theresa", "tucker",
        // Russian, Ukrainian, Belarusian (with common transliterations)
        "aleksandr", "aleksei", "alexei", "alexey", "aleksey", "alexandr", "anatoly", "andrei", "andrey", "anton",
        "arkady", "boris", "denis", "dmitri", "dmitry", "dmitriy", "evgeny", "yevgeny", "yevgeniy", "gennady",
        "grigory", "igor", "ivan", "ilya", "kirill", "kiril", "konstantin", "leonid", "maksim", "maxim", "mikhail",
        "nikolai", "nikolay", "oleg", "pavel", "petr", "pyotr", "roman", "ruslan", "sergei", "sergey", "stanislav",
        "valentina", "valery", "vasily", "viktor", "vitaly", "vladimir", "vladislav", "vyacheslav", "yuri", "yury",
        "maria", "marina", "natalia", "olga", "svetlana", "tatiana", "tatyana", "yulia", "lyudmila", "ludmila",
        "elena", "yelena", "irina", "ekaterina", "yekaterina", "oksana", "volodymyr", "oleksandr", "oleksiy",
        "andriy", "dmytro", "mykhailo", "petro", "yulia", "vitali", "vitaliy", "kyrylo", "iryna", "olena", "alexander",
        "ramzan", "alisher", "nursultan", "kassym", "alexandra", "nadezhda", "galina", "vera", "lev", "fyodor",
        // Arabic, Persian, Turkish and neighbours
        "abdul", "abdel", "abdullah", "abu", "ahmed", "ahmad", "ali", "ayman", "bashar", "fahd", "faisal", "hamad",
        "hassan", "hussein", "ibrahim", "ismail", "khalid", "khaled", "mahmoud", "mohammed", "muhammad", "mohamed",
        "mohammad", "moussa", "musa", "mustafa", "mustapha", "muammar", "moammar", "omar", "osama", "qasem", "saif",
        "salman", "tamim", "tayyip", "walid", "yahya", "yasser", "youssef", "yousef", "hakan", "mevlut", "recep",
        "ahmet", "mehmet", "alparslan", "ekrem", "kemal", "abdulhamid", "hamid", "khalifa", "hossein", "javad",
        "masoud", "ebrahim", "hasan", "ismail", "nabih", "najib", "rafik", "saad", "tariq", "fayez", "ghassan",
        // Hebrew
        "benjamin", "benny", "yair", "naftali", "yoav", "isaac", "itamar", "bezalel", "gideon", "avigdor", "ehud",
        "ariel", "moshe", "shimon", "yitzhak", "golda", "herzi", "gadi", "ron",
        // Spanish, Portuguese, Italian, French, German, Dutch (slugs: without accents)
        "jose", "juan", "luis", "carlos", "manuel", "andres", "miguel", "jorge", "francisco", "antonio", "fernando",
        "alejandro", "gustavo", "gabriel", "ricardo", "sergio", "diego", "pablo", "alberto", "raul", "enrique", "eduardo",
        "isabel", "carmen", "cristina", "claudia", "lucia", "beatriz", "yolanda", "nicolas", "jair", "dilma", "evo",
        "nayib", "xiomara", "guillermo", "sebastian", "michelle", "geraldo", "fernanda", "matteo", "giuseppe", "mario",
        "silvio", "enrico", "paolo", "giovanni", "luigi", "jean", "jacques", "francois", "michel", "philippe",
        "olivier", "thierry", "laurent", "gerald", "bruno", "segolene", "edouard", "sebastien", "friedrich",
        "wolfgang", "karl", "heinz", "jurgen", "markus", "horst", "helmut", "gerhard", "sahra", "geert", "frans",
        "wopke", "pieter", "sigrid", "dilan",
        // Turkish, Persian, South Asian
        "devlet", "binali", "ozgur", "fatih", "selahattin", "mansur", "abbas", "rahul", "sonia", "amit", "rajnath",
        "arvind", "mamata", "shehbaz", "nawaz", "imran", "asif", "bilawal", "maryam", "hasina", "ranil", "gotabaya",
        "mahinda", "anura", "subrahmanyam", "arindam", "hardeep", "nirmala", "piyush", "yogi",
        // African (not the given names of patronymic names, Abiy, Getachew: those are named alone by them, NameCues.shortForms)
        "cyril", "jacob", "thabo", "bola", "muhammadu", "olusegun", "goodluck", "uhuru", "raila", "yoweri",
        "macky", "ousmane", "alassane", "mahamadou", "emmerson", "hage", "hakainde", "samia", "idriss",
        "mahamat", "assimi", "bassirou", "felix", "denis", "hassoumi",
        // Japanese, Indonesian, Filipino
        "yoshihide", "taro", "shigeru", "junichiro", "yukio", "naoto", "yoshihiko", "yoko", "yuriko", "sanae", "seiko",
        "kenji", "hiroshi", "takeshi", "akira", "koji", "ichiro", "yoshimasa", "katsunobu", "hirokazu", "toshihiro",
        "tetsuya", "joko", "gibran", "anies", "ganjar", "megawati", "susilo", "retno", "luhut", "ferdinand", "rodrigo",
        "leni", "bongbong",
    ]

    /// Words that make a capitalised run an organisation, a place or a thing, never a person:
    /// "Harvard University", "Goldman Sachs", "State Department", "Saudi Arabia", "White House".
    static let organisationOrPlaceWords: WordSet = [
        "university", "college", "school", "institute", "academy", "department", "ministry", "council", "committee",
        "commission", "agency", "office", "bureau", "service", "services", "house", "kremlin", "pentagon", "senate",
        "rights", "affairs", "relations", "studies", "freedoms", "liberties", "cooperation",
        "congress", "parliament", "duma", "assembly", "court", "tribunal", "union", "nations", "organization",
        "organisation", "bank", "fund", "group", "company", "corporation", "corp", "inc", "ltd", "llc", "sachs",
        "mckinsey", "gazprom", "rosneft", "botas", "party", "front", "army", "navy", "force", "forces", "guard",
        "stream", "pipeline", "airport", "port", "street", "square", "avenue", "city", "republic", "kingdom",
        "states", "state", "emirates", "arabia", "federation", "region", "province", "district", "county", "island",
        "islands", "sea", "ocean", "river", "mountains", "times", "post", "journal", "news", "press", "telegraph",
        "guardian", "reuters", "tass", "interfax", "cnn", "nbc", "bbc", "abc", "cbs", "fox", "msnbc", "x", "telegram",
        "twitter", "facebook", "instagram", "youtube", "tiktok", "administration", "government", "cabinet",
        "treasury", "embassy", "consulate", "mission", "delegation", "centre", "center", "foundation", "association",
        "network", "media", "airlines", "airways", "motors", "holdings", "capital", "partners", "exchange", "market",
        "markets", "index", "summit", "forum", "conference", "talks", "treaty", "accord", "agreement", "war",
        "rdif", "nato", "un", "eu", "us", "usa", "uk", "opec", "imf", "who", "fbi", "cia", "kgb", "fsb", "svr", "gru",
        "east", "west", "north", "south", "middle", "europe", "european", "africa", "asia", "america", "americas",
        "aviv", "jerusalem", "gaza", "moscow", "washington", "kyiv", "kiev", "london", "paris", "berlin", "beijing",
        "tripoli", "benghazi", "riyadh", "istanbul", "ankara", "doha", "cairo", "amman", "tehran", "damascus",
        "vilnius", "minsk", "warsaw", "brussels", "geneva", "vienna", "rome", "tokyo", "delhi", "stanford", "harvard",
        "yale", "oxford", "cambridge", "caliber", "az", "thrace", "arctic", "crimea", "donbas", "donetsk", "luhansk",
        "kharkiv", "odesa", "odessa", "mariupol", "bakhmut", "kursk", "belgorod", "brega", "misrata", "sirte",
        // Bodies of people: "Nara Prefectural Police", "Sudan Doctors' Union".
        "police", "doctors", "lawyers", "workers", "farmers", "teachers", "students", "nurses", "judges", "guards",
        "troops", "militia", "brigade", "battalion", "regiment", "church", "movement", "alliance", "coalition",
        // Divisions of a country: "Yamalo-Nenets Autonomous Okrug", "Kherson Oblast", "Nara Prefecture".
        "oblast", "okrug", "krai", "raion", "prefecture", "governorate", "wilaya", "canton", "municipality", "borough",
        "territory", "territories", "autonomous", "emirate", "sultanate", "voivodeship",
        // Bodies named in their own language: "Jabhat al-Nusra", "Jaish al-Adl", "Ansar Allah", "Hizb ut-Tahrir",
        // "Cumhuriyet Halk Partisi", "Partido Popular", "Yedinaya Rossiya".
        "jabhat", "jaish", "ansar", "hizb", "harakat", "kataib", "liwa", "saraya", "ahrar", "tanzim", "jamaat", "jamaah",
        "ittihad", "hayat", "allah", "nusra", "adl", "partisi", "parti", "partido", "partito", "partei", "frente",
        "movimiento", "alianza", "rossiya", "rossii", "ilbo", "shimbun",
    ]

    /// Words that put a place after them: a name shaped like a person's is no person after one ("in Kuala Lumpur").
    static let placeLeads: WordSet = [
        "in", "at", "from", "to", "into", "near", "of", "the", "across", "outside", "inside", "toward", "towards", "via",
        "through", "around", "visit", "visited", "visiting", "capital",
    ]

    /// Countries and places whose names are no ordinary English words (the word list leaves proper nouns out): a run
    /// with one of them is a place, not a person ("Burkina Faso announced", "Hong Kong reported"). Names that are
    /// also given names (Jordan, Georgia, Sydney, Milan, Chad) are left out.
    static let placeNames: WordSet = [
        "afghanistan", "albania", "algeria", "angola", "argentina", "armenia", "australia", "austria", "azerbaijan",
        "bahrain", "bangladesh", "belarus", "belgium", "benin", "bolivia", "bosnia", "botswana", "brazil", "bulgaria",
        "burkina", "faso", "burundi", "cambodia", "cameroon", "canada", "chile", "china", "colombia", "columbia",
        "congo", "croatia", "cuba", "cyprus", "czechia", "denmark", "djibouti", "ecuador", "egypt", "eritrea", "estonia",
        "ethiopia", "finland", "france", "gabon", "gambia", "germany", "ghana", "greece", "guatemala",
        "guinea", "bissau", "haiti", "honduras", "hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland",
        "italy", "japan", "kazakhstan", "kenya", "kosovo", "kuwait", "kyrgyzstan", "laos", "latvia",
        "lebanon", "liberia", "libya", "lithuania", "luxembourg", "madagascar", "malawi", "malaysia", "mali", "malta",
        "mauritania", "mexico", "moldova", "mongolia", "montenegro", "morocco", "mozambique", "myanmar", "namibia",
        "nepal", "netherlands", "nicaragua", "niger", "nigeria", "norway", "oman", "pakistan", "panama", "paraguay",
        "peru", "philippines", "poland", "portugal", "qatar", "romania", "russia", "rwanda", "senegal", "serbia",
        "sierra", "leone", "singapore", "slovakia", "slovenia", "somalia", "spain", "sri", "lanka", "sudan", "sweden",
        "switzerland", "syria", "taiwan", "tajikistan", "tanzania", "thailand", "togo", "tunisia", "turkey", "turkiye",
        "uganda", "ukraine", "uruguay", "uzbekistan", "venezuela", "vietnam", "yemen", "zambia", "zimbabwe", "korea",
        "hong", "kong", "macau", "tibet", "xinjiang", "kashmir", "punjab", "ontario", "quebec", "manitoba",
        "aires", "angeles", "vegas", "lumpur", "dhabi", "riyadh", "jeddah", "dubai", "karachi",
        "lahore", "mumbai", "kolkata", "chennai", "bangalore", "niamey", "bamako", "ouagadougou", "abuja", "lagos",
        "dakar", "khartoum", "darfur", "omdurman", "nairobi", "addis", "ababa", "kinshasa", "shanghai", "shenzhen",
        "osaka", "kyoto", "nara", "seoul", "pyongyang", "taipei", "manila", "jakarta", "hanoi", "bangkok", "yangon",
        "madrid", "barcelona", "sevilla", "seville", "lisbon", "amsterdam", "rotterdam", "hague", "zurich", "munich",
        "frankfurt", "hamburg", "naples", "athens", "prague", "budapest", "bucharest", "belgrade",
        "zagreb", "sarajevo", "tbilisi", "yerevan", "baku", "ottawa", "toronto", "vancouver", "montreal", "surrey",
        // Media, armed groups and other bodies whose names look like a person's to the word list.
        "jazeera", "arabiya", "xinhua", "kyodo", "nhk", "asahi", "yomiuri", "mainichi", "nikkei", "afp", "dpa", "efe",
        "ansa", "pti", "hamas", "hezbollah", "taliban", "wagner", "boko", "haram", "shabaab", "isis", "houthi", "houthis",
        "mossad", "interpol", "frontex", "europol", "fasher", "geneina", "kordofan", "nyala", "sabha", "rajya", "lok",
        "knesset", "bundestag", "storting", "riksdag", "sejm", "rada", "majlis", "liga", "monde", "figaro", "spiegel",
        "melbourne", "canberra", "auckland", "havana", "caracas", "bogota",
        // More cities and regions the word list leaves out, across the world (not those that are also surnames:
        // Santiago, Mendoza, Golan, Gao).
        "aleppo", "idlib", "homs", "hama", "latakia", "tartus", "raqqa", "daraa", "qamishli", "kobani", "afrin", "manbij",
        "mosul", "basra", "erbil", "kirkuk", "fallujah", "sanaa", "aden", "hodeidah", "marib", "izmir",
        "antalya", "diyarbakir", "gaziantep", "hatay", "kurdistan", "busan", "incheon", "gwangju", "daegu", "yongsan",
        "gyeonggi", "jeju", "ulsan", "tigray", "amhara", "oromia", "mekelle", "asmara", "mogadishu", "juba", "goma",
        "kigali", "kampala", "dodoma", "lusaka", "harare", "maputo", "luanda", "windhoek", "gaborone", "accra",
        "abidjan", "conakry", "freetown", "monrovia", "nouakchott", "ndjamena", "bangui", "yaounde", "douala",
        "libreville", "brazzaville", "timbuktu", "kidal", "agadez", "tillaberi", "maiduguri", "kano", "kaduna",
        "sahel", "darfur", "kherson", "zaporizhzhia", "dnipro", "lviv", "sumy", "chernihiv", "avdiivka", "pokrovsk",
        "novgorod", "nizhny", "yekaterinburg", "novosibirsk", "vladivostok", "chechnya", "grozny", "dagestan",
        "ingushetia", "tatarstan", "abkhazia", "ossetia", "transnistria", "chisinau", "almaty", "astana", "tashkent",
        "bishkek", "dushanbe", "ashgabat", "kabul", "kandahar", "herat", "peshawar", "islamabad", "rawalpindi",
        "quetta", "dhaka", "chittagong", "kathmandu", "colombo", "thimphu", "naypyidaw", "mandalay", "rakhine",
        "phnom", "penh", "vientiane", "cebu", "davao", "mindanao", "surabaya", "bandung", "medan", "bali", "papua",
        "guangzhou", "wuhan", "chengdu", "chongqing", "tianjin", "nanjing", "hangzhou", "xiamen", "fujian",
        "guangdong", "sichuan", "yunnan", "hainan", "zhejiang", "jiangsu", "shandong", "hebei", "henan", "hubei",
        "hunan", "shaanxi", "shanxi", "gansu", "qinghai", "ningxia", "guangxi", "jilin", "liaoning", "heilongjiang",
        "kaohsiung", "taichung", "tainan", "hsinchu", "okinawa", "hokkaido", "sapporo", "yokohama", "nagoya", "fukuoka",
        "sendai", "kobe", "hiroshima", "nagasaki", "guadalajara", "monterrey", "tijuana", "culiacan",
        "sinaloa", "michoacan", "oaxaca", "chiapas", "medellin", "quito", "guayaquil", "cusco",
        "valparaiso", "montevideo", "asuncion", "brasilia", "recife", "manaus",
        "managua", "tegucigalpa", "maracaibo",
    ]

    /// Places of several words, lower-case, words joined by one space: a run holding one is a place, never a person,
    /// whatever cue stands by it ("in Costa Rica", "New York said").
    static let multiWordPlaces: Set<String> = [
        "new york", "new delhi", "new zealand", "new jersey", "new mexico", "new orleans", "new hampshire", "new caledonia",
        "new south wales", "costa rica", "costa del sol", "rio de janeiro", "rio grande", "rio de la plata", "san francisco",
        "san diego", "san jose", "san josé", "san juan", "san salvador", "san marino", "san antonio", "san sebastian",
        "san sebastián", "santa cruz", "santa fe", "santa barbara", "santa monica", "santo domingo", "são paulo",
        "sao paulo", "são tomé", "sao tome", "buenos aires", "abu dhabi", "kuala lumpur", "hong kong", "addis ababa",
        "los angeles", "las vegas", "las palmas", "puerto rico", "port said", "port sudan", "port moresby",
        "port-au-prince", "tel aviv", "sierra leone", "sri lanka", "burkina faso", "el salvador", "el paso", "dar es salaam",
        "phnom penh", "ho chi minh", "ho chi minh city", "kuala terengganu", "la paz", "las tunas", "saint petersburg",
        "st petersburg", "saint lucia", "saint kitts", "cape town", "cape verde", "ivory coast", "gold coast",
        "baton rouge", "salt lake", "belo horizonte", "porto alegre", "mexico city", "guatemala city", "panama city",
        "kuwait city", "vatican city", "hanoi city", "nur-sultan", "bandar seri begawan", "ulan bator", "ulaanbaatar",
        "sharm el-sheikh", "sharm el sheikh", "ras al khaimah", "mar-a-lago", "rio branco", "monte carlo",
    ]

    /// First words that make most runs they open a place ("New York", "San Diego", "Santa Cruz", "São Paulo",
    /// "Rio Branco"): such a run is a person only with a title, an apposition or a speech verb ("Santa Ono said").
    static let placeFormingWords: Set<String> = ["new", "san", "santa", "santo", "são", "sao", "rio", "los", "las", "puerto", "porto", "port", "fort", "lake", "mount", "cape"]

    /// Whether some consecutive words of a run make a place `multiWordPlaces` knows.
    static func containsKnownPlace(_ words: [String]) -> Bool {
        let lowered = words.map { $0.lowercased() }
        for start in lowered.indices {
            var phrase = lowered[start]
            for end in (start + 1)..<min(lowered.count, start + 5) {
                phrase += " " + lowered[end]
                if multiWordPlaces.contains(phrase) { return true }
            }
        }
        return false
    }

    /// Capitalised words that begin sentences or headlines without naming anyone: a run starting with one is
    /// read from the next word ("In February", "But Dmitriev's visit"). Lower-case.
    static let functionWords: WordSet = [
        "a", "an", "the", "in", "on", "at", "of", "for", "to", "from", "by", "with", "without", "after", "before",
        "since", "during", "while", "when", "where", "as", "and", "but", "or", "if", "so", "yet", "despite", "although",
        "though", "however", "meanwhile", "also", "still", "even", "then", "this", "that", "these", "those", "his",
        "her", "its", "their", "our", "my", "your", "he", "she", "it", "they", "we", "i", "you", "there", "here",
        "some", "many", "most", "all", "one", "two", "three", "several", "few", "each", "every", "both", "no", "not",
        "according", "us", "once", "earlier", "later", "last", "next", "previously", "according", "under", "over",
        "between", "among", "against", "about", "around", "through", "until", "unlike", "like", "only", "just",
        "what", "who", "which", "why", "how", "thousands", "hundreds", "dozens", "officials", "sources", "mourners",
    ]

    /// Verbs that attribute speech: `"...," Lavrov said`, `Dmitriev wrote on X that "..."`.
    static let attributionVerbs: WordSet = [
        "said", "says", "say", "told", "tells", "tell", "wrote", "writes", "write", "added", "adds", "stated", "states",
        "acknowledged", "acknowledges", "argued", "argues", "alleged", "alleges", "declared", "declares", "insisted",
        "insists", "noted", "notes", "warned", "warns", "vowed", "vows", "saying", "according", "asked", "asks",
        "replied", "replies", "explained", "explains", "announced", "announces", "claimed", "claims", "posted",
        "posts", "tweeted", "tweets", "urged", "urges", "promised", "promises", "pledged", "pledges", "complained",
        "complains", "recalled", "recalls", "suggested", "suggests",
        "confirmed", "confirms", "denied", "denies", "admitted", "admits", "stressed", "stresses", "added", "quoted",
        "called", "calls", "described", "describes", "branded", "brands", "dubbed",
    ]

    /// English words of two letters (the word list's test, `isOrdinaryWord`, starts at three): "Pan Am" is no name.
    static let twoLetterWords: Set<String> = [
        "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no", "of", "ok", "on",
        "or", "so", "to", "up", "us", "we",
    ]

    /// Verbs that, with "as" after, put a name to someone: "named him as ...", "identified the gunman as ...".
    static let namingVerbs: Set<String> = ["named", "names", "name", "identified", "identifies", "identify", "identifying", "naming"]

    /// Pronouns that stand for the person last written about.
    static let personalPronouns: WordSet = ["he", "she"]

    /// Words of apposition and role phrases that end the role: "the former justice minister who now leads ..." → role
    /// ends before "who".
    static let roleStops: WordSet = [
        "who", "whom", "whose", "which", "that", "and", "but", "said", "says", "told", "was", "is", "has", "had",
        // A clause, not an apposition: "Kharp in Yamalo-Nenets Autonomous Okrug, where her son served".
        "where", "when", "while", "after", "before", "because", "although", "though", "if", "since", "as", "until",
    ]

    /// Given names that are forms of one another beyond spelling (short forms, translations).
    static let givenNameEquivalents: [[String]] = [
        ["steve", "steven", "stephen"], ["mike", "michael"], ["bill", "william"], ["bob", "robert"], ["joe", "joseph"],
        ["tony", "antony", "anthony"], ["alex", "alexander", "aleksandr", "alexandr", "oleksandr", "alyaksandr", "aliaksandr", "olexander"],
        ["alexei", "aleksei", "alexey", "aleksey", "oleksiy", "aliaksei"], ["dmitry", "dmitri", "dmitriy", "dmytro", "dzmitry"],
        ["yuri", "yury", "yuriy"], ["sergei", "sergey", "serhiy", "serhii", "siarhei"], ["svetlana", "sviatlana", "svyatlana"], ["viktor", "viktar"], ["andrei", "andrey", "andriy"],
        ["mikhail", "mykhailo", "michael"], ["nikolai", "nikolay", "mykola"], ["vladimir", "volodymyr"],
        ["kirill", "kiril", "kyrylo"], ["yevgeny", "evgeny", "yevgeniy", "yevhen", "yauhen", "evgeniy"], ["mohammed", "muhammad", "mohamed", "mohammad"],
        ["muammar", "moammar"], ["mustafa", "mustapha"], ["yulia", "yuliya", "julia"], ["lyudmila", "ludmila"],
        ["maria", "mariya"], ["tatiana", "tatyana"], ["elena", "yelena", "olena"], ["jim", "james"], ["tom", "thomas"],
        ["nick", "nicholas"], ["pete", "peter"], ["tim", "timothy"], ["chris", "christopher"], ["ben", "benjamin"],
        ["liz", "elizabeth"], ["dan", "daniel"], ["sam", "samuel", "samantha"],
        // Hypocorisms: the short and familiar forms news copy uses ("Toria Nuland", "Bobby Kennedy", "Dima").
        ["matt", "matthew"], ["toria", "tori", "victoria"], ["bobby", "rob", "robby", "robert"], ["dick", "rick", "rich", "richard"],
        ["peggy", "maggie", "meg", "margaret"], ["jack", "johnny", "john"], ["ted", "ed", "eddie", "edward"],
        ["kate", "katie", "kathy", "katherine", "catherine", "kathleen"], ["betsy", "beth", "betty", "elizabeth"],
        ["jenny", "jenni", "jennifer"], ["andy", "andrew"], ["dave", "david"], ["greg", "gregory"], ["jeff", "jeffrey"],
        ["ken", "kenneth"], ["larry", "lawrence"], ["hank", "harry", "henry"], ["charlie", "chuck", "charles"],
        ["josh", "joshua"], ["nate", "nathan", "nathaniel"], ["abby", "abigail"], ["becky", "rebecca"], ["jimmy", "jamie", "james"],
        ["billy", "will", "willy", "william"], ["pat", "patrick", "patricia"], ["sasha", "aleksandr", "alexander", "alexandra"],
        ["dima", "dmitry", "dmitri"], ["misha", "mikhail"], ["volodya", "vladimir"], ["kolya", "nikolai"], ["pasha", "pavel"],
        ["lyosha", "alyosha", "alexei"], ["zhenya", "yevgeny"], ["seryozha", "sergei"], ["pepe", "jose"], ["paco", "francisco"],
        ["manolo", "manuel"], ["nacho", "ignacio"], ["lupe", "guadalupe"], ["beppe", "giuseppe"], ["hans", "johannes"],
    ]

    /// Family names of cultures that write the family name first (Chinese, Korean, Vietnamese), lower-case, as news
    /// copy romanises them: "Pan Gongsheng", "Liu Kun", "Yoon Suk Yeol", "Nguyen Phu Trong". A run of such a name and
    /// one or two given names shaped as that romanisation's syllables is a person, and the first word is the surname
    /// used alone ("Qin" for Qin Gang): `EastAsianNames`.
    static let chineseFamilyNames: WordSet = [
        "li", "wang", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu",
        "guo", "he", "gao", "lin", "luo", "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng", "cao", "peng",
        "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu",
        "ding", "ren", "shen", "yao", "cui", "zhong", "tan", "fan", "jin", "shi", "liao", "jia", "xia", "fu", "fang",
        "bai", "zou", "meng", "xiong", "qin", "qiu", "yin", "xue", "yan", "duan", "lei", "hou", "long", "tao", "gu",
        "mao", "hao", "gong", "shao", "wan", "qian", "dai", "mo", "kong", "xiang", "lan", "niu", "chang", "ge", "wen",
        "lai", "fei", "ji", "zhan", "bao", "zuo", "geng", "guan", "miao", "ling", "qi", "chu", "yi", "hua", "rong",
        "ou", "ouyang", "sima", "zhuge", "situ",
        // Wade-Giles and Taiwanese spellings: "Tsai Ing-wen", "Hsiao Bi-khim", "Chiang Wan-an", "Lai Ching-te".
        "tsai", "hsiao", "chiang", "hsu", "chou", "kuo", "hsieh", "chu", "cheng", "wu", "ko", "ho", "lo", "kao", "teng",
        "tseng", "hung", "chao", "chuang",
    ]
    static let koreanFamilyNames: WordSet = [
        "kim", "lee", "yi", "rhee", "park", "pak", "choi", "choe", "jung", "jeong", "chung", "kang", "cho", "jo", "yoon",
        "yun", "jang", "chang", "lim", "im", "han", "oh", "seo", "suh", "shin", "kwon", "hwang", "ahn", "an", "song",
        "yoo", "yu", "hong", "jeon", "chun", "ko", "go", "moon", "mun", "yang", "son", "sohn", "bae", "baek", "paik",
        "heo", "huh", "nam", "noh", "roh", "ha", "ryu", "yoo", "chu", "woo", "ban", "min", "byun", "won", "chae",
    ]
    static let vietnameseFamilyNames: WordSet = [
        "nguyen", "tran", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "ngo", "duong", "ly", "trinh",
        "dinh", "doan", "luong", "truong", "mai", "ha", "lam", "to",
    ]

    // MARK: - Dates

    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sept": 9, "sep": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]

    /// ISO weekday numbers (Monday 1 … Sunday 7), as `DayStamp.weekday` counts them.
    static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ]

    /// Small numbers written as words, for "two days later".
    static let numberWords: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10,
    ]

    static let dayWords: [String: Int] = ["yesterday": -1, "today": 0, "tomorrow": 1]
    static let dayCounts: [String: Int] = ["day": 1, "days": 1, "week": 7, "weeks": 7]
    static let directions: [String: Int] = ["later": 1, "after": 1, "earlier": -1, "before": -1, "ago": -1]

    /// Every word a date expression can start with (besides numbers).
    static let dateTriggers = WordSet(Set(months.keys).union(weekdays.keys).union(numberWords.keys).union(dayWords.keys)
        .union(["last", "this", "next", "earlier", "later", "tonight"]))

    /// Months and weekdays, as one set: a capitalised one is a date, never part of a name, except as below.
    static let calendarWords = WordSet(Set(months.keys).union(weekdays.keys))
    /// Words that never say whose a title is, though they stand right before one (PersonFinder.modifiesTitle): verbs
    /// that do not end in -ed or -s ("met leader X") and a few others. Function words and qualifiers are ruled out
    /// before this set is asked.
    static let neverTitleModifiers: Set<String> = ["met", "meet", "told", "said", "saw", "see", "hit", "let", "put", "sent",
                                                   "won", "led", "left", "took", "take", "gave", "give", "made", "make",
                                                   "became", "become", "beat", "brought", "thought", "sought", "urge", "ask",
                                                   "thank", "call", "name", "elect", "appoint", "replace", "visit", "join",
                                                   "back", "oust", "sack", "fire", "hire", "swore", "sworn", "chose", "chosen",
                                                   "held", "hold", "kept", "keep", "found", "caught", "heard", "spoke", "wrote",
                                                   "read", "lost", "lose", "win", "defeat", "praise", "blame", "criticise",
                                                   "criticize", "accuse", "than", "new", "now"]
    /// Months that people are named by ("Jan Peeters", "Theresa May", "April Ryan", "August Hanning"): part of a name
    /// where no date can be meant (PersonFinder).
    static let monthsThatAreNames: Set<String> = ["jan", "may", "june", "april", "august"]
    /// Words before a month that make it a date: "in May", "last May", "by June", "the end of April".
    static let monthLeads: WordSet = ["in", "on", "since", "until", "till", "by", "last", "next", "this", "early", "late", "mid",
                                      "from", "to", "through", "throughout", "between", "and", "or", "before", "after", "during",
                                      "each", "every", "of", "around", "that", "same", "coming", "previous", "following"]
    /// What may open an apposition after a name: "Moussa Koussa, the foreign minister".
    static let appositionOpeners: WordSet = ["the", "a", "an", "his", "her", "its", "their"]
    /// Verbs of saying that stand before a name: "said Dmitriev".
    static let attributionBefore: WordSet = ["said", "says", "told", "wrote", "added"]
    /// Words that make a weekday or a month point forward ("will meet on Friday", "a vote could come as early as
    /// Friday", "until a snap election on Sept. 29") instead of back: the last such word or past-tense verb before
    /// the date in its sentence decides (`pastWords`).
    static let futureWords: WordSet = [
        "will", "next", "plans", "plan", "planned", "scheduled", "expected", "expect", "expects", "due", "could", "would",
        "may", "might", "shall", "until", "till", "upcoming", "coming", "begins", "starts", "opens", "ends", "expires",
        "aims", "intends", "set", "ahead", "forthcoming", "won't", "wants", "hopes", "going",
    ]
    /// Verbs that report what has happened: a bare weekday or month after one points back ("Han said on Thursday").
    /// Besides these, a word ending in "-ed" that is not a future word counts.
    static let pastWords: WordSet = [
        "said", "told", "was", "were", "had", "did", "met", "spoke", "wrote", "made", "took", "gave", "came", "went",
        "held", "began", "left", "won", "lost", "fled", "sent", "saw", "met", "struck", "shot", "died", "killed", "ago",
        "last", "earlier", "yesterday", "previously", "former",
    ]
    /// Words before a weekday that make it the next one whatever the tense: "a meeting for Sunday", "by Friday".
    static let forwardLeads: WordSet = ["next", "for", "until", "till", "by", "before", "coming"]
    /// "this morning", "earlier this afternoon", "tonight": parts of the article's own day.
    static let partsOfDay: WordSet = ["morning", "afternoon", "evening", "night"]
}
