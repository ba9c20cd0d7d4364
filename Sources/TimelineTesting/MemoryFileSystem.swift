import Synchronization
import TimelineContent
import TimelineCore

/// A file system held in memory, for tests.
public final class MemoryFileSystem: FileSystem {
    /// Files by normalized path, and symbolic links with their targets.
    private let state = Mutex<(files: [String: [UInt8]], links: [String: String])>(([:], [:]))

    public init(files: [String: String] = [:]) {
        for (path, text) in files { write(path, text) }
    }

    public func write(_ path: String, _ text: String) { write(path, bytes: Array(text.utf8)) }
    public func write(_ path: String, bytes: [UInt8]) { state.withLock { $0.files[PathText.normalize(path)] = bytes } }
    public func remove(_ path: String) { state.withLock { $0.files[PathText.normalize(path)] = nil } }
    public func link(_ path: String, to target: String) { state.withLock { $0.links[PathText.normalize(path)] = target } }

    public func listDirectory(_ path: String) throws(FileSystemError) -> [DirectoryItem]? {
        let prefix = PathText.normalize(path) + "/"
        let (files, links) = state.withLock { ($0.files, $0.links) }
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
        let path = PathText.normalize(path)
        return state.withLock { state in
            if state.links[path] != nil { return .symbolicLink }
            if state.files[path] != nil { return .file }
            if state.files.keys.contains(where: { $0.hasPrefix(path + "/") }) { return .directory }
            return nil
        }
    }

    public func readFile(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8] {
        let path = PathText.normalize(path)
        let found = state.withLock { state in state.files[path] ?? state.links[path].flatMap { state.files[PathText.normalize($0)] } }
        guard let bytes = found else { throw FileSystemError(path: path, reason: "no such file") }
        guard bytes.count <= limit else { throw FileSystemError(path: path, reason: "file is larger than the limit", kind: .tooLarge) }
        return bytes
    }

    public func stamp(of path: String) -> FileStamp? { nil }

    public func resolvedPath(_ path: String) -> String? {
        let path = PathText.normalize(path)
        return state.withLock { $0.links[path] }.map(PathText.normalize) ?? path
    }
}
