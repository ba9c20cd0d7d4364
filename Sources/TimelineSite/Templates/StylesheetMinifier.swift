/// Makes a stylesheet smaller without changing what it means: its comments go, and its line breaks and
/// spaces but those that separate words (`0 auto`, `.a .b`, `calc(1rem + 2px)`); a declaration's last
/// semicolon goes too. Strings are kept byte for byte.
enum StylesheetMinifier {
    static func minified(_ bytes: [UInt8]) -> [UInt8] {
        let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*"), backslash = UInt8(ascii: "\\")
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        var pendingSpace = false
        // A space is kept only between two things it separates: never after these, nor before those.
        let noSpaceAfter: Set<UInt8> = Set("{};,:>".utf8), noSpaceBefore: Set<UInt8> = Set("{};,>".utf8)
        func emit(_ byte: UInt8) {
            if pendingSpace, let last = out.last, !noSpaceAfter.contains(last), !noSpaceBefore.contains(byte) { out.append(space) }
            pendingSpace = false
            if byte == UInt8(ascii: "}"), out.last == UInt8(ascii: ";") { out.removeLast() }
            out.append(byte)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == slash, index + 1 < bytes.count, bytes[index + 1] == star {
                // A comment separates what is on either side of it, as a space would.
                var end = index + 2
                while end + 1 < bytes.count, !(bytes[end] == star && bytes[end + 1] == slash) { end += 1 }
                index = min(bytes.count, end + 2)
                pendingSpace = true
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
            } else if byte == space || byte == tab || byte == newline || byte == carriageReturn {
                pendingSpace = true
                index += 1
            } else {
                emit(byte)
                index += 1
            }
        }
        return out
    }
}
