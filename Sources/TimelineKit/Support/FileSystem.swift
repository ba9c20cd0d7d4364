/// What a path names.
public enum FileKind: Sendable, Equatable {
    case file, directory, symbolicLink, other
}

/// An item of a folder listing.
public struct DirectoryItem: Sendable, Equatable {
    public var name: String
    public var kind: FileKind

    public init(name: String, kind: FileKind) {
        self.name = name
        self.kind = kind
    }
}

/// Why a file could not be read.
public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

/// The files the generator reads content and templates from, so that tests can read from memory.
public protocol FileSystem: Sendable {
    /// The items of a folder, in any order; nil when the folder does not exist.
    func listDirectory(_ path: String) throws(FileSystemError) -> [DirectoryItem]?
    /// What a path names without following a symbolic link; nil when nothing is there.
    func kind(of path: String) -> FileKind?
    /// The bytes of a file, refusing files larger than `limit` bytes.
    func readFile(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8]
    /// The absolute path with every symbolic link resolved, or nil when it does not resolve.
    func resolvedPath(_ path: String) -> String?
    /// The size and modification time of a file (following links), or nil when the file system keeps no times.
    func stamp(of path: String) -> FileStamp?
}

/// A file system held in memory, for tests.
public final class MemoryFileSystem: FileSystem, @unchecked Sendable {
    private var files: [String: [UInt8]] = [:]
    private var links: [String: String] = [:]

    public init(files: [String: String] = [:]) {
        for (path, text) in files { self.files[Self.normalize(path)] = Array(text.utf8) }
    }

    public func write(_ path: String, _ text: String) { files[Self.normalize(path)] = Array(text.utf8) }
    public func write(_ path: String, bytes: [UInt8]) { files[Self.normalize(path)] = bytes }
    public func remove(_ path: String) { files[Self.normalize(path)] = nil }
    public func link(_ path: String, to target: String) { links[Self.normalize(path)] = target }

    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", path.hasPrefix("/") {
                continue  // "/.." is "/"
            } else {
                parts.append(part)
            }
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    public func listDirectory(_ path: String) throws(FileSystemError) -> [DirectoryItem]? {
        let prefix = Self.normalize(path) + "/"
        var items: [String: FileKind] = [:]
        for key in Array(files.keys) + Array(links.keys) where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            if let slash = rest.firstIndex(of: "/") {
                items[String(rest[..<slash])] = .directory
            } else {
                items[String(rest)] = links[key] != nil ? .symbolicLink : .file
            }
        }
        if items.isEmpty { return nil }
        return items.map { DirectoryItem(name: $0.key, kind: $0.value) }.sorted { $0.name < $1.name }
    }

    public func kind(of path: String) -> FileKind? {
        let path = Self.normalize(path)
        if links[path] != nil { return .symbolicLink }
        if files[path] != nil { return .file }
        if files.keys.contains(where: { $0.hasPrefix(path + "/") }) { return .directory }
        return nil
    }

    public func readFile(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8] {
        let path = Self.normalize(path)
        guard let bytes = files[path] ?? links[path].flatMap({ files[Self.normalize($0)] }) else {
            throw FileSystemError(path: path, reason: "no such file")
        }
        guard bytes.count <= limit else { throw FileSystemError(path: path, reason: "file is larger than the limit") }
        return bytes
    }

    public func stamp(of path: String) -> FileStamp? { nil }

    public func resolvedPath(_ path: String) -> String? {
        let path = Self.normalize(path)
        if let target = links[path] { return Self.normalize(target) }
        return path
    }
}
