extension GeoJSONReader {
    /// A problem found in a GeoJSON file: a message in plain words and the byte it points at.
    struct Problem: Error {
        var message: String
        var offset: Int
        /// Where the array, object or string that the problem leaves unfinished opens, if it does.
        var opening: (offset: Int, what: String)?

        init(_ message: String, at offset: Int, opening: (offset: Int, what: String)? = nil) {
            self.message = message
            self.offset = offset
            self.opening = opening
        }
    }

    /// One JSON value of a file, with the bytes it spans, so that every problem found in it can be located.
    struct Node {
        /// What a JSON value holds.
        enum Value {
            case object([Member])
            case array([Node])
            case string(String)
            case number(Double)
            case bool(Bool)
            case null
        }

        var value: Value
        /// The offset of the value's first byte.
        var start: Int
        /// The offset just after the value's last byte.
        var end: Int

        /// What the value is, for messages: "an object", "the string \"sea\"".
        var description: String {
            switch value {
            case .object: return "an object"
            case .array: return "an array"
            case .string(let string): return "the string \"\(string.count > 40 ? String(string.prefix(40)) + "…" : string)\""
            case .number: return "a number"
            case .bool(let flag): return flag ? "true" : "false"
            case .null: return "null"
            }
        }
    }

    /// One name and value of a JSON object.
    struct Member {
        var name: String
        var nameOffset: Int
        var value: Node
    }

    /// Reads JSON from UTF-8 bytes into ``Node``s, stopping at the first problem.
    ///
    /// Arrays and objects may nest ``depthLimit`` deep and no deeper, so that no file can exhaust the stack.
    struct Parser {
        static let depthLimit = 64

        let bytes: [UInt8]
        private var offset = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        /// The one value of the file, which nothing but white space may follow.
        mutating func document() throws(Problem) -> Node {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
            skipSpace()
            let node = try value(depth: 0)
            skipSpace()
            guard offset == bytes.count else {
                throw Problem("expected the end of the file after the GeoJSON object, found \(found())", at: offset)
            }
            return node
        }

        private mutating func value(depth: Int) throws(Problem) -> Node {
            guard offset < bytes.count else { throw Problem("the file ends where a value was expected", at: offset) }
            switch bytes[offset] {
            case UInt8(ascii: "{"): return try object(depth: depth + 1)
            case UInt8(ascii: "["): return try array(depth: depth + 1)
            case UInt8(ascii: "\""):
                let start = offset
                return Node(value: .string(try string()), start: start, end: offset)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            default:
                throw Problem("expected a value (an object, an array, a string, a number, true, false or null), found \(found())", at: offset)
            }
        }

        private mutating func object(depth: Int) throws(Problem) -> Node {
            let start = offset
            guard depth <= Self.depthLimit else {
                throw Problem("arrays and objects are nested more than \(Self.depthLimit) deep here", at: offset)
            }
            offset += 1
            skipSpace()
            var members: [Member] = []
            var names = Set<String>()
            if peek(is: "}") {
                offset += 1
                return Node(value: .object(members), start: start, end: offset)
            }
            while true {
                guard offset < bytes.count else {
                    throw Problem("the file ends before this object is closed with '}'", at: offset, opening: (start, "the object"))
                }
                guard peek(is: "\"") else {
                    throw Problem("expected a member's name in double quotes, found \(found())", at: offset)
                }
                let nameOffset = offset
                let name = try string()
                guard names.insert(name).inserted else {
                    throw Problem("the name \"\(name)\" appears twice in this object", at: nameOffset)
                }
                skipSpace()
                guard peek(is: ":") else { throw Problem("expected ':' after a member's name, found \(found())", at: offset) }
                offset += 1
                skipSpace()
                members.append(Member(name: name, nameOffset: nameOffset, value: try value(depth: depth)))
                skipSpace()
                guard offset < bytes.count else {
                    throw Problem("the file ends before this object is closed with '}'", at: offset, opening: (start, "the object"))
                }
                if peek(is: "}") {
                    offset += 1
                    return Node(value: .object(members), start: start, end: offset)
                }
                guard peek(is: ",") else {
                    throw Problem("expected ',' or '}' after a member's value, found \(found())", at: offset)
                }
                let comma = offset
                offset += 1
                skipSpace()
                if peek(is: "}") { throw Problem("a ',' must be followed by another member; JSON allows none before '}'", at: comma) }
            }
        }

        private mutating func array(depth: Int) throws(Problem) -> Node {
            let start = offset
            guard depth <= Self.depthLimit else {
                throw Problem("arrays and objects are nested more than \(Self.depthLimit) deep here", at: offset)
            }
            offset += 1
            skipSpace()
            var items: [Node] = []
            if peek(is: "]") {
                offset += 1
                return Node(value: .array(items), start: start, end: offset)
            }
            while true {
                guard offset < bytes.count else {
                    throw Problem("the file ends before this array is closed with ']'", at: offset, opening: (start, "the array"))
                }
                items.append(try value(depth: depth))
                skipSpace()
                guard offset < bytes.count else {
                    throw Problem("the file ends before this array is closed with ']'", at: offset, opening: (start, "the array"))
                }
                if peek(is: "]") {
                    offset += 1
                    return Node(value: .array(items), start: start, end: offset)
                }
                guard peek(is: ",") else { throw Problem("expected ',' or ']' after an array item, found \(found())", at: offset) }
                let comma = offset
                offset += 1
                skipSpace()
                if peek(is: "]") { throw Problem("a ',' must be followed by another item; JSON allows none before ']'", at: comma) }
            }
        }

        /// A string in double quotes, its escapes decoded; `offset` is at its opening quote.
        private mutating func string() throws(Problem) -> String {
            let start = offset
            offset += 1
            var run = offset
            var decoded: [UInt8] = []
            while offset < bytes.count {
                let byte = bytes[offset]
                switch byte {
                case UInt8(ascii: "\""):
                    let text: String
                    if decoded.isEmpty && run == start + 1 {
                        text = String(decoding: bytes[run..<offset], as: UTF8.self)
                    } else {
                        decoded.append(contentsOf: bytes[run..<offset])
                        text = String(decoding: decoded, as: UTF8.self)
                    }
                    offset += 1
                    return text
                case UInt8(ascii: "\\"):
                    decoded.append(contentsOf: bytes[run..<offset])
                    try escape(into: &decoded)
                    run = offset
                case 0..<0x20:
                    let what = byte == 0x0A ? "a line break" : "a control character"
                    throw Problem(
                        "a string cannot hold \(what); close it with '\"' or write the character as an escape such as \\n",
                        at: offset, opening: (start, "the string"))
                default:
                    offset += 1
                }
            }
            throw Problem("the file ends before this string is closed with '\"'", at: offset, opening: (start, "the string"))
        }

        /// Decodes the escape at `offset` (a backslash) and moves past it.
        private mutating func escape(into decoded: inout [UInt8]) throws(Problem) {
            let start = offset
            guard offset + 1 < bytes.count else { throw Problem("the file ends in the middle of an escape", at: offset + 1) }
            let letter = bytes[offset + 1]
            offset += 2
            let simple: UInt8?
            switch letter {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): simple = letter
            case UInt8(ascii: "b"): simple = 0x08
            case UInt8(ascii: "f"): simple = 0x0C
            case UInt8(ascii: "n"): simple = 0x0A
            case UInt8(ascii: "r"): simple = 0x0D
            case UInt8(ascii: "t"): simple = 0x09
            case UInt8(ascii: "u"): simple = nil
            default:
                throw Problem("unknown escape; JSON knows \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\u followed by four hexadecimal digits", at: start)
            }
            if let simple {
                decoded.append(simple)
                return
            }
            var value = try hexadecimal(escapeAt: start)
            if (0xDC00...0xDFFF).contains(value) {
                throw Problem("this \\u escape is the second half of a surrogate pair without the first", at: start)
            }
            if (0xD800...0xDBFF).contains(value) {
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw Problem("this \\u escape is the first half of a surrogate pair without the second", at: start)
                }
                let second = offset
                offset += 2
                let low = try hexadecimal(escapeAt: second)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw Problem("this \\u escape is the first half of a surrogate pair without the second", at: start)
                }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            UTF8.encode(scalar) { decoded.append($0) }
        }

        /// The four hexadecimal digits after `\u`.
        private mutating func hexadecimal(escapeAt start: Int) throws(Problem) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard offset < bytes.count, let digit = Self.hexadecimalDigit(bytes[offset]) else {
                    throw Problem("\\u must be followed by four hexadecimal digits", at: start)
                }
                value = value * 16 + digit
                offset += 1
            }
            return value
        }

        private static func hexadecimalDigit(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }

        /// A number as JSON writes it: an optional minus, digits without a leading zero, a fraction, an exponent.
        private mutating func number() throws(Problem) -> Node {
            let start = offset
            if peek(is: "-") { offset += 1 }
            if peek(is: "0") {
                offset += 1
                if offset < bytes.count, isDigit(bytes[offset]) {
                    throw Problem("a number in JSON does not start with 0 followed by more digits", at: start)
                }
            } else {
                try digits(after: "a number starts with a digit")
            }
            if peek(is: ".") {
                offset += 1
                try digits(after: "'.' in a number must be followed by a digit")
            }
            if peek(is: "e") || peek(is: "E") {
                offset += 1
                if peek(is: "+") || peek(is: "-") { offset += 1 }
                try digits(after: "an exponent must have digits")
            }
            let text = String(decoding: bytes[start..<offset], as: UTF8.self)
            guard let number = Double(text), number.isFinite else {
                throw Problem("the number \(text.count > 24 ? String(text.prefix(24)) + "…" : text) is too large", at: start)
            }
            return Node(value: .number(number), start: start, end: offset)
        }

        private mutating func digits(after message: String) throws(Problem) {
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw Problem("\(message), found \(found())", at: offset) }
            while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        }

        private func isDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }

        private mutating func literal(_ word: StaticString, _ value: Node.Value) throws(Problem) -> Node {
            let start = offset
            let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            guard bytes.count - offset >= expected.count, bytes[offset..<offset + expected.count].elementsEqual(expected) else {
                throw Problem("expected a value (an object, an array, a string, a number, true, false or null), found \(found())", at: offset)
            }
            offset += expected.count
            return Node(value: value, start: start, end: offset)
        }

        private mutating func skipSpace() {
            while offset < bytes.count {
                switch bytes[offset] {
                case 0x20, 0x09, 0x0A, 0x0D: offset += 1
                default: return
                }
            }
        }

        private func peek(is character: Unicode.Scalar) -> Bool {
            offset < bytes.count && bytes[offset] == UInt8(ascii: character)
        }

        /// The byte at `offset`, for messages: "'x'", "the end of the file", "a character JSON does not allow here".
        private func found() -> String {
            guard offset < bytes.count else { return "the end of the file" }
            let byte = bytes[offset]
            switch byte {
            case 0x22: return "'\"'"
            case 0x21...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
            default: return "a character JSON does not allow here"
            }
        }
    }
}
