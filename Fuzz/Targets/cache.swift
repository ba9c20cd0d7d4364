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
    switch kind % 6 {
    case 0: roundTrip(BuildCache.Rendering.self, record)
    case 1: roundTrip(NoteReading<EntryFields>.self, record)
    case 2: roundTrip(NoteReading<TopicFields>.self, record)
    case 3: roundTrip(NoteReading<PageFields>.self, record)
    case 4: roundTrip(BuildCache.Manifest.self, record)
    default: roundTrip([ReadKey].self, record)
    }
    return 0
}

/// Reads a value; when it reads, writing it and reading it again gives the same bytes.
func roundTrip<Value: Codable>(_ type: Value.Type, _ bytes: [UInt8]) {
    guard let value = try? BinaryDecoder.decode(Value.self, from: bytes) else { return }
    guard let written = try? BinaryEncoder.encode(value) else { preconditionFailure("a value read cannot be written") }
    guard let again = try? BinaryDecoder.decode(Value.self, from: written) else { preconditionFailure("a value written cannot be read") }
    precondition((try? BinaryEncoder.encode(again)) == written, "a value read back differs")
}
