/// The mark of a spare site that is whole (`spare-ready`), listing the files in which it may differ from the
/// live site.
///
/// A build shares every file it does not write anew with the live site (a hard link), then swaps the two:
/// the spare is then the previous site, and holds the live site's own file at every path but those the
/// build wrote anew. The mark lists those paths, each ended by a zero byte, after a first line that names
/// the format. A mark without that line (an empty one, as older builds left) lists nothing known: every
/// file of the spare is then looked at.
struct SpareMark: Sendable {
    static let header = Array("timeline spare 1\n".utf8)

    /// The files that may differ, or nil when the mark does not say.
    let differing: Set<String>?

    init(differing: [String]) {
        self.differing = Set(differing)
    }

    /// Reads a mark; one it cannot read says nothing of the spare's files.
    init(bytes: [UInt8]) {
        guard bytes.starts(with: Self.header), bytes.last == 0 || bytes.count == Self.header.count else {
            differing = nil
            return
        }
        differing = Set(bytes[Self.header.count...].split(separator: 0, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) })
    }

    /// Whether the spare's file at `path` is known to be the live site's own.
    func holdsLiveFile(_ path: String) -> Bool {
        differing.map { !$0.contains(path) } ?? false
    }

    var bytes: [UInt8] {
        guard let differing else { return [] }
        var bytes = Self.header
        for path in differing.sorted() {
            bytes += path.utf8
            bytes.append(0)
        }
        return bytes
    }
}
