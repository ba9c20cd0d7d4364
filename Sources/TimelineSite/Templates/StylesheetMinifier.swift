/// Makes a stylesheet smaller without changing what it means: its comments, the indentation and trailing
/// spaces of its lines and its blank lines go; strings are kept byte for byte.
enum StylesheetMinifier {
    static func minified(_ bytes: [UInt8]) -> [UInt8] {
        let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*"), backslash = UInt8(ascii: "\\")
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        var atLineStart = true
        var pendingSpace = false
        func emit(_ byte: UInt8) {
            if pendingSpace { out.append(space) }
            pendingSpace = false
            atLineStart = false
            out.append(byte)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == slash, index + 1 < bytes.count, bytes[index + 1] == star {
                // A comment separates what is on either side of it, as a space would.
                var end = index + 2
                while end + 1 < bytes.count, !(bytes[end] == star && bytes[end + 1] == slash) { end += 1 }
                index = min(bytes.count, end + 2)
                if !atLineStart { pendingSpace = true }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                emit(byte)
                index += 1
                while index < bytes.count, bytes[index] != byte, bytes[index] != newline {
                    if bytes[index] == backslash, index + 1 < bytes.count {
                        out.append(bytes[index])
                        index += 1
                    }
                    out.append(bytes[index])
                    index += 1
                }
                if index < bytes.count, bytes[index] == byte {
                    out.append(byte)
                    index += 1
                }
            } else if byte == space || byte == tab {
                if !atLineStart { pendingSpace = true }
                index += 1
            } else if byte == newline || byte == carriageReturn {
                if !atLineStart { out.append(newline) }
                atLineStart = true
                pendingSpace = false
                index += 1
            } else {
                emit(byte)
                index += 1
            }
        }
        return out
    }
}
