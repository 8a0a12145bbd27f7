// A template that does not parse fails where swift-mustache 2.1.1 failed, with its error and at its line and
// column (TemplateSet turns them into the diagnostic), so the messages a theme author sees stay the same.

@testable import Templating
import Testing

@Suite struct TemplateParserTests {
    func failure(_ text: String) -> String {
        do {
            _ = try TemplateParser.parse(text) { _ in nil }
            return "parses"
        } catch {
            return "\(error.location.lineNumber):\(error.location.columnNumber) \(error.location.line) \(error.kind)"
        }
    }

    @Test func locatesEachKindOfError() {
        #expect(failure("a\n{{#x}}\nb\n{{/y}}\n") == "4:4 {{/y}} sectionCloseNameIncorrect")
        #expect(failure("{{/x}}") == "1:4 {{/x}} sectionCloseNameIncorrect")
        #expect(failure("a {{x") == "1:6 a {{x overflow")
        #expect(failure("{{#x}}\nno end\n") == "3:1  expectedSectionEnd")
        #expect(failure("{{<p}}\n{{x}}\n{{/p}}\n") == "4:1  illegalTokenInsideInheritSection")
        #expect(failure("text {") == "1:6 text { overflow")
        #expect(failure("{{!unclosed comment") == "1:4 {{!unclosed comment overflow")
        #expect(failure("{{$x(y)}}{{/x(y)}}") == "1:10 {{$x(y)}}{{/x(y)}} transformAppliedToInheritanceSection")
        #expect(failure("{{%FOO:BAR}}") == "1:13 {{%FOO:BAR}} unrecognisedConfigVariable")
        #expect(failure("{{= a =}}") == "1:10 {{= a =}} invalidSetDelimiter")
        #expect(failure("  {{{x}}\n") == "1:9   {{{x}} unfinishedName")
        #expect(failure("{{x(y}}") == "1:8 {{x(y}} unfinishedName")
    }
}
