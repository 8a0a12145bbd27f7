// Parses a template into nodes once, at load time. It follows swift-mustache 2.1.1's parser (Apache-2.0)
// step by step, quirks included: which lines count as standalone and lose their whitespace, what becomes a
// partial's indentation, where an error is reported. Themes written for it render byte for byte the same.
// Adapted from swift-mustache (https://github.com/hummingbird-project/swift-mustache), Copyright (c) the
// Hummingbird authors, licensed under the Apache License 2.0.

/// A template that does not parse: what is wrong and where the parser stopped.
struct TemplateSyntaxError: Error {
    enum Kind: Error {
        case sectionCloseNameIncorrect, unfinishedName, expectedSectionEnd, invalidSetDelimiter
        case transformAppliedToInheritanceSection, illegalTokenInsideInheritSection, textInsideInheritSection
        case invalidConfigVariableSyntax, unrecognisedConfigVariable
        /// A tag or comment runs past the end of the template.
        case overflow
    }

    struct Location {
        let line: String
        let lineNumber: Int
        let columnNumber: Int
    }

    let kind: Kind
    let location: Location
}

struct TemplateParser {
    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        /// Inside `{{<parent}}…{{/parent}}`, and directly in it (where `{{$name}}` defines a block).
        var inParent = false
        var inParentTopLevel = false
        var startDelimiter = "{{"
        var endDelimiter = "}}"
        var parentIndent: String?

        func inSection(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.inParentTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func inParent(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.inParent = true
            state.inParentTopLevel = true
            return state
        }
    }

    private var scanner: TemplateScanner
    /// The index of the template a partial or parent names, nil when there is none.
    private let resolve: (String) -> Int?

    /// Parses `text`; partial and parent names are turned into template indexes with `resolve`.
    static func parse(_ text: String, resolve: @escaping (String) -> Int?) throws(TemplateSyntaxError) -> Template {
        var parser = TemplateParser(scanner: TemplateScanner(text), resolve: resolve)
        do {
            return try parser.parse(State()).template
        } catch let error as TemplateSyntaxError.Kind {
            throw TemplateSyntaxError(kind: error, location: parser.scanner.location)
        } catch {
            throw TemplateSyntaxError(kind: .overflow, location: parser.scanner.location)
        }
    }

    /// One template, or a section's body up to its closing tag. `blocks` are the `{{$name}}` definitions
    /// directly inside a parent tag's body.
    private mutating func parse(_ initial: State) throws -> (template: Template, blocks: [String: Template]) {
        var nodes: [Node] = []
        var blocks: [String: Template] = [:]
        var state = initial
        var whiteSpaceBefore = ""
        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty { nodes.append(.text(Array(whiteSpaceBefore.utf8))) }
        }
        while !scanner.reachedEnd {
            if state.newLine {
                let whiteSpace = scanner.read(while: Self.blanks)
                if state.inParent, !state.inParentTopLevel {
                    // Lines inside a block of a parent tag lose the indent of the block's first line.
                    if let indent = state.parentIndent {
                        whiteSpaceBefore = String(whiteSpace.dropFirst(indent.count))
                    } else {
                        state.parentIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = try readTextBeforeTag(state)
            if scanner.current.isNewline {
                nodes.append(.text(Array((whiteSpaceBefore + text + String(scanner.current)).utf8)))
                state.newLine = true
                scanner.advance()
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array((whiteSpaceBefore + text).utf8)))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if scanner.reachedEnd { break }
            var setNewLine = false
            switch scanner.current {
            case "#", "^":
                let inverted = scanner.current == "^"
                scanner.advance()
                let (name, transforms) = try parseName(state)
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                    whiteSpaceBefore = ""
                }
                let body = try parse(state.inSection(name, newLine: setNewLine, transforms: transforms)).template
                let decoded = Name(name, transforms: transforms)
                nodes.append(inverted ? .invertedSection(decoded, body) : .section(decoded, body))

            case "/":
                scanner.advance()
                let position = scanner.position
                let (name, transforms) = try parseName(state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    scanner.position = position
                    throw TemplateSyntaxError.Kind.sectionCloseNameIncorrect
                }
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                return (Template(nodes: nodes), blocks)

            case "!":
                scanner.advance()
                _ = try scanner.read(over: state.endDelimiter)
                setNewLine = isStandalone(state)

            case "{", "&":
                let tripleMustache = scanner.current == "{"
                flushWhiteSpace()
                whiteSpaceBefore = ""
                scanner.advance()
                let (name, transforms) = try parseName(state)
                if tripleMustache {
                    guard try scanner.read("}") else { throw TemplateSyntaxError.Kind.unfinishedName }
                }
                nodes.append(.variable(Name(name, transforms: transforms), escaped: false))

            case ">":
                scanner.advance()
                scanner.read(while: \.isWhitespace)
                let dynamic = scanner.current == "*"
                if dynamic { scanner.advance() }
                let name = try parsePartialName(state)
                flushWhiteSpace()
                var indentation: [UInt8] = []
                if isStandalone(state) {
                    setNewLine = true
                    indentation = Array(whiteSpaceBefore.utf8)
                }
                nodes.append(partial(name, dynamic: dynamic, indentation: indentation, overrides: [:]))
                whiteSpaceBefore = ""

            case "<":
                scanner.advance()
                scanner.read(while: \.isWhitespace)
                let sectionName = try parsePartialName(state)
                flushWhiteSpace()
                if isStandalone(state) { setNewLine = true }
                let (body, overrides) = try parse(state.inParent(sectionName))
                // Only block definitions (and the text between them, which is dropped) may fill a parent.
                for node in body.nodes {
                    guard case .text = node else { throw TemplateSyntaxError.Kind.illegalTokenInsideInheritSection }
                }
                let dynamic = sectionName.first == "*"
                let name = dynamic ? String(sectionName.dropFirst()) : sectionName
                nodes.append(partial(name, dynamic: dynamic, indentation: Array(whiteSpaceBefore.utf8), overrides: overrides))
                whiteSpaceBefore = ""

            case "$":
                scanner.advance()
                let (name, transforms) = try parseName(state)
                guard transforms.isEmpty else { throw TemplateSyntaxError.Kind.transformAppliedToInheritanceSection }
                if state.inParentTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    blocks[name] = try parse(state.inSection(name, newLine: setNewLine)).template
                } else {
                    flushWhiteSpace()
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state.inSection(name, newLine: setNewLine)).template
                    nodes.append(.block(name, default: body, indentation: Array(whiteSpaceBefore.utf8)))
                    whiteSpaceBefore = ""
                }

            case "=":
                scanner.advance()
                state = try parseSetDelimiter(state)
                setNewLine = isStandalone(state)

            case "%":
                scanner.advance()
                nodes.append(try parseContentType(state))
                setNewLine = isStandalone(state)

            default:
                flushWhiteSpace()
                whiteSpaceBefore = ""
                let (name, transforms) = try parseName(state)
                nodes.append(.variable(Name(name, transforms: transforms), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw TemplateSyntaxError.Kind.expectedSectionEnd }
        return (Template(nodes: nodes), blocks)
    }

    private func partial(_ name: String, dynamic: Bool, indentation: [UInt8], overrides: [String: Template]) -> Node {
        dynamic ? .dynamicPartial(Name(name), indentation: indentation, overrides: overrides)
            : .partial(template: resolve(name), indentation: indentation, overrides: overrides)
    }

    /// Text up to the next tag's opening delimiter (read over) or newline (not read).
    private mutating func readTextBeforeTag(_ state: State) throws -> String {
        guard let opening = state.startDelimiter.first else { return "" }
        let stops: Set<Character> = ["\n", "\r\n", opening]
        var text = ""
        while !scanner.reachedEnd {
            text += scanner.read(until: stops)
            if scanner.current.isNewline { break }
            if scanner.current == opening {
                if try scanner.read(string: state.startDelimiter) { break }
                text.append(opening)
                scanner.advance()
            }
        }
        return text
    }

    /// A tag's name up to and over the closing delimiter; `a(b(name))` gives ("name", ["a", "b"]).
    private mutating func parseName(_ state: State) throws -> (String, [String]) {
        scanner.read(while: \.isWhitespace)
        let text = scanner.read(while: Self.nameCharacters)
        scanner.read(while: \.isWhitespace)
        guard try scanner.read(string: state.endDelimiter) else { throw TemplateSyntaxError.Kind.unfinishedName }

        var name = TemplateScanner(text)
        let first = name.read(while: Self.nameCharactersWithoutBrackets)
        if name.reachedEnd { return (text, []) }
        guard name.current == "(" else { throw TemplateSyntaxError.Kind.unfinishedName }
        name.advance()
        var transforms = [first]
        while true {
            let inner = name.read(while: Self.nameCharactersWithoutBrackets)
            switch name.current {
            case ")":
                name.advance()
                // One `)` for each transform.
                guard name.count(while: ")") + 1 == transforms.count, name.reachedEnd else {
                    throw TemplateSyntaxError.Kind.unfinishedName
                }
                return (inner, transforms)
            case "(":
                name.advance()
                transforms.append(inner)
            default:
                throw TemplateSyntaxError.Kind.unfinishedName
            }
        }
    }

    private mutating func parsePartialName(_ state: State) throws -> String {
        scanner.read(while: \.isWhitespace)
        let text = scanner.read(while: Self.partialNameCharacters)
        scanner.read(while: \.isWhitespace)
        guard try scanner.read(string: state.endDelimiter) else { throw TemplateSyntaxError.Kind.unfinishedName }
        return text
    }

    /// `{{=<% %>=}}`: the delimiters for the rest of the template.
    private mutating func parseSetDelimiter(_ state: State) throws -> State {
        let start: String
        let end: String
        do {
            scanner.read(while: \.isWhitespace)
            start = try scanner.read(throwingUntil: \.isWhitespace)
            scanner.read(while: \.isWhitespace)
            end = try scanner.read(throwingUntil: { $0 == "=" || $0.isWhitespace })
            scanner.read(while: \.isWhitespace)
        } catch {
            throw TemplateSyntaxError.Kind.invalidSetDelimiter
        }
        guard try scanner.read("=") else { throw TemplateSyntaxError.Kind.invalidSetDelimiter }
        guard try scanner.read(string: state.endDelimiter) else { throw TemplateSyntaxError.Kind.invalidSetDelimiter }
        guard !start.isEmpty, !end.isEmpty else { throw TemplateSyntaxError.Kind.invalidSetDelimiter }
        var changed = state
        changed.startDelimiter = start
        changed.endDelimiter = end
        changed.inParentTopLevel = false
        return changed
    }

    /// `{{%CONTENT_TYPE:TEXT}}` or `{{%CONTENT_TYPE:HTML}}`, the one setting there is.
    private mutating func parseContentType(_ state: State) throws -> Node {
        let variable: String
        let value: String
        do {
            scanner.read(while: \.isWhitespace)
            variable = scanner.read(while: Self.nameCharactersWithoutBrackets)
            scanner.read(while: \.isWhitespace)
            guard try scanner.read(":") else { throw TemplateSyntaxError.Kind.invalidConfigVariableSyntax }
            scanner.read(while: \.isWhitespace)
            value = scanner.read(while: Self.nameCharactersWithoutBrackets)
            scanner.read(while: \.isWhitespace)
            guard try scanner.read(string: state.endDelimiter) else { throw TemplateSyntaxError.Kind.invalidConfigVariableSyntax }
        } catch {
            throw TemplateSyntaxError.Kind.invalidConfigVariableSyntax
        }
        guard !variable.isEmpty, !value.isEmpty else { throw TemplateSyntaxError.Kind.invalidConfigVariableSyntax }
        guard variable == "CONTENT_TYPE" else { throw TemplateSyntaxError.Kind.unrecognisedConfigVariable }
        switch value {
        case "HTML": return .contentType(escapes: true)
        case "TEXT": return .contentType(escapes: false)
        default: throw TemplateSyntaxError.Kind.unrecognisedConfigVariable
        }
    }

    /// A tag alone on its line (but for blanks): the whole line, newline included, is dropped.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if scanner.reachedEnd { return true }
        var ahead = scanner
        ahead.read(while: Self.blanks)
        guard ahead.current.isNewline else { return false }
        ahead.advance()
        scanner.position = ahead.position
        return true
    }

    private static let blanks: Set<Character> = [" ", "\t"]
    private static let nameCharactersWithoutBrackets = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let nameCharacters = nameCharactersWithoutBrackets.union("()")
    private static let partialNameCharacters = nameCharacters.union("/")
}
