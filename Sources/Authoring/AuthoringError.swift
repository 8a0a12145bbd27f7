// What can go wrong when writing into Content/, split by who must act: the command line or the folder.

/// A problem with a `new` or `import` request, with a message a person can act on.
public struct AuthoringError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case usage      // a value given on the command line is wrong (a date, a URL, an empty title)
        case content    // the content folder is missing, or the file already exists or cannot be written
    }
    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
