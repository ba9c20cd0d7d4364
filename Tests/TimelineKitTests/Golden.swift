import Foundation
import Testing

/// Compares text with a golden file in `Fixtures/golden/`; `RECORD_SNAPSHOTS=1` writes the files anew.
func assertGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let path = TestSupport.fixtures + "/golden/" + name
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! actual.write(toFile: path, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
        Issue.record("no golden file \(name); run the tests with RECORD_SNAPSHOTS=1 to write it", sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else { return }
    let expectedLines = expected.components(separatedBy: "\n")
    let actualLines = actual.components(separatedBy: "\n")
    let line = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expectedLines.count, actualLines.count)
    let want = line < expectedLines.count ? expectedLines[line] : "(end of file)"
    let got = line < actualLines.count ? actualLines[line] : "(end of file)"
    Issue.record(
        "\(name) differs from its golden file at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)\n(run with RECORD_SNAPSHOTS=1 to accept the change)",
        sourceLocation: sourceLocation)
}
