/// Paths as text, the same on every machine.
public enum PathText {
    /// A path with `.` and `..` resolved and repeated slashes removed, without touching the disk:
    /// `entries/../topics/a.md` becomes `topics/a.md`; a relative path may keep leading `..`.
    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", path.hasPrefix("/") {
                continue  // "/.." is "/"
            } else {
                parts.append(part)
            }
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}
