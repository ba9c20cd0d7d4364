import TimelineContent
import TimelineCore
import TimelineMedia
#if canImport(Glibc)
import Glibc
#endif

/// Processed images and drawn share cards kept by the hash of what they are made from, in a folder beside
/// the build cache: an image that did not change is never processed twice, whatever the output folder.
/// A damaged or foreign file is ignored and made again. Safe to delete.
struct MediaStore: Sendable {
    /// The folder, or nil to keep nothing (a build without a cache).
    let folder: String?

    private static let magic = Array("timeline-media-1\n".utf8)

    private func path(_ key: UInt64, _ suffix: String) -> String? {
        folder.map { $0 + "/" + String(key, radix: 16) + suffix }
    }

    /// The copies of an image processed before, or nil.
    func image(_ key: UInt64) -> ImagePipeline.Result? {
        guard let path = path(key, ".image"), let bytes = try? LocalFileSystem().readFile(path, limit: 1 << 30) else { return nil }
        var reader = Reader(bytes: bytes)
        guard reader.take(Self.magic.count) == Self.magic, let width = reader.number(), let height = reader.number(), let count = reader.number(),
              count < 64 else { return nil }
        var copies: [ImagePipeline.Copy] = []
        for _ in 0..<count {
            guard let copyWidth = reader.number(), let copyHeight = reader.number(), let format = reader.number(), format < ImageFormat.allCases.count,
                  let length = reader.number(), let data = reader.take(length) else { return nil }
            copies.append(ImagePipeline.Copy(width: copyWidth, height: copyHeight, format: ImageFormat.allCases[format], bytes: data))
        }
        guard reader.isAtEnd else { return nil }
        return ImagePipeline.Result(width: width, height: height, copies: copies)
    }

    func store(_ image: ImagePipeline.Result, _ key: UInt64) {
        var bytes = Self.magic
        for value in [image.width, image.height, image.copies.count] { Reader.append(value, to: &bytes) }
        for copy in image.copies {
            for value in [copy.width, copy.height, ImageFormat.allCases.firstIndex(of: copy.format) ?? 0, copy.bytes.count] { Reader.append(value, to: &bytes) }
            bytes += copy.bytes
        }
        write(bytes, key, ".image")
    }

    /// A share card drawn before, or nil.
    func card(_ key: UInt64) -> [UInt8]? {
        guard let path = path(key, ".png"), let bytes = try? LocalFileSystem().readFile(path, limit: 1 << 26),
              bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return nil }
        return bytes
    }

    func storeCard(_ bytes: [UInt8], _ key: UInt64) { write(bytes, key, ".png") }

    private func write(_ bytes: [UInt8], _ key: UInt64, _ suffix: String) {
        guard let folder, let path = path(key, suffix) else { return }
        mkdir(folder, 0o755)
        BuildCache.replace(path, with: bytes)
    }

    /// Reads the numbers and bytes of a stored file, each number as eight bytes, little-endian.
    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        var isAtEnd: Bool { offset == bytes.count }

        mutating func take(_ count: Int) -> [UInt8]? {
            guard count >= 0, count <= bytes.count - offset else { return nil }
            defer { offset += count }
            return Array(bytes[offset..<(offset + count)])
        }

        mutating func number() -> Int? {
            guard let raw = take(8) else { return nil }
            let value = raw.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            return value < 1 << 40 ? Int(value) : nil
        }

        static func append(_ value: Int, to bytes: inout [UInt8]) {
            withUnsafeBytes(of: UInt64(value).littleEndian) { bytes.append(contentsOf: $0) }
        }
    }
}
