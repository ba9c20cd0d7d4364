import Testing
@testable import TimelineCore

/// The tests on eight bytes at once answer as a look at each of the eight bytes would.
@Suite struct ByteWordTests {
    @Test func eachTestAnswersAsTheBytesOneByOne() {
        var generator = SeededGenerator(state: 88)
        // Words of bytes drawn from a few values around each edge, so that near misses are common.
        let near: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x22, 0x26, 0x27, 0x3C, 0x5B, 0x5C, 0x7E, 0x7F, 0x80, 0x81, 0xC2, 0xE2, 0xEF, 0xFF]
        for round in 0..<20_000 {
            let bytes = (0..<8).map { _ in round % 2 == 0 ? near.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator) }
            let word = bytes.withUnsafeBufferPointer { ByteWord.load($0, at: 0) }
            for byte in near + [bytes[0], bytes[7]] {
                #expect(ByteWord.contains(word, byte) == bytes.contains(byte), "\(bytes) holds \(byte)")
            }
            for limit: UInt8 in [0x01, 0x0A, 0x20, 0x21, 0x7F, 0x80] {
                #expect(ByteWord.containsByte(below: limit, in: word) == bytes.contains { $0 < limit }, "\(bytes) below \(limit)")
            }
        }
    }
}

/// Trimming whitespace gives what trimming character by character gives, with or without its shortcut for
/// text whose ends are plain ASCII.
@Suite struct TrimmingTests {
    @Test func trimsAsCharacterByCharacter() {
        var generator = SeededGenerator(state: 1206)
        let pieces = ["a", "Z", " ", "\t", "\n", "\r\n", "\u{0B}", "\u{1F}", "\u{85}", "\u{A0}", "\u{2028}", "\u{301}", "é", "e\u{301}", "🇭🇹", ".", "\u{3000}"]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var reference = Substring(text)
            while let first = reference.first, first.isWhitespace { reference.removeFirst() }
            while let last = reference.last, last.isWhitespace { reference.removeLast() }
            #expect(text.trimmingWhitespace == String(reference), "\(Array(text.unicodeScalars))")
        }
    }
}
