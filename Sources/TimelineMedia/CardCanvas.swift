/// The pixels a share card is painted on: red, green and blue bytes, row by row, with boxes filled and
/// texts blended in, each clipped to the card.
struct CardCanvas: Sendable {
    let width: Int
    let height: Int
    private(set) var pixels: [UInt8]

    /// A canvas of one colour.
    init(width: Int, height: Int, colour: CardDrawing.Colour) {
        self.width = max(0, width)
        self.height = max(0, height)
        var row: [UInt8] = []
        row.reserveCapacity(self.width * 3)
        for _ in 0..<self.width { row += [Self.byte(colour.red), Self.byte(colour.green), Self.byte(colour.blue)] }
        pixels = []
        pixels.reserveCapacity(self.width * self.height * 3)
        for _ in 0..<self.height { pixels += row }
    }

    /// Fills a box with its colour.
    mutating func fill(_ box: CardDrawing.Box) {
        let (columns, rows) = (clip(box.x, box.width, width), clip(box.y, box.height, height))
        guard !columns.isEmpty, !rows.isEmpty else { return }
        let colour = [Self.byte(box.colour.red), Self.byte(box.colour.green), Self.byte(box.colour.blue)]
        pixels.withUnsafeMutableBufferPointer { pixels in
            for row in rows {
                for column in columns {
                    let at = (row * width + column) * 3
                    pixels[at] = colour[0]
                    pixels[at + 1] = colour[1]
                    pixels[at + 2] = colour[2]
                }
            }
        }
    }

    /// Blends `colour` into the canvas with its top left corner at `x`, `y`, as opaque as `coverage`
    /// says at each pixel (0 leaves the canvas as it is, 255 paints the colour).
    mutating func paint(_ coverage: TextCoverage, colour: CardDrawing.Colour, x: Int, y: Int) {
        let (columns, rows) = (clip(x, coverage.width, width), clip(y, coverage.height, height))
        guard !columns.isEmpty, !rows.isEmpty else { return }
        let ink = [Int(Self.byte(colour.red)), Int(Self.byte(colour.green)), Int(Self.byte(colour.blue))]
        let canvasWidth = width
        coverage.bytes.withUnsafeBufferPointer { coverage_ in
            pixels.withUnsafeMutableBufferPointer { pixels in
                for row in rows {
                    let source = (row - y) * coverage.width - x
                    for column in columns {
                        let alpha = Int(coverage_[source + column])
                        guard alpha > 0 else { continue }
                        let at = (row * canvasWidth + column) * 3
                        for band in 0..<3 {
                            // Rounded to the nearest value: ink × alpha + base × (255 − alpha), over 255.
                            pixels[at + band] = UInt8((ink[band] * alpha + Int(pixels[at + band]) * (255 - alpha) + 127) / 255)
                        }
                    }
                }
            }
        }
    }

    /// The part of `start..<start + length` that lies within `0..<limit`.
    private func clip(_ start: Int, _ length: Int, _ limit: Int) -> Range<Int> {
        let lower = min(max(start, 0), limit), upper = max(min(start + max(length, 0), limit), lower)
        return lower..<upper
    }

    private static func byte(_ value: Int) -> UInt8 { UInt8(clamping: value) }
}

/// A text as Pango set it: how much of each pixel its glyphs cover, from 0 to 255, row by row.
struct TextCoverage: Sendable, Equatable {
    var width: Int
    var height: Int
    var bytes: [UInt8]

    /// The top `rows` rows.
    func cut(to rows: Int) -> TextCoverage {
        let kept = min(max(rows, 0), height)
        return TextCoverage(width: width, height: kept, bytes: Array(bytes[0..<(kept * width)]))
    }
}
