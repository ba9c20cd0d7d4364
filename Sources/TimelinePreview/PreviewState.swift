/// Which build the previewed site is at, and why the last build failed if it did; pages wait on it to reload.
actor PreviewState {
    private(set) var version = 0
    private(set) var failure: String?
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter = 0

    /// Records a build: a new version, with the diagnostics that stopped it, if any.
    func record(failure: String?) {
        version += 1
        self.failure = failure
        let waiting = waiters.values
        waiters = [:]
        for waiter in waiting { waiter.resume() }
    }

    /// Returns when the version differs from `since`, or after `seconds`.
    func wait(since: Int, seconds: Double) async -> (version: Int, failure: String?) {
        if version != since { return (version, failure) }
        let id = nextWaiter
        nextWaiter += 1
        let timer = Task {
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
            self.timeOut(id)
        }
        await withCheckedContinuation { continuation in waiters[id] = continuation }
        timer.cancel()
        return (version, failure)
    }

    private func timeOut(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume()
    }
}
