// Fuzz target: the scanner of `[@...]` citations and `[[...]]` links in a run of text.
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
import TimelineTesting

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReferences(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let count = text.utf8.count
    var end = 0
    for found in InlineReferenceScanner.scan(text) {
        // References come in order, do not overlap, and lie inside the text.
        precondition(found.range.lowerBound >= end && found.range.upperBound <= count && !found.range.isEmpty)
        end = found.range.upperBound
        precondition((found.reference == nil) != (found.problem == nil))
        if let problem = found.problem {
            precondition(problem.offset >= 0 && problem.offset <= found.range.count)
        }
        if case .citation(let items) = found.reference {
            precondition(!items.isEmpty)
            for item in items { precondition(!item.sourceID.isEmpty && item.offset >= 0 && item.offset < found.range.count) }
        }
    }
    return 0
}
