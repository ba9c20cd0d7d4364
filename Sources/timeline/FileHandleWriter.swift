#if canImport(Glibc)
import Glibc
#endif

/// Writes text to standard output or standard error, unbuffered.
enum FileHandleWriter {
    static func write(_ text: String, toStandardError: Bool) {
        var bytes = Array(text.utf8)
        let fd: Int32 = toStandardError ? 2 : 1
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if count <= 0 { break }
            done += count
        }
    }
}
