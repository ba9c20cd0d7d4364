import Synchronization

/// Collects the diagnostics of a run from every stage and thread, and answers whether the run failed.
public final class DiagnosticLog: Sendable {
    private let storage = Mutex<[Diagnostic]>([])

    public init() {}

    public func report(_ diagnostic: Diagnostic) {
        storage.withLock { $0.append(diagnostic) }
    }

    public func report(contentsOf diagnostics: some Sequence<Diagnostic>) {
        storage.withLock { $0.append(contentsOf: diagnostics) }
    }

    /// Reports a list of diagnostics; an empty one, as most notes' are, without taking the lock.
    public func report(contentsOf diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        storage.withLock { $0.append(contentsOf: diagnostics) }
    }

    public func error(_ id: DiagnosticID, _ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = [], fixIt: Diagnostic.FixIt? = nil) {
        report(.error(id, message, at: location, notes: notes, fixIt: fixIt))
    }

    public func warning(_ id: DiagnosticID, _ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = [], fixIt: Diagnostic.FixIt? = nil) {
        report(.warning(id, message, at: location, notes: notes, fixIt: fixIt))
    }

    /// Every diagnostic reported so far, ordered by file, line and column so that output is stable.
    public var diagnostics: [Diagnostic] {
        let all = storage.withLock { $0 }
        var seen = Set<Diagnostic>()
        return all.filter { seen.insert($0).inserted }.sorted {
            ($0.location, $0.id.rawValue, $0.message) < ($1.location, $1.id.rawValue, $1.message)
        }
    }

    public var errorCount: Int { storage.withLock { $0.count { $0.severity == .error } } }
    public var warningCount: Int { storage.withLock { $0.count { $0.severity == .warning } } }

    /// The line that ends a run's diagnostics, or nil when there were none: "No errors, 2 warnings.",
    /// "1 error, 2 warnings", or, when warnings are treated as errors, "2 warnings treated as errors (--strict)".
    public func summary(strict: Bool) -> String? {
        let errors = errorCount, warnings = warningCount
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        switch (errors, warnings) {
        case (0, 0): return nil
        case (0, _) where strict: return count(warnings, "warning") + " treated as errors (--strict)"
        case (0, _): return "No errors, " + count(warnings, "warning") + "."
        case (_, 0): return count(errors, "error") + ", 0 warnings"
        case _ where strict: return count(errors, "error") + ", and " + count(warnings, "warning") + " treated as errors (--strict)"
        default: return count(errors, "error") + ", " + count(warnings, "warning")
        }
    }

    /// Whether the run must stop: any error, or any warning when warnings are treated as errors.
    public func hasFailures(strict: Bool) -> Bool {
        storage.withLock { list in
            list.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        }
    }
}
