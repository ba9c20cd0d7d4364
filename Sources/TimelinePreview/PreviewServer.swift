import Foundation
import TimelineBuild
import TimelineContent
import TimelineCore

/// `timeline serve`: builds the site, serves it (on 127.0.0.1 unless told otherwise), watches the content and
/// templates, rebuilds on every change and reloads open pages. A failed build is shown in the terminal and in
/// the page, and the last good site stays served.
public struct PreviewServer: Sendable {
    let options: BuildOptions
    /// The IPv4 address to listen on.
    let address: String
    let port: UInt16
    /// Whether a taken port makes the server try the next ones, rather than stop.
    let triesNextPorts: Bool
    /// Where messages for the terminal go.
    let print: @Sendable (String) -> Void
    /// Told the site's address once it is built and served.
    let ready: @Sendable (String) -> Void
    /// Held while a build runs, so that a stop signal waits for it.
    public let gate = BuildGate()

    /// How many ports after a taken one are tried.
    static let portsTried = 10

    public init(
        options: BuildOptions, address: String = "127.0.0.1", port: UInt16, triesNextPorts: Bool = false, print: @escaping @Sendable (String) -> Void,
        ready: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.options = options
        self.address = address
        self.port = port
        self.triesNextPorts = triesNextPorts
        self.print = print
        self.ready = ready
    }

    /// Listens at the port asked for or, when it is taken and the server may, at one of the next ports.
    func listen(limits: PreviewLimits) throws -> PreviewListener {
        var port = port
        while true {
            do {
                return try PreviewListener(address: address, port: port, limits: limits)
            } catch let error as ListenError where triesNextPorts && error.isPortTaken && Int(port) < Int(self.port) + Self.portsTried && port < .max {
                port += 1
                print("Port \(port - 1) is in use; trying \(port)")
            }
        }
    }

    /// Refuses an output the build would refuse, listens on the port (so that a port in use is reported at
    /// once, as ``ListenError``), then builds the site and serves it until the task is cancelled.
    public func run(limits: PreviewLimits = .forThisProcess()) async throws {
        // An output the build would refuse stops the preview at once, rather than failing every rebuild; one
        // inside the watched folders would make each build start the next.
        _ = try OutputPlace(path: options.outputFolder, protecting: [options.contentFolder, options.templatesFolder])
        let listener = try listen(limits: limits)
        let state = PreviewState()
        let builder = SiteBuilder(options: options)
        // What the folders hold before the first build, which the watcher starts from: a save made while it
        // builds, or before the watcher is up, is seen and built next.
        let start = FolderSnapshot(folders: [options.contentFolder, options.templatesFolder])
        var cache: BuildCache?
        await rebuild(builder, state: state, cache: &cache)
        guard let root = LocalFileSystem().resolvedPath(options.outputFolder) else {
            throw OutputError(path: options.outputFolder, "there is no site to serve")
        }

        let files = SiteFileHandler(root: root)
        let routes = PreviewRoute { request in
            switch (request.method, request.path) {
            case ("GET", "/_timeline/reload.js"):
                return PreviewResponse(.ok, fields: [("Content-Type", "text/javascript; charset=utf-8")], body: Array(Self.reloadScript.utf8))
            case ("GET", "/_timeline/wait"):
                let since = request.query["since"].flatMap { Int($0) } ?? -1
                let (version, failure) = await state.wait(since: since, seconds: 20)
                var body = "{\"version\":\(version)"
                if let failure { body += ",\"error\":" + JSON.string(failure).serialized() }
                body += "}"
                return PreviewResponse(.ok, fields: [("Content-Type", "application/json"), ("Cache-Control", "no-store")], body: Array(body.utf8))
            default:
                return try await files.answer(request)
            }
        }

        let shown = address == "0.0.0.0" ? "127.0.0.1" : address
        let url = "http://\(shown):\(listener.port)/"
        let reach = address == "0.0.0.0" ? " (and at this machine's other addresses)" : ""
        print("Serving \(options.outputFolder) at \(url)\(reach) — watching \(options.contentFolder) and \(options.templatesFolder); Ctrl-C to stop")
        ready(url)
        try await withThrowingTaskGroup(of: Void.self) { [routes, cache] group in
            group.addTask { try await listener.run(routes) }
            group.addTask { await watch(from: start, builder, state: state, cache: cache) }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Rebuilds whenever a file of the content or templates changes.
    private func watch(from start: FolderSnapshot, _ builder: SiteBuilder, state: PreviewState, cache: BuildCache?) async {
        var cache = cache
        let watcher = FolderWatcher(folders: [options.contentFolder, options.templatesFolder], since: start)
        while await watcher.nextChange() {
            await rebuild(builder, state: state, cache: &cache)
        }
    }

    /// Rebuilds, rendering only what changed since the last build. The first build reads the cache the last
    /// `timeline build` or preview left beside the output; the preview keeps it in memory after that, and
    /// saves it after each build, so that images and share cards are processed once, not at every save.
    private func rebuild(_ builder: SiteBuilder, state: PreviewState, cache: inout BuildCache?) async {
        let failure = gate.whileBuilding { build(builder, cache: &cache) }
        await state.record(failure: failure)
    }

    /// Builds the site and saves its cache, printing the diagnostics and summary; returns why it failed, if it did.
    private func build(_ builder: SiteBuilder, cache: inout BuildCache?) -> String? {
        let log = DiagnosticLog()
        let start = Date()
        var failure: String?
        do {
            let output = try DirectoryOutput(path: options.outputFolder, protecting: [options.contentFolder, options.templatesFolder])
            var current = cache ?? BuildCache.load(from: output.cachePath)
            defer { cache = current }
            if let summary = try builder.build(into: output, log: log, cache: &current) {
                current.save()
                for diagnostic in log.diagnostics { print(diagnostic.description) }
                print("Built \(options.outputFolder): \(summary)")
            } else {
                failure = log.diagnostics.map(\.description).joined(separator: "\n")
            }
        } catch {
            failure = (log.diagnostics.map(\.description) + [error.description]).joined(separator: "\n")
        }
        if let failure {
            print(failure)
            print("Build failed after \(Int(Date().timeIntervalSince(start) * 1000)) ms; still serving the last site that built")
        }
        return failure
    }

    /// Polls for a new version; reloads the page when a build succeeds, and shows the diagnostics when one fails.
    static let reloadScript = """
        (function () {
          "use strict";
          var version = null;
          var box = null;
          function show(text) {
            if (!box) {
              box = document.createElement("pre");
              box.setAttribute("role", "alert");
              box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1rem;" +
                "background:#7a1010;color:#fff;font:14px/1.4 monospace;z-index:2147483647;white-space:pre-wrap";
              document.body.appendChild(box);
            }
            box.textContent = "The last build failed; this is the last site that built.\\n\\n" + text;
          }
          function poll() {
            fetch("/_timeline/wait?since=" + (version === null ? -1 : version), { cache: "no-store" })
              .then(function (response) { return response.json(); })
              .then(function (state) {
                if (version !== null && state.version !== version && !state.error) { location.reload(); return; }
                if (state.error) { show(state.error); } else if (box) { box.remove(); box = null; }
                version = state.version;
                poll();
              })
              .catch(function () { setTimeout(poll, 1000); });
          }
          poll();
        })();
        """
}
