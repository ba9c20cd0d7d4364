import TimelineCore

/// Receives, in document order, what a note's Markdown refers to, and says what to put in its place.
protocol MarkdownResolver {
    /// HTML, and the plain text for search, to put where a citation or `[[...]]` link was written.
    /// `items` holds where each source of a citation is written (its `@`), in order.
    mutating func resolve(_ reference: InlineReference, at location: SourceLocation, items: [SourceLocation]) -> (html: String, text: String)
    /// Checks that what a reference names exists, without placing it: for references that cannot be placed.
    mutating func check(_ reference: InlineReference, at location: SourceLocation, items: [SourceLocation])
    /// What to put in place of a link or image (`text` is an image's description): nil to keep it as written.
    mutating func resolveLink(_ destination: String, isImage: Bool, text: String?, at location: SourceLocation) -> LinkResolution?
    mutating func report(_ diagnostic: Diagnostic)
}

/// What a link or image of a note's Markdown becomes.
enum LinkResolution {
    /// The same link or image, to another address.
    case address(String)
    /// A figure in place of the paragraph the image stands alone in: the HTML of an image of `media/`.
    case figure(String)
}
