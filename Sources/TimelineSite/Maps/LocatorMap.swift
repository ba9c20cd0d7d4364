import TimelineCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Draws a base map as inline SVG with markers of places on it; made once per map and used for many pages.
///
/// The projection is equirectangular, north up, with longitudes narrowed by the cosine of the latitude at the
/// middle of the map so that shapes keep their proportions. The map's box fills the width exactly and the
/// height follows. The shapes under the markers are projected, simplified and written once, when the map is made.
public struct LocatorMap: Sendable {
    /// A place drawn on the map: a dot, with its label beside it.
    public struct Marker: Sendable {
        public var coordinates: Coordinates
        public var label: String
        /// The page the marker links to, if any.
        public var href: String?
        /// Whether the marker is the place of the page the map is shown on: it is drawn larger.
        public var isCurrent: Bool

        public init(coordinates: Coordinates, label: String, href: String? = nil, isCurrent: Bool = false) {
            self.coordinates = coordinates
            self.label = label
            self.href = href
            self.isCurrent = isCurrent
        }
    }

    /// The drawing's width, in SVG units.
    public let width: Double
    /// The drawing's height, in SVG units: the width times the box's proportions.
    public var height: Double { drawingHeight }

    private let drawingHeight: Double
    private let west: Double
    private let north: Double
    /// SVG units per degree of longitude and of latitude.
    private let xScale: Double
    private let yScale: Double
    /// The `<path>` elements of the base map's shapes.
    private let baseLayer: String

    /// How far a simplified line may stray from the shape it stands for, in SVG units.
    static let tolerance = 0.5
    /// The tallest a map is drawn, as a multiple of its width: a box narrower than that is widened about its middle.
    static let tallestProportion = 4.0
    /// The radius of a marker's dot, and of the dot of the page's own place.
    static let markerRadius = 6.0
    static let currentMarkerRadius = 9.0
    /// The width a label's character is taken to have, and the height of its line, for keeping labels in the drawing.
    static let characterWidth = 10.0
    static let labelHeight = 17.0

    /// A map of `map`'s shapes, `width` units wide.
    public init(map: BaseMap, width: Double = 640) {
        let width = width.isFinite && width > 0 ? width : 640
        var box = map.bounds ?? (south: -90, west: -180, north: 90, east: 180)
        if box.north - box.south < 1e-9 {
            box.north = min(box.north + 0.5, 90)
            box.south = max(box.south - 0.5, -90)
        }
        let middle = (box.south + box.north) / 2
        let narrowing = max(cos(middle * .pi / 180), 0.01)
        let tallest = (box.north - box.south) / Self.tallestProportion
        if (box.east - box.west) * narrowing < tallest {
            let centre = (box.west + box.east) / 2, half = tallest / narrowing / 2
            box.west = centre - half
            box.east = centre + half
        }
        let xScale = width / (box.east - box.west)
        let yScale = xScale / narrowing
        self.width = width
        self.west = box.west
        self.north = box.north
        self.xScale = xScale
        self.yScale = yScale
        self.drawingHeight = (box.north - box.south) * yScale
        let (west, north) = (box.west, box.north)
        self.baseLayer = Self.paths(of: map.shapes) { (($0.longitude - west) * xScale, (north - $0.latitude) * yScale) }
    }

    /// Where a point falls in the drawing: x to the east, y to the south, in SVG units.
    public func project(_ point: Coordinates) -> (x: Double, y: Double) {
        ((point.longitude - west) * xScale, (north - point.latitude) * yScale)
    }

    /// The map as an `<svg>` element with `markers` drawn in their order; markers outside the map are left out.
    ///
    /// `id` names the title and description that label the drawing, and must be unique within its page.
    public func svg(markers: [Marker], id: String, title: String, description: String) -> String {
        let id = HTML.escape(id)
        var svg = "<svg class=\"locator-map\" viewBox=\"0 0 \(Self.format(width)) \(Self.format(height))\" role=\"img\""
        svg += " aria-labelledby=\"\(id)-title \(id)-desc\">"
        svg += "<title id=\"\(id)-title\">\(HTML.escape(title))</title><desc id=\"\(id)-desc\">\(HTML.escape(description))</desc>"
        svg += "<g class=\"map-base\">\(baseLayer)</g><g class=\"map-markers\">"
        for marker in markers {
            svg += self.marker(marker)
        }
        return svg + "</g></svg>"
    }

    /// Whether a point falls within the drawing.
    public func shows(_ point: Coordinates) -> Bool {
        let (x, y) = project(point)
        let slack = 1e-9 * max(width, height)
        return x.isFinite && y.isFinite && x >= -slack && x <= width + slack && y >= -slack && y <= height + slack
    }

    /// A marker's dot and label, in a link when it has one, or nothing when it falls outside the drawing.
    private func marker(_ marker: Marker) -> String {
        guard shows(marker.coordinates) else { return "" }
        let (x, y) = project(marker.coordinates)
        let radius = marker.isCurrent ? Self.currentMarkerRadius : Self.markerRadius
        var drawn = "<circle class=\"map-marker\(marker.isCurrent ? " current" : "")\" cx=\"\(Self.format(x))\" cy=\"\(Self.format(y))\" r=\"\(Self.format(radius))\"/>"
        drawn += label(marker.label, x: x, y: y, radius: radius)
        if let href = marker.href {
            drawn = "<a href=\"\(HTML.escape(href))\">\(drawn)</a>"
        }
        return drawn
    }

    /// A label to the right of a marker, or to its left when it would run past the right edge, kept in the drawing.
    private func label(_ text: String, x: Double, y: Double, radius: Double) -> String {
        let textWidth = Double(text.unicodeScalars.count) * Self.characterWidth
        let gap = radius + 4
        let rightRoom = width - (x + gap), leftRoom = x - gap
        let toTheLeft = textWidth > rightRoom && leftRoom > rightRoom
        var anchorX: Double
        if toTheLeft {
            anchorX = min(max(x - gap, textWidth), width)
        } else {
            anchorX = max(min(x + gap, width - textWidth), 0)
        }
        anchorX = min(max(anchorX, 0), width)
        let baseline = min(max(y + Self.labelHeight / 3, Self.labelHeight), max(height - 2, Self.labelHeight))
        let anchor = toTheLeft ? " text-anchor=\"end\"" : ""
        return "<text class=\"map-label\" x=\"\(Self.format(anchorX))\" y=\"\(Self.format(baseline))\"\(anchor)>\(HTML.escape(text))</text>"
    }

    /// The `<path>` of each shape, projected and simplified; land too small to see is left out.
    private static func paths(of shapes: [MapShape], projection: (Coordinates) -> (x: Double, y: Double)) -> String {
        var out = ""
        for shape in shapes {
            let points = simplified(shape.points.map(projection), tolerance: tolerance)
            var words: [String] = []
            words.reserveCapacity(points.count)
            for point in points {
                let word = format(point.x) + " " + format(point.y)
                if word != words.last { words.append(word) }
            }
            switch shape.kind {
            case .land:
                if words.count > 1, words.first == words.last { words.removeLast() }
                guard points.count >= 4, words.count >= 3 else { continue }
                out += "<path class=\"map-land\" d=\"M" + words.joined(separator: "L") + "Z\"/>"
            case .border:
                guard words.count >= 2 else { continue }
                out += "<path class=\"map-border\" d=\"M" + words.joined(separator: "L") + "\"/>"
            }
        }
        return out
    }

    /// The points of a line simplified by Douglas and Peucker's method: the first and last are kept, and each
    /// stretch between kept points keeps its farthest point while that lies more than `tolerance` off the stretch.
    static func simplified(_ points: [(x: Double, y: Double)], tolerance: Double) -> [(x: Double, y: Double)] {
        guard points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var stretches = [(first: 0, last: points.count - 1)]
        while let (first, last) = stretches.popLast() {
            guard last - first > 1 else { continue }
            var farthest = first, greatest = -1.0
            for index in first + 1..<last {
                let distance = Self.distance(of: points[index], from: points[first], to: points[last])
                if distance > greatest {
                    greatest = distance
                    farthest = index
                }
            }
            guard greatest > tolerance else { continue }
            keep[farthest] = true
            stretches.append((first, farthest))
            stretches.append((farthest, last))
        }
        return points.indices.filter { keep[$0] }.map { points[$0] }
    }

    /// How far a point lies from the segment between two others, or from the one when they coincide.
    private static func distance(of point: (x: Double, y: Double), from start: (x: Double, y: Double), to end: (x: Double, y: Double)) -> Double {
        let dx = end.x - start.x, dy = end.y - start.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return ((point.x - start.x) * (point.x - start.x) + (point.y - start.y) * (point.y - start.y)).squareRoot() }
        return abs(dy * point.x - dx * point.y + end.x * start.y - end.y * start.x) / length
    }

    /// A coordinate with at most one decimal and no trailing ".0", the same on every machine.
    static func format(_ value: Double) -> String {
        let bounded = value.isFinite ? min(max(value, -1e9), 1e9) : 0
        let tenths = Int((bounded * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return magnitude % 10 == 0 ? sign + String(magnitude / 10) : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
