// feed.xml (Atom: the articles, newest first) and sitemap.xml, written only when dossier.yml gives an absolute
// http(s) base_url: these are the only files with absolute URLs, because feed readers and crawlers need them.

import Content
import Discovery
import EDTF

enum Feeds {
    /// The site's absolute address ending in "/", or nil when base_url is missing or relative ("/").
    static func base(_ settings: Settings) -> String? {
        guard let url = settings.baseURL, url.hasPrefix("http://") || url.hasPrefix("https://") else { return nil }
        return url.hasSuffix("/") ? url : url + "/"
    }

    static func files(_ dossier: Dossier, pagePaths: [String]) -> [OutputFile] {
        guard let base = base(dossier.settings) else { return [] }
        return [OutputFile(path: Paths.feed, content: .bytes(Array(atom(dossier, base: base).utf8))),
                OutputFile(path: Paths.sitemap, content: .bytes(Array(sitemap(pagePaths.sorted(), base: base).utf8)))]
    }

    /// An Atom timestamp for the earliest day a date can mean (a feed needs one instant; EDTF gives a span).
    static func timestamp(_ date: EDTFDate) -> String {
        let day = date.earliest == .distantPast ? date.latest : date.earliest
        return day.iso + "T00:00:00Z"
    }

    static func atom(_ dossier: Dossier, base: String) -> String {
        let settings = dossier.settings
        let articles = dossier.articles.reversed()
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(HTML.escape(settings.language))\">\n"
        out += "<title>\(HTML.escape(settings.title))</title>\n"
        if let subtitle = settings.subtitle { out += "<subtitle>\(HTML.escape(subtitle))</subtitle>\n" }
        out += "<id>\(HTML.escape(base + Paths.home))</id>\n"
        out += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(HTML.escape(base + Paths.feed))\"/>\n"
        out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(HTML.escape(base + Paths.home))\"/>\n"
        out += "<updated>\(articles.first.map { timestamp($0.date) } ?? "1970-01-01T00:00:00Z")</updated>\n"
        out += "<author><name>\(HTML.escape(settings.title))</name></author>\n"
        out += "<generator>Dossier</generator>\n"
        for article in articles {
            let url = HTML.escape(base + Paths.article(article.slug))
            out += "<entry>\n<title>\(HTML.escape(article.title))</title>\n<id>\(url)</id>\n"
            out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/>\n"
            if let original = article.url { out += "<link rel=\"related\" type=\"text/html\" href=\"\(HTML.escape(original))\"/>\n" }
            out += "<published>\(timestamp(article.date))</published>\n<updated>\(timestamp(article.date))</updated>\n"
            if let author = article.author ?? article.source { out += "<author><name>\(HTML.escape(author))</name></author>\n" }
            if let summary = article.summary ?? firstParagraph(dossier, article.slug) { out += "<summary>\(HTML.escape(summary))</summary>\n" }
            out += "</entry>\n"
        }
        return out + "</feed>\n"
    }

    static func firstParagraph(_ dossier: Dossier, _ slug: String) -> String? {
        guard let a = dossier.articleBySlug[slug] else { return nil }
        return PageBuilder.summary(of: a, in: dossier)
    }

    static func sitemap(_ paths: [String], base: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths { out += "<url><loc>\(HTML.escape(base + path))</loc></url>\n" }
        return out + "</urlset>\n"
    }
}
