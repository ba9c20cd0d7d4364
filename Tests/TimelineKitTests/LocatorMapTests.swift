import Foundation
import Testing
import TimelineCore
@testable import TimelineSite

/// A locator map projects its box onto the drawing without stretching, draws simplified shapes, and marks places
/// with labels that stay inside it.
@Suite struct LocatorMapTests {
    static func point(_ latitude: Double, _ longitude: Double) -> Coordinates {
        Coordinates(latitude: latitude, longitude: longitude)
    }

    /// A map of one square of land from 40° to 60° north and 0° to 20° east, with `more` shapes.
    static func map(_ more: [MapShape] = []) -> BaseMap {
        let square = [point(40, 0), point(40, 20), point(60, 20), point(60, 0), point(40, 0)]
        return BaseMap(
            id: "europe", title: "Europe", file: "maps/europe.geojson", credit: "", license: "",
            shapes: [MapShape(kind: .land, points: square)] + more, location: .file("maps.yaml"))
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

    @Test func theBoxFillsTheWidthWithNorthUp() {
        let map = LocatorMap(map: Self.map(), width: 640)
        let northWest = map.project(Self.point(60, 0)), southEast = map.project(Self.point(40, 20))
        #expect(Self.close(northWest.x, 0) && Self.close(northWest.y, 0))
        #expect(Self.close(southEast.x, 640) && Self.close(southEast.y, map.height))
        let centre = map.project(Self.point(50, 10))
        #expect(Self.close(centre.x, 320) && Self.close(centre.y, map.height / 2))
        #expect(map.project(Self.point(55, 10)).y < centre.y)
        #expect(map.width == 640)
    }

    @Test func longitudesAreNarrowedByTheCosineOfTheMiddleLatitude() {
        let map = LocatorMap(map: Self.map(), width: 640)
        let origin = map.project(Self.point(50, 10))
        let east = map.project(Self.point(50, 11)), north = map.project(Self.point(51, 10))
        let ratio = (east.x - origin.x) / (origin.y - north.y)
        #expect(Self.close(ratio, cos(50 * Double.pi / 180)))
        #expect(Self.close(map.height, 640 / cos(50 * Double.pi / 180)))
    }

    @Test func aStraightLineKeepsItsEndsAndASquareItsCorners() {
        let line = (0..<100).map { (x: Double($0) * 3, y: Double($0) * 1.5) }
        let simplified = LocatorMap.simplified(line, tolerance: 0.5)
        #expect(simplified.count == 2)
        #expect(simplified.first! == (0, 0) && simplified.last! == (297, 148.5))

        var square: [(x: Double, y: Double)] = []
        for step in 0..<10 { square.append((Double(step) * 10, 0)) }
        for step in 0..<10 { square.append((100, Double(step) * 10)) }
        for step in 0..<10 { square.append((100 - Double(step) * 10, 100)) }
        for step in 0..<10 { square.append((0, 100 - Double(step) * 10)) }
        square.append((0, 0))
        let corners = LocatorMap.simplified(square, tolerance: 0.5)
        #expect(corners.map { "\($0.x) \($0.y)" } == ["0.0 0.0", "100.0 0.0", "100.0 100.0", "0.0 100.0", "0.0 0.0"])
    }

    @Test func theBaseLayerIsSimplifiedAndTheSameEachTime() {
        let border = MapShape(kind: .border, points: (0...100).map { Self.point(50, Double($0) / 5) })
        let speck = MapShape(kind: .land, points: [Self.point(50, 10), Self.point(50, 10.001), Self.point(50.001, 10), Self.point(50, 10)])
        let svg = LocatorMap(map: Self.map([border, speck]), width: 640).svg(markers: [], id: "m", title: "T", description: "D")
        let height = LocatorMap.format(640 / cos(50 * Double.pi / 180))
        #expect(svg.contains("<g class=\"map-base\"><path class=\"map-land\" d=\"M0 \(height)L640 \(height)L640 0L0 0Z\"/><path class=\"map-border\" d=\"M0 497.8L640 497.8\"/></g>"))
        #expect(svg == LocatorMap(map: Self.map([border, speck]), width: 640).svg(markers: [], id: "m", title: "T", description: "D"))
    }

    @Test func coordinatesHaveAtMostOneDecimal() {
        #expect(LocatorMap.format(12) == "12")
        #expect(LocatorMap.format(12.04) == "12")
        #expect(LocatorMap.format(12.35) == "12.4" || LocatorMap.format(12.35) == "12.3")
        #expect(LocatorMap.format(-0.04) == "0")
        #expect(LocatorMap.format(-0.5) == "-0.5")
        #expect(LocatorMap.format(.nan) == "0")
    }

    @Test func theDrawingIsLabelledByItsTitleAndDescription() {
        let map = LocatorMap(map: Self.map(), width: 640)
        let svg = map.svg(markers: [], id: "map-1", title: "Where \"it\" happened", description: "Paris & Lyon")
        #expect(svg.hasPrefix("<svg class=\"locator-map\" viewBox=\"0 0 640 \(LocatorMap.format(map.height))\" role=\"img\" aria-labelledby=\"map-1-title map-1-desc\"><title id=\"map-1-title\">Where &quot;it&quot; happened</title><desc id=\"map-1-desc\">Paris &amp; Lyon</desc><g class=\"map-base\">"))
        #expect(svg.hasSuffix("</g><g class=\"map-markers\"></g></svg>"))
    }

    @Test func markersAreDrawnInOrderAndThoseOutsideAreLeftOut() {
        let map = LocatorMap(map: Self.map(), width: 640)
        let markers = [
            LocatorMap.Marker(coordinates: Self.point(50, 10), label: "Middle", href: "../middle/", isCurrent: false),
            LocatorMap.Marker(coordinates: Self.point(70, 10), label: "Far north", href: nil, isCurrent: false),
            LocatorMap.Marker(coordinates: Self.point(45, 5), label: "Here", href: nil, isCurrent: true),
        ]
        let svg = map.svg(markers: markers, id: "m", title: "T", description: "D")
        let middleY = LocatorMap.format(map.height / 2)
        #expect(svg.contains("<a href=\"../middle/\"><circle class=\"map-marker\" cx=\"320\" cy=\"\(middleY)\" r=\"6\"/><text class=\"map-label\" x=\"330\""))
        #expect(!svg.contains("Far north"))
        #expect(svg.contains("<circle class=\"map-marker current\" cx=\"160\""))
        #expect(svg.contains("r=\"9\"/><text class=\"map-label\" x=\"173\""))
        let middle = svg.range(of: "Middle")!, here = svg.range(of: "Here")!
        #expect(middle.lowerBound < here.lowerBound)
        #expect(map.shows(Self.point(40, 20)) && !map.shows(Self.point(39.9, 10)))
    }

    @Test func labelsAreEscapedAndStayInsideTheDrawing() {
        let map = LocatorMap(map: Self.map(), width: 640)
        let markers = [
            LocatorMap.Marker(coordinates: Self.point(60, 20), label: "<b>Tom & Jerry</b>"),
            LocatorMap.Marker(coordinates: Self.point(40, 0), label: "A very long label that is wider than the whole map is, many times over, surely, yes indeed it is"),
        ]
        let svg = map.svg(markers: markers, id: "m", title: "T", description: "D")
        #expect(svg.contains(">&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;</text>"))
        #expect(!svg.contains("<b>"))
        // The north-east marker's label goes to its left, ending before the dot, on a baseline inside the top edge.
        #expect(svg.contains("<text class=\"map-label\" x=\"630\" y=\"17\" text-anchor=\"end\">&lt;b&gt;"))
        // A label too long for either side starts at the left edge, on a baseline above the bottom edge.
        #expect(svg.contains("<text class=\"map-label\" x=\"0\" y=\"\(LocatorMap.format(map.height - 2))\">A very long"))
    }

    @Test func aMapWithoutShapesOrWidthStillDraws() {
        let empty = BaseMap(id: "e", title: "E", file: "e.geojson", credit: "", license: "", shapes: [], location: .file("maps.yaml"))
        let map = LocatorMap(map: empty)
        #expect(map.width == 640 && map.height.isFinite && map.height > 0)
        let line = MapShape(kind: .border, points: [Self.point(10, 5), Self.point(10, 5)])
        let flat = LocatorMap(map: BaseMap(id: "f", title: "F", file: "f.geojson", credit: "", license: "", shapes: [line], location: .file("maps.yaml")))
        #expect(flat.height.isFinite && flat.height > 0 && flat.height <= 4 * flat.width + 1e-6)
        #expect(flat.svg(markers: [], id: "f", title: "F", description: "F").contains("<g class=\"map-base\"></g>"))
    }
}
