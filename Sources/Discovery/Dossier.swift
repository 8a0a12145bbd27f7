// The linked dossier: who is mentioned where (with the sentence), which articles cover which events,
// who appears with whom. Built once by `Linker`, then only read by the renderer.

import Content
import EDTF
import Markdown

/// How an article names a person.
public enum MentionKind: String, Sendable { case name, alias, surname, wikilink }

public struct Mention: Sendable, Equatable {
    public var person: Int              // index into Dossier.people
    public var block: Int               // index into the document's blocks
    public var range: Range<Int>        // UTF-8 offsets of the name in the block's text (possessive "'s" excluded)
    public var sentence: Int            // index into the block's sentences
    public var kind: MentionKind
    public var text: String             // the words as written: "Dmitliff", "Witkov"
}

public struct EventMention: Sendable, Equatable {
    public var event: Int
    public var block: Int
    public var range: Range<Int>
    public var sentence: Int
}

public enum LinkTarget: Sendable, Equatable, Hashable {
    case person(Int), event(Int), article(Int)
}

/// `[[slug]]` or `[[slug|text]]` in a body.
public struct WikiLink: Sendable, Equatable {
    public var block: Int
    public var range: Range<Int>        // the whole [[...]] in the block's text
    public var target: LinkTarget
    public var text: String?            // the text after "|", if any
}

/// A parsed body with what was found in it.
public struct BodyText: Sendable {
    private var source: Deferred<Document>
    /// The text of the first paragraph, which lists show as a summary; known without the document.
    public internal(set) var firstParagraph: String?
    /// The names found, in text order. From the cache, decoded when first asked for: a rebuild needs every
    /// article's people and spellings (kept apart below), but the mentions themselves only of the pages it renders.
    public var mentions: [Mention] {
        get { mentionSource.value }
        set { mentionSource = Deferred(newValue); digest = Self.digest(of: newValue) }
    }
    public var eventMentions: [EventMention] = []
    public var wikiLinks: [WikiLink] = []
    private var mentionSource = Deferred<[Mention]>([])
    private var digest = Self.digest(of: [])

    /// What every build needs of the mentions of every article, made when they are set; the analysis cache keeps it
    /// beside them.
    struct MentionDigest: Sendable, Equatable {
        var people: [Int]
        var spellings: UInt64
    }

    /// Who the mentions name, each once, in the order first named.
    public var peopleNamed: [Int] { digest.people }
    /// A hash of who each mention other than a wikilink names, and how it spells them: the search index lists
    /// every spelling of every person, so a page of it changes when an edit spells a name anew.
    public var spellingsHash: UInt64 { digest.spellings }
    var mentionDigest: MentionDigest { digest }

    static func digest(of mentions: [Mention]) -> MentionDigest {
        var people: [Int] = []                  // a handful of people: a search of the list beats a Set
        var h = StableHash()
        for mention in mentions {
            if !people.contains(mention.person) { people.append(mention.person) }
            if mention.kind != .wikilink { h.add(mention.person); h.add(mention.text) }
        }
        return MentionDigest(people: people, spellings: h.value)
    }

    /// The blocks and links. For a body whose analysis came from the cache, decoded when first asked for: a
    /// rebuild shows few bodies, and what it needs of the others (mentions, quotations, dates) is kept apart.
    public var document: Document {
        get { source.value }
        set { source = Deferred(newValue); firstParagraph = Self.firstParagraph(of: newValue); rendered = nil }
    }
    /// The body rendered when `document` was parsed, for its page to splice links into (Markdown.RenderedBody); nil
    /// when it was read back from the cache, and then the page parses the source again.
    public internal(set) var rendered: RenderedBody?

    public init(document: Document) {
        source = Deferred(document)
        firstParagraph = Self.firstParagraph(of: document)
    }

    /// A body read back from the analysis cache: the document and the mentions decoded when first asked for.
    init(firstParagraph: String?, digest: MentionDigest, mentions: @escaping @Sendable () -> [Mention],
         eventMentions: [EventMention], wikiLinks: [WikiLink], decode: @escaping @Sendable () -> Document) {
        source = Deferred(make: decode)
        self.firstParagraph = firstParagraph
        self.digest = digest
        mentionSource = Deferred(make: mentions)
        self.eventMentions = eventMentions; self.wikiLinks = wikiLinks
    }

    /// The document, from `decode` when first asked for (the first paragraph stays as it is).
    mutating func decodeDocument(_ decode: @escaping @Sendable () -> Document) { source = Deferred(make: decode); rendered = nil }

    static func firstParagraph(of document: Document) -> String? {
        document.blocks.first(where: { $0.kind == .paragraph })?.text
    }

    /// The sentence at `index` of block `block`, as written.
    public func sentence(block: Int, index: Int) -> String {
        let b = document.blocks[block]
        return Linker.substring(b.text, b.sentences[index])
    }
}

/// A person mentioned with another, and in how many articles.
public struct CoMention: Sendable, Equatable {
    public var person: Int
    public var articles: Int
}

public struct Dossier: Sendable {
    public let settings: Settings
    public let people: [Person]           // by name
    public let events: [Event]            // oldest first
    public let articles: [Article]        // oldest first
    public let assets: [Asset]

    public let articleTexts: [BodyText]   // parallel to articles
    public let profileTexts: [BodyText]   // parallel to people
    public let eventTexts: [BodyText]     // parallel to events

    public let articlesOfPerson: [[Int]]  // oldest first
    public let eventsOfPerson: [[Int]]    // events they took part in, oldest first
    public let articlesOfEvent: [[Int]]
    public let peopleOfArticle: [[Int]]   // in order of first mention, then those named only in front matter
    public let eventsOfArticle: [[Int]]   // oldest first
    public let coMentions: [[CoMention]]  // most articles first
    public let personBySlug: [String: Int]
    public let eventBySlug: [String: Int]
    public let articleBySlug: [String: Int]

    // Found by discovery (see Discovery/): direct quotations and dated sentences per article, and what was decided.
    public var quotes: [[Quote]] = []                       // parallel to articles
    public var datedStatements: [[DatedStatement]] = []     // parallel to articles
    public var discovery = DiscoveryReport()
    /// What `[[slug]]` reads as where a sentence or summary is shown as text (WikiText.swift).
    public var wikiLabels = WikiLabels()
    /// The analyst's decisions (Content/corrections.yml), hashed: part of every page's signature.
    public var correctionsSignature: UInt64 = 0
}
