import Foundation
import Testing
@testable import TimelineBuild
import TimelineTheme

/// `timeline init` starts a site that builds with the built-in theme alone; a site's templates folder
/// replaces the theme file by file; `timeline theme eject` copies the theme's files out.
@Suite(.serialized) struct StartingASiteTests {
    /// A new site in an empty folder builds under `--strict`, with no templates folder, into a site with
    /// every kind of page.
    @Test func aNewSiteBuildsWithTheBuiltInTheme() throws {
        let root = TestSupport.temporaryFolder()
        let created = try Timeline.run(["init", "site"], in: root)
        #expect(created.status == 0, "\(created.errors)")
        #expect(created.output.contains("cd site && timeline build"))
        let site = root + "/site"
        #expect(!FileManager.default.fileExists(atPath: site + "/Templates"))
        #expect(FileManager.default.fileExists(atPath: site + "/.gitignore"))
        let built = try Timeline.run(["build", "--strict"], in: site)
        #expect(built.status == 0, "\(built.errors)")
        #expect(built.errors == "")
        #expect(built.output.hasPrefix("Built Public: 1 entry, 1 topic, 1 source, 1 fact, 0 pages: "), "\(built.output)")
        for page in ["index.html", "entries/bridge-opens.html", "topics/harbour-bridge.html", "sources/gazette-2025.html", "facts.html", "404.html", "assets/style.css"] {
            #expect(FileManager.default.fileExists(atPath: site + "/Public/" + page), "\(page)")
        }
        let again = try Timeline.run(["init", "site"], in: root)
        #expect(again.status == 1)
        #expect(again.errors == "site/Content: error: this folder already holds a site; 'timeline build' builds it, or give another folder\n")
    }

    /// A template in the site's folder replaces only that template: the entry pages change, and every other
    /// file is byte for byte what the built-in theme gives.
    @Test func aSiteTemplateReplacesOnlyThatTemplate() throws {
        let root = TestSupport.temporaryFolder()
        #expect(try Timeline.run(["init", "."], in: root).status == 0)
        #expect(try Timeline.run(["build"], in: root).status == 0)
        let plain = TestSupport.files(under: root + "/Public")
        let ejected = try Timeline.run(["theme", "eject", "entry"], in: root)
        #expect(ejected.output == "Copied Templates/entry.mustache\n")
        let template = root + "/Templates/entry.mustache"
        let text = try String(contentsOfFile: template, encoding: .utf8)
        try text.replacingOccurrences(of: "</article>", with: "<p class=\"own\">The site's own template.</p></article>").write(toFile: template, atomically: true, encoding: .utf8)
        #expect(text.contains("</article>"))
        let verbose = try Timeline.run(["build", "--verbose"], in: root)
        #expect(verbose.status == 0)
        #expect(verbose.output.hasPrefix("Templates: the built-in theme, with the site's own Templates/entry.mustache\nBuilt Public: "), "\(verbose.output)")
        #expect(verbose.errors.contains("timing: render and write pages: "), "\(verbose.errors)")
        let own = Dictionary(uniqueKeysWithValues: TestSupport.files(under: root + "/Public"))
        #expect(Set(own.keys) == Set(plain.map(\.0)))
        for (path, bytes) in plain {
            let changed = own[path] != bytes
            #expect(changed == path.hasPrefix("entries/"), "\(path)")
        }
        #expect(String(decoding: own["entries/bridge-opens.html"] ?? [], as: UTF8.self).contains("The site's own template."))
    }

    /// Ejecting the whole theme copies every file, keeps those the site has, and builds the same site.
    @Test func ejectingTheWholeThemeBuildsTheSameSite() throws {
        let root = TestSupport.temporaryFolder()
        #expect(try Timeline.run(["init"], in: root).status == 0)
        #expect(try Timeline.run(["build"], in: root).status == 0)
        let plain = TestSupport.files(under: root + "/Public")
        try FileManager.default.createDirectory(atPath: root + "/Templates/assets", withIntermediateDirectories: true)
        try "/* the site's own */\n".write(toFile: root + "/Templates/assets/style.css", atomically: true, encoding: .utf8)
        let ejected = try Timeline.run(["theme", "eject"], in: root)
        #expect(ejected.status == 0)
        #expect(ejected.output.split(separator: "\n").count == DefaultTheme.files.count)
        #expect(ejected.output.contains("Kept Templates/assets/style.css, which is the site's own already"))
        try Data(DefaultTheme.file("assets/style.css")!).write(to: URL(fileURLWithPath: root + "/Templates/assets/style.css"))
        #expect(try Timeline.run(["build", "--templates", "Templates"], in: root).status == 0)
        let again = TestSupport.files(under: root + "/Public")
        #expect(again.map(\.0) == plain.map(\.0))
        #expect(zip(again, plain).allSatisfy { $0.1 == $1.1 })
    }

    /// A name the theme lacks is an error with the closest name; nothing is written.
    @Test func ejectingAnUnknownFileSuggestsTheClosest() throws {
        let root = TestSupport.temporaryFolder()
        let result = try Timeline.run(["theme", "eject", "entri"], in: root)
        #expect(result.status == 1)
        #expect(result.errors == "error: the built-in theme has no file 'entri'; did you mean 'entry.mustache'?; 'timeline theme list' names them\n")
        #expect(!FileManager.default.fileExists(atPath: root + "/Templates"))
    }

    /// A templates folder named on the command line must exist; the default one may be absent.
    @Test func aNamedTemplatesFolderMustExist() throws {
        let root = TestSupport.temporaryFolder()
        #expect(try Timeline.run(["init"], in: root).status == 0)
        let result = try Timeline.run(["build", "--templates", "Theme"], in: root)
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix("Theme: error: templates folder 'Theme' does not exist [missing-templates]\n"))
    }

    /// The compiled-in theme is the theme folder's files, every one, byte for byte.
    @Test func theBuiltInThemeIsTheThemeFolder() {
        let folder = TestSupport.files(under: TestSupport.templates).sorted { $0.0 < $1.0 }
        #expect(DefaultTheme.files.map(\.path) == folder.map(\.0))
        #expect(zip(DefaultTheme.files, folder).allSatisfy { $0.bytes == $1.1 })
    }
}
