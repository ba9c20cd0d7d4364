/// Makes a script smaller without changing what it means: the indentation and trailing spaces of its lines,
/// its blank lines and the lines that hold only a `//` comment go, and no line is joined to another.
///
/// A script with a template literal (a backtick) or a line that ends in a backslash is left as written, as
/// the spaces at the start of its lines may be part of a string.
enum ScriptMinifier {
    static func minified(_ bytes: [UInt8]) -> [UInt8] {
        let backtick = UInt8(ascii: "`"), backslash = UInt8(ascii: "\\"), slash = UInt8(ascii: "/")
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            Array(line.drop(while: isBlank).reversed().drop(while: isBlank).reversed())
        }
        var kept: [[UInt8]] = []
        for line in lines where !line.isEmpty {
            if line.count >= 2, line[0] == slash, line[1] == slash { continue }
            if line.contains(backtick) || line.last == backslash { return bytes }
            kept.append(line)
        }
        guard !kept.isEmpty else { return [] }
        return Array(kept.joined(separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")]
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}
