import CSystemShim
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Runs work for every item across the machine's cores and returns the results in the items' order.
///
/// Each item is handled wholly on one thread, so work that holds non-sendable state (a cmark document)
/// keeps it inside one call of `transform`.
///
/// Workers claim the items in chunks of up to 64, which costs least for many small items; `oneByOne`
/// makes each claim one item, for items of very different sizes, so that large ones listed together do
/// not fall to one worker.
public func parallelMap<Items: RandomAccessCollection & Sendable, Result: Sendable>(
    _ items: Items, oneByOne: Bool = false, _ transform: @Sendable (Items.Element) -> Result
) -> [Result] where Items.Index == Int, Items.Element: Sendable {
    let count = items.count
    if count == 0 { return [] }
    let workers = Concurrency.workers
    if count == 1 || workers == 1 { return items.map(transform) }
    // Small chunks balance the load; each worker claims the next chunk with an atomic counter.
    let chunk = oneByOne ? 1 : max(1, min(64, count / (workers * 8)))
    let chunks = (count + chunk - 1) / chunk
    let next = Atomic<Int>(0)
    let slots = ResultSlots<Result>(count: count)
    DispatchQueue.concurrentPerform(iterations: min(workers, chunks)) { _ in
        timeline_prepare_thread_heap()
        while true {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            if index >= chunks { break }
            let start = index * chunk
            for offset in start..<min(start + chunk, count) {
                slots.fill(offset, with: transform(items[items.startIndex + offset]))
            }
        }
    }
    return slots.results()
}

/// Work started on a thread of its own at once, while the caller goes on; ``wait()`` gives its result.
///
/// The caller's own work keeps every core: a ``parallelMap`` inside another one's `concurrentPerform` would
/// run on one thread only.
///
/// `@unchecked Sendable` because the compiler cannot see why this is safe: the result is written once, by
/// the work, before the group is left, and read only after the group has been waited on.
public final class BackgroundWork<Result: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: Result?

    public init(_ work: @escaping @Sendable () -> Result) {
        group.enter()
        DispatchQueue.global().async {
            timeline_prepare_thread_heap()
            self.result = work()
            self.group.leave()
        }
    }

    /// The work's result, once it is done.
    public func wait() -> Result {
        group.wait()
        return result!
    }
}

/// The results of a ``parallelMap``, one slot per item, filled from many threads.
///
/// `@unchecked Sendable` because the compiler cannot see why this is safe: each slot is written exactly
/// once, by the one worker that claimed its chunk through an atomic counter, and the slots are read only
/// after `concurrentPerform` has returned, which orders every write before the read.
private final class ResultSlots<Result: Sendable>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Result>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
    }

    /// Moves a result into its slot.
    func fill(_ index: Int, with result: consuming Result) {
        (base + index).initialize(to: result)
    }

    /// Moves every result out into an array; called once, after every slot is filled.
    func results() -> [Result] {
        Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            if let start = buffer.baseAddress { start.moveInitialize(from: base, count: count) }
            initialized = count
        }
    }

    deinit { base.deallocate() }
}

/// How much the generator runs in parallel.
public enum Concurrency {
    /// The number of worker threads: the machine's active cores, or `TIMELINE_JOBS` when set.
    public static let workers: Int = {
        if let text = getenv("TIMELINE_JOBS").map({ String(cString: $0) }), let value = Int(text), value > 0 { return value }
        return max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }()
}
