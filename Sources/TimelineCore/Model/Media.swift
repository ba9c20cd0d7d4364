/// An image of `Content/media/`, described in `media.yaml`: what it shows, who made it and on what terms.
public struct MediaItem: Sendable, Codable, Hashable {
    /// The file's name in `Content/media/`.
    public var file: String
    /// What the image shows, for readers who cannot see it; never the same as the caption.
    public var alt: String
    public var credit: String
    public var license: String
    public var caption: String?
    /// Where the image was published, when it was taken from another site.
    public var sourceURL: String?
    public var date: EDTFDate?
    /// Its alt text, caption, credit and licence in the site's other languages.
    public var translations = Translations()
    /// The item's entry in `media.yaml`.
    public var location: SourceLocation

    public init(
        file: String, alt: String, credit: String, license: String, caption: String? = nil, sourceURL: String? = nil, date: EDTFDate? = nil,
        location: SourceLocation
    ) {
        self.file = file
        self.alt = alt
        self.credit = credit
        self.license = license
        self.caption = caption
        self.sourceURL = sourceURL
        self.date = date
        self.location = location
    }

    /// The file's name without its extension, which names the published copies.
    public var stem: String {
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }
}

/// One published copy of an image: a width in one format.
public struct ImageCopyInfo: Sendable, Codable, Hashable {
    public var width: Int
    public var height: Int
    /// The file name extension, which names the format: `webp`, `jpg` or `png`.
    public var format: String

    public init(width: Int, height: Int, format: String) {
        self.width = width
        self.height = height
        self.format = format
    }

    /// The media type, for `<source type>`.
    public var mediaType: String { format == "jpg" ? "image/jpeg" : "image/" + format }
}

/// An image as the site publishes it: its description and the copies made of it, in increasing widths.
public struct PublishedImage: Sendable, Codable, Hashable {
    public var item: MediaItem
    /// The size of the image turned upright, before any shrinking.
    public var width: Int
    public var height: Int
    /// Every copy, WebP ones first, each format in increasing widths.
    public var copies: [ImageCopyInfo]

    public init(item: MediaItem, width: Int, height: Int, copies: [ImageCopyInfo]) {
        self.item = item
        self.width = width
        self.height = height
        self.copies = copies
    }

    /// The route of one copy: `media/STEM-WIDTH.EXT`.
    public func route(of copy: ImageCopyInfo) -> Route { .media("\(item.stem)-\(copy.width).\(copy.format)") }

    /// The WebP copies.
    public var modern: [ImageCopyInfo] { copies.filter { $0.format == "webp" } }
    /// The copies for browsers without WebP: JPEG for photos, PNG for images with transparency or drawn ones.
    public var fallback: [ImageCopyInfo] { copies.filter { $0.format != "webp" } }
    /// The largest fallback copy, which `<img src>` and share cards point at.
    public var largest: ImageCopyInfo? { fallback.last }
}
