#if canImport(Glibc)
import Glibc
#endif

/// A file mapped into memory, rather than copied, for as long as anything holds it: the bodies of the
/// renderings the cache kept (``RenderedMarkdown``) are read from it when a page first asks for them.
final class MappedFile: Sendable {
    /// Where the mapping starts, as an address, and its size.
    private let address: Int
    private let size: Int

    /// The file's bytes, which do not change: files of the cache are replaced by renaming, never rewritten
    /// in place, and a file replaced stays mapped as it was.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: address), count: size) }

    /// The file at `path` mapped; nil when it cannot be opened or is not a regular file.
    init?(_ path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        size = Int(info.st_size)
        guard size > 0 else {
            address = 0
            return
        }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), mapped != MAP_FAILED else { return nil }
        address = Int(bitPattern: mapped)
    }

    deinit {
        if let mapped = UnsafeMutableRawPointer(bitPattern: address) { munmap(mapped, size) }
    }
}

extension BinaryInput {
    /// The bytes of a text, left as they lie rather than made into text: the bytes the input's keeper keeps.
    func textBytes() throws -> UnsafeRawBufferPointer {
        let length = try count()
        let start = try take(length)
        return UnsafeRawBufferPointer(rebasing: bytes[start..<(start + length)])
    }
}
