import TimelineCore

/// Where each entry lies in an export as written: its key, a fingerprint of everything its bytes are made
/// from, and its bytes' place in the file. The next build copies the bytes of every entry whose
/// fingerprint did not change from the file as it is on disk, and makes only the others.
public struct ExportLayout: Sendable, Equatable {
    public var keys: [String] = []
    public var fingerprints: [UInt64] = []
    public var starts: [Int] = []
    public var counts: [Int] = []
    /// The size of the whole file, which the file on disk must have for the layout to be used.
    public var size = 0

    public init() {}

    mutating func append(_ key: String, fingerprint: UInt64, start: Int, count: Int) {
        keys.append(key)
        fingerprints.append(fingerprint)
        starts.append(start)
        counts.append(count)
    }
}

/// An export as the last build wrote it: its bytes, read from the site on disk, and where each entry lies
/// in them, from its ``ExportLayout``.
///
/// Entries are most often asked for in the order the layout lists them, so each is first looked for at the
/// place after the last one found; a table by key is made only when an entry is not there.
public final class PreviousExport {
    let bytes: UnsafeRawBufferPointer
    private let layout: ExportLayout
    /// Where the next entry asked for is looked for first.
    private var next = 0
    private var positions: [String: Int]?

    /// The export whose bytes are `bytes`, written with `layout`; nil when they are not the size the layout
    /// gives or an entry lies outside them.
    public init?(bytes: UnsafeRawBufferPointer, layout: ExportLayout) {
        guard bytes.count == layout.size, layout.fingerprints.count == layout.keys.count, layout.starts.count == layout.keys.count,
              layout.counts.count == layout.keys.count else { return nil }
        for index in layout.keys.indices {
            let start = layout.starts[index], count = layout.counts[index]
            guard start >= 0, count >= 0, start <= bytes.count - count else { return nil }
        }
        self.bytes = bytes
        self.layout = layout
    }

    /// The bytes the entry `key` had, when it was made from the same as `fingerprint` says.
    func bytes(of key: String, fingerprint: UInt64) -> UnsafeRawBufferPointer? {
        guard let index = position(of: key) else { return nil }
        next = index + 1
        guard layout.fingerprints[index] == fingerprint else { return nil }
        let start = layout.starts[index]
        return UnsafeRawBufferPointer(rebasing: bytes[start..<(start + layout.counts[index])])
    }

    /// The position of `key` in the layout: the next one when it is there, else the first that has it.
    private func position(of key: String) -> Int? {
        if next < layout.keys.count, layout.keys[next] == key { return next }
        if positions == nil {
            var table: [String: Int] = [:]
            table.reserveCapacity(layout.keys.count)
            for index in layout.keys.indices where table[layout.keys[index]] == nil { table[layout.keys[index]] = index }
            positions = table
        }
        return positions?[key]
    }
}

/// Writes the entries of an export, copying each from the previous export when its fingerprint is the
/// same, and making it otherwise; records the new layout as it goes. Used within one export only.
final class ExportItems {
    private let previous: PreviousExport?
    private let spill: (inout [UInt8]) -> Void
    private(set) var layout = ExportLayout()
    /// How many bytes were given away to the spill so far, so that places count from the file's start.
    private var spilled = 0
    /// How many entries were copied, and how many made.
    private(set) var copied = 0

    init(previous: PreviousExport?, spill: @escaping (inout [UInt8]) -> Void) {
        self.previous = previous
        self.spill = spill
    }

    /// Appends the entry `key`: its bytes from the previous export when `fingerprint` matches, else those
    /// `make` appends.
    func add(_ key: String, fingerprint: UInt64, into out: inout [UInt8], make: (inout [UInt8]) -> Void) {
        let start = spilled + out.count
        if let bytes = previous?.bytes(of: key, fingerprint: fingerprint) {
            out.append(contentsOf: bytes)
            copied += 1
        } else {
            make(&out)
        }
        layout.append(key, fingerprint: fingerprint, start: start, count: spilled + out.count - start)
    }

    /// Gives what is made so far to the spill, counting what it takes away.
    func giveAway(_ out: inout [UInt8]) {
        let before = out.count
        spill(&out)
        spilled += before - out.count
    }

    /// The layout of the finished file, whose last bytes `rest` are.
    func finished(_ rest: [UInt8]) -> ExportLayout {
        layout.size = spilled + rest.count
        return layout
    }
}
