/// A place in a content or template file, as a person would look it up in an editor.
///
/// Lines and columns count from 1; a column counts Unicode scalars, as editors and
/// libyaml do, not bytes.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file's path as shown to the user, relative to the folder the command ran in when possible.
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// A location that names a whole file rather than a place in it.
    public static func file(_ path: String) -> SourceLocation {
        SourceLocation(path: path, line: 0, column: 0)
    }

    public var description: String {
        line > 0 ? "\(path):\(line):\(column)" : path
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}

extension SourceLocation: Codable {
    /// A location is stored as a list of its line, column and path: notes hold many, and a list of plain
    /// values reads much faster than three named fields.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        try self.init(from: &container)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try encode(to: &container)
    }

    /// Reads the location's line, column and path from a list, where ``encode(to:)-swift.method`` puts them.
    init(from container: inout any UnkeyedDecodingContainer) throws {
        let line = try container.decode(Int.self), column = try container.decode(Int.self)
        self.init(path: try container.decode(String.self), line: line, column: column)
    }

    /// Adds the location's line, column and path to a list.
    func encode(to container: inout any UnkeyedEncodingContainer) throws {
        try container.encode(line)
        try container.encode(column)
        try container.encode(path)
    }
}

extension SourceLocation: DirectFingerprint {
    /// Fingerprinted as its path, line and column; a test checks that it lists every stored property.
    public func combine(into hasher: inout StableHasher) {
        hasher.combine(path)
        hasher.combine(line)
        hasher.combine(column)
    }
}
