// A cursor over a template's characters for TemplateParser. It reads Characters (grapheme clusters), not
// bytes, and stops and fails where swift-mustache's parser did, so templates keep their exact whitespace
// handling and a broken template is reported at the same line and column as before.

struct TemplateScanner {
    /// The scanner ran past the end of the template (an unclosed tag or comment).
    struct Overflow: Error {}

    let characters: [Character]
    var position = 0

    init(_ text: String) { characters = Array(text) }

    var reachedEnd: Bool { position == characters.count }

    /// The character at the cursor, or "\0" at the end.
    var current: Character { reachedEnd ? "\0" : characters[position] }

    mutating func advance() { position += 1 }
    mutating func retreat() { position -= 1 }

    /// Steps over `character` when it is next; throws at the end of the template.
    mutating func read(_ character: Character) throws -> Bool {
        guard !reachedEnd else { throw Overflow() }
        guard characters[position] == character else { return false }
        position += 1
        return true
    }

    /// Steps over `string` when it comes next; throws when fewer characters than it has are left.
    mutating func read(string: String) throws -> Bool {
        let count = string.count
        guard count > 0 else { return true }
        guard characters.count - position >= count else { throw Overflow() }
        guard String(characters[position ..< position + count]) == string else { return false }
        position += count
        return true
    }

    /// Reads up to (not over) the first character in `stops`, or to the end.
    mutating func read(until stops: Set<Character>) -> String {
        read(while: { !stops.contains($0) })
    }

    /// Reads up to the first character that passes `stop`; throws, without moving, when none does.
    mutating func read(throwingUntil stop: (Character) -> Bool) throws -> String {
        let start = position
        while !reachedEnd, !stop(characters[position]) { position += 1 }
        guard !reachedEnd else {
            position = start
            throw Overflow()
        }
        return String(characters[start ..< position])
    }

    /// Reads over `marker`, returning what came before it; throws, without moving, when it never comes.
    /// Matches the way swift-mustache does: a partial match that fails starts again after the failing character.
    mutating func read(over marker: String) throws -> String {
        let marker = Array(marker)
        guard !marker.isEmpty else { return "" }
        let start = position
        var found = position
        var matched = 0
        while !reachedEnd {
            if characters[position] == marker[matched] {
                if matched == 0 { found = position }
                matched += 1
                if matched == marker.count {
                    position += 1
                    return String(characters[start ..< found])
                }
            } else {
                matched = 0
            }
            position += 1
        }
        position = start
        throw Overflow()
    }

    @discardableResult
    mutating func read(while accept: (Character) -> Bool) -> String {
        let start = position
        while !reachedEnd, accept(characters[position]) { position += 1 }
        return String(characters[start ..< position])
    }

    @discardableResult
    mutating func read(while set: Set<Character>) -> String {
        read(while: { set.contains($0) })
    }

    /// Reads over every `character` in a row; returns how many.
    mutating func count(while character: Character) -> Int {
        var count = 0
        while !reachedEnd, characters[position] == character {
            position += 1
            count += 1
        }
        return count
    }

    /// Where the cursor is, for an error: the whole line, its number and the column (both from 1).
    var location: TemplateSyntaxError.Location {
        var cursor = self
        var column = 0
        while cursor.position > 0 {
            cursor.retreat()
            if cursor.current == "\n" { break }
            column += 1
        }
        if cursor.current == "\n" { cursor.advance() }
        let line = cursor.read(until: ["\n"])
        let lineNumber = characters[..<position].filter(\.isNewline).count
        return .init(line: line, lineNumber: lineNumber + 1, columnNumber: column + 1)
    }
}
