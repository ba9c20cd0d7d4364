import Dispatch
import Synchronization
import Testing
import TimelineCore
import TimelineMedia

/// Images are published in a few widths, turned upright, in WebP and JPEG or PNG, with no metadata left.
@Suite struct ImagePipelineTests {
    /// A JPEG of `width` × `height` pixels in a gradient, so that it compresses like a photo.
    static func photo(width: Int, height: Int) -> [UInt8] {
        var pixels: [UInt8] = []
        pixels.reserveCapacity(width * height * 3)
        for y in 0..<height {
            for x in 0..<width { pixels += [UInt8(x * 255 / width), UInt8(y * 255 / height), UInt8((x + y) % 256)] }
        }
        return ImagePipeline.encode(pixels: pixels, width: width, height: height, bands: 3, as: .jpeg)!
    }

    /// The same JPEG with an EXIF segment that gives an orientation (6: turn a quarter clockwise) and a GPS
    /// position (18° 32' 0" N), as a phone's photo carries.
    static func withGPS(_ jpeg: [UInt8], orientation: UInt16 = 6) -> [UInt8] {
        func u16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
        func u32(_ value: UInt32) -> [UInt8] { u16(UInt16(value >> 16)) + u16(UInt16(value & 0xFFFF)) }
        var tiff: [UInt8] = Array("MM".utf8) + u16(42) + u32(8)
        // IFD0 at 8: the orientation and a pointer to the GPS IFD at 38.
        tiff += u16(2) + u16(0x0112) + u16(3) + u32(1) + u16(orientation) + u16(0)
        tiff += u16(0x8825) + u16(4) + u32(1) + u32(38) + u32(0)
        // The GPS IFD at 38: latitude reference "N" and the latitude, three rationals at 68.
        tiff += u16(2) + u16(0x0001) + u16(2) + u32(2) + Array("N".utf8) + [0, 0, 0]
        tiff += u16(0x0002) + u16(5) + u32(3) + u32(68) + u32(0)
        tiff += u32(18) + u32(1) + u32(32) + u32(1) + u32(0) + u32(1)
        let payload = Array("Exif".utf8) + [0, 0] + tiff
        let segment: [UInt8] = [0xFF, 0xE1] + u16(UInt16(payload.count + 2)) + payload
        return Array(jpeg.prefix(2)) + segment + Array(jpeg.dropFirst(2))
    }

    @Test func theTestPhotoCarriesAPositionAndAnOrientation() {
        let fields = ImagePipeline.metadataFields(of: Self.withGPS(Self.photo(width: 64, height: 32)))
        #expect(fields.contains("exif-data"))
        #expect(fields.contains { $0.hasPrefix("exif-ifd3-GPSLatitude") })
        #expect(fields.contains("orientation"))
    }

    @Test func publishesEachWidthUprightInWebPAndJPEGWithNoMetadata() throws {
        let original = Self.withGPS(Self.photo(width: 1200, height: 800))
        let result = try ImagePipeline.publish(original, pixelLimit: 100_000_000).get()
        // Orientation 6 turns the 1200 × 800 photo into an 800 × 1200 one before it is shrunk.
        #expect(result.width == 800 && result.height == 1200)
        #expect(result.copies.map(\.width) == [480, 800, 480, 800])
        #expect(result.copies.map(\.format) == [.webp, .webp, .jpeg, .jpeg])
        #expect(result.copies.map(\.height) == [720, 1200, 720, 1200])
        for copy in result.copies {
            let fields = ImagePipeline.metadataFields(of: copy.bytes)
            #expect(!fields.contains { $0.hasPrefix("exif") || $0.hasPrefix("xmp") || $0.hasPrefix("iptc") || $0 == "orientation" || $0.hasPrefix("icc") },
                    "\(copy.format) \(copy.width): \(fields.filter { $0.hasPrefix("exif") || $0 == "orientation" })")
            #expect(!copy.bytes.indices.dropLast(4).contains { copy.bytes[$0..<($0 + 4)].elementsEqual("Exif".utf8) })
            let header = try ImagePipeline.header(of: copy.bytes).get()
            #expect(header.width == copy.width && header.height == copy.height && header.orientation == 1)
        }
    }

    @Test func neverEnlargesAndKeepsTransparencyInPNG() throws {
        let pixels = [UInt8](repeating: 200, count: 300 * 100 * 4)
        let png = try #require(ImagePipeline.encode(pixels: pixels, width: 300, height: 100, bands: 4, as: .png))
        let result = try ImagePipeline.publish(png, pixelLimit: 100_000_000).get()
        #expect(result.copies.map(\.width) == [300, 300])
        #expect(result.copies.map(\.format) == [.webp, .png])
        #expect(ImagePipeline.widths(for: 5000) == [480, 960, 1600])
        #expect(ImagePipeline.widths(for: 961) == [480, 960, 961])
    }

    @Test func refusesWhatIsNotAnImageATruncatedFileAndADecompressionBomb() {
        #expect(ImagePipeline.publish(Array("not an image at all".utf8), pixelLimit: 1_000_000) == .failure(.notAnImage))
        let photo = Self.photo(width: 400, height: 300)
        guard case .failure(.unreadable) = ImagePipeline.publish(Array(photo.prefix(photo.count / 2)), pixelLimit: 1_000_000) else {
            Issue.record("a truncated JPEG was published")
            return
        }
        #expect(ImagePipeline.publish(Self.bomb(), pixelLimit: 100_000_000) == .failure(.tooManyPixels(width: 60_000, height: 60_000, limit: 100_000_000)))
    }

    /// Share cards are drawn on several threads at once; each must come out as it does drawn alone.
    @Test func cardsDrawnOnManyThreadsAtOnceAreTheCardsDrawnAlone() throws {
        let fonts = "/usr/share/fonts/truetype/dejavu/"
        let white = CardDrawing.Colour(red: 255, green: 255, blue: 255)
        let cards = (0..<24).map { number in
            CardDrawing(width: 300, height: 160, background: .init(red: 20, green: 30, blue: 40), texts: [
                .init(markup: "Card \(number): Port-au-Prince", font: "DejaVu Sans Bold", size: 18, fontFile: fonts + "DejaVuSans-Bold.ttf",
                      x: 10, y: 10, width: 280, colour: white),
                .init(markup: String(repeating: "mission \(number) ", count: 1 + number % 5), font: "DejaVu Serif", size: 12,
                      fontFile: fonts + "DejaVuSerif.ttf", x: 10, y: 60, width: 280, maxHeight: 40, colour: white),
            ])
        }
        let together = Mutex<[Int: [UInt8]]>([:])
        DispatchQueue.concurrentPerform(iterations: cards.count) { index in
            let drawn = try? ImagePipeline.draw(cards[index]).get()
            together.withLock { $0[index] = drawn }
        }
        for (index, card) in cards.enumerated() {
            let alone = try ImagePipeline.draw(card).get()
            #expect(together.withLock { $0[index] } == alone, "card \(index)")
        }
    }

    /// A PNG of a few hundred bytes that declares 60,000 × 60,000 pixels.
    static func bomb() -> [UInt8] {
        let small = ImagePipeline.encode(pixels: [UInt8](repeating: 0, count: 3), width: 1, height: 1, bands: 3, as: .png)!
        var bytes = small
        // The IHDR chunk starts at byte 8: length, "IHDR", width, height; its CRC follows the 13 bytes of data.
        func put(_ value: UInt32, at offset: Int) {
            for index in 0..<4 { bytes[offset + index] = UInt8((value >> (24 - 8 * UInt32(index))) & 0xFF) }
        }
        put(60_000, at: 16)
        put(60_000, at: 20)
        put(CRC32.checksum(Array(bytes[12..<29])), at: 29)
        return bytes
    }
}

/// The CRC-32 of PNG chunks.
enum CRC32 {
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
