import Testing
@testable import TimelineSite
import TimelineTheme

/// A published script loses its comment lines, indentation and blank lines, and nothing it means.
@Suite struct ScriptMinifierTests {
    static func minified(_ text: String) -> String {
        String(decoding: ScriptMinifier.minified(Array(text.utf8)), as: UTF8.self)
    }

    @Test func dropsCommentLinesIndentationAndBlankLines() {
        let js = """
            // What the script does.
            (function () {
              "use strict";
                // A comment line, indented.
              var url = "http://example.org/"; // kept: a comment after code

              if (url) {\r
                go(url);   \t
              }
            })();

            """
        #expect(Self.minified(js) == "(function () {\n\"use strict\";\nvar url = \"http://example.org/\"; // kept: a comment after code\nif (url) {\ngo(url);\n}\n})();\n")
    }

    @Test func keepsTemplateLiteralsAndContinuedStringsAsWritten() {
        let template = "var a = `\n  // inside\n`;\n  var b = 1;\n"
        #expect(Self.minified(template) == template)
        #expect(Self.minified("  // Reads `a`.\n  var a = 1;\n") == "var a = 1;\n")
        let continued = "  var s = \"one \\\n  // two\";\n  var t = 2;"
        #expect(Self.minified(continued) == "var s = \"one \\\n  // two\";\nvar t = 2;")
    }

    @Test func theThemesScriptsShrinkAndKeepEveryLineOfCode() throws {
        for path in ["assets/search.js", "assets/reader.js"] {
            let source = String(decoding: try #require(DefaultTheme.file(path)), as: UTF8.self)
            let small = Self.minified(source)
            #expect(small.utf8.count < source.utf8.count * 9 / 10, "\(path)")
            let code = source.split(separator: "\n").map { $0.trimmingPrefix(while: \.isWhitespace) }.filter { !$0.isEmpty && !$0.hasPrefix("//") }
            #expect(small.split(separator: "\n").map(Substring.init) == code.map(Substring.init), "\(path)")
        }
    }
}
