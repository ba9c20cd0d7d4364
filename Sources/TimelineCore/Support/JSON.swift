/// A JSON value written with keys in the order given, numbers without locale, and strings escaped so that
/// the text is also safe inside an HTML `<script>` element.
public enum JSON: Sendable, Equatable {
    case string(String)
    /// A string given as its UTF-8 bytes (valid UTF-8, as the content's files are once read), written
    /// without making a `String` of them.
    case utf8(ArraySlice<UInt8>)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])
    /// A value already written as compact JSON, inserted as it is: a part many documents share is written once.
    case written([UInt8])

    public static func == (lhs: JSON, rhs: JSON) -> Bool { lhs.serialized() == rhs.serialized() }

    /// A string, or null when there is none.
    public static func optional(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }

    /// An object without the members whose value is null.
    public static func compact(_ members: [(String, JSON)]) -> JSON {
        .object(members.filter { if case .null = $0.1 { return false } else { return true } })
    }

    public func serialized(pretty: Bool = false) -> String {
        var bytes: [UInt8] = []
        write(into: &bytes, pretty: pretty, indent: 0)
        return String(decoding: bytes, as: UTF8.self)
    }

    public func write(into out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .string(let text): Self.writeString(text, into: &out)
        case .utf8(let bytes): Self.writeString(utf8: bytes, into: &out)
        case .number(let value): out.append(contentsOf: Self.number(value).utf8)
        case .integer(let value): out.append(contentsOf: String(value).utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .written(let bytes): out.append(contentsOf: bytes)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(&out, indent + 1) }
                item.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty, !items.isEmpty { Self.newline(&out, indent) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(&out, indent + 1) }
                Self.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                value.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty, !members.isEmpty { Self.newline(&out, indent) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: indent * 2))
    }

    /// A number as JSON writes it: integers without a decimal point, others with the shortest exact form.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Whether a byte of UTF-8 text may need an escape, by its value: control characters, `"`, `\`, `<`,
    /// `>`, `&`, and the first byte of U+2028 and U+2029.
    private static let mayEscape: [Bool] = (0...255).map { $0 < 0x20 || [0x22, 0x5C, 0x3C, 0x3E, 0x26, 0xE2].contains($0) }

    /// Escapes quotes, backslashes and control characters, and `<`, `>`, `&`, U+2028 and U+2029, so that the
    /// JSON cannot end a `<script>` element or break a JavaScript string.
    public static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        mayEscape.withUnsafeBufferPointer { mayEscape in text.withUTF8 { append($0, escapingWith: mayEscape, into: &out) } }
        out.append(UInt8(ascii: "\""))
    }

    /// Writes UTF-8 bytes as a JSON string, with the escapes of ``writeString(_:into:)``, without making a
    /// `String` of them first. The bytes must be valid UTF-8, as the content's files are once read.
    public static func writeString(utf8 bytes: ArraySlice<UInt8>, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        mayEscape.withUnsafeBufferPointer { mayEscape in bytes.withUnsafeBufferPointer { append($0, escapingWith: mayEscape, into: &out) } }
        out.append(UInt8(ascii: "\""))
    }

    /// Writes a list one item at a time, as `.array` would write the items `write` makes, without holding
    /// them all: `write` appends one item's JSON, indented by `indent + 1` levels when `pretty`.
    public static func writeArray<Items: Sequence>(
        _ items: Items, into out: inout [UInt8], pretty: Bool = false, indent: Int = 0, _ write: (Items.Element, inout [UInt8]) -> Void
    ) {
        out.append(UInt8(ascii: "["))
        var first = true
        for item in items {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            if pretty { newline(&out, indent + 1) }
            write(item, &out)
        }
        if pretty, !first { newline(&out, indent) }
        out.append(UInt8(ascii: "]"))
    }

    /// Writes an object's members one at a time, as `.object` would write them: each member's value is
    /// appended by its closure, indented by `indent + 1` levels when `pretty`.
    public static func writeObject(_ members: [(String, (inout [UInt8]) -> Void)], into out: inout [UInt8], pretty: Bool = false, indent: Int = 0) {
        out.append(UInt8(ascii: "{"))
        for (index, (key, write)) in members.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            if pretty { newline(&out, indent + 1) }
            writeString(key, into: &out)
            out.append(UInt8(ascii: ":"))
            if pretty { out.append(UInt8(ascii: " ")) }
            write(&out)
        }
        if pretty, !members.isEmpty { newline(&out, indent) }
        out.append(UInt8(ascii: "}"))
    }

    /// Whether any of eight bytes read as one word is one that ``mayEscape`` marks: below 0x20, `"`, `\`,
    /// `<`, `>`, `&` or 0xE2.
    @inline(__always)
    private static func mayEscapeOne(of word: UInt64) -> Bool {
        ByteWord.containsByte(below: 0x20, in: word) || ByteWord.contains(word, 0x22) || ByteWord.contains(word, 0x5C)
            || ByteWord.contains(word, 0x3C) || ByteWord.contains(word, 0x3E) || ByteWord.contains(word, 0x26) || ByteWord.contains(word, 0xE2)
    }

    /// Appends UTF-8 text with the escapes of ``writeString(_:into:)``, looking each byte up in `mayEscape`.
    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, escapingWith mayEscape: UnsafeBufferPointer<Bool>, into out: inout [UInt8]) {
        var start = 0
        var index = 0
        let count = bytes.count
        while index < count {
            // Most bytes need no escape; they are copied in runs, passed over eight at a time.
            while index + 8 <= count, !mayEscapeOne(of: ByteWord.load(bytes, at: index)) { index += 8 }
            if index == count { break }
            let byte = bytes[index]
            guard mayEscape[Int(byte)] else {
                index += 1
                continue
            }
            var width = 1
            var escape: (UInt8, UInt32) = (0, 0)  // a one-letter escape, or else a \u escape of the value
            switch byte {
            case 0x22: escape.0 = UInt8(ascii: "\"")
            case 0x5C: escape.0 = UInt8(ascii: "\\")
            case 0x0A: escape.0 = UInt8(ascii: "n")
            case 0x0D: escape.0 = UInt8(ascii: "r")
            case 0x09: escape.0 = UInt8(ascii: "t")
            case 0xE2:
                // U+2028 and U+2029, which end a JavaScript string; any other character is copied.
                guard index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 else {
                    index += 1
                    continue
                }
                escape.1 = bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029
                width = 3
            default: escape.1 = UInt32(byte)
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            out.append(UInt8(ascii: "\\"))
            if escape.0 != 0 {
                out.append(escape.0)
            } else {
                appendUnicodeEscape(escape.1, into: &out)
            }
            index += width
            start = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<count]))
    }

    /// Appends `u` and four lowercase hexadecimal digits, the rest of a `\uXXXX` escape.
    private static func appendUnicodeEscape(_ value: UInt32, into out: inout [UInt8]) {
        let digits: StaticString = "0123456789abcdef"
        out.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(digits.utf8Start[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}
