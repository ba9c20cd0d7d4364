import Testing
@testable import TimelineSite
import TimelineTheme

/// A published stylesheet loses its comments and the spaces and line breaks that separate nothing, and
/// nothing it means.
@Suite struct StylesheetMinifierTests {
    static func minified(_ text: String) -> String {
        String(decoding: StylesheetMinifier.minified(Array(text.utf8)), as: UTF8.self)
    }

    @Test func dropsCommentsAndSpacesThatSeparateNothing() {
        let css = """
            /* The design.
               Two lines of comment. */
            .a {
              color: red;   /* trailing */
              border: 1px/**/solid;
            }

            @media (min-width: 48rem) {
              .b { margin: 0 auto; }\r
            }
            """
        #expect(Self.minified(css) == ".a{color:red;border:1px solid}@media (min-width:48rem){.b{margin:0 auto}}")
        // Spaces that separate words stay: descendants, sums, a value's parts, !important.
        #expect(Self.minified(".a .b > .c ,\n.d:hover { width: calc(100% + .5rem) !important; }") == ".a .b>.c,.d:hover{width:calc(100% + .5rem) !important}")
    }

    @Test func keepsStringsAsWritten() {
        let css = ".q::before { content: \"  /* not a comment */  \"; }\n.r { content: '\\'  x'; font-family: \"A  B\"; }\n"
        #expect(Self.minified(css) == ".q::before{content:\"  /* not a comment */  \"}.r{content:'\\'  x';font-family:\"A  B\"}")
    }

    @Test func theThemesStylesheetShrinksAndKeepsEveryRule() throws {
        let source = String(decoding: try #require(DefaultTheme.file("assets/style.css")), as: UTF8.self)
        let small = Self.minified(source)
        #expect(small.utf8.count < source.utf8.count * 8 / 10)
        #expect(small.count { $0 == "{" } == source.replacing(/\/\*[\s\S]*?\*\//, with: "").count { $0 == "{" })
        #expect(!small.contains("/*"))
    }
}
