// Fuzz target: the EDTF date parser and everything that shows a parsed date.
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
import TimelineTesting

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEDTF(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let date = try EDTFDate(parsing: text)
        // A parsed date's bounds are in order, and every way of showing it works.
        precondition(date.earliest <= date.latest, "earliest after latest for '\(text)'")
        for wording in [DateWording.english, .french, .spanish] {
            _ = date.display(wording)
            _ = date.html(wording)
        }
        _ = date.year
        _ = date.precision
    } catch {
        // An error points inside the text (or just past its end).
        precondition(error.offset >= 0 && error.offset <= text.utf8.count, "offset \(error.offset) outside '\(text)'")
        precondition(!error.message.isEmpty)
    }
    return 0
}
