// Problems found while reading content or templates, reported as `path:line:col: severity: message`.

/// One problem, located in a file so the person who wrote it can go straight there.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public let path: String
    public let line: Int
    public let column: Int
    public let severity: Severity
    public let message: String

    public init(path: String, line: Int = 1, column: Int = 1, severity: Severity = .error, message: String) {
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.severity = severity
        self.message = message
    }

    public var description: String { "\(path):\(line):\(column): \(severity.rawValue): \(message)" }

    // Sorted by file, then position, so a long report reads top to bottom like the files themselves.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.path, a.line, a.column, a.severity.rawValue, a.message)
            < (b.path, b.line, b.column, b.severity.rawValue, b.message)
    }
}

/// Collects every problem of a build instead of stopping at the first, so one run shows them all.
public struct DiagnosticLog: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }
    public var sorted: [Diagnostic] { Array(Set(items)).sorted() }

    public mutating func error(_ path: String, _ line: Int = 1, _ column: Int = 1, _ message: String) {
        items.append(Diagnostic(path: path, line: line, column: column, severity: .error, message: message))
    }

    public mutating func warning(_ path: String, _ line: Int = 1, _ column: Int = 1, _ message: String) {
        items.append(Diagnostic(path: path, line: line, column: column, severity: .warning, message: message))
    }

    public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }
    public mutating func append(contentsOf other: DiagnosticLog) { items += other.items }
    public mutating func append(contentsOf other: [Diagnostic]) { items += other }
}

/// Thrown when a build cannot go on; carries everything that was found.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted() }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
