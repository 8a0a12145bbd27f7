// `dossier new person|event|article`: a file with front matter at the slug its name or title gives.

import Content
import Foundation

/// What `new` wrote, and anything worth telling the writer (a person named that has no page yet).
public struct CreatedPage: Sendable, Equatable {
    public var path: String
    public var notes: [String]
}

public enum NewPage {
    /// `people/<slug>.md` with `name:` and whichever of the other keys are given; the profile is left to write.
    public static func person(name: String, aliases: [String] = [], role: String? = nil, affiliation: String? = nil,
                              born: String? = nil, in folder: ContentFolder) throws(AuthoringError) -> CreatedPage {
        let name = try Given.title(name, what: "name")
        let born = try born.map { (text) throws(AuthoringError) in try Given.date(text, option: "--born") }
        try folder.checkExists()
        let path = try folder.newFile(in: "people", slug: Slug.make(from: name), namedBy: "name")
        var front = FrontMatterText()
        front.add("name", name)
        front.add("aliases", list: aliases)
        front.add("role", role)
        front.add("affiliation", affiliation)
        front.add("born", date: born)
        try folder.create(path, text: front.document(body: ""))
        return CreatedPage(path: path, notes: [])
    }

    /// `events/<slug>.md` with `title:` and `date:`; people may be given by slug or by name.
    public static func event(title: String, date: String, place: String? = nil, people: [String] = [], aliases: [String] = [],
                             in folder: ContentFolder) throws(AuthoringError) -> CreatedPage {
        let title = try Given.title(title, what: "title")
        let date = try Given.date(date)
        try folder.checkExists()
        let path = try folder.newFile(in: "events", slug: Slug.forTitle(title))
        let slugs = people.map { Slug.isValid($0) ? $0 : Slug.make(from: $0) }
        var front = FrontMatterText()
        front.add("title", title)
        front.add("date", date: date)
        front.add("place", place)
        front.add("people", list: slugs)
        front.add("aliases", list: aliases)
        try folder.create(path, text: front.document(body: ""))
        return CreatedPage(path: path, notes: missingPeople(slugs, in: folder))
    }

    /// `articles/<slug>.md` with `title:`, `date:` and the source's details; the body is left to paste.
    public static func article(title: String, date: String, source: String? = nil, author: String? = nil, url: String? = nil,
                               in folder: ContentFolder) throws(AuthoringError) -> CreatedPage {
        let title = try Given.title(title, what: "title")
        let date = try Given.date(date)
        let url = try Given.url(url)
        try folder.checkExists()
        let path = try folder.newFile(in: "articles", slug: Slug.forTitle(title))
        var front = FrontMatterText()
        front.add("title", title)
        front.add("date", date: date)
        front.add("source", source)
        front.add("author", author)
        front.add("url", url)
        try folder.create(path, text: front.document(body: ""))
        return CreatedPage(path: path, notes: [])
    }

    /// A slug named in `people:` must have a page, or the build stops; say so now rather than at the build.
    private static func missingPeople(_ slugs: [String], in folder: ContentFolder) -> [String] {
        slugs.filter { !FileManager.default.fileExists(atPath: folder.path + "/people/" + $0 + ".md") }.map {
            "people/\($0).md does not exist yet; the build needs it: dossier new person \"NAME\""
        }
    }
}
