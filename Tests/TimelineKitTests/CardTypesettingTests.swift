import Foundation
import Testing

/// Share cards' text is set by Pango, whose font maps start threads of their own to sort fonts. Emptying a
/// font map's caches while those threads run frees tables they still use, and crashes the build: these tests
/// run a real build with a small library loaded before Pango, which counts each time a font map's caches
/// are emptied and each text Pango draws.
@Suite struct CardTypesettingTests {
    /// The counting library: it passes each call on to Pango and writes the counts to `TIMELINE_COUNTS` when
    /// the process ends.
    static let counter = """
        #define _GNU_SOURCE
        #include <dlfcn.h>
        #include <stdio.h>
        #include <stdlib.h>
        #include <stdatomic.h>
        static atomic_int clears, shown;
        void pango_fc_font_map_cache_clear(void *map) {
            void (*next)(void *) = (void (*)(void *))dlsym(RTLD_NEXT, "pango_fc_font_map_cache_clear");
            atomic_fetch_add(&clears, 1);
            next(map);
        }
        void pango_cairo_show_layout(void *cairo, void *layout) {
            void (*next)(void *, void *) = (void (*)(void *, void *))dlsym(RTLD_NEXT, "pango_cairo_show_layout");
            atomic_fetch_add(&shown, 1);
            next(cairo, layout);
        }
        __attribute__((destructor)) static void report(void) {
            const char *path = getenv("TIMELINE_COUNTS");
            FILE *file = path ? fopen(path, "w") : NULL;
            if (!file) return;
            fprintf(file, "%d %d\\n", atomic_load(&clears), atomic_load(&shown));
            fclose(file);
        }

        """

    /// A build of the repository's site draws its cards with each font map's caches emptied at most once,
    /// when the map is new, however many texts it sets.
    @Test func aBuildNeverEmptiesTheCachesOfAFontMapInUse() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("typesetting-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.counter.write(toFile: folder + "/counter.c", atomically: true, encoding: .utf8)
        let compiled = try VipsDeclarationTests.run("\(VipsDeclarationTests.compiler) -shared -fPIC -o \(folder)/counter.so \(folder)/counter.c -ldl")
        #expect(compiled.status == 0, "\(compiled.output)")

        let run = try Timeline.run(
            ["build", "--quiet", "--output", folder + "/site"], in: TestSupport.repository,
            environment: ["LD_PRELOAD": folder + "/counter.so", "TIMELINE_COUNTS": folder + "/counts"])
        #expect(run.status == 0 && !run.signalled, "\(run.errors)")
        let counts = try String(contentsOfFile: folder + "/counts", encoding: .utf8).split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        try #require(counts.count == 2)
        let (clears, shown) = (counts[0], counts[1])
        let cards = try FileManager.default.subpathsOfDirectory(atPath: folder + "/site").filter { $0.hasSuffix(".png") && $0.contains("card") }
        // Every card sets several texts; the template names three font files, so at most three font maps are made.
        #expect(cards.count > 20)
        #expect(shown >= cards.count * 2, "texts drawn: \(shown), cards: \(cards.count)")
        #expect(clears <= 3, "a font map's caches were emptied \(clears) times while \(shown) texts were set")
    }
}
