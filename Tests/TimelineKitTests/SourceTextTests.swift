import Testing
@testable import TimelineCore

/// A file's lines and columns, found eight bytes at a time, are those a reading byte by byte finds.
@Suite struct SourceTextTests {
    /// Line starts and the line and column of every offset, counted one byte at a time: columns count
    /// characters, so bytes that continue a character (10xxxxxx) are not counted.
    static func places(_ bytes: [UInt8]) -> (starts: [Int], locations: [(line: Int, column: Int)]) {
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        var locations: [(line: Int, column: Int)] = []
        var line = 1, column = 1
        for offset in 0...bytes.count {
            locations.append((line, column))
            guard offset < bytes.count else { break }
            if bytes[offset] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if offset + 1 < bytes.count, bytes[offset + 1] & 0xC0 == 0x80 {
                // The next byte continues this character: the column moves on after it.
            } else {
                column += 1
            }
        }
        return (starts, locations)
    }

    @Test func linesAndColumnsAreThoseOfAByteByByteReading() {
        var numbers = SeededNumbers(seed: 17)
        // Line feeds, ASCII, and characters of two, three and four bytes, in texts of every length around the
        // eight-byte steps and the 1,024-byte checkpoints.
        let pieces = ["\n", "a", "b ", "é", "ş", "—", "中", "𝄞", "\n\n", "xyzxyzx", "ü\n", "\r"]
        var texts = numbers.texts(300, of: pieces, length: 40)
        texts += numbers.texts(20, of: pieces, length: 900)
        texts += ["", "\n", "é", String(repeating: "é", count: 700), String(repeating: "a\n", count: 600), String(repeating: "x", count: 2050)]
        for text in texts {
            let bytes = Array(text.utf8)
            let file = SourceText(path: "t.md", bytes: bytes)
            let expected = Self.places(bytes)
            #expect(file.lineStarts == expected.starts, "line starts of \(text.debugDescription)")
            for offset in 0...bytes.count where bytes.count < 200 || offset % 7 == 0 || offset == bytes.count {
                // Offsets inside a character are placed at the character's column.
                var start = offset
                while start > 0, start < bytes.count, bytes[start] & 0xC0 == 0x80 { start -= 1 }
                let location = file.location(ofOffset: start)
                let wanted = expected.locations[start]
                #expect(location.line == wanted.line && location.column == wanted.column, "offset \(start) of \(text.debugDescription)")
            }
        }
    }
}
