import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work for every item across the machine's cores and returns the results in the items' order.
///
/// Each item is handled wholly on one thread, so work that holds non-sendable state (a cmark document)
/// keeps it inside one call of `transform`.
func parallelMap<Item, Result>(_ items: [Item], _ transform: (Item) -> Result) -> [Result] {
    let count = items.count
    if count == 0 { return [] }
    let workers = Concurrency.workers
    if count == 1 || workers == 1 { return items.map(transform) }
    // Small chunks balance the load; each worker claims the next chunk with an atomic counter.
    let chunk = max(1, min(64, count / (workers * 8)))
    let chunks = (count + chunk - 1) / chunk
    let next = Atomic<Int>(0)
    return withoutActuallyEscaping(transform) { transform in
      nonisolated(unsafe) let transform = transform
      return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
        nonisolated(unsafe) let base = buffer.baseAddress!
        items.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            DispatchQueue.concurrentPerform(iterations: min(workers, chunks)) { _ in
                while true {
                    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    if index >= chunks { break }
                    let start = index * chunk
                    for offset in start..<min(start + chunk, count) {
                        (base + offset).initialize(to: transform(input[offset]))
                    }
                }
            }
        }
        initialized = count
      }
    }
}

/// How much the generator runs in parallel.
enum Concurrency {
    /// The number of worker threads: the machine's active cores, or `TIMELINE_JOBS` when set.
    static let workers: Int = {
        if let text = getenv("TIMELINE_JOBS").map({ String(cString: $0) }), let value = Int(text), value > 0 { return value }
        return max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }()
}
