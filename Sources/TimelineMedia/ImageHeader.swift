import TimelineCore

/// The formats the generator publishes and accepts.
public enum ImageFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case jpeg, png, webp

    /// The format of libvips's loader of that name, or nil for a format the generator does not accept.
    init?(loader: String) {
        switch loader {
        case "VipsForeignLoadJpegBuffer": self = .jpeg
        case "VipsForeignLoadPngBuffer": self = .png
        case "VipsForeignLoadWebpBuffer": self = .webp
        default: return nil
        }
    }

    /// The file name extension of a published copy.
    public var fileExtension: String {
        switch self {
        case .jpeg: return "jpg"
        case .png: return "png"
        case .webp: return "webp"
        }
    }

    /// The media type of a published copy, for `<source type>`.
    public var mediaType: String { "image/" + rawValue }
}

/// What the header of an image file says, read without decoding its pixels.
public struct ImageHeader: Sendable, Hashable {
    public var format: ImageFormat
    /// The size as stored, before the orientation tag is applied.
    public var width: Int
    public var height: Int
    /// The EXIF orientation (1 to 8; 1 when there is none).
    public var orientation: Int
    public var hasAlpha: Bool

    /// The size the image shows at once turned upright: orientations 5 to 8 turn it a quarter.
    public var uprightSize: (width: Int, height: Int) {
        (5...8).contains(orientation) ? (height, width) : (width, height)
    }
}

/// Why an image file cannot be published.
public enum ImageProblem: Error, Sendable, Hashable {
    /// The file is in no format the generator accepts.
    case notAnImage
    /// The file starts as an image but cannot be read to its end.
    case unreadable(String)
    /// The image declares more pixels than the limit.
    case tooManyPixels(width: Int, height: Int, limit: Int)
}

/// A share card to draw: a background, boxes of colour and runs of text at places on it.
public struct CardDrawing: Sendable, Hashable, Encodable {
    /// A colour as red, green and blue from 0 to 255.
    public typealias Colour = CardLayout.Colour
    /// A rectangle of one colour.
    public typealias Box = CardLayout.Box

    /// A run of text in Pango markup, wrapped within `width`.
    public struct Text: Sendable, Hashable, Encodable {
        public var markup: String
        /// A Pango font description without its size, such as "DejaVu Sans Bold".
        public var font: String
        /// The font's size in pixels.
        public var size: Int
        /// The font file to set it in, so that the card does not depend on the fonts a machine has.
        public var fontFile: String
        public var x: Int, y: Int, width: Int
        /// When given, text that would be taller is set at the largest whole size, down to a third of
        /// `size`, at which it fits `width` × `maxHeight`; when none fits, it is set at a third of `size`
        /// and cut at that height.
        public var maxHeight: Int?
        /// Extra space between lines, in pixels.
        public var spacing: Int
        public var colour: Colour

        public init(
            markup: String, font: String, size: Int, fontFile: String, x: Int, y: Int, width: Int, maxHeight: Int? = nil,
            spacing: Int = 0, colour: Colour
        ) {
            self.markup = markup
            self.font = font
            self.size = size
            self.fontFile = fontFile
            self.x = x
            self.y = y
            self.width = width
            self.maxHeight = maxHeight
            self.spacing = spacing
            self.colour = colour
        }
    }

    public var width: Int
    public var height: Int
    public var background: Colour
    public var boxes: [Box]
    public var texts: [Text]

    public init(width: Int, height: Int, background: Colour, boxes: [Box] = [], texts: [Text] = []) {
        self.width = width
        self.height = height
        self.background = background
        self.boxes = boxes
        self.texts = texts
    }
}
