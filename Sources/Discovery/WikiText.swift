// Wikilinks as text: wherever a sentence, title or summary is shown outside its article's body (quoted sentences,
// summaries, the timeline, the briefing, feeds, the search index), `[[slug|text]]` reads "text" and `[[slug]]` the
// name or title of what it names. Only an article's own body turns them into links.

import Content

/// What `[[slug]]` reads as: the person's name, the event's or article's title (the same order a link resolves in).
public final class WikiLabels: Sendable {
    let bySlug: [String: String]

    public convenience init(people: [Person] = [], events: [Event] = [], articles: [Article] = []) {
        var labels: [String: String] = [:]
        for article in articles { labels[article.slug] = article.title }
        for event in events { labels[event.slug] = event.title }
        for person in people { labels[person.slug] = person.name }
        self.init(labels: labels)
    }

    init(labels: [String: String]) { bySlug = labels }

    /// `text` with every wikilink as the words it shows.
    public func plain(_ text: String) -> String {
        guard text.utf8.containsDoubleBracket else { return text }
        return plain(text, marks: []).text
    }

    /// `text` with every wikilink as the words it shows, and `marks` (UTF-8 ranges in `text`) moved to match: a
    /// mark over a whole wikilink covers the words shown for it.
    public func plain(_ text: String, marks: [Range<Int>]) -> (text: String, marks: [Range<Int>]) {
        let links = Linker.scanWikiLinks(text)
        guard !links.isEmpty else { return (text, marks) }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        // (start in text, end in text, start in out, end in out) of each link.
        var spans: [(Range<Int>, Range<Int>)] = []
        var position = 0
        for link in links {
            out += bytes[position..<link.range.lowerBound]
            let shown = link.text ?? bySlug[link.slug] ?? link.slug
            let start = out.count
            out += shown.utf8
            spans.append((link.range, start..<out.count))
            position = link.range.upperBound
        }
        out += bytes[position...]
        func moved(_ offset: Int, upper: Bool) -> Int {
            var shift = 0
            for (inText, inOut) in spans {
                if offset <= inText.lowerBound { break }
                if offset < inText.upperBound { return upper ? inOut.upperBound : inOut.lowerBound }
                shift = inOut.upperBound - inText.upperBound
            }
            return offset + shift
        }
        let movedMarks = marks.map { moved($0.lowerBound, upper: false)..<max(moved($0.lowerBound, upper: false), moved($0.upperBound, upper: true)) }
        return (String(decoding: out, as: UTF8.self), movedMarks)
    }
}

extension WikiLabels {
    /// The labels with any wikilink inside them as text (an article title that links to someone reads as their name).
    func settled() -> WikiLabels {
        guard bySlug.values.contains(where: { $0.utf8.containsDoubleBracket }) else { return self }
        return WikiLabels(labels: bySlug.mapValues { plain($0) })
    }

    /// The front matter's texts that pages show (titles, summaries, roles, places ...) with wikilinks as text.
    func shownAsText(settings: Settings, people: [Person], events: [Event], articles: [Article])
        -> (settings: Settings, people: [Person], events: [Event], articles: [Article]) {
        func text(_ value: String?) -> String? { value.map(plain) }
        var settings = settings
        settings.title = plain(settings.title); settings.subtitle = text(settings.subtitle)
        settings.description = text(settings.description)
        let people = people.map { person in
            guard [person.role, person.affiliation].contains(where: { $0?.utf8.containsDoubleBracket == true }) else { return person }
            var person = person
            person.role = text(person.role); person.affiliation = text(person.affiliation)
            return person
        }
        let events = events.map { event in
            guard [event.title, event.place ?? ""].contains(where: { $0.utf8.containsDoubleBracket }) else { return event }
            var event = event
            event.title = plain(event.title); event.place = text(event.place)
            return event
        }
        let articles = articles.map { article in
            guard [article.title, article.summary ?? "", article.source ?? "", article.author ?? ""]
                .contains(where: { $0.utf8.containsDoubleBracket }) else { return article }
            var article = article
            article.title = plain(article.title); article.summary = text(article.summary)
            article.source = text(article.source); article.author = text(article.author)
            return article
        }
        return (settings, people, events, articles)
    }

    /// Quotations and dated sentences with wikilinks as text: the words quoted and the sentence lists show.
    func shownAsText(quotes: [[Quote]], dates: [[DatedStatement]]) -> (quotes: [[Quote]], dates: [[DatedStatement]]) {
        let quotes = quotes.map { list in
            list.map { quote in
                var quote = quote
                quote.text = plain(quote.text)
                return quote
            }
        }
        let dates = dates.map { list in
            list.map { statement in
                var statement = statement
                statement.sentenceText = plain(statement.sentenceText)
                statement.expression = plain(statement.expression)
                return statement
            }
        }
        return (quotes, dates)
    }
}
