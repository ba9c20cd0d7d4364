import TimelineCore

/// The forms of values the data files share: language tags and addresses.
extension DataFileReader {
    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// Checks a URL given in content: absolute http, https or mailto only.
    static func urlProblem(_ url: String) -> String? {
        let lower = url.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") {
            if url.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0.isNewline }) {
                return "an address cannot contain spaces, quotes or angle brackets"
            }
            return nil
        }
        return "must be an absolute http or https address"
    }
}
