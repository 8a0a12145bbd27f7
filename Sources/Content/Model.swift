// The dossier's content as values: what was read from Content/ (settings, people, events, articles, assets).
// Built once, then only read, so it is safe to share across concurrent page renders.

import EDTF
import Foundation

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

    package init(slug: String, name: String, aliases: [String], role: String?, affiliation: String?, born: EDTFDate?,
                 profile: String, path: String, bodyFirstLine: Int, curated: Bool = true, variants: [Variant] = [],
                 foundIn: String? = nil) {
        self.slug = slug; self.name = name; self.aliases = aliases; self.role = role; self.affiliation = affiliation
        self.born = born; self.profile = profile; self.path = path; self.bodyFirstLine = bodyFirstLine
        self.curated = curated; self.variants = variants; self.foundIn = foundIn
    }

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

    // The fields live in one box shared by copies until one of them changes: articles are copied into closures,
    // tuples and view models thousands of times a build, and a copy of thirteen fields (eleven of them counted
    // references) was a tenth of a rebuild's time in retains and releases; a copy of the box is one.
    private final class Fields: @unchecked Sendable {   // changed only through `unique()`, when no copy shares it
        var slug: String, title: String, date: EDTFDate
        var source: String?, author: String?, url: String?, summary: String?
        var people: [String], events: [String]
        var format: Format, path: String, bodyFirstLine: Int
        var text: ArticleBody

        init(slug: String, title: String, date: EDTFDate, source: String?, author: String?, url: String?, summary: String?,
             people: [String], events: [String], format: Format, path: String, bodyFirstLine: Int, text: ArticleBody) {
            self.slug = slug; self.title = title; self.date = date; self.source = source; self.author = author; self.url = url
            self.summary = summary; self.people = people; self.events = events; self.format = format; self.path = path
            self.bodyFirstLine = bodyFirstLine; self.text = text
        }

        func copy() -> Fields {
            Fields(slug: slug, title: title, date: date, source: source, author: author, url: url, summary: summary, people: people,
                   events: events, format: format, path: path, bodyFirstLine: bodyFirstLine, text: text)
        }
    }
    private var fields: Fields
    private mutating func unique() -> Fields {
        if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
        return fields
    }

    public var slug: String { get { fields.slug } set { unique().slug = newValue } }
    public var title: String { get { fields.title } set { unique().title = newValue } }
    public var date: EDTFDate { get { fields.date } set { unique().date = newValue } }
    public var source: String? { get { fields.source } set { unique().source = newValue } }
    public var author: String? { get { fields.author } set { unique().author = newValue } }
    public var url: String? { get { fields.url } set { unique().url = newValue } }
    public var summary: String? { get { fields.summary } set { unique().summary = newValue } }
    /// Slugs named in front matter, linked even when the text never names them.
    public var people: [String] { get { fields.people } set { unique().people = newValue } }
    /// Slugs of the events it covers.
    public var events: [String] { get { fields.events } set { unique().events = newValue } }
    public var format: Format { get { fields.format } set { unique().format = newValue } }
    public var path: String { get { fields.path } set { unique().path = newValue } }
    public var bodyFirstLine: Int { get { fields.bodyFirstLine } set { unique().bodyFirstLine = newValue } }
    var text: ArticleBody { get { fields.text } set { unique().text = newValue } }

    /// CommonMark (plain-text articles are escaped into it). An article taken from the content snapshot reads its
    /// file only when the body is asked for: a rebuild renders few articles, and needs only `bodyHash` of the rest.
    public var body: String {
        get { text.body }
        set { text = ArticleBody(newValue) }
    }
    /// A stable hash of `body`, known without reading it: what the caches key an article's analysis and pages by.
    public var bodyHash: UInt64 { text.hash }
    /// Whether the body holds "[[" (a wikilink may be there), known without reading it.
    public var mayHaveWikiLinks: Bool { text.hasDoubleBracket }

    public init(slug: String, title: String, date: EDTFDate, source: String?, author: String?, url: String?, summary: String?,
                people: [String], events: [String], body: String, format: Format, path: String, bodyFirstLine: Int) {
        self.init(slug: slug, title: title, date: date, source: source, author: author, url: url, summary: summary, people: people,
                  events: events, text: ArticleBody(body), format: format, path: path, bodyFirstLine: bodyFirstLine)
    }

    init(slug: String, title: String, date: EDTFDate, source: String?, author: String?, url: String?, summary: String?,
         people: [String], events: [String], text: ArticleBody, format: Format, path: String, bodyFirstLine: Int) {
        fields = Fields(slug: slug, title: title, date: date, source: source, author: author, url: url, summary: summary,
                        people: people, events: events, format: format, path: path, bodyFirstLine: bodyFirstLine, text: text)
    }

    public static func == (a: Article, b: Article) -> Bool {
        if a.fields === b.fields { return true }
        let x = a.fields, y = b.fields
        return x.slug == y.slug && x.title == y.title && x.date == y.date && x.source == y.source && x.author == y.author
            && x.url == y.url && x.summary == y.summary && x.people == y.people && x.events == y.events && x.format == y.format
            && x.path == y.path && x.bodyFirstLine == y.bodyFirstLine && x.text == y.text
    }
}

/// An article's body, in hand or read when first asked for (then kept). Its hash and "[[" flag are known either way.
final class ArticleBody: Sendable, Equatable {
    let hash: UInt64
    let hasDoubleBracket: Bool
    private let text: Deferred<String>

    init(_ body: String) {
        var h = StableHash()
        h.add(body)
        hash = h.value
        hasDoubleBracket = body.utf8.containsDoubleBracket
        text = Deferred(body)
    }

    init(hash: UInt64, hasDoubleBracket: Bool, read: @escaping @Sendable () -> String) {
        self.hash = hash; self.hasDoubleBracket = hasDoubleBracket; text = Deferred(make: read)
    }

    var body: String { text.value }

    static func == (a: ArticleBody, b: ArticleBody) -> Bool { a === b || (a.hash == b.hash && a.body == b.body) }
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
    /// The analyst's decisions (Content/corrections.yml), empty without the file.
    public var corrections = Corrections()

    public init(settings: Settings, people: [Person] = [], events: [Event] = [], articles: [Article] = [], assets: [Asset] = []) {
        self.settings = settings
        self.people = people
        self.events = events
        self.articles = articles
        self.assets = assets
    }
}

/// A value in hand, or made when first asked for and then kept (from any thread: made once, behind a lock).
package final class Deferred<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: Value?
    private let make: (@Sendable () -> Value)?

    package init(_ value: Value) { kept = value; make = nil }
    package init(make: @escaping @Sendable () -> Value) { self.make = make }

    package var value: Value {
        lock.lock(); defer { lock.unlock() }
        if let kept { return kept }
        let value = make!()
        kept = value
        return value
    }
}

/// Another spelling of a person's name, found in an article.
public struct Variant: Sendable, Equatable {
    public var text: String              // as written: "Dmitliff", "Mark Vogel"
    public var article: String           // slug of the article it came from
    public var reason: String            // why it was linked

    package init(text: String, article: String, reason: String) { self.text = text; self.article = article; self.reason = reason }
}

extension Collection where Element == UInt8 {
    /// Whether the bytes hold "[[": a plain byte scan (String.contains(String) goes through Foundation and
    /// was a tenth of a rebuild's time over 10,000 bodies).
    package var containsDoubleBracket: Bool {
        func scan(_ bytes: some Sequence<UInt8>) -> Bool {
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == 0x5B && previous == 0x5B { return true }
                previous = byte
            }
            return false
        }
        // A string's own storage when it has one (it is read for every body and every block, on every build): memchr
        // finds each "[", of which text has few, and only the byte after it is looked at.
        return withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            var i = 0
            while i + 1 < bytes.count, let found = memchr(base + i, 0x5B, bytes.count - i - 1) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if base[at + 1] == 0x5B { return true }
                i = at + 1
            }
            return false
        } ?? scan(self)
    }
}
