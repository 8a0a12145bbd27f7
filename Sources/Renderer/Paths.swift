// Where every page lives in Site/, and the relative links between them: every link names a file, so the
// site works from file:// and under any sub-path.

import Content

enum Paths {
    static let home = "index.html"
    static let timeline = "timeline.html"
    static let peopleIndex = "people/index.html"
    static let eventsIndex = "events/index.html"
    static let articlesIndex = "articles/index.html"
    static let stylesheet = "assets/dossier.css"
    static let relations = "relations.html"
    static let briefing = "briefing.html"
    static let searchNames = "assets/search/names.js"
    static func searchShard(_ fileKey: String) -> String { "assets/search/text-\(fileKey).js" }
    static let feed = "feed.xml"
    static let sitemap = "sitemap.xml"

    static func person(_ slug: String) -> String { "people/\(slug).html" }
    static func event(_ slug: String) -> String { "events/\(slug).html" }
    static func article(_ slug: String) -> String { "articles/\(slug).html" }

    /// The id of a sentence of an article's body that carries a discovered fact, by its place: block (paragraph or
    /// heading, counting from the top of the body) and sentence in it, from 1: `s4-2`. By place rather than by a hash of
    /// its words, because the place is what the analysis already keeps for every fact (no sentence is hashed to render
    /// a link); a place is stable under every edit after the sentence (a later paragraph rewritten, added or removed)
    /// and under a fix to the sentence's own words, where a hash would change. Inserting a paragraph before it shifts
    /// it, and then every page that links into that article is rendered again anyway, since the article changed.
    static func sentenceID(block: Int, sentence: Int) -> String { "s\(block + 1)-\(sentence + 1)" }
    /// A link to that sentence, from the site's root: `articles/x.html#s4-2`.
    static func sentence(_ slug: String, block: Int, sentence: Int) -> String {
        article(slug) + "#" + sentenceID(block: block, sentence: sentence)
    }

    // Pages past the first of a long list. In a folder of their own, so that no slug can name the same file:
    // `people/page/2.html` beside `people/<slug>.html`, `people/<slug>/page-2.html` for a person's second page.

    /// Page `n` of an index (`folder` "people", "events" or "articles"): `articles/index.html`, `articles/page/2.html`.
    static func listPage(_ folder: String, _ n: Int) -> String { n == 1 ? "\(folder)/index.html" : "\(folder)/page/\(n).html" }
    static func person(_ slug: String, page n: Int) -> String { n == 1 ? person(slug) : "people/\(slug)/page-\(n).html" }
    static func event(_ slug: String, page n: Int) -> String { n == 1 ? event(slug) : "events/\(slug)/page-\(n).html" }
    /// A page of the timeline for one period: `timeline/2025.html`, `timeline/2025-04.html`, `timeline/2025-04-2.html`.
    static func timeline(period key: String) -> String { "timeline/\(key).html" }
    /// A page of the briefing book listing the articles of one period: `briefing/2025.html`.
    static func briefing(period key: String) -> String { "briefing/\(key).html" }

    /// The prefix that leads from a page back to the site root: "" for index.html, "../" for people/x.html.
    static func root(of page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }
}
