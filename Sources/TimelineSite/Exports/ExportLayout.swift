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
public struct PreviousExport {
    let bytes: UnsafeRawBufferPointer
    private var items: [String: (fingerprint: UInt64, range: Range<Int>)] = [:]

    /// The export whose bytes are `bytes`, written with `layout`; nil when they are not the size the layout
    /// gives or an entry lies outside them.
    public init?(bytes: UnsafeRawBufferPointer, layout: ExportLayout) {
        guard bytes.count == layout.size else { return nil }
        self.bytes = bytes
        items.reserveCapacity(layout.keys.count)
        for index in layout.keys.indices {
            let start = layout.starts[index], count = layout.counts[index]
            guard start >= 0, count >= 0, start <= bytes.count - count else { return nil }
            items[layout.keys[index]] = (layout.fingerprints[index], start..<(start + count))
        }
    }

    /// The bytes the entry `key` had, when it was made from the same as `fingerprint` says.
    func bytes(of key: String, fingerprint: UInt64) -> UnsafeRawBufferPointer? {
        guard let item = items[key], item.fingerprint == fingerprint else { return nil }
        return UnsafeRawBufferPointer(rebasing: bytes[item.range])
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
