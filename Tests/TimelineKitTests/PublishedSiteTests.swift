import Foundation
import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
@testable import TimelineSite
import TimelineTesting

/// The committed `Public/` is exactly what building `Content/` with the built-in theme gives, so it can never go stale.
@Suite struct PublishedSiteTests {
    @Test func publicFolderMatchesABuildOfTheContent() throws {
        let builder = SiteBuilder(options: BuildOptions(
            contentFolder: TestSupport.repository + "/Content", templatesFolder: TestSupport.templates, strict: true))
        let log = DiagnosticLog()
        let output = MemoryOutput()
        let summary = try builder.build(into: output, log: log)
        #expect(log.diagnostics.map(\.description) == [], "Content/ must build with no error and no warning under --strict")
        #expect(summary != nil)
        var published: [String: [UInt8]] = [:]
        for (path, bytes) in TestSupport.files(under: TestSupport.repository + "/Public") where path != DirectoryOutput.markerName {
            published[path] = bytes
        }
        let missing = Set(output.files.keys).subtracting(published.keys).sorted()
        let extra = Set(published.keys).subtracting(output.files.keys).sorted()
        let stale = output.files.filter { published[$0.key] != nil && published[$0.key] != $0.value }.map(\.key).sorted()
        #expect(missing == [], "files missing from Public/; run `make site`")
        #expect(extra == [], "files in Public/ that the content no longer makes; run `make site`")
        #expect(stale == [], "files in Public/ that differ from a build of Content/; run `make site`")
    }
}
