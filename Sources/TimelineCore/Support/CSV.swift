/// Reads comma-separated values as RFC 4180 writes them: quoted fields may hold commas, quotes and line breaks.
public enum CSV {
    /// The records of a CSV text, each with the line of the text it starts on, and the line of a quote that
    /// is never closed, if one is: everything after such a quote is read as one field.
    public struct Records: Sendable, Equatable {
        public var rows: [(line: Int, fields: [String])]
        public var unclosedQuoteLine: Int?

        public static func == (a: Records, b: Records) -> Bool {
            a.unclosedQuoteLine == b.unclosedQuoteLine && a.rows.map(\.line) == b.rows.map(\.line) && a.rows.map(\.fields) == b.rows.map(\.fields)
        }
    }

    public static func parse(_ text: String) -> [[String]] {
        records(text).rows.map(\.fields)
    }

    /// The records of `text`, with their line numbers counted over every line break, those inside quoted
    /// fields too, so that a message can point at the line an editor shows.
    public static func records(_ text: String) -> Records {
        var rows: [(line: Int, fields: [String])] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var line = 1, rowLine = 1, quoteLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending { pending = nil; return scalar }
            return iterator.next()
        }
        func endRow() {
            row.append(field)
            rows.append((rowLine, row))
            row = []
            field = ""
            rowLine = line
        }
        var sawAnything = false
        while let scalar = next() {
            sawAnything = true
            if quoted {
                if scalar == "\"" {
                    let following = next()
                    if following == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = following }
                } else {
                    // A line break inside quotes: "\r\n" and a lone "\r" count as one line, as outside them.
                    if scalar == "\n" || scalar == "\r" {
                        line += 1
                        if scalar == "\r" {
                            let following = next()
                            if following == "\n" { field.unicodeScalars.append("\r"); field.unicodeScalars.append("\n"); continue }
                            pending = following
                        }
                    }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                quoted = true
                quoteLine = line
            case ",":
                row.append(field)
                field = ""
            case "\r":
                let following = next()
                if following != "\n" { pending = following }
                line += 1
                endRow()
            case "\n":
                line += 1
                endRow()
            default: field.unicodeScalars.append(scalar)
            }
        }
        if sawAnything, !(row.isEmpty && field.isEmpty) || quoted {
            row.append(field)
            rows.append((rowLine, row))
        }
        return Records(rows: rows, unclosedQuoteLine: quoted ? quoteLine : nil)
    }
}
