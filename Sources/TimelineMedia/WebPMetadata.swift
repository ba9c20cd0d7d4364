/// Removes metadata from a WebP file: its EXIF, XMP and ICC chunks, and the flags that announce them.
/// libvips 8.14 writes an EXIF chunk into WebP even when told to strip metadata, so every WebP copy goes
/// through here.
enum WebPMetadata {
    /// The file without its EXIF, XMP and ICC chunks; a file that is not a well-formed WebP is returned as it is.
    static func stripped(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WEBP".utf8) else { return bytes }
        var output = Array(bytes[0..<12])
        var offset = 12
        while offset + 8 <= bytes.count {
            let name = String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self)
            let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            let end = offset + 8 + size + (size & 1)
            guard size >= 0, end <= bytes.count || offset + 8 + size == bytes.count else { return bytes }
            let chunk = Array(bytes[offset..<min(end, bytes.count)])
            switch name {
            case "EXIF", "XMP ", "ICCP": break
            case "VP8X":
                var header = chunk
                // Flags: ICC profile (0x20), EXIF (0x08) and XMP (0x04) are no longer there.
                if header.count > 8 { header[8] &= ~UInt8(0x20 | 0x08 | 0x04) }
                output += header
            default: output += chunk
            }
            offset = end
        }
        let size = UInt32(output.count - 8)
        for index in 0..<4 { output[4 + index] = UInt8((size >> (8 * UInt32(index))) & 0xFF) }
        return output
    }
}
