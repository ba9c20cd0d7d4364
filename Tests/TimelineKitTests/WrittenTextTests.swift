import Testing
@testable import TimelineMarkdown

/// Text as libcmark gives it is found where the file writes it: with a backslash before its ASCII
/// punctuation, and with the plain marks smart punctuation turns into typographic ones.
@Suite struct WrittenTextTests {
    /// The way of writing each character: the needle as pieces, each with the byte sequences that may write
    /// it, tried in turn at each place of the text. Slow and plain, to hold the search to.
    static func reference(_ needle: [UInt8], in bytes: [UInt8], from start: Int, to end: Int, escapes: Bool) -> Range<Int>? {
        guard !needle.isEmpty, start >= 0 else { return nil }
        let plain: [[UInt8]: [UInt8]] = [
            [0xE2, 0x80, 0x98]: [0x27], [0xE2, 0x80, 0x99]: [0x27], [0xE2, 0x80, 0x9C]: [0x22], [0xE2, 0x80, 0x9D]: [0x22],
            [0xE2, 0x80, 0x93]: [0x2D, 0x2D], [0xE2, 0x80, 0x94]: [0x2D, 0x2D, 0x2D], [0xE2, 0x80, 0xA6]: [0x2E, 0x2E, 0x2E],
        ]
        var pieces: [[[UInt8]]] = []
        var index = 0
        while index < needle.count {
            if escapes, index + 3 <= needle.count, let written = plain[Array(needle[index..<(index + 3)])] {
                pieces.append([Array(needle[index..<(index + 3)]), written])
                index += 3
            } else {
                pieces.append([[needle[index]]])
                index += 1
            }
        }
        func isPunctuation(_ byte: UInt8) -> Bool {
            (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
        }
        for begin in start..<max(start, end) {
            var position: Int? = begin
            for (number, ways) in pieces.enumerated() {
                guard let here = position else { break }
                position = nil
                for way in ways {
                    var at = here
                    if escapes, number > 0, way.count == 1, isPunctuation(way[0]), at + 1 < end, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == way[0] {
                        at += 1
                    }
                    if at + way.count <= end, bytes[at..<(at + way.count)].elementsEqual(way) {
                        position = at + way.count
                        break
                    }
                }
            }
            if let position { return begin..<position }
        }
        return nil
    }

    @Test func findsWhatTheReferenceFinds() {
        var generator = SeededGenerator(state: 7)
        // Bytes that make escapes, typographic marks, their plain forms and near misses common.
        let pieces: [[UInt8]] = [
            Array("[".utf8), Array("@".utf8), Array("]".utf8), Array("\\".utf8), Array("a".utf8), Array("b".utf8), Array("-".utf8),
            Array(".".utf8), Array("'".utf8), Array("\"".utf8), Array(" ".utf8), Array("’".utf8), Array("‘".utf8), Array("“".utf8),
            Array("”".utf8), Array("–".utf8), Array("—".utf8), Array("…".utf8), Array("é".utf8), [0xE2, 0x80], [0x80],
        ]
        func text(_ most: Int) -> [UInt8] {
            (0..<Int.random(in: 0...most, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
        }
        var found = 0
        for _ in 0..<20_000 {
            let needle = text(5)
            var bytes = text(12)
            // Often the needle written as is, or with a mark made plain or a punctuation escaped.
            if Bool.random(using: &generator) {
                var written = needle
                if let mark = written.indices.first(where: { written[$0] == 0xE2 }), Bool.random(using: &generator), mark + 2 < written.count {
                    let plain: [UInt8: [UInt8]] = [0x98: [0x27], 0x99: [0x27], 0x9C: [0x22], 0x9D: [0x22], 0x93: [0x2D, 0x2D], 0x94: [0x2D, 0x2D, 0x2D], 0xA6: [0x2E, 0x2E, 0x2E]]
                    if let marks = plain[written[mark + 2]] { written.replaceSubrange(mark..<(mark + 3), with: marks) }
                }
                if let punctuation = written.indices.dropFirst().first(where: { [0x5B, 0x40, 0x5D, 0x2D, 0x2E, 0x27, 0x22].contains(written[$0]) }), Bool.random(using: &generator) {
                    written.insert(UInt8(ascii: "\\"), at: punctuation)
                }
                bytes.insert(contentsOf: written, at: Int.random(in: 0...bytes.count, using: &generator))
            }
            let start = Int.random(in: 0...bytes.count, using: &generator) / 3
            let end = bytes.count - Int.random(in: 0...bytes.count, using: &generator) / 4
            for escapes in [true, false] {
                let expected = Self.reference(needle, in: bytes, from: start, to: end, escapes: escapes)
                #expect(CommonMarkRenderer.find(needle, in: bytes, from: start, to: end, escapes: escapes) == expected, "\(needle) in \(bytes) from \(start) to \(end), escapes \(escapes)")
                if expected != nil { found += 1 }
            }
        }
        // The inputs find the needle often enough for the comparison to mean something.
        #expect(found > 5_000)
    }

    @Test func findsTextAsMarkdownWritesIt() {
        let file = Array(#"He said \[@a\] and “so”... -- ‘x’ [@b]"#.utf8)
        #expect(CommonMarkRenderer.find(Array("[@a]".utf8), in: file, from: 0, to: file.count) == 9..<14)
        #expect(CommonMarkRenderer.find(Array("…".utf8), in: file, from: 0, to: file.count).map { Array(file[$0]) } == Array("...".utf8))
        #expect(CommonMarkRenderer.find(Array("–".utf8), in: file, from: 0, to: file.count).map { Array(file[$0]) } == Array("--".utf8))
        #expect(CommonMarkRenderer.find(Array("‘x’".utf8), in: file, from: 0, to: file.count).map { Array(file[$0]) } == Array("‘x’".utf8))
        #expect(CommonMarkRenderer.find(Array("[@b]".utf8), in: file, from: 0, to: file.count, escapes: false) != nil)
        #expect(CommonMarkRenderer.find(Array("[@a]".utf8), in: file, from: 0, to: file.count, escapes: false) == nil)
        #expect(CommonMarkRenderer.find(Array("[@b]".utf8), in: file, from: 0, to: 20) == nil)
    }
}
