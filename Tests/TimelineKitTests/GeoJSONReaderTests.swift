import Testing
@testable import TimelineContent
import TimelineCore

/// A GeoJSON file gives the outer rings of its polygons as land and its lines as borders, and every mistake in
/// it is reported at the line and column where it was written.
@Suite struct GeoJSONReaderTests {
    /// The shapes read from a file, and the diagnostics reported, as printed.
    static func read(_ json: String) -> (shapes: [MapShape]?, diagnostics: [String]) {
        let log = DiagnosticLog()
        let shapes = GeoJSONReader.shapes(in: SourceText(path: "map.geojson", text: json), log: log)
        return (shapes, log.diagnostics.map { "\($0.location): \($0.message)" })
    }

    /// The place and message of the one error a file gives, after checking that it gave no shapes.
    static func error(_ json: String) -> String? {
        let (shapes, diagnostics) = read(json)
        #expect(shapes == nil)
        #expect(diagnostics.count == 1)
        return diagnostics.first
    }

    static func point(_ longitude: Double, _ latitude: Double) -> Coordinates {
        Coordinates(latitude: latitude, longitude: longitude)
    }

    @Test func aPolygonWithAHoleGivesItsOuterRingAsLand() throws {
        let json = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"name": "Island"}, "geometry": {"type": "Polygon", "coordinates": [
                [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
                [[2, 2], [3, 2], [3, 3], [2, 2]]
              ]}}
            ]}
            """
        let (shapes, diagnostics) = Self.read(json)
        #expect(diagnostics.isEmpty)
        let expected = [Self.point(0, 0), Self.point(10, 0), Self.point(10, 10), Self.point(0, 10), Self.point(0, 0)]
        #expect(try #require(shapes) == [MapShape(kind: .land, points: expected)])
    }

    @Test func aMultiPolygonGivesOneShapePerPolygon() throws {
        let json = """
            {"type": "MultiPolygon", "coordinates": [
              [[[0, 0], [1, 0], [1, 1], [0, 0]]],
              [[[5, 5, 120], [6, 5, 120], [6, 6, 120], [5, 5, 120]]]
            ]}
            """
        let shapes = try #require(Self.read(json).shapes)
        #expect(shapes.map(\.kind) == [.land, .land])
        #expect(shapes[1].points == [Self.point(5, 5), Self.point(6, 5), Self.point(6, 6), Self.point(5, 5)])
    }

    @Test func linesAreBordersAndPointsArePassedOver() throws {
        let json = """
            {"type": "Feature", "properties": null, "geometry": {"type": "GeometryCollection", "geometries": [
              {"type": "LineString", "coordinates": [[-1.5, 50.25], [2e0, 51]]},
              {"type": "Point", "coordinates": [3, 4]},
              {"type": "MultiLineString", "coordinates": [[[0, 0], [1, 1]], [[2, 2], [3, 3], [4, 4]]]}
            ]}}
            """
        let shapes = try #require(Self.read(json).shapes)
        #expect(shapes.map(\.kind) == [.border, .border, .border])
        #expect(shapes[0].points == [Self.point(-1.5, 50.25), Self.point(2, 51)])
        #expect(shapes[2].points.count == 3)
    }

    @Test func aFeaturesKindSaysHowItIsDrawn() throws {
        let json = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"kind": "border"}, "geometry":
                {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}},
              {"type": "Feature", "properties": {"kind": "land"}, "geometry":
                {"type": "LineString", "coordinates": [[0, 0], [1, 0], [1, 1], [0, 0]]}},
              {"type": "Feature", "properties": {}, "geometry": null}
            ]}
            """
        let shapes = try #require(Self.read(json).shapes)
        #expect(shapes.map(\.kind) == [.border, .land])
    }

    @Test func escapesInStringsAreDecoded() throws {
        let json = #"{"type": "Feature", "properties": {"name": "\u00c9le \ud83c\udf0d \"x\"\n", "k\u0069nd": "border"}, "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}}"#
        let shapes = try #require(Self.read(json).shapes)
        #expect(shapes.map(\.kind) == [.border])
    }

    @Test func anUnknownKindIsReportedAtItsValue() {
        let json = """
            {"type": "Feature",
             "properties": {"kind": "sea"},
             "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}}
            """
        #expect(Self.error(json) == #"map.geojson:2:25: a feature's "kind" is "land" or "border"; this one is the string "sea""#)
    }

    @Test func aMissingCommaIsReportedWhereTheNextMemberStarts() {
        let json = """
            {
              "type": "Feature",
              "properties": null
              "geometry": null
            }
            """
        #expect(Self.error(json) == "map.geojson:4:3: expected ',' or '}' after a member's value, found '\"'")
    }

    @Test func aMissingCommaInAnArrayIsReportedAtTheNextItem() {
        let json = """
            {"type": "LineString",
             "coordinates": [[0, 0],
                [1, 1] [2, 2]]}
            """
        #expect(Self.error(json) == "map.geojson:3:12: expected ',' or ']' after an array item, found '['")
    }

    @Test func coordinatesOutOfRangeAreReportedAtTheNumber() {
        let latitude = """
            {"type": "LineString",
             "coordinates": [[0, 0],
                [10, 95]]}
            """
        #expect(Self.error(latitude) == "map.geojson:3:10: latitude 95 is out of range (-90 to 90)")
        let longitude = #"{"type": "LineString", "coordinates": [[0, 0], [200.5, 1]]}"#
        #expect(Self.error(longitude) == "map.geojson:1:49: longitude 200.5 is out of range (-180 to 180)")
    }

    @Test func aPositionNeedsTwoOrThreeNumbers() {
        #expect(Self.error(#"{"type": "LineString", "coordinates": [[0], [1, 1]]}"#)
            == "map.geojson:1:40: a position is [longitude, latitude]; this one has 1 number")
        #expect(Self.error(#"{"type": "LineString", "coordinates": [[0, 0], [1, "1"]]}"#)
            == "map.geojson:1:52: a position holds numbers; this is the string \"1\"")
    }

    @Test func anUnclosedRingIsReportedAtTheRing() {
        let json = """
            {"type": "Polygon", "coordinates": [
              [[0, 0], [1, 0], [1, 1], [0, 1]]
            ]}
            """
        #expect(Self.error(json) == "map.geojson:2:3: a polygon's ring must have at least 4 positions and end where it starts; this one ends elsewhere")
        #expect(Self.error(#"{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 0]]]}"#)
            == "map.geojson:1:37: a polygon's ring must have at least 4 positions and end where it starts; this one has 3")
    }

    @Test func aTruncatedFileIsReportedAtItsEndWithWhereTheArrayOpened() throws {
        let json = "{\"type\": \"LineString\",\n \"coordinates\": [[0, 0], [1, 1]"
        let log = DiagnosticLog()
        #expect(GeoJSONReader.shapes(in: SourceText(path: "map.geojson", text: json), log: log) == nil)
        let diagnostic = try #require(log.diagnostics.first)
        #expect(log.diagnostics.count == 1)
        #expect("\(diagnostic.location): \(diagnostic.message)" == "map.geojson:2:32: the file ends before this array is closed with ']'")
        #expect(diagnostic.id == .invalidGeoJSON)
        #expect(diagnostic.notes.first?.location?.description == "map.geojson:2:17")
    }

    @Test func malformedJSONIsReportedAtTheOffendingByte() {
        #expect(Self.error("") == "map.geojson:1:1: the file ends where a value was expected")
        #expect(Self.error("{\"type\": \"Polygon\",}") == "map.geojson:1:19: a ',' must be followed by another member; JSON allows none before '}'")
        #expect(Self.error("{\"type\": \"Pol\nygon\"}") == "map.geojson:1:14: a string cannot hold a line break; close it with '\"' or write the character as an escape such as \\n")
        #expect(Self.error("{\"type\": \"a\\qb\"}") == "map.geojson:1:12: unknown escape; JSON knows \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\u followed by four hexadecimal digits")
        #expect(Self.error("{\"type\": 012}") == "map.geojson:1:10: a number in JSON does not start with 0 followed by more digits")
        #expect(Self.error("{\"type\": tru}") == "map.geojson:1:10: expected a value (an object, an array, a string, a number, true, false or null), found 't'")
        #expect(Self.error("{\"type\": 1e999}") == "map.geojson:1:10: the number 1e999 is too large")
        #expect(Self.error("{\"type\": 1, \"type\": 2}") == "map.geojson:1:13: the name \"type\" appears twice in this object")
        #expect(Self.error("{\"type\": \"Point\"} x") == "map.geojson:1:19: expected the end of the file after the GeoJSON object, found 'x'")
        #expect(Self.error("[1, 2]") == "map.geojson:1:1: a GeoJSON file holds one object; this is an array")
    }

    @Test func geoJSONMistakesAreReportedWhereTheyWereWritten() {
        #expect(Self.error("{\"coordinates\": []}") == "map.geojson:1:1: this object has no \"type\", which GeoJSON needs to say what the object is")
        #expect(Self.error("{\"type\": \"Circle\", \"coordinates\": [0, 0]}")
            == "map.geojson:1:10: unknown geometry type \"Circle\"; expected Polygon, MultiPolygon, LineString, MultiLineString, GeometryCollection, Point or MultiPoint")
        #expect(Self.error("{\"type\": \"Feature\", \"properties\": null}")
            == "map.geojson:1:1: this Feature has no \"geometry\"; write \"geometry\": null for a feature without one")
        #expect(Self.error("{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Polygon\"}]}")
            == "map.geojson:1:53: each of a FeatureCollection's features is a Feature; this one is a Polygon")
    }

    @Test func aFileWithoutPolygonsOrLinesIsAnError() {
        #expect(Self.error("\n{\"type\": \"MultiPoint\", \"coordinates\": [[0, 0]]}") == "map.geojson:1:1: the file has no polygons or lines to draw")
        #expect(Self.error("{\"type\": \"FeatureCollection\", \"features\": []}") == "map.geojson:1:1: the file has no polygons or lines to draw")
    }

    @Test(.timeLimit(.minutes(1))) func deepNestingIsRefusedQuickly() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(Self.error(deep) == "map.geojson:1:65: arrays and objects are nested more than 64 deep here")
        let objects = String(repeating: "{\"a\":", count: 10_000)
        #expect(Self.error(objects) == "map.geojson:1:321: arrays and objects are nested more than 64 deep here")
    }

    @Test func noPrefixOfAFileCrashesTheReader() {
        let json = #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"kind": "land", "n": "\u00e9\ud83c\udf0d"}, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1.5e1, -2.25], [1, 1], [0, 0]]]}}]}"#
        let bytes = Array(json.utf8)
        for end in 0..<bytes.count {
            let log = DiagnosticLog()
            #expect(GeoJSONReader.shapes(in: SourceText(path: "map.geojson", bytes: Array(bytes[..<end])), log: log) == nil)
            #expect(log.errorCount == 1)
        }
        #expect(Self.read(json).shapes?.count == 1)
    }
}
