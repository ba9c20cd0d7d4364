import CVips
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The one place that calls libvips: reads image headers, checks that an image decodes, makes the published
/// copies of an image and draws share cards. Every libvips object is released before a function returns;
/// nothing else in the project imports libvips.
enum VipsImage {
    /// Whether libvips started; it is started once, on first use.
    static let started: Bool = timeline_vips_start() == 0

    /// What drawing share cards keeps from card to card: the font files fontconfig was given, and the one
    /// Pango font map every text is set with, made anew whenever a font file is added, so that no font map
    /// ever has its caches emptied once a text has been set with it.
    private struct Typesetting {
        var fontFiles: Set<String> = []
        var fontMap: OpaquePointer?

        /// Gives fontconfig the font files of `card` it does not have yet, with a new font map when it
        /// did, and makes the font map the calling thread's. A font file fontconfig cannot read is left to
        /// fontconfig, which sets the text in the closest font it has. False when no font map could be made.
        mutating func prepare(for card: CardDrawing) -> Bool {
            var added = false
            for file in card.texts.map(\.fontFile) where !fontFiles.contains(file) {
                _ = timeline_vips_add_font(file)
                fontFiles.insert(file)
                added = true
            }
            if added || fontMap == nil {
                // Threads still holding the old map as theirs keep it alive until they next draw or end.
                if let old = fontMap { timeline_vips_release_font_map(old) }
                fontMap = timeline_vips_font_map()
            }
            guard let fontMap else { return false }
            timeline_vips_use_font_map(fontMap)
            return true
        }
    }

    /// Held while a share card's texts are set. Pango's font maps are not safe to use from two threads at
    /// once, and libvips frees a text's layout and fonts outside its own lock, when the last image made from
    /// the text is let go: so the texts of one card are set, and every image made from them let go, before
    /// another card's are.
    private static let drawing = Mutex(Typesetting())

    /// The text set `width` pixels wide at `size` pixels; nil when Pango could not set it.
    private static func typeset(_ text: CardDrawing.Text, size: Int) -> TextCoverage? {
        var set: OpaquePointer?
        guard timeline_vips_text(&set, text.markup, "\(text.font) \(size)", Int32(text.width), Int32(text.spacing)) == 0, let set else {
            return nil
        }
        defer { timeline_vips_unref(set) }
        let (width, height) = (Int(timeline_vips_width(set)), Int(timeline_vips_height(set)))
        var length = 0
        guard let memory = timeline_vips_pixels(set, &length) else { return nil }
        defer { timeline_vips_free(memory) }
        guard length == width * height else { return nil }
        return TextCoverage(width: width, height: height, bytes: Array(UnsafeRawBufferPointer(start: memory, count: length)))
    }

    /// The text as the card shows it: set at its size or, when taller than its box, at the largest whole
    /// size down to a third of its own at which it fits; when none does, at that third, cut at the box's
    /// foot. Nil when Pango could not set it.
    private static func coverage(of text: CardDrawing.Text) -> TextCoverage? {
        guard let set = typeset(text, size: text.size) else { return nil }
        guard let limit = text.maxHeight, set.height > limit else { return set }
        var smallest = max(1, text.size / 3), largest = text.size - 1
        var best: TextCoverage?
        while smallest <= largest {
            let size = (smallest + largest) / 2
            guard let tried = typeset(text, size: size) else { return nil }
            if tried.height <= limit, tried.width <= text.width {
                best = tried
                smallest = size + 1
            } else {
                largest = size - 1
            }
        }
        if let best { return best }
        return typeset(text, size: max(1, text.size / 3))?.cut(to: limit)
    }

    /// Why the image library could not start, for the diagnostic of each image: the loader's reason, when it gave one.
    static var startFailure: String {
        "the image library could not start" + (timeline_vips_failure().map { ": " + String(cString: $0) } ?? "")
    }

    /// What the header of an image file says, without decoding its pixels.
    static func header(of bytes: [UInt8]) -> Result<ImageHeader, ImageProblem> {
        guard started else { return .failure(.unreadable(startFailure)) }
        let loader = bytes.withUnsafeBytes { raw in raw.baseAddress.flatMap { timeline_vips_find_loader($0, raw.count) } }
        timeline_vips_error_clear()
        guard let loader, let format = ImageFormat(loader: String(cString: loader)) else {
            return .failure(.notAnImage)
        }
        guard let image = bytes.withUnsafeBytes({ raw in timeline_vips_header(raw.baseAddress, raw.count) }) else {
            return .failure(.unreadable(lastError()))
        }
        defer { timeline_vips_unref(image) }
        return .success(ImageHeader(
            format: format, width: Int(timeline_vips_width(image)), height: Int(timeline_vips_height(image)),
            orientation: Int(timeline_vips_orientation(image)), hasAlpha: timeline_vips_has_alpha(image) != 0))
    }

    /// Decodes every pixel of an image, to find a file cut short or damaged past its header.
    static func checkDecodes(_ bytes: [UInt8]) -> ImageProblem? {
        guard started else { return .unreadable(startFailure) }
        var average = 0.0
        let result = bytes.withUnsafeBytes { raw in timeline_vips_check_decodes(raw.baseAddress, raw.count, &average) }
        return result == 0 ? nil : .unreadable(lastError())
    }

    /// The image turned upright and shrunk to `width` pixels wide, saved in each format, without metadata.
    static func copies(of bytes: [UInt8], width: Int, formats: [ImageFormat]) -> Result<(width: Int, height: Int, files: [[UInt8]]), ImageProblem> {
        guard started else { return .failure(.unreadable(startFailure)) }
        var thumbnail: OpaquePointer?
        let made = bytes.withUnsafeBytes { raw in timeline_vips_thumbnail(raw.baseAddress, raw.count, &thumbnail, Int32(width)) }
        guard made == 0, let thumbnail else { return .failure(.unreadable(lastError())) }
        defer { timeline_vips_unref(thumbnail) }
        var copies: [[UInt8]] = []
        for format in formats {
            guard let saved = save(thumbnail, as: format) else { return .failure(.unreadable(lastError())) }
            copies.append(saved)
        }
        return .success((Int(timeline_vips_width(thumbnail)), Int(timeline_vips_height(thumbnail)), copies))
    }

    /// The names of the metadata fields an image file carries (EXIF, XMP, IPTC, ICC, orientation…).
    static func metadataFields(of bytes: [UInt8]) -> [String] {
        guard started, let image = bytes.withUnsafeBytes({ raw in timeline_vips_header(raw.baseAddress, raw.count) }) else { return [] }
        defer { timeline_vips_unref(image) }
        guard let fields = timeline_vips_fields(image) else { return [] }
        defer { timeline_vips_free_strings(fields) }
        var names: [String] = []
        var index = 0
        while let field = fields[index] {
            names.append(String(cString: field))
            index += 1
        }
        return names
    }

    /// An image file made from raw 8-bit pixels, row by row, with 3 bands (RGB) or 4 (RGBA).
    static func encode(pixels: [UInt8], width: Int, height: Int, bands: Int, as format: ImageFormat) -> [UInt8]? {
        guard started, let image = pixels.withUnsafeBytes({ raw in
            timeline_vips_from_pixels(raw.baseAddress, raw.count, Int32(width), Int32(height), Int32(bands))
        }) else { return nil }
        defer { timeline_vips_unref(image) }
        return save(image, as: format)
    }

    /// Draws a share card: a background, boxes of colour and runs of text, saved as PNG. Its texts are set
    /// while no other card's are (see `drawing`); they are painted and the card saved after.
    static func draw(_ card: CardDrawing) -> Result<[UInt8], ImageProblem> {
        guard started else { return .failure(.unreadable(startFailure)) }
        let set = drawing.withLock { typesetting -> Result<[TextCoverage], ImageProblem> in
            guard typesetting.prepare(for: card) else { return .failure(.unreadable(lastError())) }
            var coverages: [TextCoverage] = []
            for text in card.texts {
                guard let coverage = coverage(of: text) else { return .failure(.unreadable(lastError())) }
                coverages.append(coverage)
            }
            return .success(coverages)
        }
        return set.flatMap { coverages in
            var canvas = CardCanvas(width: card.width, height: card.height, colour: card.background)
            for box in card.boxes { canvas.fill(box) }
            for (text, coverage) in zip(card.texts, coverages) { canvas.paint(coverage, colour: text.colour, x: text.x, y: text.y) }
            guard let png = encode(pixels: canvas.pixels, width: canvas.width, height: canvas.height, bands: 3, as: .png) else {
                return .failure(.unreadable(lastError()))
            }
            return .success(png)
        }
    }

    private static func save(_ image: OpaquePointer, as format: ImageFormat) -> [UInt8]? {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let result: Int32
        switch format {
        case .webp: result = timeline_vips_webp(image, &buffer, &length, 80)
        case .jpeg: result = timeline_vips_jpeg(image, &buffer, &length, 82)
        case .png: result = timeline_vips_png(image, &buffer, &length)
        }
        guard result == 0, let buffer else { return nil }
        defer { timeline_vips_free(buffer) }
        let bytes = Array(UnsafeRawBufferPointer(start: buffer, count: length))
        return format == .webp ? WebPMetadata.stripped(bytes) : bytes
    }

    /// libvips's last error message, on one line, and the error buffer emptied.
    private static func lastError() -> String {
        let message = String(cString: timeline_vips_error_buffer())
        timeline_vips_error_clear()
        let lines = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: " ") }
        return lines.filter { !$0.isEmpty }.joined(separator: "; ")
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
