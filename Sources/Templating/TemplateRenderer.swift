// Renders a parsed template into one growing byte buffer. The rules are swift-mustache 2.1.1's, so pages stay
// byte-identical: how names climb the stack, what a section does with each kind of value, where a partial's
// indentation goes (at the start of a node's output that follows a newline within the same template, as the
// library did, not at every line).

struct TemplateRenderer {
    /// What a template is rendered with besides the values: copied into sections and partials as Mustache does.
    /// Plain values only, so that entering a section copies no reference; the indentation and the overrides, which
    /// only partials and blocks change, are the renderer's own, set on the way in and put back on the way out.
    struct Scope {
        /// Where we are in the list a section loops over; only the loop's own body sees it.
        var position: ListPosition?
        var escapes = true
    }

    struct ListPosition {
        var index: Int
        var isLast: Bool
    }

    let templates: [Template]
    let templateIndex: [String: Int]
    private(set) var output: [UInt8] = []
    /// The values sections entered, innermost last; names are looked up from the top down.
    private var stack: [TemplateData]
    /// Added after each newline of a standalone partial's or block's output; empty for none.
    private var indentation: [UInt8] = []
    /// The blocks a page gives its parent, by name; the outermost page's win.
    private var overrides: [String: Template] = [:]

    init(templates: [Template], templateIndex: [String: Int], root: TemplateData, capacity: Int) {
        self.templates = templates
        self.templateIndex = templateIndex
        self.stack = [root]
        output.reserveCapacity(capacity)
    }

    /// The scope is only read here; what a template changes of it for the nodes after (`escapes`) is kept beside it,
    /// so that a template is rendered without copying its scope.
    mutating func render(_ template: Template, _ scope: Scope) {
        var escapes = scope.escapes
        guard !indentation.isEmpty else {
            for node in template.nodes { render(node, scope, escapes: &escapes) }
            return
        }
        let start = output.count
        for node in template.nodes {
            let before = output.count
            render(node, scope, escapes: &escapes)
            if output.count > before, endsWithNewline(before, from: start) {
                output.insert(contentsOf: indentation, at: before)
            }
        }
    }

    /// Whether what this template wrote before `end` ends with a "\n" Character ("\r\n" is another one).
    private func endsWithNewline(_ end: Int, from start: Int) -> Bool {
        guard end > start, output[end - 1] == UInt8(ascii: "\n") else { return false }
        return end - 1 == start || output[end - 2] != UInt8(ascii: "\r")
    }

    /// `escapes`: the scope's, as the template's nodes so far have left it.
    private mutating func render(_ node: Node, _ scope: Scope, escapes: inout Bool) {
        func entered() -> Scope {
            var inner = scope
            inner.escapes = escapes
            return inner
        }
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)
        case .variable(let name, let escaped):
            guard let value = lookUp(name, scope) else { return }
            write(value, escaped: escaped && escapes)
        case .section(let name, let body):
            renderSection(lookUp(name, scope), body, escapes == scope.escapes ? scope : entered())
        case .invertedSection(let name, let body):
            renderInvertedSection(lookUp(name, scope), body, escapes == scope.escapes ? scope : entered())
        case .block(let name, let fallback, let added):
            var inner = entered()
            inner.position = nil
            let outer = added.isEmpty ? nil : indentation
            if !added.isEmpty { indentation += added }
            render(overrides[name] ?? fallback, inner)
            if let outer { indentation = outer }
        case .partial(let index, let indentation, let overrides):
            guard let index else { return }
            renderPartial(templates[index], indentation, overrides)
        case .dynamicPartial(let name, let indentation, let overrides):
            guard case .text(let partialName) = lookUp(name, scope), let index = templateIndex[partialName] else { return }
            renderPartial(templates[index], indentation, overrides)
        case .contentType(let newValue):
            escapes = newValue
        }
    }

    private mutating func renderPartial(_ template: Template, _ added: [UInt8], _ given: [String: Template]) {
        // A partial starts escaped, as Mustache does; most add no indentation and no overrides, and then leave the
        // outer ones as they are.
        let outerIndentation = added.isEmpty ? nil : indentation
        let outerOverrides = given.isEmpty ? nil : overrides
        if !added.isEmpty { indentation += added }
        if !given.isEmpty { overrides.merge(given) { outer, _ in outer } }
        render(template, Scope(position: nil))
        if let outerIndentation { indentation = outerIndentation }
        if let outerOverrides { overrides = outerOverrides }
    }

    private mutating func write(_ value: TemplateData, escaped: Bool) {
        switch value {
        case .text(let text):
            if escaped { output.appendEscapingHTML(text) } else { output.append(contentsOf: text.utf8) }
        case .utf8(let bytes):
            if escaped { output.appendEscapingHTML(String(decoding: bytes, as: UTF8.self)) } else { output.append(contentsOf: bytes) }
        case .written(let text):
            if escaped { output.appendEscapingHTML(value.printed) } else { text.write(to: &output) }
        case .int(let number):
            output.append(contentsOf: String(number).utf8)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        default:
            if escaped { output.appendEscapingHTML(value.printed) } else { output.append(contentsOf: value.printed.utf8) }
        }
    }

    // MARK: - Sections

    private mutating func renderSection(_ value: TemplateData?, _ body: Template, _ scope: Scope) {
        switch value {
        case .texts(let texts):
            renderList(count: texts.count, body, scope) { .text(texts[$0]) }
        case .objects(let list):
            renderList(count: list.count, body, scope) { list.element(at: $0) }
        case .bool(let flag):
            if flag { render(body, scope) }
        case .some(let value):
            renderEntering(value, body, scope)
        case .none:
            break
        }
    }

    private mutating func renderInvertedSection(_ value: TemplateData?, _ body: Template, _ scope: Scope) {
        switch value {
        case .texts(let texts):
            if texts.isEmpty { renderEntering(.texts(texts), body, scope) }
        case .objects(let list):
            if list.count == 0 { renderEntering(.objects(list), body, scope) }
        case .bool(let flag):
            if !flag { render(body, scope) }
        case .some:
            break
        case .none:
            render(body, scope)
        }
    }

    /// The body with `value` on top of the stack, outside any list position.
    private mutating func renderEntering(_ value: TemplateData, _ body: Template, _ scope: Scope) {
        var inner = scope
        inner.position = nil
        stack.append(value)
        render(body, inner)
        stack.removeLast()
    }

    private mutating func renderList(count: Int, _ body: Template, _ scope: Scope, element: (Int) -> TemplateData) {
        var inner = scope
        for index in 0 ..< count {
            inner.position = ListPosition(index: index, isLast: index == count - 1)
            stack.append(element(index))
            render(body, inner)
            stack.removeLast()
        }
    }

    // MARK: - Names

    private func lookUp(_ name: Name, _ scope: Scope) -> TemplateData? {
        // Most names are one field: climb the stack by index, reading each value where it is.
        if let field = name.plainField {
            var i = stack.count - 1
            while i >= 0 {
                if let child = stack[i].child(named: field) { return child }
                i -= 1
            }
            return nil
        }
        var transforms = name.transforms[...]
        var value: TemplateData?
        switch name.start {
        case .current:
            value = stack[stack.count - 1]
        case .position:
            guard let position = scope.position, let transform = transforms.popFirst() else { return nil }
            value = position.apply(transform)
        case .anchored:
            value = descend(stack[stack.count - 1], name.path[...])
        case .stack:
            guard let first = name.path.first else {
                value = stack[stack.count - 1]
                break
            }
            for entry in stack.reversed() {
                if let child = entry.child(named: first) {
                    value = descend(child, name.path.dropFirst())
                    break
                }
            }
        }
        for transform in transforms {
            guard let current = value else { return nil }
            value = current.apply(transform)
        }
        return value
    }

    /// `a.b.c` below a value: no climbing once the first name is found.
    private func descend(_ value: TemplateData, _ path: ArraySlice<String>) -> TemplateData? {
        var value = value
        for name in path {
            guard let child = value.child(named: name) else { return nil }
            value = child
        }
        return value
    }
}
