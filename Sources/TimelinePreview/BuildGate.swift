import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lets the preview stop only between builds: Ctrl-C or SIGTERM during a rebuild waits for its output and
/// cache to be written, so that the next `timeline build` trusts what the preview left; a second signal
/// stops it at once.
public final class BuildGate: Sendable {
    private let building = Mutex<Void>(())
    private let signalsSeen = Atomic<Int>(0)

    public init() {}

    /// Runs `body`, a build, without letting a stop signal end the process before it returns.
    func whileBuilding<T>(_ body: () throws -> T) rethrows -> T {
        try building.withLock { _ in try body() }
    }

    /// Takes over SIGINT and SIGTERM: the first waits for the build under way, if any, then ends the process
    /// as the signal would have; the second ends it at once. `print` is told when a build is waited for.
    public func stopOnSignals(print: @escaping @Sendable (String) -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            // The handler holds its source, which so listens for as long as the process runs.
            source.setEventHandler { [self] in
                _ = source
                if signalsSeen.add(1, ordering: .relaxed).newValue > 1 { Self.end(by: number) }
                DispatchQueue.global().async { [self] in
                    if building.withLockIfAvailable({ _ in true }) == nil {
                        print("Finishing the build under way before stopping; press Ctrl-C again to stop at once")
                    }
                    building.withLock { _ in Self.end(by: number) }
                }
            }
            source.resume()
        }
    }

    /// Ends the process as `number` does when nothing handles it (the dispatch queue's threads block signals,
    /// so this one unblocks it first).
    private static func end(by number: Int32) -> Never {
        signal(number, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, number)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(number)
        _exit(128 + number)
    }
}
