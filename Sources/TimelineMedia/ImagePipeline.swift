import TimelineCore

/// Makes the published copies of an image: checks its header against the pixel limit before anything is
/// decoded, turns it upright, shrinks it to a few widths no larger than the original, and saves each width
/// in WebP and in JPEG or PNG, every copy without metadata (EXIF with any GPS position, XMP, IPTC, ICC).
public enum ImagePipeline {
    /// The widths copies are made at, besides the original's own when it is narrower than the largest.
    public static let widths = [480, 960, 1600]
    /// Changes whenever the copies made of an image would change, so that processed images cached by an
    /// earlier version are made again.
    public static let version: UInt64 = 4

    /// One copy of an image.
    public struct Copy: Sendable, Hashable, Codable {
        public var width: Int
        public var height: Int
        public var format: ImageFormat
        public var bytes: [UInt8]

        public init(width: Int, height: Int, format: ImageFormat, bytes: [UInt8]) {
            self.width = width
            self.height = height
            self.format = format
            self.bytes = bytes
        }
    }

    /// An image as published: its upright size and its copies, WebP ones first, each format in increasing widths.
    public struct Result: Sendable, Hashable, Codable {
        public var width: Int
        public var height: Int
        public var copies: [Copy]

        public init(width: Int, height: Int, copies: [Copy]) {
            self.width = width
            self.height = height
            self.copies = copies
        }
    }

    /// What the header of an image file says, without decoding it.
    public static func header(of bytes: [UInt8]) -> Swift.Result<ImageHeader, ImageProblem> { VipsImage.header(of: bytes) }

    /// The widths to publish an image of `width` pixels at: each standard width below it, and its own
    /// (or the largest standard one) at the top.
    public static func widths(for width: Int) -> [Int] {
        let top = min(width, widths.last ?? width)
        return widths.filter { $0 < top } + [top]
    }

    /// The published copies of an image file, or why it cannot be published.
    public static func publish(_ bytes: [UInt8], pixelLimit: Int) -> Swift.Result<Result, ImageProblem> {
        let header: ImageHeader
        switch VipsImage.header(of: bytes) {
        case .success(let read): header = read
        case .failure(let problem): return .failure(problem)
        }
        guard header.width.multipliedReportingOverflow(by: header.height).partialValue <= pixelLimit,
              header.width <= pixelLimit, header.height <= pixelLimit else {
            return .failure(.tooManyPixels(width: header.width, height: header.height, limit: pixelLimit))
        }
        // Decoding every pixel once finds a file cut short, which a shrunk copy may not read to its end.
        if let problem = VipsImage.checkDecodes(bytes) { return .failure(problem) }
        let upright = header.uprightSize
        let fallback: ImageFormat = header.hasAlpha || header.format == .png ? .png : .jpeg
        var modern: [Copy] = [], older: [Copy] = []
        for width in widths(for: upright.width) {
            switch VipsImage.copies(of: bytes, width: width, formats: [.webp, fallback]) {
            case .success(let made):
                let height = made.height
                modern.append(Copy(width: made.width, height: height, format: .webp, bytes: made.files[0]))
                older.append(Copy(width: made.width, height: height, format: fallback, bytes: made.files[1]))
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success(Result(width: upright.width, height: upright.height, copies: modern + older))
    }

    /// The names of the metadata fields an image file carries, such as `exif-data` or `orientation`.
    public static func metadataFields(of bytes: [UInt8]) -> [String] { VipsImage.metadataFields(of: bytes) }

    /// An image file made from raw 8-bit pixels, row by row, with 3 bands (RGB) or 4 (RGBA).
    public static func encode(pixels: [UInt8], width: Int, height: Int, bands: Int, as format: ImageFormat) -> [UInt8]? {
        VipsImage.encode(pixels: pixels, width: width, height: height, bands: bands, as: format)
    }

    /// A share card drawn as a PNG.
    public static func draw(_ card: CardDrawing) -> Swift.Result<[UInt8], ImageProblem> { VipsImage.draw(card) }
}
