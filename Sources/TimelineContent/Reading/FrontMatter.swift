import TimelineCore
/// The parts of a Markdown note: YAML front matter between `---` lines, then the body.
struct FrontMatter {
    /// Bytes of the YAML text.
    let yaml: Range<Int>
    /// The line the YAML text starts on.
    let yamlFirstLine: Int
    /// Bytes of the Markdown body.
    let body: Range<Int>
    /// The line the body starts on.
    let bodyFirstLine: Int

    /// Splits a note, or reports why it cannot be split.
    static func split(_ file: SourceText) -> Result<FrontMatter, Diagnostic> {
        let bytes = file.bytes
        guard opens(file) else {
            return .failure(.error(
                .missingFrontMatter, "a note starts with front matter: a line '---', its fields, and another '---'",
                at: SourceLocation(path: file.path, line: 1, column: 1)))
        }
        let lineStarts = file.lineStarts
        var line = 2
        while line <= lineStarts.count {
            let range = file.lineRange(line)
            if isDelimiter(bytes[range], closing: true) {
                let yaml = lineStarts[1]..<lineStarts[line - 1]
                let bodyStart = line < lineStarts.count ? lineStarts[line] : bytes.count
                return .success(FrontMatter(
                    yaml: yaml, yamlFirstLine: 2, body: bodyStart..<bytes.count, bodyFirstLine: line + 1))
            }
            line += 1
        }
        return .failure(.error(
            .unclosedFrontMatter, "front matter is never closed; end it with a line '---'",
            at: SourceLocation(path: file.path, line: 1, column: 1)))
    }

    /// Whether a file starts with the line `---` that opens front matter.
    static func opens(_ file: SourceText) -> Bool {
        file.lineRange(1).count >= 3 && isDelimiter(file.bytes[file.lineRange(1)], closing: false)
    }

    /// Splits a file and parses its front matter as YAML, reporting why when it cannot: nil when the file
    /// cannot be split, and a nil node when the front matter is not usable YAML.
    static func read(_ file: SourceText, depthLimit: Int, log: DiagnosticLog) -> (parts: FrontMatter, document: YAMLDocument, node: YAMLNode?)? {
        switch split(file) {
        case .failure(let diagnostic):
            log.report(diagnostic)
            return nil
        case .success(let parts):
            let document = YAMLDocument(file: file, range: parts.yaml, firstLine: parts.yamlFirstLine)
            return (parts, document, document.root(log: log, depthLimit: depthLimit))
        }
    }

    /// Whether a line is `---` (or `...` to close), allowing trailing spaces.
    private static func isDelimiter(_ line: ArraySlice<UInt8>, closing: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed.removeLast() }
        return trimmed.elementsEqual("---".utf8) || (closing && trimmed.elementsEqual("...".utf8))
    }
}
