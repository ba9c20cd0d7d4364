/// A place in a content or template file, as a person would look it up in an editor.
///
/// Lines and columns count from 1; a column counts Unicode scalars, as editors and
/// libyaml do, not bytes.
public struct SourceLocation: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
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
