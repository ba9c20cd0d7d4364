import Testing
@testable import TimelineSite
import TimelineTheme

/// A published script loses its indentation, blank lines and lines of comment, and nothing it means.
@Suite struct ScriptMinifierTests {
    static func minified(_ text: String) -> String {
        String(decoding: ScriptMinifier.minified(Array(text.utf8)), as: UTF8.self)
    }

    @Test func dropsCommentLinesIndentationAndBlankLines() {
        let js = """
            // What the script does.
            (function () {
              "use strict";\r

              // A comment of its own line.
              var url = /^https?:\\/\\//; // a comment after code stays
              if (url.test("  a  ")) { run(); }   
            })();
            """
        #expect(Self.minified(js) == "(function () {\n\"use strict\";\nvar url = /^https?:\\/\\//; // a comment after code stays\nif (url.test(\"  a  \")) { run(); }\n})();\n")
    }

    @Test func leavesAScriptWithATemplateLiteralOrAContinuedLineAsWritten() {
        let literal = "var a = `one\n    two`;\n"
        #expect(Self.minified(literal) == literal)
        let continued = "var b = \"one \\\n    two\";\n"
        #expect(Self.minified(continued) == continued)
    }

    @Test func theThemesScriptsShrink() throws {
        for path in ["assets/cite.js", "assets/reader.js", "assets/search.js"] {
            let source = try #require(DefaultTheme.file(path))
            let small = ScriptMinifier.minified(source)
            #expect(small.count < source.count * 9 / 10, "\(path)")
        }
    }
}
