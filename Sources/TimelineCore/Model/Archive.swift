/// The text of a source as it was retrieved, from `archive/SOURCE-ID.md` (or `.txt`): the evidence a build
/// holds the site's quotations against. It is never published whole; a source's page shows only the
/// passages the site quotes, each with a sentence of context.
public struct Archive: Sendable, Encodable {
    /// The source it is the text of: the file's name.
    public var sourceID: String
    /// The text, without its front matter.
    public var text: String
    /// The line of the file the text starts on.
    public var firstLine: Int
    /// When the text was retrieved, when given.
    public var retrieved: EDTFDate?
    /// Where the text was retrieved from, when given.
    public var url: String?
    /// Where the copy came from, or anything a reader of the archive should know.
    public var note: String?
    /// The note in the site's other languages.
    public var translations = Translations()
    /// Errors of the text the author has seen and dealt with (the words at fault, as written), which a build
    /// lists on the source's page without warning about them again.
    public var knownErrors: [String] = []
    /// The file.
    public var location: SourceLocation

    public init(sourceID: String, text: String, firstLine: Int, retrieved: EDTFDate? = nil, url: String? = nil, note: String? = nil, location: SourceLocation) {
        self.sourceID = sourceID
        self.text = text
        self.firstLine = firstLine
        self.retrieved = retrieved
        self.url = url
        self.note = note
        self.location = location
    }

    /// The line and column of a place in the text.
    public func location(of index: String.Index) -> SourceLocation {
        var line = firstLine
        var column = 1
        for scalar in text.unicodeScalars[..<index] {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(path: location.path, line: line, column: column)
    }
}
