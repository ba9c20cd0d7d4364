#if canImport(Glibc)
import Glibc
#endif

/// The machine's own file system, read through POSIX calls.
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func listDirectory(_ path: String) throws(FileSystemError) -> [DirectoryItem]? {
        guard let dir = opendir(path) else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw FileSystemError(path: path, reason: Self.reason(errno))
        }
        defer { closedir(dir) }
        var items: [DirectoryItem] = []
        while let entry = readdir(dir) {
            // The name is read where it lies, up to its NUL: a record is only as long as its name, so copying
            // the field's declared 256 bytes could read past the end of the directory buffer.
            let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
            let namePointer = (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: CChar.self)
            let name = String(cString: namePointer)
            if name == "." || name == ".." { continue }
            let kind: FileKind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_LNK): kind = .symbolicLink
            case Int32(DT_UNKNOWN): kind = self.kind(of: path + "/" + name) ?? .other
            default: kind = .other
            }
            items.append(DirectoryItem(name: name, kind: kind))
        }
        return items
    }

    public func kind(of path: String) -> FileKind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    public func readFile(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8] {
        // Non-blocking, so that opening a pipe returns at once; it is then refused as not a regular file.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw FileSystemError(path: path, reason: Self.reason(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileSystemError(path: path, reason: Self.reason(errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw FileSystemError(path: path, reason: "not a regular file") }
        let size = Int(info.st_size)
        guard size <= limit else {
            throw FileSystemError(path: path, reason: "file is \(size) bytes, over the limit of \(limit) bytes", kind: .tooLarge)
        }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while initialized < size {
                let count = read(fd, buffer.baseAddress! + initialized, size - initialized)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if count == 0 { break }
                initialized += count
            }
        }
        guard failure == 0 else { throw FileSystemError(path: path, reason: Self.reason(failure)) }
        return bytes
    }

    public func stamp(of path: String) -> FileStamp? {
        identity(of: path)?.stamp
    }

    public func identity(of path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(
            stamp: FileStamp(size: Int(info.st_size), seconds: Int(info.st_mtim.tv_sec), nanoseconds: info.st_mtim.tv_nsec),
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), changeSeconds: Int(info.st_ctim.tv_sec), changeNanoseconds: info.st_ctim.tv_nsec)
    }

    public func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// How ``writeFile(_:_:creating:)`` treats a file that exists.
    public enum WriteMode: Sendable {
        /// Replace it.
        case replacing
        /// Refuse, and never touch it: a note the author has is never overwritten.
        case exclusive
    }

    /// The one file writer of the generator: writes all of `bytes`, retrying partial and interrupted
    /// writes. A file created exclusively is removed again when it cannot be written whole.
    public func writeFile(_ path: String, _ bytes: [UInt8], mode: WriteMode = .replacing) throws(FileSystemError) {
        try writeFile(path, mode: mode) { (write) throws(FileSystemError) in try write(bytes) }
    }

    /// Writes a file in pieces, as `produce` hands them to the function it is given, so that a large file
    /// is never held in memory whole.
    public func writeFile(
        _ path: String, mode: WriteMode = .replacing,
        producing produce: (_ write: ([UInt8]) throws(FileSystemError) -> Void) throws(FileSystemError) -> Void
    ) throws(FileSystemError) {
        let flags = O_CREAT | O_WRONLY | O_CLOEXEC | (mode == .exclusive ? O_EXCL : O_TRUNC)
        let fd = open(path, flags, 0o644)
        guard fd >= 0 else {
            let code = errno
            throw FileSystemError(path: path, reason: code == EEXIST ? "the file already exists" : Self.reason(code), kind: code == EEXIST ? .exists : .other)
        }
        do {
            try produce { (bytes) throws(FileSystemError) in
                var done = 0
                while done < bytes.count {
                    let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, bytes.count - done) }
                    if count < 0, errno == EINTR { continue }
                    guard count > 0 else { throw FileSystemError(path: path, reason: Self.reason(count < 0 ? errno : ENOSPC)) }
                    done += count
                }
            }
        } catch {
            close(fd)
            if mode == .exclusive { unlink(path) }
            throw error
        }
        guard close(fd) == 0 || errno == EINTR else {
            let code = errno
            if mode == .exclusive { unlink(path) }
            throw FileSystemError(path: path, reason: Self.reason(code))
        }
    }

    /// Creates a folder and the folders above it that are missing.
    public func createFolder(_ path: String) throws(FileSystemError) {
        if kind(of: path) == .directory { return }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex { try createFolder(String(path[..<slash])) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw FileSystemError(path: path, reason: Self.reason(errno)) }
    }

    public static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case ENOENT: return "no such file or folder"
        case EISDIR: return "is a folder"
        case ENOSPC: return "no space left on the device"
        default: return String(cString: strerror(code))
        }
    }
}
