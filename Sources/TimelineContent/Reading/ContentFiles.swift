import Synchronization
import TimelineCore
#if canImport(Glibc)
import Glibc
#endif

/// The files of a content folder, read safely: each stays inside the folder, is a regular file, fits the
/// limits, and is valid UTF-8 without NUL bytes.
struct ContentFiles: Sendable {
    let fileSystem: any FileSystem
    /// The content folder, as the user named it; diagnostics show paths under this name.
    let folder: String
    /// The content folder with every symbolic link resolved.
    let root: String
    let limits: Limits
    /// Bytes read so far, against ``Limits/contentSize``.
    let budget = ReadBudget()

    func path(_ relative: String) -> String { folder + "/" + relative }

    /// Reads a file of the content folder as text, after checking that it stays inside the folder, is a
    /// regular file, fits the limits, and is valid UTF-8 without NUL bytes. A byte-order mark is dropped.
    ///
    /// A caller that reads many files of one folder can say what listing the folder found the file to be
    /// (`listedAs`), and what ``isPlainFolder(containing:)`` said of the folder, asked once (`inPlainFolder`).
    func readText(_ relative: String, limit: Int, listedAs listed: FileKind? = nil, inPlainFolder: Bool? = nil, log: DiagnosticLog) -> SourceText? {
        let shown = path(relative)
        let kindHere = listed ?? fileSystem.kind(of: shown)
        let isLink = kindHere == .symbolicLink
        // A regular file in a folder of the content that is itself no link is inside the content; anything
        // else is resolved in full, so that a file reached through a linked folder is checked too.
        if kindHere == .file, inPlainFolder ?? isPlainFolder(containing: relative) {
            return decode(shown, limit: limit, log: log)
        }
        guard let target = fileSystem.resolvedPath(shown), let kind = fileSystem.kind(of: target) else {
            if isLink {
                log.error(.brokenLink, "symbolic link points to nothing", at: .file(shown))
            } else {
                log.error(.unreadableFile, "cannot read file: no such file", at: .file(shown))
            }
            return nil
        }
        guard target.hasPrefix(root + "/") else {
            log.error(.outsideContent, "symbolic link points outside the content folder, to '\(target)'", at: .file(shown))
            return nil
        }
        // A pipe would block the build forever, and a device could be endless: only regular files are read.
        guard kind == .file else {
            let what = kind == .directory ? "a folder" : "not a regular file (a pipe, socket or device)"
            log.error(.unreadableFile, "cannot read file: it is \(what)", at: .file(shown))
            return nil
        }
        return decode(shown, limit: limit, log: log)
    }

    /// Whether the folder holding a file of the content (given relative to it) is the content folder or a
    /// folder in it that is not a symbolic link, so that a regular file there needs no resolving.
    func isPlainFolder(containing relative: String) -> Bool {
        guard let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/")) else { return true }
        let folder = String(relative[..<slash])
        return !folder.utf8.contains(UInt8(ascii: "/")) && folder != ".." && fileSystem.kind(of: path(folder)) == .directory
    }

    /// Reads a checked file of the content folder as text: within the limits, and valid UTF-8 without NUL
    /// bytes. A byte-order mark is dropped and line endings are made Unix ones.
    private func decode(_ shown: String, limit: Int, log: DiagnosticLog) -> SourceText? {
        var bytes: [UInt8]
        do {
            bytes = try fileSystem.readFile(shown, limit: limit)
        } catch {
            log.error(error.kind == .tooLarge ? .fileTooLarge : .unreadableFile, "cannot read file: \(error.reason)", at: .file(shown))
            return nil
        }
        // Files are read in parallel, so which ones are left out past the limit varies; the build stops anyway.
        guard budget.take(bytes.count, limit: limits.contentSize) else { return nil }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.withUnsafeBytes({ raw in raw.baseAddress.map { memchr($0, 0x0D, raw.count) != nil } ?? false }) { bytes = Self.unixLineEndings(bytes) }
        if bytes.isEmpty {
            log.error(.emptyFile, "file is empty", at: .file(shown))
            return nil
        }
        let text = SourceText(path: shown, bytes: bytes)
        if let problem = Self.encodingProblem(bytes) {
            log.error(problem.id, problem.message, at: text.location(ofOffset: problem.offset))
            return nil
        }
        return text
    }

    /// Windows (CR LF) and old Mac (CR) line endings as LF, so that a file reads, and builds, exactly as it
    /// would with LF endings, and every part of the generator counts lines as libcmark and libyaml do.
    static func unixLineEndings(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                result.append(0x0A)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                result.append(byte)
            }
            index += 1
        }
        return result
    }

    /// The first NUL byte or invalid UTF-8 sequence in a file.
    static func encodingProblem(_ bytes: [UInt8]) -> (id: DiagnosticID, message: String, offset: Int)? {
        bytes.withUnsafeBufferPointer(encodingProblem)
    }

    private static func encodingProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: DiagnosticID, message: String, offset: Int)? {
        var index = 0
        let count = bytes.count
        let high: UInt64 = 0x8080_8080_8080_8080, low: UInt64 = 0x0101_0101_0101_0101
        while index < count {
            // Thirty-two bytes at a time while they are ASCII and none is NUL, their tests joined into one,
            // then eight at a time.
            if index + 32 <= count {
                let base = UnsafeRawPointer(bytes.baseAddress! + index)
                let a = base.loadUnaligned(as: UInt64.self), b = base.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                let c = base.loadUnaligned(fromByteOffset: 16, as: UInt64.self), d = base.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                let nul = ((a &- low) & ~a) | ((b &- low) & ~b) | ((c &- low) & ~c) | ((d &- low) & ~d)
                if (a | b | c | d | nul) & high == 0 {
                    index += 32
                    continue
                }
            }
            if index + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                if word & high == 0, (word &- low) & ~word & high == 0 {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0 { return (.nulByte, "file contains a NUL byte; is it a text file?", index) }
                index += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(byte & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(byte & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(byte & 0x07)
            default: return (.invalidUTF8, "file is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))); save it as UTF-8", index)
            }
            guard index + length <= count else {
                return (.invalidUTF8, "file is not valid UTF-8 (a character is cut off); save it as UTF-8", index)
            }
            for next in bytes[(index + 1)..<(index + length)] {
                guard next & 0xC0 == 0x80 else {
                    return (.invalidUTF8, "file is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)) starts a character that does not continue); save it as UTF-8", index)
                }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return (.invalidUTF8, "file is not valid UTF-8 (an impossible character); save it as UTF-8", index)
            }
            index += length
        }
        return nil
    }
}

/// The bytes a read may still take, shared by the threads that read files.
final class ReadBudget: Sendable {
    private let used = Atomic<Int>(0)
    private let over = Atomic<Bool>(false)

    /// Counts `count` more bytes; false when that goes past `limit`.
    func take(_ count: Int, limit: Int) -> Bool {
        let total = used.wrappingAdd(count, ordering: .relaxed).newValue
        if total > limit { over.store(true, ordering: .relaxed) }
        return total <= limit
    }

    var exceeded: Bool { over.load(ordering: .relaxed) }
}
