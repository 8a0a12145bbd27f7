// The view models answer the layouts by name (ViewModels+Template.swift) instead of through Mirror: every field
// a view model has must be answered, with the value it holds, or a layout would print nothing.

@testable import Renderer
import Templating
import Testing

@Suite struct TemplateValueTests {
    /// Walks a value as Mirror sees it; for each TemplateValue, compares every field with `child(named:)`.
    func check(_ value: Any, at path: String, problems: inout [String], seen: inout Set<String>) {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            if let wrapped = mirror.children.first?.value { check(wrapped, at: path, problems: &problems, seen: &seen) }
            return
        }
        if mirror.displayStyle == .collection {
            for child in mirror.children { check(child.value, at: path + "[]", problems: &problems, seen: &seen) }
            return
        }
        // Text held as UTF-8 bytes, or written when shown, is a value, as a String is: its printed text was compared above.
        guard mirror.displayStyle == .struct || mirror.displayStyle == .class, !(value is UTF8Text), !(value is any WrittenText) else { return }
        let type = String(describing: type(of: value))
        guard let parent = value as? TemplateValue else {
            problems.append("\(path): \(type) is not a TemplateValue")
            return
        }
        seen.insert(type)
        for child in mirror.children {
            guard let label = child.label else { continue }
            let direct = parent.child(named: label)
            let viaMirror = Mirror(reflecting: child.value)
            let isNil = viaMirror.displayStyle == .optional && viaMirror.children.isEmpty
            if isNil != (direct == nil) {
                problems.append("\(path).\(label): \(type) answers \(direct == nil ? "nothing" : "a value") where Mirror finds \(isNil ? "nil" : "a value")")
            } else if let direct, direct.printed != String(describing: isNil ? child.value : (viaMirror.displayStyle == .optional ? viaMirror.children.first!.value : child.value)) {
                problems.append("\(path).\(label): \(type) answers another value than the field holds")
            }
            check(child.value, at: path + "." + label, problems: &problems, seen: &seen)
        }
        #expect(parent.child(named: "noSuchField") == nil)
    }

    @Test func everyFieldOfEveryPageModelIsAnsweredByName() throws {
        let (dossier, _) = linkedDossier(Repo.content)
        let pages = PageBuilder(dossier: try #require(dossier)).allPages()
        var problems: [String] = []
        var seen = Set<String>()
        for page in pages { check(page.model, at: page.path, problems: &problems, seen: &seen) }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        // Every kind of view model was visited, so a field added anywhere is covered.
        for type in ["IndexPage", "PeopleIndexPage", "PersonPage", "EventsIndexPage", "EventPage", "ArticlesIndexPage",
                     "ArticlePage", "TimelinePage", "PageContext", "SiteView", "NavItem", "DateView", "PersonLink",
                     "EventLink", "ArticleLink", "QuoteView", "ArticleQuotes", "TimelineEntry", "TimelineMonth", "TimelineYear"] {
            #expect(seen.contains(type), "\(type) was not visited")
        }
    }
}
