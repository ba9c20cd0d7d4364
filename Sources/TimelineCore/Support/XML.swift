/// Escaping for XML text and attributes (feeds, sitemaps, SVG).
public enum XML {
    /// Escapes `&`, `<`, `>`, `"` and `'`, and drops the characters XML 1.0 cannot hold and the control
    /// characters no output holds (``ControlCharacters``).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let value = scalar.value
                if ControlCharacters.isLeftOut(scalar) { continue }
                if value == 0xFFFE || value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
