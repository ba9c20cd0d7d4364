/// Replacing every occurrence of a text in another, on their UTF-8 bytes.
extension String {
    /// This text with every occurrence of `pattern`, from the left and without overlap, replaced by
    /// `replacement`: the same as `replacing(_:with:)` for the patterns the generator fills in (`{label}`,
    /// `{{title}}`, `&amp;`), which begin and end with ASCII, at a small part of its cost. It compares bytes,
    /// not characters, so a pattern is found even where a combining mark follows it.
    public func replacingText(_ pattern: String, with replacement: String) -> String {
        var text = self
        var pattern = pattern
        return text.withUTF8 { source in
            pattern.withUTF8 { wanted in
                guard let first = wanted.first, wanted.count <= source.count else { return self }
                var result: [UInt8] = []
                var copied = 0
                var position = 0
                let last = source.count - wanted.count
                while position <= last {
                    guard source[position] == first,
                          wanted.count == 1 || memoryEqual(source, from: position, wanted) else {
                        position += 1
                        continue
                    }
                    if result.isEmpty { result.reserveCapacity(source.count + replacement.utf8.count) }
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied..<position]))
                    result.append(contentsOf: replacement.utf8)
                    position += wanted.count
                    copied = position
                }
                guard copied > 0 else { return self }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied...]))
                return String(decoding: result, as: UTF8.self)
            }
        }
    }
}

/// Whether `wanted` stands in `source` at `position`, which leaves room for it.
private func memoryEqual(_ source: UnsafeBufferPointer<UInt8>, from position: Int, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
    for offset in 1..<wanted.count where source[position + offset] != wanted[offset] { return false }
    return true
}
