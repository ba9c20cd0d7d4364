import Foundation
import Testing
@testable import TimelinePreview

/// `timeline serve`'s options: drafts, the address listened on, the next port when the default one is taken,
/// and opening a browser.
@Suite(.serialized) struct PreviewOptionsTests {
    /// A new site with a draft entry beside its published one.
    private func siteWithADraft() throws -> String {
        let root = TestSupport.temporaryFolder()
        #expect(try Timeline.run(["init"], in: root).status == 0)
        let created = try Timeline.run(["new", "entry", "half-done", "--title", "Half done", "--date", "2025-07"], in: root)
        #expect(created.output == "Created Content/entries/half-done.md, a draft: 'timeline serve --drafts' shows it; remove its 'draft: true' line to publish it\n")
        return root
    }

    /// A draft is left out of `build` and of `serve`, and served, marked as a draft, under `serve --drafts`.
    @Test func draftsAreServedOnlyWhenAskedFor() async throws {
        let root = try siteWithADraft()
        let built = try Timeline.run(["build", "--strict"], in: root)
        #expect(built.status == 0, "\(built.errors)")
        #expect(!FileManager.default.fileExists(atPath: root + "/Public/entries/half-done.html"))
        do {
            let server = try PreviewServerTests.Server(in: root)
            #expect(server.port > 0, "\(server.log)")
            #expect(try await server.get("/entries/half-done.html").status == 404)
        }
        let server = try PreviewServerTests.Server(in: root, arguments: ["--port", "0", "--drafts"])
        #expect(server.port > 0, "\(server.log)")
        let page = try await server.get("/entries/half-done.html")
        #expect(page.status == 200)
        #expect(page.body.contains("<p class=\"draft-notice\" role=\"note\"><strong>Draft.</strong>"))
        #expect(page.body.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(!(try await server.get("/entries/bridge-opens.html").body.contains("draft-notice")))
    }

    /// `--bind 0.0.0.0` listens on every address, this machine's loopback among them; a value that is no IPv4
    /// address is refused before anything is built.
    @Test func bindChoosesTheAddress() async throws {
        let root = try siteWithADraft()
        let refused = try Timeline.run(["serve", "--bind", "my-laptop"], in: root, timeout: 30)
        #expect(refused.status == 64)
        #expect(refused.errors.hasPrefix("Error: --bind takes an IPv4 address, such as 127.0.0.1 or 0.0.0.0, not 'my-laptop'\n"), "\(refused.errors)")
        #expect(!FileManager.default.fileExists(atPath: root + "/Public"))
        let server = try PreviewServerTests.Server(in: root, arguments: ["--port", "0", "--bind", "0.0.0.0"])
        #expect(server.log.contains("(and at this machine's other addresses)"), "\(server.log)")
        #expect(try await server.get("/").status == 200)
    }

    /// When the default port is taken, the next free one is used and named; a port given with --port is not
    /// replaced (`aBusyPortIsNamedAtOnce`).
    @Test func aTakenDefaultPortGivesTheNextOne() async throws {
        let root = try siteWithADraft()
        let holder = try? PreviewListener(port: 8000)
        let server = try PreviewServerTests.Server(in: root, arguments: [])
        #expect(server.log.contains("Port 8000 is in use; trying 8001"), "\(server.log)")
        #expect(server.port > 8000 && server.port <= 8010, "\(server.log)")
        #expect(try await server.get("/").status == 200)
        withExtendedLifetime(holder) {}
    }

    /// `--open` hands the site's address to the system's opener once the site is served.
    @Test func openHandsTheAddressToTheBrowser() async throws {
        let root = try siteWithADraft()
        let bin = root + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let opener = bin + "/xdg-open"
        try "#!/bin/sh\necho \"$1\" > \"\(root)/opened\"\n".write(toFile: opener, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: opener)
        let server = try PreviewServerTests.Server(in: root, arguments: ["--port", "0", "--open"], environment: ["PATH": bin + ":/usr/bin:/bin"])
        #expect(server.port > 0, "\(server.log)")
        var opened = ""
        for _ in 0..<50 where opened.isEmpty {
            opened = (try? String(contentsOfFile: root + "/opened", encoding: .utf8)) ?? ""
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        #expect(opened == "http://127.0.0.1:\(server.port)/\n")
    }
}
