// Fuzz target: the build cache's reader. The first byte picks a kind of record, the rest is read as one:
// whatever it holds, reading either refuses it or gives a value that writes back to bytes which read back
// to the same value. (A whole cache file also carries a checksum of each record, which random bytes fail;
// this reads behind it, as a record that passed its checksum by chance would be read.)
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineSite

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCache(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let kind = bytes.first else { return 0 }
    let record = Array(bytes.dropFirst())
    switch kind % 10 {
    case 0: roundTrip(BuildCache.Rendering.self, record)
    case 1: roundTrip(NoteReading<EntryFields>.self, record)
    case 2: roundTrip(NoteReading<TopicFields>.self, record)
    case 3: roundTrip(NoteReading<PageFields>.self, record)
    case 4: roundTrip(BuildCache.Manifest.self, record)
    case 5: roundTrip([ReadKey].self, record)
    case 6: roundTrip([Int].self, record)
    case 7: roundTrip(ExportLayout.self, record)
    case 8: roundTrip(DataReadings.self, record)
    default: roundTrip(RememberedTexts.Text.self, record)
    }
    return 0
}

/// Reads a record as the cache does; when it reads, writing it and reading it again gives the same bytes.
func roundTrip<Record: CacheRecord>(_ type: Record.Type, _ bytes: [UInt8]) {
    guard let value = try? bytes.withUnsafeBytes({ try BinaryInput.record(Record.self, from: $0) }) else { return }
    guard let written = try? encoded(value) else { preconditionFailure("a record read cannot be written") }
    guard let again = try? written.withUnsafeBytes({ try BinaryInput.record(Record.self, from: $0) }) else {
        preconditionFailure("a record written cannot be read")
    }
    precondition((try? encoded(again)) == written, "a record read back differs")
}

func encoded(_ record: some CacheRecord) throws -> [UInt8] {
    let output = BinaryOutput()
    try record.write(to: output)
    return output.bytes
}
