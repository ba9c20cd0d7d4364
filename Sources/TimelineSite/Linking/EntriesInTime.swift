import TimelineCore

/// The content's entries in time order, read through their positions: an entry is a large value, and the
/// site holds each once, in the content's own list.
public struct EntriesInTime: RandomAccessCollection, Sendable {
    /// The entries as the content lists them.
    let all: [Entry]
    /// The position in `all` of each entry, in time order.
    let order: [Int]

    /// Puts the entries in time order: earliest possible day, then latest, then id.
    init(_ all: [Entry]) {
        let keys = all.map { ($0.date.earliest, $0.date.latest, $0.id) }
        self.all = all
        order = keys.indices.sorted { keys[$0] < keys[$1] }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { order.count }
    public subscript(position: Int) -> Entry { all[order[position]] }
}
