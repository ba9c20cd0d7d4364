import Testing
@testable import TimelineContent
@testable import TimelineCore

/// A file's bytes are checked for NUL bytes and invalid UTF-8 many bytes at a time: each problem is found at
/// its own offset wherever it falls among the bytes taken together, and text without one passes.
@Suite struct EncodingCheckTests {
    static let text = Array("The quick brown fox jumps over the lazy dog; 0123456789, ABCDEFGHIJKLMNOPQRSTUVWXYZ and more.\n".utf8)

    @Test func aProblemIsFoundAtItsOffsetWhereverItFalls() {
        for length in [1, 7, 8, 9, 31, 32, 33, 40, 63, 64, 65, Self.text.count] {
            let clean = Array(Self.text.prefix(length))
            #expect(ContentFiles.encodingProblem(clean) == nil, "\(length)")
            for offset in 0..<length {
                var nul = clean
                nul[offset] = 0
                let found = ContentFiles.encodingProblem(nul)
                #expect(found?.id == .nulByte && found?.offset == offset, "NUL at \(offset) of \(length)")
                var invalid = clean
                invalid[offset] = 0xFF
                let bad = ContentFiles.encodingProblem(invalid)
                #expect(bad?.id == .invalidUTF8 && bad?.offset == offset, "0xFF at \(offset) of \(length)")
                // A two-byte character is valid; a NUL after it is still found where it is.
                var accented = clean
                accented.replaceSubrange(offset..<(offset + 1), with: [0xC3, 0xA9])
                #expect(ContentFiles.encodingProblem(accented) == nil, "é at \(offset) of \(length)")
                if offset + 2 < accented.count {
                    accented[accented.count - 1] = 0
                    #expect(ContentFiles.encodingProblem(accented)?.offset == accented.count - 1, "é at \(offset), NUL last of \(length)")
                }
            }
        }
    }
}
