import TimelineCore

/// Reads a file of interface strings, `i18n/LANG.yaml`: a mapping of keys to the interface's words in one
/// language, each a plain string.
public enum InterfaceStringsReader {
    /// The strings with where each is written, or nil after reporting why the file cannot be read.
    public static func read(_ file: SourceText, log: DiagnosticLog) -> [String: (text: String, location: SourceLocation)]? {
        let document = YAMLDocument(file: file)
        guard let node = document.root(log: log, depthLimit: 4), let fields = FieldReader(node, in: document, subject: "the interface strings", log: log) else {
            return nil
        }
        var strings: [String: (text: String, location: SourceLocation)] = [:]
        for key in fields.keys {
            if let text = fields.string(key) { strings[key] = (text, fields.location(of: key)) }
        }
        return strings
    }
}
