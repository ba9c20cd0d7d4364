import TimelineContent
import TimelineCore
#if canImport(Glibc)
import Glibc
#endif

/// Where a site is to be written, checked before anything is: the output folder as named, with every
/// symbolic link of the folders above it followed, and the work folder beside it.
///
/// The output must not be, contain or lie inside a protected folder (the content and the templates), and no
/// protected folder may lie inside its work folder. Each check compares the paths with every link resolved
/// (`realpath`), and the folders themselves by device and inode, so that neither a link nor a second mount
/// of the same folder gets around it.
public struct OutputPlace: Sendable {
    /// The output as the user named it, without trailing slashes or `/.`: the name it is written under.
    public let path: String
    /// The output's absolute path once the links of the folders above it are followed.
    public let resolved: String
    /// The hidden folder beside the output: lock, spare site, cache.
    public let workFolder: String

    /// Checks that a site may be written at `path`.
    /// - Parameter protected: folders that must not be, contain or lie inside the output (content, templates).
    public init(path: String, protecting protected: [String]) throws(OutputError) {
        var path = path
        while true {
            if path.count > 1, path.hasSuffix("/") {
                path.removeLast()
            } else if path.count > 2, path.hasSuffix("/.") {
                path.removeLast(2)
            } else {
                break
            }
        }
        self.path = path
        let last = path.split(separator: "/").last.map(String.init) ?? ""
        if path.hasPrefix("/"), last.isEmpty {
            throw OutputError(path: path, "refusing to write the site to the root folder '/'")
        }
        if last == "." || last == ".." || path.isEmpty {
            throw OutputError(path: path, "name the output folder itself, such as Public, not '.' or '..'")
        }
        // The folder above the output, with its links followed: the output itself is never followed, as a
        // link there is refused as not a folder.
        let slash = path.lastIndex(of: "/")
        let parentText = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let parent = Self.resolve(parentText)
        resolved = (parent == "/" ? "" : parent) + "/" + last
        let lexical = Files.absolute(path)
        workFolder = String(lexical[..<lexical.lastIndex(of: "/")!]) + "/." + last + ".timeline"
        let workResolved = (parent == "/" ? "" : parent) + "/." + last + ".timeline"

        if let home = getenv("HOME").map({ String(cString: $0) }), Self.resolve(home) == resolved {
            throw OutputError(path: path, "refusing to write the site to the home folder; choose a folder of its own, such as Public")
        }
        let outputChain = Self.folders(along: resolved)
        let outputItself = Self.identity(of: resolved), workItself = Self.identity(of: workResolved)
        for folder in protected {
            let other = Self.resolve(folder)
            let shown = other == Files.absolute(folder) ? "" : " (which is '\(other)' once links are followed)"
            // The output or its work folder is the protected folder or one above it: the build would replace it.
            let otherChain = Self.folders(along: other)
            let replaced = other == resolved || other.hasPrefix(resolved + "/") || other.hasPrefix(workResolved + "/")
                || outputItself.map(otherChain.contains) == true || workItself.map(otherChain.contains) == true
            if replaced {
                throw OutputError(path: path, "refusing to write the site here: it would replace '\(folder)'\(shown)")
            }
            let inside = resolved.hasPrefix(other + "/") || Self.identity(of: other).map(outputChain.contains) == true
            if inside {
                throw OutputError(path: path, "refusing to write the site inside '\(folder)'\(shown)")
            }
        }
    }

    /// A path made absolute with every symbolic link followed, as far as it exists; the rest is added as written.
    static func resolve(_ path: String) -> String {
        let absolute = Files.absolute(path)
        var existing = absolute
        var rest: [Substring] = []
        while true {
            if let real = LocalFileSystem().resolvedPath(existing) {
                return PathText.normalize(real + "/" + rest.reversed().joined(separator: "/"))
            }
            guard let slash = existing.lastIndex(of: "/"), existing != "/" else { return absolute }
            rest.append(existing[existing.index(after: slash)...])
            existing = slash == existing.startIndex ? "/" : String(existing[..<slash])
        }
    }

    /// The device and inode of a folder.
    struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
    }

    /// The device and inode of what is at `path`, following links; nil when nothing is there.
    static func identity(of path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// The identity of each folder from `/` down to `path` (absolute, without links), as far as they exist.
    static func folders(along path: String) -> [Identity] {
        var result: [Identity] = []
        var prefix = ""
        for part in [""] + path.split(separator: "/").map(String.init) {
            prefix = part.isEmpty ? "/" : (prefix == "/" ? "/" : prefix + "/") + part
            guard let identity = identity(of: prefix) else { break }
            result.append(identity)
        }
        return result
    }
}
