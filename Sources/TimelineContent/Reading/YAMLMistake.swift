/// Recognises a frequent mistake in YAML text from the line libyaml stopped at, and words its fix plainly.
///
/// libyaml reports what its grammar could not read ("mapping values are not allowed in this context");
/// the author wrote `title: Gangs: a truce`. The recogniser looks at the text of the lines the error points
/// at and names the mistake with the line as it should be written.
struct YAMLMistake: Equatable {
    /// The mistakes recognised, each with what the fix shows.
    enum Kind: Equatable {
        /// A tab in the indentation of a line.
        case tabIndent
        /// `title: Gangs: a truce`: a plain value holding ': '; the field is nil when the line has no key of
        /// its own. `ownKey` is the key a wrapped line seems to start, which may be a field indented too far.
        case colonInValue(field: Field?, ownKey: String? = nil)
        /// `title:An event`: a key without the space after its ':', which YAML reads as text.
        case colonWithoutSpace(field: Field)
        /// `-harbour`: a list item without the space after its dash.
        case itemWithoutSpace(item: String)
        /// `title: @harbour news`: a value starting with a character that cannot start plain text.
        case reservedStart(character: Unicode.Scalar, field: Field)
        /// `title: "Gangs`: a quote that opens a value and is never closed; the field is nil when the quote
        /// opens something other than a line's value, such as an item of a `[...]` list.
        case unclosedQuote(field: Field?)
        /// `title: 'Rock'n'roll'`: text after the quote that closes a value.
        case textAfterQuote(field: Field)
        /// `title: #5 of the series`: a value that a '#' after a space turns into a comment.
        case commentAsValue(field: Field)
    }

    /// A `key: value` line, or a `- value` item when the key is nil, as the author meant it.
    struct Field: Equatable {
        var key: String?
        var value: String

        /// The line as it should be written, with its value quoted.
        var written: String { (key.map { "\($0): " } ?? "- ") + YAMLMistake.quoted(value) }
    }

    var kind: Kind
    /// Where the mistake is in the YAML text: the line (1-based) and the column (1-based, in Unicode scalars).
    var line: Int
    var column: Int

    /// The mistake and its fix, in the words of the diagnostics.
    var message: String {
        switch kind {
        case .tabIndent:
            return "YAML indents with spaces, not tabs"
        case .colonInValue(let field?, let ownKey):
            var message = "a value containing ': ' must be quoted: \(field.written)"
            if let ownKey, let key = field.key { message += "; if '\(ownKey)' is a field of its own, indent it as '\(key)' is" }
            return message
        case .colonInValue(nil, _):
            return "a value containing ': ' must be quoted"
        case .colonWithoutSpace(let field):
            return "a field's ':' is followed by a space: \(field.key ?? ""): \(field.value)"
        case .itemWithoutSpace(let item):
            return "a list item needs a space after '-': - \(item)"
        case .reservedStart(let character, let field):
            let reading: String
            switch character {
            case "*": reading = ", which YAML reads as an alias"
            case "&": reading = ", which YAML reads as an anchor"
            case "|", ">": reading = ", which YAML reads as the start of a block of text"
            default: reading = ""
            }
            return "a value cannot start with '\(character)'\(reading); quote it: \(field.written)"
        case .unclosedQuote(let field):
            return "the quote that opens this value is never closed" + (field.map { ": \($0.written)" } ?? "")
        case .textAfterQuote(let field):
            return "the value ends at this quote, and text follows it; quote the whole value with the other kind of quote: \(field.written)"
        case .commentAsValue(let field):
            return "'#' after a space starts a comment; quote the value: \(field.written)"
        }
    }

    /// The value in quotes: double quotes, or single ones when it holds a double quote and no single one.
    static func quoted(_ value: String) -> String {
        if value.contains("\"") && !value.contains("'") { return "'\(value)'" }
        var text = "\""
        for character in value {
            if character == "\"" || character == "\\" { text.append("\\") }
            text.append(character)
        }
        return text + "\""
    }

    /// The mistake behind a libyaml error, or nil when it is none of those recognised. `problem` is libyaml's
    /// message, `mark` where it points, `context` where its context ("while scanning a quoted scalar")
    /// starts, and `lines` the YAML text's lines as libyaml counts them.
    static func recognise(
        problem: String, at mark: (line: Int, column: Int), context: (line: Int, column: Int)?, lines: [[Unicode.Scalar]]
    ) -> YAMLMistake? {
        func line(_ number: Int) -> [Unicode.Scalar] { number >= 1 && number <= lines.count ? lines[number - 1] : [] }
        let text = line(mark.line)
        if let tab = text.prefix(while: { $0 == " " || $0 == "\t" }).firstIndex(of: "\t") {
            return YAMLMistake(kind: .tabIndent, line: mark.line, column: tab + 1)
        }
        if mark.column >= 1, mark.column <= text.count, text[mark.column - 1] == "\t" {
            return YAMLMistake(kind: .tabIndent, line: mark.line, column: mark.column)
        }
        if let context, let mistake = quoteMistake(line(context.line), line: context.line, from: context.column) {
            return mistake
        }
        if let mistake = quoteMistake(text, line: mark.line, from: nil), mistake.column < mark.column {
            return mistake
        }
        for number in [context?.line, mark.line].compactMap({ $0 }) {
            if let mistake = itemWithoutSpace(line(number), line: number) { return mistake }
        }
        // A line whose key libyaml refuses may follow one it read as text: `title:An event`.
        let ownKey = keyColon(text).flatMap { $0 + 1 == mark.column ? split(text)?.field.key : nil }
        for number in [context?.line, mark.line, ownKey == nil ? nil : mark.line - 1].compactMap({ $0 }) {
            if let mistake = colonWithoutSpace(line(number), line: number) { return mistake }
        }
        if let field = split(text), let first = field.field.value.unicodeScalars.first, mark.column >= field.valueColumn,
           ["@", "`", "%", "|", ">"].contains(first) {
            return YAMLMistake(kind: .reservedStart(character: first, field: field.field), line: mark.line, column: field.valueColumn)
        }
        if problem.contains("mapping values"), mark.column >= 1, mark.column <= text.count, text[mark.column - 1] == ":" {
            if let field = split(text), field.valueColumn < mark.column {
                return YAMLMistake(kind: .colonInValue(field: field.field), line: mark.line, column: mark.column)
            }
            let wrapped = wrappedField(endingAt: mark.line, lines: lines)
            return YAMLMistake(kind: .colonInValue(field: wrapped, ownKey: ownKey), line: mark.line, column: mark.column)
        }
        return nil
    }

    /// A value that starts with `*` or `&` on the line of an anchor or alias, when the author meant text:
    /// `*` alone, an "alias" that ends with `*` (`*Breaking*`) or is followed by words, or `&` alone.
    /// `&name value` is a true anchor, and `*name` a true alias.
    static func anchorAsText(_ text: [Unicode.Scalar], line: Int, column: Int) -> YAMLMistake? {
        guard let field = split(text), field.valueColumn == column else { return nil }
        let value = Array(field.field.value.unicodeScalars)
        guard let first = value.first, first == "*" || first == "&" else { return nil }
        let token = value.prefix(while: { $0 != " " })
        let meantAsText = token.count == 1 || first == "*" && (token.last == "*" || token.count < value.count)
        guard meantAsText else { return nil }
        return YAMLMistake(kind: .reservedStart(character: first, field: field.field), line: line, column: column)
    }

    /// `-harbour`: a line that starts a list item without the space after its dash.
    static func itemWithoutSpace(_ text: [Unicode.Scalar], line: Int) -> YAMLMistake? {
        let start = text.prefix(while: { $0 == " " }).count
        guard start + 1 < text.count, text[start] == "-", ![" ", "-", "\t", "\r"].contains(text[start + 1]) else { return nil }
        let item = String(String.UnicodeScalarView(text[(start + 1)...])).trimmingWhitespace
        return YAMLMistake(kind: .itemWithoutSpace(item: item), line: line, column: start + 1)
    }

    /// `title:An event`: a line that starts with a plain key and a ':' with no space after it, and has no key otherwise.
    static func colonWithoutSpace(_ text: [Unicode.Scalar], line: Int) -> YAMLMistake? {
        guard keyColon(text) == nil else { return nil }
        var start = text.prefix(while: { $0 == " " }).count
        while start + 1 < text.count, text[start] == "-", text[start + 1] == " " { start += 2 }
        var end = start
        while end < text.count, text[end].properties.isAlphabetic || ("0"..."9").contains(text[end]) || text[end] == "_" || text[end] == "-" { end += 1 }
        guard end > start, end + 1 < text.count, text[end] == ":", ![" ", ":", "/", "\r"].contains(text[end + 1]) else { return nil }
        let key = String(String.UnicodeScalarView(text[start..<end]))
        let value = String(String.UnicodeScalarView(text[(end + 1)...])).trimmingWhitespace
        return YAMLMistake(kind: .colonWithoutSpace(field: Field(key: key, value: value)), line: line, column: end + 1)
    }

    /// `key: #text`: a field whose value a comment took, when the text after the '#' was meant as its value.
    static func commentAsValue(_ text: [Unicode.Scalar], line: Int) -> YAMLMistake? {
        guard let colon = keyColon(text), let hash = text[(colon + 1)...].firstIndex(where: { $0 != " " }), text[hash] == "#",
              hash > colon + 1 else { return nil }
        let key = String(String.UnicodeScalarView(text[..<colon])).trimmingWhitespace
        let value = String(String.UnicodeScalarView(text[hash...])).trimmingWhitespace
        return YAMLMistake(kind: .commentAsValue(field: Field(key: dashless(key), value: value)), line: line, column: hash + 1)
    }

    /// The field whose plain value wraps onto line `last`: the nearest line above that is less indented
    /// and has a key, with the value's lines joined by spaces.
    private static func wrappedField(endingAt last: Int, lines: [[Unicode.Scalar]]) -> Field? {
        func indent(_ line: [Unicode.Scalar]) -> Int { line.prefix(while: { $0 == " " }).count }
        guard last >= 2, last <= lines.count else { return nil }
        var words = [String(String.UnicodeScalarView(lines[last - 1])).trimmingWhitespace]
        var number = last - 1
        while number >= 1, indent(lines[number - 1]) >= indent(lines[last - 1]) {
            words.insert(String(String.UnicodeScalarView(lines[number - 1])).trimmingWhitespace, at: 0)
            number -= 1
        }
        guard number >= 1, let field = split(lines[number - 1]), !field.field.value.isEmpty else { return nil }
        return Field(key: field.field.key, value: ([field.field.value] + words).joined(separator: " "))
    }

    /// A value that opens a quote at `from` (or at the value's start, when nil) and either never closes it
    /// on the line, or closes it before text that belongs to the value.
    private static func quoteMistake(_ text: [Unicode.Scalar], line: Int, from column: Int?) -> YAMLMistake? {
        let field = split(text)
        guard let open = column.map({ $0 - 1 }) ?? field.map({ $0.valueColumn - 1 }), open >= 0, open < text.count,
              text[open] == "\"" || text[open] == "'" else { return nil }
        let isWholeValue = field?.valueColumn == open + 1
        let quote = text[open]
        var index = open + 1
        while index < text.count {
            if quote == "\"", text[index] == "\\" {
                index += 2
                continue
            }
            if text[index] == quote {
                if quote == "'", index + 1 < text.count, text[index + 1] == "'" {
                    index += 2
                    continue
                }
                break
            }
            index += 1
        }
        let written = String(String.UnicodeScalarView(text[open...])).trimmingWhitespace
        guard index < text.count else {
            let meant = field.flatMap { isWholeValue ? Field(key: $0.field.key, value: String(written.dropFirst())) : nil }
            return YAMLMistake(kind: .unclosedQuote(field: meant), line: line, column: open + 1)
        }
        let after = text[(index + 1)...].drop(while: { $0 == " " })
        guard let field, isWholeValue, let next = after.first, next != "#", next != "\r" else { return nil }
        // 'Rock'n'roll' was meant whole, inside its quotes; "Gangs" agreed, with its quotes as text.
        let meant = written.count > 1 && written.last == Character(quote) ? String(written.dropFirst().dropLast()) : written
        return YAMLMistake(kind: .textAfterQuote(field: Field(key: field.field.key, value: meant)), line: line, column: index + 1)
    }

    /// The key and the value of a `key: value` line (after any `- `), with the value's column, or nil when
    /// the line has no key or no value.
    private static func split(_ text: [Unicode.Scalar]) -> (field: Field, valueColumn: Int)? {
        let indent = text.prefix(while: { $0 == " " }).count
        let isItem = indent + 1 < text.count && text[indent] == "-" && text[indent + 1] == " "
        guard let colon = keyColon(text) ?? (isItem ? indent + 1 : nil),
              let start = text[(colon + 1)...].firstIndex(where: { $0 != " " }) else { return nil }
        let key: String? = colon == indent + 1 && isItem ? nil : dashless(String(String.UnicodeScalarView(text[..<colon])).trimmingWhitespace)
        var end = start
        while end < text.count, !(text[end] == "#" && text[end - 1] == " ") { end += 1 }
        let value = String(String.UnicodeScalarView(text[start..<end]))
        return (Field(key: key, value: value.trimmingWhitespace), start + 1)
    }

    /// The index of the ': ' (or final ':') that ends a line's key, when the key is plain text.
    private static func keyColon(_ text: [Unicode.Scalar]) -> Int? {
        let start = text.firstIndex(where: { $0 != " " && $0 != "-" }) ?? text.count
        guard start < text.count, !["\"", "'", "[", "{", "#", "?"].contains(text[start]) else { return nil }
        var index = start
        while index < text.count {
            if text[index] == ":", index + 1 == text.count || text[index + 1] == " " || text[index + 1] == "\r" { return index }
            if text[index] == " ", index + 1 < text.count, text[index + 1] == "#" { return nil }
            index += 1
        }
        return nil
    }

    /// A key without the `- ` of the list item it opens.
    private static func dashless(_ key: String) -> String {
        String(key.drop(while: { $0 == "-" || $0 == " " }))
    }
}
