import Synchronization

/// The bytes of one content file, with what is needed to turn byte offsets into lines and columns.
public struct SourceText: Sendable {
    /// The path shown in diagnostics.
    public let path: String
    public let bytes: [UInt8]
    /// Where the lines start, made the first time a line or column is asked for: most files a build reads
    /// are the last build's, taken as they were read, and never need one.
    private let lines = LineTable()

    /// UTF-8 offsets at which each line starts; `lineStarts[0]` is 0.
    public var lineStarts: [Int] { lines.table(of: bytes).starts }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The text of bytes `range` (the whole file by default).
    public func string(_ range: Range<Int>? = nil) -> String {
        String(decoding: bytes[range ?? 0..<bytes.count], as: UTF8.self)
    }

    /// The byte range of a line (1-based), without its line ending.
    public func lineRange(_ line: Int) -> Range<Int> {
        let lineStarts = lineStarts
        guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<end
    }

    /// The location of a UTF-8 offset in the file.
    public func location(ofOffset offset: Int) -> SourceLocation {
        let offset = min(max(offset, 0), bytes.count)
        let table = lines.table(of: bytes)
        let lineStarts = table.starts
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let lineStart = lineStarts[low]
        // On a line shorter than the checkpoints' stride, the line's own bytes are counted; on a longer one,
        // the counts kept at each checkpoint bound the bytes looked at.
        let continued = offset - lineStart <= LineTable.checkpointStride
            ? continuations(in: lineStart..<offset)
            : continuationsBefore(offset, table.continuations) - continuationsBefore(lineStart, table.continuations)
        return SourceLocation(path: path, line: low + 1, column: offset - lineStart - continued + 1)
    }

    /// Bytes that continue a character before `offset`.
    private func continuationsBefore(_ offset: Int, _ checkpoints: [Int]) -> Int {
        let checkpoint = min(offset / LineTable.checkpointStride, checkpoints.count - 1)
        return checkpoints[checkpoint] + continuations(in: (checkpoint * LineTable.checkpointStride)..<offset)
    }

    /// Bytes that continue a character within `range`.
    private func continuations(in range: Range<Int>) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var count = 0
            var index = range.lowerBound
            // Eight bytes at a time, as the line table counts them.
            while index + 8 <= range.upperBound {
                let word = ByteWord.load(buffer, at: index)
                count &+= (word & ~(word << 1) & ByteWord.highs).nonzeroBitCount
                index += 8
            }
            while index < range.upperBound {
                count &+= buffer[index] & 0xC0 == 0x80 ? 1 : 0
                index += 1
            }
            return count
        }
    }

    /// The location of a 1-based line and 1-based UTF-8 byte column.
    public func location(line: Int, byteColumn: Int) -> SourceLocation {
        let lineStarts = lineStarts
        guard line >= 1, line <= lineStarts.count else {
            return SourceLocation(path: path, line: max(line, 1), column: max(byteColumn, 1))
        }
        return location(ofOffset: lineStarts[line - 1] + max(byteColumn - 1, 0))
    }

    /// The location of a 1-based line and 1-based column counted in Unicode scalars.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    /// Number of Unicode scalars in UTF-8 bytes: every byte that does not continue a sequence starts one.
    public static func scalarCount(_ bytes: some Sequence<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}

/// The line starts of a file's bytes, made once, when first asked for, by whichever thread asks.
private final class LineTable: Sendable {
    struct Table {
        /// UTF-8 offsets at which each line starts; the first is 0.
        var starts: [Int]
        /// How many bytes continue a character (10xxxxxx) before each multiple of ``checkpointStride``, so
        /// that the column of any offset is found without counting a whole line: a note can be one line of
        /// megabytes.
        var continuations: [Int]
    }

    static let checkpointStride = 1024
    private let made = Mutex<Table?>(nil)

    func table(of bytes: [UInt8]) -> Table {
        made.withLock { made in
            if let made { return made }
            let table = Self.make(bytes)
            made = table
            return table
        }
    }

    private static func make(_ bytes: [UInt8]) -> Table {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        var continuations = [0]
        continuations.reserveCapacity(bytes.count / checkpointStride + 1)
        var count = 0
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                if start > 0 { continuations.append(count) }
                let end = min(start + checkpointStride, buffer.count)
                // Eight bytes at a time: continuation bytes (10xxxxxx) are counted at once, and the bytes are
                // looked at one by one only when one of them is a line feed.
                var offset = start
                while offset + 8 <= end {
                    let word = ByteWord.load(buffer, at: offset)
                    count &+= (word & ~(word << 1) & ByteWord.highs).nonzeroBitCount
                    if ByteWord.contains(word, UInt8(ascii: "\n")) {
                        for index in offset..<(offset + 8) where buffer[index] == UInt8(ascii: "\n") { starts.append(index + 1) }
                    }
                    offset += 8
                }
                for index in offset..<end {
                    let byte = buffer[index]
                    if byte == UInt8(ascii: "\n") { starts.append(index + 1) }
                    count &+= byte & 0xC0 == 0x80 ? 1 : 0
                }
                start = end
            }
        }
        return Table(starts: starts, continuations: continuations)
    }
}
