import Foundation
import Testing
@testable import TimelineBuild
import TimelineContent
import TimelineCore
import TimelineMedia
import TimelineTesting

/// A site with a photo that carries a GPS position publishes it in several widths with no metadata left, with
/// its credit, licence and alt text; every bad image gives its located error and leaves the output untouched.
@Suite struct MediaSiteTests {
    static let mediaYAML = """
        - file: harbour.jpg
          alt: Three fishing boats moored at a concrete quay, seen from the water.
          caption: The harbour before the bridge was built.
          credit: Ana Pérez
          license: CC BY 4.0
          source_url: https://example.org/photos/harbour

        """

    /// The minimal site with a lead image, an image in the body and the photo's file.
    static func site(media: String = mediaYAML, photo: [UInt8]? = nil, body: String = "![](media/harbour.jpg)") -> MemoryFileSystem {
        let files = TestSupport.minimalSite(with: [
            "Content/media.yaml": media,
            "Content/entries/event.md": """
                ---
                title: An event
                date: 2024-06-01
                image: harbour.jpg
                ---

                Something happened [@paper].

                \(body)

                """,
        ])
        let fileSystem = MemoryFileSystem(files: files)
        fileSystem.write("Content/media/harbour.jpg", bytes: photo ?? ImagePipelineTests.withGPS(ImagePipelineTests.photo(width: 2000, height: 1500), orientation: 1))
        return fileSystem
    }

    static func build(_ fileSystem: MemoryFileSystem, output: MemoryOutput = MemoryOutput()) -> (MemoryOutput, DiagnosticLog) {
        let log = DiagnosticLog()
        _ = try? SiteBuilder(options: BuildOptions(), fileSystem: fileSystem).build(into: output, log: log)
        return (output, log)
    }

    @Test func publishesThePhotoInSeveralWidthsWithoutItsPosition() throws {
        let (output, log) = Self.build(Self.site())
        #expect(log.diagnostics.filter { $0.severity == .error }.isEmpty, "\(log.diagnostics)")
        let copies = output.files.keys.filter { $0.hasPrefix("media/") }.sorted()
        #expect(copies == [
            "media/harbour-1600.jpg", "media/harbour-1600.webp", "media/harbour-480.jpg", "media/harbour-480.webp", "media/harbour-960.jpg",
            "media/harbour-960.webp",
        ])
        for path in copies {
            let bytes = try #require(output.files[path])
            #expect(!ImagePipeline.metadataFields(of: bytes).contains { $0.hasPrefix("exif") || $0.hasPrefix("xmp") }, "\(path)")
            #expect(!bytes.indices.dropLast(4).contains { bytes[$0..<($0 + 4)].elementsEqual("Exif".utf8) }, "\(path)")
        }
        let page = try #require(output.text("entries/event.html"))
        // The lead image, at once; the one in the body, lazily; both with the photo's alt text, credit and licence.
        #expect(page.contains(#"<img src="../media/harbour-1600.jpg" srcset="../media/harbour-480.jpg 480w, ../media/harbour-960.jpg 960w, ../media/harbour-1600.jpg 1600w""#))
        #expect(page.contains(#"width="1600" height="1200" alt="Three fishing boats moored at a concrete quay, seen from the water." fetchpriority="high">"#))
        #expect(page.contains(#"loading="lazy" decoding="async">"#))
        #expect(page.contains(#"<source type="image/webp" srcset="../media/harbour-480.webp 480w, ../media/harbour-960.webp 960w, ../media/harbour-1600.webp 1600w""#))
        #expect(page.contains(#"<span class="media-credit"><a href="https://example.org/photos/harbour">Ana Pérez</a> · CC BY 4.0</span>"#))
        #expect(page.contains("<figcaption><span class=\"media-caption\">The harbour before the bridge was built.</span>"))
        #expect(page.components(separatedBy: "<figure class=\"media").count == 3)
        // TimelineJS gets the lead image with its own alt text, credit and licence.
        let timeline = try #require(output.text("timeline.json"))
        #expect(timeline.contains(#""url": "media/harbour-1600.jpg""#), "\(timeline)")
        #expect(timeline.contains(#""alt": "Three fishing boats moored at a concrete quay, seen from the water.""#))
        #expect(timeline.contains(#""credit": "Ana Pérez · CC BY 4.0""#))
        // A shared link shows the lead image, at its address from the page, as the site has no base_url.
        #expect(page.contains(#"<meta property="og:image" content="../media/harbour-1600.jpg">"#))
    }

    @Test func everyBadImageGivesALocatedErrorAndLeavesTheOutputUntouched() throws {
        let good = Self.build(Self.site()).0
        let before = good.files
        func failure(_ fileSystem: MemoryFileSystem) -> [String] {
            let (output, log) = Self.build(fileSystem, output: good)
            #expect(output.files == before)
            return log.diagnostics.filter { $0.severity == .error }.map(\.description)
        }
        let photo = ImagePipelineTests.photo(width: 400, height: 300)
        #expect(failure(Self.site(photo: Array("plain text".utf8))).first?.hasPrefix("Content/media.yaml:1:9: error: 'harbour.jpg' is not a JPEG, PNG or WebP image [invalid-image]") == true)
        #expect(failure(Self.site(photo: Array(photo.prefix(photo.count / 2)))).first?.hasPrefix(
            "Content/media.yaml:1:9: error: image 'harbour.jpg' cannot be read to its end; is the file complete?") == true)
        let start = Date()
        #expect(failure(Self.site(photo: ImagePipelineTests.bomb())).first?.hasPrefix(
            "Content/media.yaml:1:9: error: image 'harbour.jpg' declares 60000 × 60000 pixels, over the limit of 100 megapixels") == true)
        #expect(Date().timeIntervalSince(start) < 10)
        let missing = Self.site()
        missing.remove("Content/media/harbour.jpg")
        #expect(failure(missing) == ["Content/media.yaml:1:9: error: image file 'media/harbour.jpg' does not exist [missing-file]"])
        let withoutCredit = Self.mediaYAML.replacingOccurrences(of: "  credit: Ana Pérez\n", with: "")
        #expect(failure(Self.site(media: withoutCredit)).contains { $0.contains("credit") && $0.hasPrefix("Content/media.yaml:1:3: error:") })
        let withoutAlt = Self.mediaYAML.replacingOccurrences(of: "  alt: Three fishing boats moored at a concrete quay, seen from the water.\n", with: "")
        #expect(failure(Self.site(media: withoutAlt)).contains { $0.contains("alt") && $0.hasPrefix("Content/media.yaml:1:3: error:") })
        let altIsCaption = Self.mediaYAML.replacingOccurrences(of: "Three fishing boats moored at a concrete quay, seen from the water.", with: "The harbour before the bridge was built")
        #expect(failure(Self.site(media: altIsCaption)).contains { $0.hasPrefix("Content/media.yaml:2:8: error: the alt text repeats the caption") })
        #expect(failure(Self.site(body: "![](media/harbor.jpg)")) == [
            "Content/entries/event.md:9:1: error: image 'media/harbor.jpg' is not described in media.yaml; did you mean 'harbour.jpg'? [unknown-media]",
        ])
        #expect(failure(Self.site(body: "A photo: ![](media/harbour.jpg)")).first?.hasPrefix(
            "Content/entries/event.md:9:10: error: an image of media/ stands in a paragraph of its own") == true)
        let undescribed = Self.site()
        undescribed.write("Content/media/extra.png", bytes: [1, 2, 3])
        #expect(failure(undescribed) == [
            "Content/media/extra.png: error: image 'extra.png' is not described in media.yaml; give it alt, credit and license there [unknown-media]",
        ])
    }

    @Test func anImageProcessedOnceIsTakenFromTheStoreAfterwards() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fileSystem = Self.site()
        let item = MediaItem(file: "harbour.jpg", alt: "Boats", credit: "Ana Pérez", license: "CC BY 4.0", location: .file("Content/media.yaml"))
        let stage = MediaStage(fileSystem: fileSystem, contentFolder: "Content", store: MediaStore(folder: folder), limits: Limits())
        let first = stage.run([item], log: DiagnosticLog())
        let stored = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(stored.count == 1 && stored[0].hasSuffix(".image"))
        // The stored copies are what a second run publishes: made once, never again while the bytes are the same.
        let path = folder + "/" + stored[0]
        var bytes = try #require(FileManager.default.contents(atPath: path))
        let marker = try #require(first.files[.media("harbour-480.jpg")])
        let range = try #require(bytes.range(of: Data(marker)))
        bytes.replaceSubrange(range.lowerBound..<(range.lowerBound + 3), with: Data([0xFF, 0xD8, 0x00]))
        try bytes.write(to: URL(fileURLWithPath: path))
        let second = stage.run([item], log: DiagnosticLog())
        #expect(second.files[.media("harbour-480.jpg")]?.prefix(3) == [0xFF, 0xD8, 0x00])
        #expect(second.images == first.images)
        // A changed photo is processed anew.
        fileSystem.write("Content/media/harbour.jpg", bytes: ImagePipelineTests.photo(width: 500, height: 400))
        let third = stage.run([item], log: DiagnosticLog())
        #expect(third.images["harbour.jpg"]?.copies.map(\.width) == [480, 500, 480, 500])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 2)
    }

    /// The fixture site `Fixtures/media`, as the browser suite builds it: its photo carries a GPS position and
    /// a camera model, which no published copy keeps.
    @Test func theFixtureSitesPhotoIsPublishedWithoutItsPosition() throws {
        let content = TestSupport.fixtures + "/media/Content"
        let photo = try #require(FileManager.default.contents(atPath: content + "/media/harbour.jpg"))
        let fields = ImagePipeline.metadataFields(of: Array(photo))
        #expect(fields.contains("exif-ifd3-GPSLatitude") && fields.contains("exif-ifd0-Model"))
        let output = MemoryOutput(), log = DiagnosticLog()
        let summary = try SiteBuilder(options: BuildOptions(contentFolder: content, strict: true), fileSystem: LocalFileSystem()).build(into: output, log: log)
        #expect(summary != nil, "\(log.diagnostics)")
        let copies = output.files.filter { $0.key.hasPrefix("media/") }
        #expect(copies.keys.sorted() == [
            "media/harbour-1600.jpg", "media/harbour-1600.webp", "media/harbour-480.jpg", "media/harbour-480.webp", "media/harbour-960.jpg",
            "media/harbour-960.webp",
        ])
        for (path, bytes) in copies {
            let left = ImagePipeline.metadataFields(of: bytes).filter { $0.hasPrefix("exif") || $0.hasPrefix("xmp") || $0.hasPrefix("iptc") }
            #expect(left.isEmpty, "\(path) keeps \(left)")
            #expect(!String(decoding: bytes, as: UTF8.self).contains("Phone X 12"), "\(path) keeps the camera's model")
        }
        let page = try #require(output.text("entries/dredging.html"))
        #expect(page.contains("alt=\"A gradient of blue and green, standing for the harbour&#39;s water seen from the quay.\""))
        #expect(page.contains("alt=\"The harbour’s water, in blue and green, as the photographer saw it from the quay.\""))
        #expect(page.contains("<span class=\"media-credit\"><a href=\"https://example.org/gazette/harbour\">Northport Gazette</a> · CC BY 4.0</span>"))
        let place = try #require(output.text("topics/northport.html"))
        #expect(place.contains("<svg class=\"locator-map\"") && place.contains("class=\"map-marker current\""))
        #expect(output.text("map.html")?.contains("<a href=\"topics/northport.html\">Northport</a> <span class=\"topic-count\">3 entries</span>") == true)
    }
}
