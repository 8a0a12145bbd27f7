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

    /// The prefix that leads from a page back to the site root: "" for index.html, "../" for people/x.html.
    static func root(of page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }
}
