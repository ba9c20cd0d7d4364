import TimelineCore

/// Reads a file of interface strings, `i18n/LANG.yaml`: a mapping of keys to the interface's words in one
/// language, each a plain string.
///
/// Such files are read by every build, and are written as lines of `key: words`: those are read directly,
/// and any file with a line of another form is read as YAML, which gives the same strings where both can
/// read a file and explains whatever is wrong.
public enum InterfaceStringsReader {
    /// The strings with where each is written, or nil after reporting why the file cannot be read.
    public static func read(_ file: SourceText, log: DiagnosticLog) -> [String: (text: String, location: SourceLocation)]? {
        lines(file) ?? yaml(file, log: log)
    }

    /// The strings as the YAML parser reads them, or nil after reporting why the file cannot be read.
    static func yaml(_ file: SourceText, log: DiagnosticLog) -> [String: (text: String, location: SourceLocation)]? {
        let document = YAMLDocument(file: file)
        guard let node = document.root(log: log, depthLimit: 4), let fields = FieldReader(node, in: document, subject: "the interface strings", log: log) else {
            return nil
        }
        var strings: [String: (text: String, location: SourceLocation)] = [:]
        for key in fields.keys {
            if let text = fields.string(key) { strings[key] = (text, fields.location(of: key)) }
        }
        return strings
    }

    /// The strings of a file whose every line is blank, a comment starting the line, or `key: words` (the
    /// key of letters, digits and `_`, the words plain, or quoted with no escape but `\"`, `\\` or `''`);
    /// nil for any other file, or one that names a key twice.
    static func lines(_ file: SourceText) -> [String: (text: String, location: SourceLocation)]? {
        let bytes = file.bytes
        guard isPrintable(bytes) else { return nil }
        var strings: [String: (text: String, location: SourceLocation)] = [:]
        for (number, start) in file.lineStarts.enumerated() {
            let range = file.lineRange(number + 1)
            let line = bytes[range]
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            if line.allSatisfy({ $0 == UInt8(ascii: " ") }) { continue }
            // The key, then a colon and at least one space.
            var index = line.startIndex
            while index < line.endIndex, isKeyByte(line[index]) { index += 1 }
            guard index > line.startIndex, index + 1 < line.endIndex, line[index] == UInt8(ascii: ":"), line[index + 1] == UInt8(ascii: " ") else { return nil }
            let key = String(decoding: line[line.startIndex..<index], as: UTF8.self)
            index += 1
            while index < line.endIndex, line[index] == UInt8(ascii: " ") { index += 1 }
            var end = line.endIndex
            while end > index, line[end - 1] == UInt8(ascii: " ") { end -= 1 }
            guard index < end, strings[key] == nil, let text = words(line[index..<end]) else { return nil }
            let value = text.trimmingWhitespace
            guard !value.isEmpty else { return nil }
            strings[key] = (value, SourceLocation(path: file.path, line: number + 1, column: index - start + 1))
        }
        return strings
    }

    /// Whether the text has no character YAML reads otherwise than as itself: no tab, no control character
    /// but the line feed, no line break of its own (U+0085, U+2028, U+2029), no byte-order mark or
    /// noncharacter U+FFFE, U+FFFF.
    private static func isPrintable(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x0A: break
            case ..<0x20, 0x7F: return false
            case 0xC2: if index + 1 < bytes.count, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x9F { return false }
            case 0xE2: if index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return false }
            case 0xEF:
                if index + 2 < bytes.count, (bytes[index + 1], bytes[index + 2]) == (0xBB, 0xBF) || (bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE) { return false }
            default: break
            }
            index += 1
        }
        return true
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }

    /// The words of a value without spaces around it: a plain scalar that YAML reads as the text written, or a
    /// quoted one with only the simplest escapes; nil for anything else.
    private static func words(_ value: ArraySlice<UInt8>) -> String? {
        guard let first = value.first, let last = value.last else { return nil }
        switch first {
        case UInt8(ascii: "\""):
            guard value.count >= 2, last == UInt8(ascii: "\"") else { return nil }
            var text: [UInt8] = []
            var index = value.startIndex + 1
            while index < value.endIndex - 1 {
                let byte = value[index]
                if byte == UInt8(ascii: "\"") { return nil }
                if byte == UInt8(ascii: "\\") {
                    guard index + 1 < value.endIndex - 1, value[index + 1] == UInt8(ascii: "\"") || value[index + 1] == UInt8(ascii: "\\") else { return nil }
                    index += 1
                }
                text.append(value[index])
                index += 1
            }
            return String(decoding: text, as: UTF8.self)
        case UInt8(ascii: "'"):
            guard value.count >= 2, last == UInt8(ascii: "'") else { return nil }
            var text: [UInt8] = []
            var index = value.startIndex + 1
            while index < value.endIndex - 1 {
                if value[index] == UInt8(ascii: "'") {
                    guard index + 1 < value.endIndex - 1, value[index + 1] == UInt8(ascii: "'") else { return nil }
                    index += 1
                }
                text.append(value[index])
                index += 1
            }
            return String(decoding: text, as: UTF8.self)
        default:
            // A plain scalar: no indicator first, no `: ` or ` #` inside, no `:` last, and not a word YAML reads as null.
            if Array("-?:,[]{}#&*!|>%@`".utf8).contains(first) || last == UInt8(ascii: ":") { return nil }
            for index in value.indices.dropLast() {
                let pair = (value[index], value[index + 1])
                if pair == (UInt8(ascii: ":"), UInt8(ascii: " ")) || pair == (UInt8(ascii: " "), UInt8(ascii: "#")) { return nil }
            }
            let text = String(decoding: value, as: UTF8.self)
            if ["~", "null", "Null", "NULL"].contains(text) { return nil }
            return text
        }
    }
}
