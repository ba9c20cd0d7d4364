import CSystemShim
#if canImport(Glibc)
import Glibc
#endif

/// Times the stages of a build when asked (`--verbose`, or `TIMELINE_TIMINGS` set), for profiling: the wall
/// and CPU time of each, the memory resident and allocated at its end, and the most resident so far; prints
/// to standard error.
struct StageClock {
    static let asked = getenv("TIMELINE_TIMINGS") != nil
    let enabled: Bool
    var last = Self.now()
    var lastCPU = Self.processorSeconds()
    var laps: [(name: String, seconds: Double, processor: Double, megabytes: Int, heap: Int, peak: Int)] = []
    /// The files that took longest to make, with how long each took, when timed.
    var slowest: [(path: String, seconds: Double)] = []

    init(enabled: Bool = Self.asked) {
        self.enabled = enabled
    }

    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = Self.now(), cpu = Self.processorSeconds()
        laps.append((name, now - last, cpu - lastCPU, Self.residentMegabytes(), timeline_heap_in_use() >> 20, Self.peakMegabytes()))
        last = now
        lastCPU = cpu
    }

    func report() {
        guard enabled else { return }
        let text = laps.map {
            "timing: \($0.name): \(Int(($0.seconds * 1000).rounded())) ms, \(Int(($0.processor * 1000).rounded())) ms CPU, \($0.megabytes) MB resident (\($0.peak) at most), \($0.heap) MB allocated\n"
        }.joined() + slowest.map { "timing: made \($0.path) in \(Int(($0.seconds * 1000).rounded())) ms\n" }.joined()
        _ = text.withCString { write(2, $0, strlen($0)) }
    }

    /// The CPU time of the whole process so far, user and system, on all its threads.
    static func processorSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Seconds on a monotonic clock, for timing only; never written into the site.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The most memory the process has had resident so far, in megabytes.
    static func peakMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }

    /// The process's resident memory now, in megabytes, from Linux's `/proc`.
    static func residentMegabytes() -> Int {
        let fd = open("/proc/self/statm", O_RDONLY)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, 255) }
        guard count > 0 else { return 0 }
        let fields = String(decoding: buffer[..<count], as: UTF8.self).split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
