/// Makes a script smaller without changing what it means: lines that hold only a `//` comment, the
/// indentation and trailing spaces of lines and blank lines go; comments after code stay.
///
/// A script with a backtick outside its comment lines (a template literal, where line breaks and spaces are
/// part of a string) is kept as written; so is the line after one that ends with a backslash (a string
/// continued on it).
enum ScriptMinifier {
    static func minified(_ bytes: [UInt8]) -> [UInt8] {
        let newline = UInt8(ascii: "\n"), backslash = UInt8(ascii: "\\"), slash = UInt8(ascii: "/")
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") }
        let lines = bytes.split(separator: newline, omittingEmptySubsequences: false)
        func isComment(_ line: ArraySlice<UInt8>) -> Bool {
            let code = line.drop(while: isSpace)
            return code.starts(with: [slash, slash])
        }
        if lines.contains(where: { !isComment($0) && $0.contains(UInt8(ascii: "`")) }) { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var continued = false
        for line in lines {
            if continued {
                out.append(contentsOf: line)
                out.append(newline)
                continued = line.last == backslash
                continue
            }
            var start = line.startIndex, end = line.endIndex
            while start < end, isSpace(line[start]) { start += 1 }
            while end > start, isSpace(line[end - 1]) { end -= 1 }
            let code = line[start..<end]
            if code.isEmpty || isComment(code) { continue }
            out.append(contentsOf: code)
            out.append(newline)
            continued = code.last == backslash
        }
        if bytes.last != newline, out.last == newline { out.removeLast() }
        return out
    }
}
