import Testing
@testable import TimelineMedia

/// The canvas share cards are painted on: boxes and texts land where they are placed, are clipped at the
/// card's edges, and text coverage blends its colour into what is below.
@Suite struct CardCanvasTests {
    static let navy = CardDrawing.Colour(red: 20, green: 40, blue: 80)
    static let gold = CardDrawing.Colour(red: 230, green: 170, blue: 40)
    static let white = CardDrawing.Colour(red: 255, green: 255, blue: 255)

    static func pixel(_ canvas: CardCanvas, _ x: Int, _ y: Int) -> [UInt8] {
        let at = (y * canvas.width + x) * 3
        return Array(canvas.pixels[at..<at + 3])
    }

    @Test func aBoxIsFilledWithinTheCardOnly() {
        var canvas = CardCanvas(width: 4, height: 3, colour: Self.navy)
        canvas.fill(.init(x: 2, y: -1, width: 5, height: 2, colour: Self.gold))
        #expect(canvas.pixels.count == 4 * 3 * 3)
        for y in 0..<3 {
            for x in 0..<4 {
                let expected: [UInt8] = (x >= 2 && y == 0) ? [230, 170, 40] : [20, 40, 80]
                #expect(Self.pixel(canvas, x, y) == expected, "pixel \(x), \(y)")
            }
        }
    }

    @Test func coverageBlendsTheColourRoundedToTheNearestValue() {
        var canvas = CardCanvas(width: 3, height: 1, colour: Self.navy)
        canvas.paint(TextCoverage(width: 3, height: 1, bytes: [0, 128, 255]), colour: Self.white, x: 0, y: 0)
        #expect(Self.pixel(canvas, 0, 0) == [20, 40, 80])
        // (255 × 128 + 20 × 127) / 255 = 137.96…, (255 × 128 + 40 × 127) / 255 = 147.92…, (255 × 128 + 80 × 127) / 255 = 167.84…
        #expect(Self.pixel(canvas, 1, 0) == [138, 148, 168])
        #expect(Self.pixel(canvas, 2, 0) == [255, 255, 255])
    }

    @Test func textPastTheEdgesIsClippedAndKeepsItsPlace() {
        var canvas = CardCanvas(width: 3, height: 3, colour: Self.navy)
        // A 2 × 2 text whose top left pixel falls outside the card, above and to the left.
        canvas.paint(TextCoverage(width: 2, height: 2, bytes: [255, 0, 0, 255]), colour: Self.white, x: -1, y: -1)
        #expect(Self.pixel(canvas, 0, 0) == [255, 255, 255])
        #expect(canvas.pixels.filter { $0 == 255 }.count == 3)
        // One placed past the right and bottom edges paints only what lies on the card.
        canvas.paint(TextCoverage(width: 2, height: 2, bytes: [255, 255, 255, 255]), colour: Self.gold, x: 2, y: 2)
        #expect(Self.pixel(canvas, 2, 2) == [230, 170, 40])
        #expect(Self.pixel(canvas, 1, 2) == [20, 40, 80])
        #expect(Self.pixel(canvas, 2, 1) == [20, 40, 80])
    }

    @Test func cuttingCoverageKeepsItsTopRows() {
        let coverage = TextCoverage(width: 2, height: 3, bytes: [1, 2, 3, 4, 5, 6])
        #expect(coverage.cut(to: 2) == TextCoverage(width: 2, height: 2, bytes: [1, 2, 3, 4]))
        #expect(coverage.cut(to: 9) == coverage)
    }
}
