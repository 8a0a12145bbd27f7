// The dossier's content as values: what was read from Content/ (settings, people, events, articles, assets).
// Built once, then only read, so it is safe to share across concurrent page renders.

import EDTF

public struct Settings: Sendable, Equatable {
    public var title: String
    public var subtitle: String?
    public var description: String?
    public var baseURL: String?
    public var language: String

    public init(title: String, subtitle: String? = nil, description: String? = nil, baseURL: String? = nil, language: String = "en") {
        self.title = title
        self.subtitle = subtitle
        self.description = description
        self.baseURL = baseURL
        self.language = language
    }
}

public struct Person: Sendable, Equatable {
    public var slug: String
    public var name: String
    public var aliases: [String]
    public var role: String?
    public var affiliation: String?
    public var born: EDTFDate?
    public var profile: String          // CommonMark
    public var path: String             // where it was read from, for diagnostics
    public var bodyFirstLine: Int
    /// False for a person found in the articles (see Discovery), true for one read from people/.
    public var curated: Bool = true
    /// Other spellings found in the articles, each with the article it came from ("also written as").
    public var variants: [Variant] = []
    /// For a discovered person: the slug of the article that first named them.
    public var foundIn: String? = nil

    /// The last word of the display name: what articles write when they name someone a second time.
    public var surname: String? {
        let words = NameTokens.words(of: name)
        return words.count >= 2 ? words.last : nil
    }
}

public struct Event: Sendable, Equatable {
    public var slug: String
    public var title: String
    public var date: EDTFDate
    public var place: String?
    public var people: [String]         // slugs
    public var aliases: [String]        // phrases in articles that refer to this event
    public var description: String      // CommonMark
    public var path: String
    public var bodyFirstLine: Int
}

public struct Article: Sendable, Equatable {
    public enum Format: String, Sendable { case markdown, plainText }
    public var slug: String
    public var title: String
    public var date: EDTFDate
    public var source: String?
    public var author: String?
    public var url: String?
    public var summary: String?
    public var people: [String]         // slugs named in front matter, linked even when the text never names them
    public var events: [String]         // slugs of the events it covers
    public var body: String             // CommonMark (plain-text articles are escaped into it)
    public var format: Format
    public var path: String
    public var bodyFirstLine: Int
}

/// A file of Content/assets/, copied to Site/assets/ as it is.
public struct Asset: Sendable, Equatable {
    public var relativePath: String     // below assets/, with "/" separators
    public var absolutePath: String
}

/// Everything read from Content/, before any linking.
public struct ContentSet: Sendable {
    public var settings: Settings
    public var people: [Person]
    public var events: [Event]
    public var articles: [Article]
    public var assets: [Asset]

    public init(settings: Settings, people: [Person] = [], events: [Event] = [], articles: [Article] = [], assets: [Asset] = []) {
        self.settings = settings
        self.people = people
        self.events = events
        self.articles = articles
        self.assets = assets
    }
}
