/// A point on the Earth, in degrees of latitude (north positive) and longitude (east positive).
public struct Coordinates: Sendable, Hashable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// One shape of a base map: a piece of land (a polygon's outer ring) or a line such as a border.
public struct MapShape: Sendable, Hashable, Codable {
    /// What a shape is drawn as.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A filled polygon: land.
        case land
        /// A line drawn over the land: a border between countries.
        case border
    }

    public var kind: Kind
    /// The shape's points; a land ring is closed (its last point is its first).
    public var points: [Coordinates]

    public init(kind: Kind, points: [Coordinates]) {
        self.kind = kind
        self.points = points
    }
}

/// A base map listed in `maps.yaml`: shapes read from a GeoJSON file of the content, drawn under the
/// markers of places.
public struct BaseMap: Sendable, Codable {
    public var id: String
    public var title: String
    /// The GeoJSON file, relative to the content folder.
    public var file: String
    public var credit: String
    public var license: String
    public var shapes: [MapShape]
    /// Its title, credit and licence in the site's other languages.
    public var translations = Translations()
    /// The map's entry in `maps.yaml`.
    public var location: SourceLocation

    public init(id: String, title: String, file: String, credit: String, license: String, shapes: [MapShape], location: SourceLocation) {
        self.id = id
        self.title = title
        self.file = file
        self.credit = credit
        self.license = license
        self.shapes = shapes
        self.location = location
    }

    /// The smallest box of latitudes and longitudes that holds every shape, or nil for a map without points.
    public var bounds: (south: Double, west: Double, north: Double, east: Double)? {
        let points = shapes.lazy.flatMap(\.points)
        guard let first = points.first else { return nil }
        var box = (south: first.latitude, west: first.longitude, north: first.latitude, east: first.longitude)
        for point in points {
            box.south = min(box.south, point.latitude)
            box.north = max(box.north, point.latitude)
            box.west = min(box.west, point.longitude)
            box.east = max(box.east, point.longitude)
        }
        return box
    }

    /// Whether a point lies within the map's box.
    public func covers(_ point: Coordinates) -> Bool {
        guard let box = bounds else { return false }
        return (box.south...box.north).contains(point.latitude) && (box.west...box.east).contains(point.longitude)
    }
}
