#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File operations on disk, through POSIX calls.
enum Files {

    static func absolute(_ path: String) -> String {
        var base = path.hasPrefix("/") ? "" : (getcwd(nil, 0).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? "")
        if !path.hasPrefix("/") { base += "/" }
        return MemoryFileSystem.normalize(base + path)
    }

    static func isEmptyFolder(_ path: String) -> Bool {
        ((try? LocalFileSystem().listDirectory(path)) ?? nil)?.isEmpty ?? true
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(OutputError) {
        let fd = open(path, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(path: path, "cannot write file: \(LocalFileSystem.reason(errno))") }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, bytes.count - done) }
            if count < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: path, "cannot write file: \(LocalFileSystem.reason(errno))")
            }
            done += count
        }
    }

    /// Whether a file exists with exactly these bytes.
    static func hasBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        var existing = [UInt8](repeating: 0, count: bytes.count)
        var done = 0
        while done < bytes.count {
            let count = existing.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, bytes.count - done) }
            if count <= 0 { return false }
            done += count
        }
        return existing == bytes
    }

    /// Deletes a folder and everything in it, without following symbolic links.
    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for item in ((try? LocalFileSystem().listDirectory(path)) ?? nil) ?? [] {
                removeTree(path + "/" + item.name)
            }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
