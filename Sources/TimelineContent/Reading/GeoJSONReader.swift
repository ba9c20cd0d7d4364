import TimelineCore

/// Reads the shapes of a base map from a GeoJSON file: the outer rings of polygons as land, lines as borders.
///
/// The file holds a FeatureCollection, a Feature or a bare geometry. Polygon and MultiPolygon give land (each
/// polygon's outer ring; holes are left out), LineString and MultiLineString give borders, GeometryCollection
/// gives what its geometries give, and Point and MultiPoint are passed over. A feature's `properties.kind`,
/// "land" or "border", says how its shapes are drawn instead. The first problem found is reported at the byte
/// it concerns, and then nothing is read.
enum GeoJSONReader {
    /// The shapes of a GeoJSON file, or nil after reporting why it cannot be drawn.
    static func shapes(in text: SourceText, log: DiagnosticLog) -> [MapShape]? {
        var reading = Reading(text: text)
        do throws(Problem) {
            var parser = Parser(bytes: text.bytes)
            let root = try parser.document()
            try reading.read(root)
        } catch {
            var notes: [Diagnostic.Note] = []
            if let opening = error.opening {
                notes.append(Diagnostic.Note("\(opening.what) opens here", at: text.location(ofOffset: opening.offset)))
            }
            log.error(.invalidGeoJSON, error.message, at: text.location(ofOffset: error.offset), notes: notes)
            return nil
        }
        guard !reading.shapes.isEmpty else {
            log.error(.invalidGeoJSON, "the file has no polygons or lines to draw", at: text.location(ofOffset: 0))
            return nil
        }
        return reading.shapes
    }

    /// Turns the JSON values of a file into shapes, checking each against GeoJSON's rules.
    private struct Reading {
        let text: SourceText
        var shapes: [MapShape] = []

        /// Reads the file's one object: a FeatureCollection, a Feature or a geometry.
        mutating func read(_ root: Node) throws(Problem) {
            let (members, type) = try typed(root, as: "a GeoJSON file holds one object")
            switch type.name {
            case "FeatureCollection":
                guard let features = member("features", of: members) else {
                    throw Problem("this FeatureCollection has no \"features\"", at: root.start)
                }
                for feature in try items(of: features, as: "a FeatureCollection's \"features\" is an array of features") {
                    let (featureMembers, featureType) = try typed(feature, as: "each of a FeatureCollection's features is an object")
                    guard featureType.name == "Feature" else {
                        throw Problem("each of a FeatureCollection's features is a Feature; this one is a \(featureType.name)", at: featureType.offset)
                    }
                    try readFeature(feature, members: featureMembers)
                }
            case "Feature":
                try readFeature(root, members: members)
            default:
                try readGeometry(root, members: members, type: type, kind: nil)
            }
        }

        /// Reads a feature's geometry, drawn as its `properties.kind` says when it says.
        private mutating func readFeature(_ feature: Node, members: [Member]) throws(Problem) {
            var kind: MapShape.Kind?
            if let properties = member("properties", of: members) {
                switch properties.value {
                case .null: break
                case .object(let fields):
                    if let value = member("kind", of: fields) {
                        guard case .string(let name) = value.value, let named = MapShape.Kind(rawValue: name) else {
                            throw Problem("a feature's \"kind\" is \"land\" or \"border\"; this one is \(value.description)", at: value.start)
                        }
                        kind = named
                    }
                default:
                    throw Problem("a feature's \"properties\" is an object or null; this one is \(properties.description)", at: properties.start)
                }
            }
            guard let geometry = member("geometry", of: members) else {
                throw Problem("this Feature has no \"geometry\"; write \"geometry\": null for a feature without one", at: feature.start)
            }
            if case .null = geometry.value { return }
            let (geometryMembers, type) = try typed(geometry, as: "a feature's \"geometry\" is an object or null")
            try readGeometry(geometry, members: geometryMembers, type: type, kind: kind)
        }

        /// Reads one geometry; `kind`, when given, replaces the kind its type draws.
        private mutating func readGeometry(_ geometry: Node, members: [Member], type: (name: String, offset: Int), kind: MapShape.Kind?) throws(Problem) {
            switch type.name {
            case "Point", "MultiPoint":
                return
            case "GeometryCollection":
                guard let geometries = member("geometries", of: members) else {
                    throw Problem("this GeometryCollection has no \"geometries\"", at: geometry.start)
                }
                for item in try items(of: geometries, as: "a GeometryCollection's \"geometries\" is an array of geometries") {
                    let (itemMembers, itemType) = try typed(item, as: "each of a GeometryCollection's geometries is an object")
                    try readGeometry(item, members: itemMembers, type: itemType, kind: kind)
                }
                return
            case "Polygon", "MultiPolygon", "LineString", "MultiLineString":
                break
            default:
                throw Problem(
                    "unknown geometry type \"\(type.name)\"; expected Polygon, MultiPolygon, LineString, MultiLineString, GeometryCollection, Point or MultiPoint",
                    at: type.offset)
            }
            guard let coordinates = member("coordinates", of: members) else {
                throw Problem("this \(type.name) has no \"coordinates\"", at: geometry.start)
            }
            switch type.name {
            case "Polygon":
                try readPolygon(coordinates, kind: kind ?? .land)
            case "MultiPolygon":
                for polygon in try items(of: coordinates, as: "a MultiPolygon's coordinates are an array of polygons") {
                    try readPolygon(polygon, kind: kind ?? .land)
                }
            case "LineString":
                try readLine(coordinates, kind: kind ?? .border)
            default:
                for line in try items(of: coordinates, as: "a MultiLineString's coordinates are an array of lines") {
                    try readLine(line, kind: kind ?? .border)
                }
            }
        }

        /// Reads a polygon's rings, every one checked, and keeps the outer one.
        private mutating func readPolygon(_ polygon: Node, kind: MapShape.Kind) throws(Problem) {
            let rings = try items(of: polygon, as: "a polygon is an array of rings, each an array of positions")
            var outer: [Coordinates]?
            for ring in rings {
                let points = try positions(of: ring, as: "a polygon's ring is an array of positions")
                guard points.count >= 4, points.first == points.last else {
                    let shape = points.count < 4 ? "this one has \(points.count)" : "this one ends elsewhere"
                    throw Problem("a polygon's ring must have at least 4 positions and end where it starts; \(shape)", at: ring.start)
                }
                if outer == nil { outer = points }
            }
            if let outer { shapes.append(MapShape(kind: kind, points: outer)) }
        }

        /// Reads a line, which must be closed when it is drawn as land.
        private mutating func readLine(_ line: Node, kind: MapShape.Kind) throws(Problem) {
            let points = try positions(of: line, as: "a line is an array of positions")
            guard points.count >= 2 else {
                throw Problem("a line must have at least 2 positions; this one has \(points.count)", at: line.start)
            }
            if kind == .land, points.count < 4 || points.first != points.last {
                throw Problem("a line drawn as land must have at least 4 positions and end where it starts", at: line.start)
            }
            shapes.append(MapShape(kind: kind, points: points))
        }

        /// The positions of an array, each `[longitude, latitude]` with an optional altitude, within range.
        private func positions(of node: Node, as rule: String) throws(Problem) -> [Coordinates] {
            let list = try items(of: node, as: rule)
            var points: [Coordinates] = []
            points.reserveCapacity(list.count)
            for position in list {
                guard case .array(let numbers) = position.value else {
                    throw Problem("a position is [longitude, latitude]; this one is \(position.description)", at: position.start)
                }
                guard numbers.count >= 2 else {
                    throw Problem("a position is [longitude, latitude]; this one has \(numbers.count) number\(numbers.count == 1 ? "" : "s")", at: position.start)
                }
                guard numbers.count <= 3 else {
                    throw Problem("a position is [longitude, latitude] with at most an altitude after them; this one has \(numbers.count) numbers", at: position.start)
                }
                var values: [Double] = []
                for number in numbers {
                    guard case .number(let value) = number.value else {
                        throw Problem("a position holds numbers; this is \(number.description)", at: number.start)
                    }
                    values.append(value)
                }
                guard (-180...180).contains(values[0]) else {
                    throw Problem("longitude \(text.string(numbers[0].start..<numbers[0].end)) is out of range (-180 to 180)", at: numbers[0].start)
                }
                guard (-90...90).contains(values[1]) else {
                    throw Problem("latitude \(text.string(numbers[1].start..<numbers[1].end)) is out of range (-90 to 90)", at: numbers[1].start)
                }
                points.append(Coordinates(latitude: values[1], longitude: values[0]))
            }
            return points
        }

        /// The members of an object and the name of its `type`, or a problem stated with `rule`.
        private func typed(_ node: Node, as rule: String) throws(Problem) -> (members: [Member], type: (name: String, offset: Int)) {
            guard case .object(let members) = node.value else {
                throw Problem("\(rule); this is \(node.description)", at: node.start)
            }
            guard let type = member("type", of: members) else {
                throw Problem("this object has no \"type\", which GeoJSON needs to say what the object is", at: node.start)
            }
            guard case .string(let name) = type.value else {
                throw Problem("\"type\" is a string such as \"Polygon\"; this one is \(type.description)", at: type.start)
            }
            return (members, (name, type.start))
        }

        /// The items of an array, or a problem stated with `rule`.
        private func items(of node: Node, as rule: String) throws(Problem) -> [Node] {
            guard case .array(let items) = node.value else {
                throw Problem("\(rule); this is \(node.description)", at: node.start)
            }
            return items
        }

        private func member(_ name: String, of members: [Member]) -> Node? {
            members.first { $0.name == name }?.value
        }
    }
}
