import TimelineContent
#if canImport(Glibc)
import Glibc
#endif

/// A file of the new site written piece by piece, and held against the file of the same path in the site
/// being replaced as it goes, so that a large file that did not change is known without either being held
/// whole.
final class PieceFile {
    let path: String
    private let descriptor: Int32
    /// The previous site's file while every byte written so far is the same as its own; -1 otherwise.
    private var previous: Int32 = -1
    private var previousSize = 0
    private var previousTime = timespec()
    private var written = 0
    /// Where the previous file's bytes are read to be compared, kept from piece to piece.
    private var buffer: [UInt8] = []

    /// Creates the file at `path`, replacing any; `previous` is the previous site's file of the same path.
    init(path: String, previous previousPath: String?) throws(OutputError) {
        self.path = path
        descriptor = open(path, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: path, "cannot write file: \(LocalFileSystem.reason(errno))") }
        guard let previousPath else { return }
        let opened = open(previousPath, O_RDONLY | O_CLOEXEC)
        guard opened >= 0 else { return }
        var info = stat()
        guard fstat(opened, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(opened)
            return
        }
        previous = opened
        previousSize = Int(info.st_size)
        previousTime = info.st_mtim
    }

    /// Writes the next piece.
    func append(_ bytes: [UInt8]) throws(OutputError) {
        guard !bytes.isEmpty else { return }
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + done, bytes.count - done) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw OutputError(path: path, "cannot write file: \(LocalFileSystem.reason(count < 0 ? errno : ENOSPC))") }
            done += count
        }
        written += bytes.count
        if previous >= 0, !previousContinues(with: bytes) { forgetPrevious() }
    }

    /// Whether the previous file's next bytes are `bytes`.
    private func previousContinues(with bytes: [UInt8]) -> Bool {
        guard written <= previousSize else { return false }
        if buffer.count < bytes.count { buffer = [UInt8](repeating: 0, count: bytes.count) }
        var done = 0
        while done < bytes.count {
            let count = buffer.withUnsafeMutableBytes { read(previous, $0.baseAddress! + done, bytes.count - done) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            done += count
        }
        return bytes.withUnsafeBytes { new in buffer.withUnsafeBytes { old in memcmp(new.baseAddress!, old.baseAddress!, bytes.count) == 0 } }
    }

    private func forgetPrevious() {
        if previous >= 0 { close(previous) }
        previous = -1
    }

    /// Closes the file; returns the previous file's modification time when the two hold the same bytes.
    func finish() throws(OutputError) -> timespec? {
        let same = previous >= 0 && written == previousSize
        forgetPrevious()
        guard close(descriptor) == 0 || errno == EINTR else { throw OutputError(path: path, "cannot write file: \(LocalFileSystem.reason(errno))") }
        return same ? previousTime : nil
    }

    /// Closes and deletes the file, after a failure.
    func abandon() {
        forgetPrevious()
        close(descriptor)
        unlink(path)
    }
}
