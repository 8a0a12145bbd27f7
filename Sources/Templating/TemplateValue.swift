// What layouts read: a view model answers each of its fields by name as a typed TemplateData, so rendering
// needs neither Mirror nor dynamic casts (both dominated the render step's profile with swift-mustache).

/// A value whose fields layouts read by name: `child(named:)` returns the field, or nil when there is none
/// (then the lookup climbs to the enclosing value, as Mustache does). An optional field that holds nothing
/// must return nil, so that `{{#field}}` sections skip it.
public protocol TemplateValue {
    func child(named name: String) -> TemplateData?
}

/// One field's value as a layout sees it. The cases are the field types view models use.
public enum TemplateData {
    case text(String)
    /// Text that is already UTF-8 bytes (an article's body as HTML): written as it is, where a String would be
    /// checked and copied once more for a page that only copies it out again.
    case utf8([UInt8])
    /// Text made only when a page writes it, straight into the page's bytes: a person page quotes hundreds of
    /// sentences, and making each one a String first, to copy it in and free it, cost more than writing it.
    /// Anywhere else (escaped, in a section, through a transform) it is the text it writes, as `.utf8` is.
    case written(any WrittenText)
    case bool(Bool)
    case int(Int)
    case object(any TemplateValue)
    case texts([String])
    case objects(any TemplateList)

    func child(named name: String) -> TemplateData? {
        if case .object(let value) = self { return value.child(named: name) }
        return nil
    }

    /// The value as `String(describing:)` prints it, which is how Mustache prints a variable.
    public var printed: String {
        switch self {
        case .text(let text): return text
        case .utf8(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .written(let text): return String(decoding: text.bytes, as: UTF8.self)
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .object(let value): return String(describing: value)
        case .texts(let texts): return String(describing: texts)
        case .objects(let list): return String(describing: list)
        }
    }
}

/// Text a view model holds as UTF-8 bytes (see `TemplateData.utf8`); it prints as the text it is.
public struct UTF8Text: Sendable, CustomStringConvertible {
    public var bytes: [UInt8]
    public init(bytes: [UInt8]) { self.bytes = bytes }
    public var description: String { String(decoding: bytes, as: UTF8.self) }
}

/// Text that writes its own UTF-8 bytes when a page shows it (see `TemplateData.written`).
public protocol WrittenText: Sendable {
    /// Appends the text, as UTF-8, to `output`.
    func write(to output: inout [UInt8])
}

extension WrittenText {
    /// The text's bytes on their own, for the uses that need it as a value.
    public var bytes: [UInt8] {
        var bytes: [UInt8] = []
        write(to: &bytes)
        return bytes
    }
}

/// A list of view models, answered without copying it into an array of existentials.
public protocol TemplateList {
    var count: Int { get }
    func element(at index: Int) -> TemplateData
}

extension Array: TemplateList where Element: TemplateValue {
    public func element(at index: Int) -> TemplateData { .object(self[index]) }
}

/// `reversed(list)`: the same elements, last first.
struct ReversedTemplateList: TemplateList {
    let base: any TemplateList
    var count: Int { base.count }
    func element(at index: Int) -> TemplateData { base.element(at: base.count - 1 - index) }
}
