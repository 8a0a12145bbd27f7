// A layout parsed once, at load time, into a tree of nodes the renderer walks: text is kept as UTF-8 bytes,
// names are split and transforms decoded, partials point at the template they include.

struct Template: Sendable {
    var nodes: [Node]
}

/// Indirect: a node is then one reference, and the renderer's copy of each node it visits one count, where copying
/// the payloads (bytes, names, nested templates) took a tenth of the rendering.
indirect enum Node: Sendable {
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as it is).
    case variable(Name, escaped: Bool)
    case section(Name, Template)
    case invertedSection(Name, Template)
    /// `{{$name}}default{{/name}}` where a page fills it in: the parent's caller may override it.
    case block(String, default: Template, indentation: [UInt8])
    /// `{{> name}}`, or `{{< name}}` with its overriding blocks. `template` indexes TemplateSet's templates;
    /// nil when no such template exists (the load reports that, so it is never rendered).
    case partial(template: Int?, indentation: [UInt8], overrides: [String: Template])
    /// `{{>*field}}`: the partial named by a field's value, looked up when rendering.
    case dynamicPartial(Name, indentation: [UInt8], overrides: [String: Template])
    /// `{{%CONTENT_TYPE:TEXT}}` turns escaping off for the rest of the template, `HTML` back on.
    case contentType(escapes: Bool)
}

/// A variable or section name as written, decoded: where the lookup starts, the dotted path, the transforms.
/// A class: the renderer passes names around for every node it visits, and a copy of a class is one count where a
/// copy of a struct was one per array.
final class Name: Sendable {
    enum Start: Sendable {
        /// `.`: the current value.
        case current
        /// `first()`, `last()`…: the position in the list being looped over.
        case position
        /// `.field`: the current value only, no climbing.
        case anchored
        /// `field`: the innermost value on the stack that has the field.
        case stack
    }

    let start: Start
    let path: [String]
    /// In the order they apply: `a(b(x))` applies b, then a.
    let transforms: [Transform]
    /// `field`, with no dots and no transforms: most names, looked up without slicing.
    let plainField: String?

    init(_ name: String, transforms: [String] = []) {
        if name == "." {
            start = .current
        } else if name.isEmpty, !transforms.isEmpty {
            start = .position
        } else if name.first == "." {
            start = .anchored
        } else {
            start = .stack
        }
        let path = name.split(separator: ".").map(String.init)
        self.path = path
        self.transforms = transforms.reversed().map { Transform(rawValue: $0) ?? .unknown }
        plainField = !name.isEmpty && name.first != "." && path.count == 1 && transforms.isEmpty ? path[0] : nil
    }
}

/// The transforms swift-mustache offers for the kinds of values view models have.
enum Transform: String, Sendable {
    // Text
    case empty, capitalized, lowercased, uppercased, reversed
    // Lists (and `empty`, `reversed`)
    case first, last, count, sorted
    // Numbers
    case equalzero, plusone, minusone, even, odd
    // The position in a list (and `first`, `last`, `even`, `odd`)
    case index
    /// A name no value answers: the lookup gives nothing.
    case unknown
}
