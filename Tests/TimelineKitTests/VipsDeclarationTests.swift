import Foundation
import Testing

/// The generator loads libvips when it first reads an image and calls it through the declarations of
/// `Sources/CVips/shim.h`, which are its own, not libvips's headers: these tests compile them beside libvips's
/// headers, so that a function, a type or a constant declared otherwise than libvips declares it fails here
/// instead of corrupting memory at run time.
@Suite struct VipsDeclarationTests {
    /// A C file that includes libvips's, Pango's and fontconfig's headers, then the shim, and asserts that each function of the shim's
    /// table has the type libvips gives it and each constant the value.
    static let check = """
        #include <vips/vips.h>
        #include <pango/pangocairo.h>
        #include <fontconfig/fontconfig.h>
        #include "shim.h"
        #define TIMELINE_SAME(name) _Static_assert(__builtin_types_compatible_p(__typeof__(&name), \\
            __typeof__(timeline_vips_table()->name)), #name " is not declared as libvips declares it");
        TIMELINE_VIPS_FUNCTIONS(TIMELINE_SAME)
        _Static_assert(__builtin_types_compatible_p(GLogFunc, timeline_log_function), "GLogFunc");
        _Static_assert(TIMELINE_VIPS_ACCESS_SEQUENTIAL == VIPS_ACCESS_SEQUENTIAL, "VIPS_ACCESS_SEQUENTIAL");
        _Static_assert(TIMELINE_VIPS_FAIL_ON_TRUNCATED == VIPS_FAIL_ON_TRUNCATED, "VIPS_FAIL_ON_TRUNCATED");
        _Static_assert(TIMELINE_VIPS_SIZE_DOWN == VIPS_SIZE_DOWN, "VIPS_SIZE_DOWN");
        _Static_assert(TIMELINE_VIPS_TEXT_WRAP_WORD == VIPS_TEXT_WRAP_WORD, "VIPS_TEXT_WRAP_WORD");
        _Static_assert(TIMELINE_VIPS_FORMAT_UCHAR == VIPS_FORMAT_UCHAR, "VIPS_FORMAT_UCHAR");
        _Static_assert(TIMELINE_LOG_WARNING_MESSAGE_INFO == (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO), "G_LOG_LEVEL");
        _Static_assert(TIMELINE_VIPS_ABI == VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE, "VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE");
        _Static_assert(TIMELINE_TRUE == TRUE, "TRUE");

        """

    /// Compiles `check` against a copy of the shim, with libvips's include flags: the compiler's exit status
    /// and messages.
    static func compile(shim: String) throws -> (status: Int32, messages: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vips-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try shim.write(to: folder.appendingPathComponent("shim.h"), atomically: true, encoding: .utf8)
        try check.write(to: folder.appendingPathComponent("check.c"), atomically: true, encoding: .utf8)
        let flags = try run("pkg-config --cflags vips pangocairo fontconfig").output
        let result = try run("\(compiler) -fsyntax-only \(flags) -I \(folder.path) \(folder.path)/check.c")
        return (result.status, result.output)
    }

    /// The C compiler of the Swift toolchain (clang is part of it), else the system's.
    static let compiler: String = {
        for candidate in ["clang", "cc"] where (try? run("command -v \(candidate)"))?.status == 0 { return candidate }
        return "clang"
    }()

    static func run(_ command: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " 2>&1"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static var shim: String {
        get throws { try String(contentsOfFile: TestSupport.repository + "/Sources/CVips/shim.h", encoding: .utf8) }
    }

    @Test func theShimDeclaresWhatLibvipsDeclares() throws {
        let result = try Self.compile(shim: try Self.shim)
        #expect(result.status == 0, "\(result.messages)")
    }

    @Test func aDeclarationUnlikeLibvipsFailsTheCheck() throws {
        let shim = try Self.shim
        let wrongType = shim.replacingOccurrences(of: "int (*vips_avg)(VipsImage *in, double *out, ...);", with: "int (*vips_avg)(VipsImage *in, float *out, ...);")
        let wrongValue = shim.replacingOccurrences(of: "TIMELINE_VIPS_SIZE_DOWN = 2,", with: "TIMELINE_VIPS_SIZE_DOWN = 3,")
        #expect(wrongType != shim && wrongValue != shim)
        let typeResult = try Self.compile(shim: wrongType)
        #expect(typeResult.status != 0)
        #expect(typeResult.messages.contains("vips_avg is not declared as libvips declares it"))
        let valueResult = try Self.compile(shim: wrongValue)
        #expect(valueResult.status != 0)
        #expect(valueResult.messages.contains("VIPS_SIZE_DOWN"))
    }
}
