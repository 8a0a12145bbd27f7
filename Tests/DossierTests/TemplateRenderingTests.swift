// Our Mustache renderer, feature by feature. The expected pages are what swift-mustache 2.1.1, which the theme
// was written for, rendered for the same templates and values, quirks included (a list in an indented partial
// indents only its first item's first line): upgrading a site must not change a byte.

import Templating
import Testing

private struct Item: TemplateValue {
    var name: String
    var tag: String?

    func child(named key: String) -> TemplateData? {
        switch key {
        case "name": .text(name)
        case "tag": tag.map(TemplateData.text)
        default: nil
        }
    }
}

/// Text that writes itself into the page, as a person page's quoted sentences do.
private struct Written: WrittenText {
    var text: String
    func write(to output: inout [UInt8]) { output.append(contentsOf: text.utf8) }
}

private struct Page: TemplateValue {
    var title = "<a href=\"x\">Tom & 'Jerry'</a>"
    var title2 = "Hello World"
    var lower = "hello wide world"
    var combining = "a<\u{301}b&c"
    var count = 3
    var flag = true
    var off = false
    var items = [Item(name: "One", tag: "t1"), Item(name: "Two & Co"), Item(name: "Three")]
    var none: [Item] = []
    var tags = ["b", "a<", "c"]
    var noTags: [String] = []
    var sub: Item? = Item(name: "Sub")
    var missing: Item?
    var blank = ""
    var tag = "PAGE"
    var html = UTF8Text(bytes: Array("<p>Tom & 'Jerry'</p>".utf8))
    var written = Written(text: "<p>Tom & 'Jerry'</p>")

    func child(named key: String) -> TemplateData? {
        switch key {
        case "title": .text(title)
        case "title2": .text(title2)
        case "lower": .text(lower)
        case "combining": .text(combining)
        case "count": .int(count)
        case "flag": .bool(flag)
        case "off": .bool(off)
        case "items": .objects(items)
        case "none": .objects(none)
        case "tags": .texts(tags)
        case "noTags": .texts(noTags)
        case "sub": sub.map(TemplateData.object)
        case "missing": missing.map(TemplateData.object)
        case "blank": .text(blank)
        case "tag": .text(tag)
        case "html": .utf8(html.bytes)
        case "written": .written(written)
        default: nil
        }
    }
}

@Suite struct TemplateRenderingTests {
    let scratch = Scratch()

    /// `main` rendered with a Page, the other templates available as partials and parents.
    func render(_ templates: [String: String]) throws -> String {
        for (name, text) in templates { scratch.write("Templates/\(name).mustache", text) }
        let (set, diagnostics) = TemplateSet.load(directory: scratch.path + "/Templates", required: ["main"])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let templates = try #require(set)
        let rendered = try #require(templates.render(Page(), with: "main"))
        #expect(templates.renderBytes(Page(), with: "main") == Array(rendered.utf8))
        return rendered
    }

    @Test func escapesTheFiveHTMLCharactersUnlessTripleOrAmpersand() throws {
        #expect(try render(["main": "{{title}}|{{{title}}}|{{&title}}"]) ==
                "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;|<a href=\"x\">Tom & 'Jerry'</a>|<a href=\"x\">Tom & 'Jerry'</a>")
    }

    /// Text held as UTF-8 bytes (an article's body) renders as the same text held as a String would.
    @Test func textHeldAsBytesIsWrittenAsTheSameStringWouldBe() throws {
        #expect(try render(["main": "{{{html}}}|{{html}}|{{#html}}in{{/html}}{{^html}}out{{/html}}|{{uppercased(html)}}"]) ==
                "<p>Tom & 'Jerry'</p>|&lt;p&gt;Tom &amp; &#39;Jerry&#39;&lt;/p&gt;|in|&lt;P&gt;TOM &amp; &#39;JERRY&#39;&lt;/P&gt;")
    }

    @Test func textWrittenWhenShownIsWrittenAsTheSameStringWouldBe() throws {
        #expect(try render(["main": "{{{written}}}|{{written}}|{{#written}}in{{/written}}{{^written}}out{{/written}}|{{uppercased(written)}}|{{&written}}"]) ==
                "<p>Tom & 'Jerry'</p>|&lt;p&gt;Tom &amp; &#39;Jerry&#39;&lt;/p&gt;|in|&lt;P&gt;TOM &amp; &#39;JERRY&#39;&lt;/P&gt;|<p>Tom & 'Jerry'</p>")
    }

    @Test func aSignJoinedWithACombiningMarkIsLeftAsItIs() throws {
        #expect(try render(["main": "{{combining}}"]) == "a<\u{301}b&amp;c")
    }

    @Test func printsNumbersAndBooleans() throws {
        #expect(try render(["main": "{{count}} {{flag}} {{off}}"]) == "3 true false")
    }

    @Test func loopsOverListsOfValuesAndOfText() throws {
        #expect(try render(["main": "{{#items}}[{{name}}]{{/items}}"]) == "[One][Two &amp; Co][Three]")
        #expect(try render(["main": "{{#tags}}<{{.}}>{{/tags}}{{#noTags}}never{{/noTags}}"]) == "<b><a&lt;><c>")
    }

    @Test func knowsThePositionInsideAListOnly() throws {
        #expect(try render(["main": "{{#items}}{{index()}}{{#first()}}F{{/first()}}{{^last()}},{{/last()}}{{#odd()}}o{{/odd()}}{{/items}}|{{#first()}}no{{/first()}}"]) ==
                "0F,1,o2|")
    }

    @Test func sectionsOverBooleansOptionalsTextAndNumbers() throws {
        #expect(try render(["main": "{{#flag}}yes{{/flag}}{{#off}}no{{/off}}{{^off}}not{{/off}}{{#sub}}{{name}}{{/sub}}{{#missing}}X{{/missing}}{{^missing}}none{{/missing}}|{{#blank}}[{{.}}]{{/blank}}{{#count}}<{{.}}>{{/count}}"]) ==
                "yesnotSubnone|[]<3>")
    }

    @Test func invertedSectionsShowForEmptyListsFalseAndNothing() throws {
        #expect(try render(["main": "{{^none}}empty{{/none}}{{^items}}never{{/items}}{{^flag}}never{{/flag}}"]) == "empty")
    }

    @Test func namesClimbTheStackUnlessAnchoredAndDottedNamesDoNot() throws {
        #expect(try render(["main": "{{#items}}{{title2}}:{{name}};{{/items}}|{{sub.name}}|{{sub.nothing}}|{{#items}}({{.tag}}){{/items}}|{{#items}}({{tag}}){{/items}}|{{#sub}}{{sub.name}}{{/sub}}"]) ==
                "Hello World:One;Hello World:Two &amp; Co;Hello World:Three;|Sub||(t1)()()|(t1)(PAGE)(PAGE)|Sub")
    }

    @Test func transformsOfTextNumbersAndLists() throws {
        #expect(try render(["main": "{{^empty(items)}}has{{/empty(items)}}{{#empty(none)}}none{{/empty(none)}}{{count(items)}} {{uppercased(title2)}} {{lowercased(title2)}} {{capitalized(lower)}} {{reversed(title2)}} {{#reversed(tags)}}{{.}}{{/reversed(tags)}} {{first(tags)}} {{last(tags)}} {{plusone(count)}} {{minusone(count)}} {{#even(count)}}even{{/even(count)}} {{#sorted(tags)}}{{.}}{{/sorted(tags)}} {{#first(items)}}{{name}}{{/first(items)}} {{#first(none)}}[{{.}}]{{/first(none)}} {{empty(blank)}} {{nosuch(title2)}} {{empty(flag)}} {{#last(reversed(items))}}{{name}}{{/last(reversed(items))}}"]) ==
                "hasnone3 HELLO WORLD hello world Hello Wide World dlroW olleH ca&lt;b b c 4 2  a&lt;bc One  true   One")
    }

    @Test func standaloneTagsTakeTheirWholeLine() throws {
        #expect(try render(["main": "a\n  {{#flag}}  \nb\n  {{/flag}}\nc\n\t{{^off}}\nd\n{{/off}}  \n{{#flag}} e {{/flag}}\n"]) == "a\nb\nc\nd\n e \n")
        #expect(try render(["main": "a\r\n{{#flag}}\r\nb\r\n{{/flag}}\r\n"]) == "a\r\nb\r\n")
        #expect(try render(["main": "a{{! c }}b\n{{! standalone }}\nc\n  {{! indented }}  \nd"]) == "ab\nc\nd")
    }

    @Test func aStandalonePartialIsIndentedAnInlineOneIsNot() throws {
        #expect(try render(["main": "x\n  {{> p}}\ny {{> p}}z\n", "p": "line1\nline2 {{title2}}\n"]) ==
                "x\n  line1\n  line2 Hello World\ny line1\nline2 Hello World\nz\n")
        #expect(try render(["main": "<ul>\n  {{> q}}\n</ul>\n", "q": "{{#tags}}\n<li>{{.}}</li>\n{{/tags}}\n<li>end</li>\n"]) ==
                "<ul>\n  <li>b</li>\n<li>a&lt;</li>\n<li>c</li>\n  <li>end</li>\n</ul>\n")
    }

    @Test func aPageFillsItsParentsBlocksAlsoInThePartialsTheParentIncludes() throws {
        #expect(try render(["main": "{{<base}}\n{{$body}}\nB {{title2}}\n{{/body}}\n{{/base}}\n",
                            "base": "<h>{{$head}}H{{/head}}</h>\n<main>\n  {{$body}}default{{/body}}\n</main>\n{{> foot}}",
                            "foot": "<f>{{$body}}F{{/body}}</f>\n"]) ==
                "<h>H</h>\n<main>\n  B Hello World\n\n</main>\n<f>B Hello World\n</f>\n")
    }

    @Test func delimitersAndContentTypeCanBeChanged() throws {
        #expect(try render(["main": "{{=<% %>=}}<% title2 %> {{title2}}\n<%={{ }}=%>{{title2}}|{{%CONTENT_TYPE:TEXT}}{{title}}"]) ==
                "Hello World {{title2}}\nHello World|<a href=\"x\">Tom & 'Jerry'</a>")
    }

    /// Turning escaping off holds for the rest of the template and the sections and lists in it; a partial starts
    /// escaped again, as swift-mustache's did.
    @Test func contentTypeReachesSectionsAndListsButNotPartials() throws {
        let raw = "<a href=\"x\">Tom & 'Jerry'</a>"
        let escaped = "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        #expect(try render(["main": "{{title}}|{{%CONTENT_TYPE:TEXT}}{{#sub}}{{title}}{{/sub}}|{{#items}}{{title}}{{/items}}|{{> p}}|{{title}}",
                            "p": "{{title}}"]) ==
                "\(escaped)|\(raw)|\(raw)\(raw)\(raw)|\(escaped)|\(raw)")
    }
}
