import TimelineContent
import TimelineCore
#if canImport(Glibc)
import Glibc
#endif

/// File operations on disk, through POSIX calls.
enum Files {

    static func absolute(_ path: String) -> String {
        var base = path.hasPrefix("/") ? "" : (getcwd(nil, 0).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? "")
        if !path.hasPrefix("/") { base += "/" }
        return PathText.normalize(base + path)
    }

    static func isEmptyFolder(_ path: String) -> Bool {
        ((try? LocalFileSystem().listDirectory(path)) ?? nil)?.isEmpty ?? true
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(OutputError) {
        do {
            try LocalFileSystem().writeFile(path, bytes)
        } catch {
            throw OutputError(path: path, "cannot write file: \(error.reason)")
        }
    }

    /// Deletes a folder and everything in it, without following symbolic links.
    static func removeTree(_ path: String) {
        guard let kind = LocalFileSystem().kind(of: path) else { return }
        guard kind == .directory else {
            unlink(path)
            return
        }
        for item in FolderWalker(fileSystem: LocalFileSystem(), skipsHidden: false, sortsItems: false).walk(path).items.reversed() {
            if item.kind == .directory { rmdir(path + "/" + item.path) } else { unlink(path + "/" + item.path) }
        }
        rmdir(path)
    }

    /// A file's modification time when the file holds exactly these bytes, else nil.
    static func modificationTime(of path: String, ifBytesEqual bytes: [UInt8]) -> timespec? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return nil }
        var existing = [UInt8](repeating: 0, count: bytes.count)
        var done = 0
        while done < bytes.count {
            let count = existing.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, bytes.count - done) }
            if count <= 0 { return nil }
            done += count
        }
        return existing == bytes ? info.st_mtim : nil
    }

    /// Size and modification time of a file, or nil.
    static func sizeAndTime(_ path: String) -> (size: Int, time: timespec)? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return (Int(info.st_size), info.st_mtim)
    }

    /// Makes a folder and those above it that are missing (`mkdir -p`); an error names the output as the user
    /// gave it.
    static func makeFolders(_ folder: String, named output: String) throws(OutputError) {
        guard !folder.isEmpty, LocalFileSystem().kind(of: folder) == nil else { return }
        if let slash = folder.lastIndex(of: "/"), slash > folder.startIndex {
            try makeFolders(String(folder[..<slash]), named: output)
        }
        if mkdir(folder, 0o755) != 0, errno != EEXIST {
            throw OutputError(path: output, "cannot create the folders above the output ('\(folder)'): \(LocalFileSystem.reason(errno))")
        }
    }

    /// Whether two paths name the very same regular file (one device, one inode), as two hard links do.
    static func isSameFile(_ first: String, _ second: String) -> Bool {
        var one = stat(), two = stat()
        guard lstat(first, &one) == 0, lstat(second, &two) == 0, (one.st_mode & S_IFMT) == S_IFREG else { return false }
        return one.st_dev == two.st_dev && one.st_ino == two.st_ino
    }

    /// Makes `target` a second name of the file at `source` (a hard link), replacing any file of that name;
    /// false when the file system cannot, and the file must be copied instead.
    static func hardLink(_ source: String, to target: String) -> Bool {
        if link(source, target) == 0 { return true }
        guard errno == EEXIST else { return false }
        unlink(target)
        return link(source, target) == 0
    }

    static func setModificationTime(_ path: String, _ time: timespec) {
        // UTIME_OMIT ((1 << 30) - 2) leaves the access time as it is.
        var times = [timespec(tv_sec: 0, tv_nsec: (1 << 30) - 2), time]
        _ = utimensat(AT_FDCWD, path, &times, 0)
    }
}
