/// A problem found in the content or templates, reported the way a compiler does.
public struct Diagnostic: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Comparable, Codable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// A secondary remark attached to a diagnostic, such as where a duplicate was first defined.
    public struct Note: Hashable, Sendable, Codable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    /// What the author probably meant, as data: an editor can offer it, and the message shows it.
    public struct FixIt: Hashable, Sendable, Codable {
        /// How the message words the fix.
        public enum Kind: String, Sendable, Codable {
            /// "did you mean 'X'?": a name close to the one written.
            case replace
            /// "rename it 'X'": a file name that follows the rules.
            case rename
        }

        public var kind: Kind
        public var replacement: String

        public init(_ kind: Kind, _ replacement: String) {
            self.kind = kind
            self.replacement = replacement
        }

        /// A suggestion of the closest name, or nil when none is close.
        public static func closest(to name: String, among known: some Collection<String>) -> FixIt? {
            Suggestion.closest(to: name, among: known).map { FixIt(.replace, $0) }
        }

        var phrase: String {
            switch kind {
            case .replace: return "did you mean '\(replacement)'?"
            case .rename: return "rename it '\(replacement)'"
            }
        }
    }

    public var severity: Severity
    public var id: DiagnosticID
    public var message: String
    public var location: SourceLocation
    public var notes: [Note]
    public var fixIt: FixIt?

    public init(_ severity: Severity, _ id: DiagnosticID, _ message: String, at location: SourceLocation, notes: [Note] = [], fixIt: FixIt? = nil) {
        self.severity = severity
        self.id = id
        self.message = message
        self.location = location
        self.notes = notes
        self.fixIt = fixIt
    }

    public static func error(_ id: DiagnosticID, _ message: String, at location: SourceLocation, notes: [Note] = [], fixIt: FixIt? = nil) -> Diagnostic {
        Diagnostic(.error, id, message, at: location, notes: notes, fixIt: fixIt)
    }

    public static func warning(_ id: DiagnosticID, _ message: String, at location: SourceLocation, notes: [Note] = [], fixIt: FixIt? = nil) -> Diagnostic {
        Diagnostic(.warning, id, message, at: location, notes: notes, fixIt: fixIt)
    }

    /// The message with its fix-it, as printed.
    public var fullMessage: String {
        fixIt.map { "\(message); \($0.phrase)" } ?? message
    }

    /// The diagnostic as `path:line:column: severity: message [id]`, followed by its notes. Control characters
    /// (from a file's name, say) are written as `\u{1B}`, so that no diagnostic can move the terminal's cursor
    /// or pass for another line, and so are the characters that change the direction of text (`\u{202E}`), so
    /// that no name reads backwards.
    public var description: String {
        var text = "\(Self.printable(location.description)): \(severity.rawValue): \(Self.printable(fullMessage)) [\(id)]"
        for note in notes {
            text += "\n"
            if let location = note.location { text += "\(Self.printable(location.description)): " }
            text += "note: \(Self.printable(note.message))"
        }
        return text
    }

    /// Whether a character is written as its code in diagnostics: a C0 or C1 control, DEL, a character that
    /// sets or overrides the direction of text (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069), or
    /// the line and paragraph separators U+2028 and U+2029.
    static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEscaped) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isEscaped(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
