import Foundation

/// The rules for ids of entries, topics, pages, sources and facts, which become file names and link targets.
///
/// An id is lowercase ASCII letters and digits, joined by single hyphens or underscores: `moise-assassination`.
/// Lowercase only, because file names that differ only in case collide on macOS and Windows.
public enum Identifier {
    public static let maximumLength = 100

    /// Why `id` is not a valid id, or nil when it is.
    public static func problem(with id: String) -> String? {
        if id.isEmpty { return "an id cannot be empty" }
        if id.utf8.count > maximumLength { return "an id has at most \(maximumLength) characters" }
        let bytes = Array(id.utf8)
        func isAlphanumeric(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) }
        if bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A }), bytes.allSatisfy({ isAlphanumeric($0 | 0x20) || $0 == 0x2D || $0 == 0x5F }) {
            return "ids are lowercase, so that no two file names differ only in case"
        }
        for (index, byte) in bytes.enumerated() {
            if isAlphanumeric(byte) { continue }
            if byte == 0x2D || byte == 0x5F {
                if index == 0 || index == bytes.count - 1 { return "an id starts and ends with a letter or digit" }
                if bytes[index - 1] == 0x2D || bytes[index - 1] == 0x5F { return "an id has no two separators in a row" }
                continue
            }
            return "an id uses only lowercase letters a-z, digits and single hyphens, not \(describe(firstScalar(atByte: index, of: id)))"
        }
        return nil
    }

    /// The character that starts at a UTF-8 offset of `id`.
    private static func firstScalar(atByte offset: Int, of id: String) -> Unicode.Scalar {
        let utf8 = id.utf8
        let index = utf8.index(utf8.startIndex, offsetBy: offset)
        return id.unicodeScalars[index...].first ?? " "
    }

    /// A character as a message names it, so that look-alikes differ: "a space", "'é' (U+00E9)",
    /// "U+0301 (a combining mark)". A file name with é written as one character and its twin written as
    /// e and a combining accent then give two different messages.
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let code = "U+" + String(repeating: "0", count: max(0, 4 - String(scalar.value, radix: 16).count))
            + String(scalar.value, radix: 16, uppercase: true)
        switch scalar.properties.generalCategory {
        case .spaceSeparator where scalar == " ": return "a space"
        case .nonspacingMark, .spacingMark, .enclosingMark: return "\(code) (a combining mark)"
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .surrogate, .privateUse, .unassigned:
            return code
        default:
            return scalar.isASCII ? "'\(scalar)'" : "'\(scalar)' (\(code))"
        }
    }

    /// An id made from any text: "Jovenel Moïse" becomes `jovenel-moise`.
    public static func made(from text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var result = ""
        var pendingSeparator = false
        for scalar in folded.unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                if pendingSeparator, !result.isEmpty { result.append("-") }
                pendingSeparator = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingSeparator = true
            }
        }
        var cut = result.prefix(maximumLength)
        while cut.last == "-" { cut = cut.dropLast() }
        return String(cut)
    }

    /// A name as a message shows it: whole up to `maximumLength` characters, longer ones cut with an ellipsis,
    /// so that a diagnostic line stays readable whatever was written.
    public static func abbreviated(_ name: String) -> String {
        guard name.unicodeScalars.count > maximumLength else { return name }
        var cut = ""
        cut.unicodeScalars.append(contentsOf: name.unicodeScalars.prefix(maximumLength / 2))
        return cut + "…"
    }
}
