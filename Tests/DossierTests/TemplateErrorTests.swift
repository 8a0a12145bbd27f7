// Templates that would otherwise render as silently empty pages fail the build instead, located.

import Content
import Foundation
import Templating
import Testing

@Suite struct TemplateErrorTests {
    let scratch = Scratch()

    /// The project's templates with one file replaced (or removed, when `text` is nil); the build's diagnostics.
    func problems(_ file: String, _ text: String?) -> [String] {
        let templates = scratch.copy(Repo.templates, as: "Templates")
        if let text { scratch.write("Templates/" + file, text) } else { try? FileManager.default.removeItem(atPath: templates + "/" + file) }
        do {
            _ = try buildSite(content: Repo.fixture("small"), output: scratch.path + "/Site", templates: templates)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: scratch.path + "/", with: "") }
        }
    }

    @Test func aTemplateThatDoesNotParse() {
        #expect(problems("people.mustache", "{{<base}}{{$content}}\n<ul>{{#people}}<li>{{name}}</li>\n{{/content}}{{/base}}\n") ==
                ["Templates/people.mustache:3:1: error: template does not parse: a section is closed with a different name than it was opened with"])
    }

    @Test func aPartialThatDoesNotExist() {
        #expect(problems("events.mustache", "{{<base}}{{$content}}\n<h1>Events</h1>\n  {{> event-lst}}\n{{/content}}{{/base}}\n") ==
                ["Templates/events.mustache:3:3: error: partial 'event-lst' does not exist; did you mean 'event-list'?"])
    }

    @Test func aParentThatDoesNotExist() {
        #expect(problems("articles.mustache", "{{<bass}}{{$content}}<h1>Articles</h1>{{/content}}{{/bass}}\n") ==
                ["Templates/articles.mustache:1:1: error: parent 'bass' does not exist; did you mean 'base'?"])
    }

    /// A layout removed from an own templates folder comes from the built-in theme (ThemeTests); one that
    /// neither has is an error.
    @Test func aLayoutThatAPageKindNeeds() {
        let templates = scratch.copy(Repo.templates, as: "Templates")
        try? FileManager.default.removeItem(atPath: templates + "/timeline.mustache")
        let (set, diagnostics) = TemplateSet.load(directory: templates, required: ["index", "timeline"], builtIn: [:])
        #expect(set == nil)
        #expect(diagnostics.map { $0.description.replacingOccurrences(of: scratch.path + "/", with: "") } ==
                ["Templates/timeline.mustache:1:1: error: layout 'timeline' is missing: every page kind needs its template"])
    }

    @Test func theSiteIsNotWrittenWhenATemplateIsBroken() {
        _ = problems("person.mustache", "{{> nowhere}}")
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/Site"))
    }
}
