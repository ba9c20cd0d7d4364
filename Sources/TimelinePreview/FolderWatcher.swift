#if canImport(Glibc)
import Glibc
#endif
import TimelineContent

/// Tells when something under some folders may have changed: at once through the kernel's inotify where
/// there is one, and in any case at least every `fallback` seconds, so that nothing the kernel does not
/// report (a folder made between two looks, an overflowing queue, a system without inotify) is missed.
///
/// A change is confirmed against a ``FolderSnapshot`` of the folders, so that a file written again with
/// the same size and time, or only read, does not start a build.
final class FolderWatcher {
    let folders: [String]
    /// How long a look sleeps when the kernel has said nothing.
    let interval: UInt64
    /// How many looks pass before the folders are compared even without word from the kernel.
    let looksPerComparison: Int
    /// How long to wait after the first event for the rest of a save (an editor's temporary file, its
    /// rename) before the folders are compared.
    let settle: UInt64
    private var last: FolderSnapshot
    private var looks = 0
    /// Whether the next look compares the folders whatever the kernel says: when the watcher starts from
    /// an earlier snapshot, which changes made before it was up may already differ from.
    private var comparesFirst: Bool
    #if canImport(Glibc)
    /// The inotify instance, or -1 when there is none.
    private var descriptor: Int32 = -1
    /// Where the kernel's events are read into, and dropped: only that there were some matters.
    private var events = [UInt8](repeating: 0, count: 16 * 1024)
    #endif

    /// Watches `folders`, starting from what they held at `snapshot`, or from what they hold now.
    init(folders: [String], since snapshot: FolderSnapshot? = nil, interval: Double = 0.02, fallback: Double = 1, settle: Double = 0.01) {
        self.folders = folders
        self.interval = UInt64(interval * 1e9)
        self.looksPerComparison = max(1, Int((fallback / interval).rounded()))
        self.settle = UInt64(settle * 1e9)
        last = snapshot ?? FolderSnapshot(folders: folders)
        comparesFirst = snapshot != nil
        #if canImport(Glibc)
        descriptor = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        watch(last.folders)
        #endif
    }

    deinit {
        #if canImport(Glibc)
        if descriptor >= 0 { close(descriptor) }
        #endif
    }

    /// Whether inotify reports this watcher's changes (otherwise only the comparisons every `fallback` do).
    var isNotified: Bool {
        #if canImport(Glibc)
        return descriptor >= 0
        #else
        return false
        #endif
    }

    /// Returns true once the folders hold something else than when last looked at; false when the task is
    /// cancelled or `seconds`, when given, have passed.
    func nextChange(within seconds: Double? = nil) async -> Bool {
        let deadline = seconds.map { ContinuousClock.now + .nanoseconds(Int64($0 * 1e9)) }
        while !Task.isCancelled {
            looks += 1
            var compare = looks % looksPerComparison == 0 || comparesFirst
            comparesFirst = false
            if drainEvents() {
                compare = true
                // The rest of the save, then whatever it brought.
                try? await Task.sleep(nanoseconds: settle)
                _ = drainEvents()
            }
            if compare {
                let now = FolderSnapshot(folders: folders)
                #if canImport(Glibc)
                watch(now.folders)
                #endif
                if now != last {
                    last = now
                    return true
                }
            }
            // The deadline is checked after a look, so that a task resumed late still sees what happened.
            if let deadline, ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(nanoseconds: interval)
        }
        return false
    }

    /// Reads every event waiting; whether there was any.
    private func drainEvents() -> Bool {
        #if canImport(Glibc)
        guard descriptor >= 0 else { return false }
        var any = false
        let descriptor = descriptor
        while true {
            let count = events.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { return any }
            any = true
        }
        #else
        return false
        #endif
    }

    #if canImport(Glibc)
    /// Watches each folder. The kernel keeps one watch per folder, so a folder already watched keeps its
    /// watch, and one removed and made again under the same name gets a new one.
    private func watch(_ paths: [String]) {
        guard descriptor >= 0 else { return }
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)
        for path in paths { _ = inotify_add_watch(descriptor, path, mask) }
    }
    #endif
}

/// Sizes and modification times of every file under some folders, hidden ones included, and of the folders
/// their symbolic links lead to inside them, to notice edits; and the folders themselves, to watch them.
struct FolderSnapshot: Equatable, Sendable {
    var files: [String: FileStamp] = [:]
    /// The folders walked: the ones asked for and every folder under them.
    var folders: [String] = []

    init(folders roots: [String]) {
        let fileSystem = LocalFileSystem()
        for root in roots {
            folders.append(root)
            for item in FolderWalker(fileSystem: fileSystem, skipsHidden: false, followsLinksInside: true).walk(root).items {
                let path = root + "/" + item.path
                if item.kind == .directory || (item.kind == .symbolicLink && fileSystem.kind(of: path) == .directory) {
                    folders.append(path)
                } else {
                    files[path] = fileSystem.stamp(of: path)
                }
            }
        }
    }

    static func == (a: FolderSnapshot, b: FolderSnapshot) -> Bool { a.files == b.files }
}
