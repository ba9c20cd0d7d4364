import TimelineCore

/// Where a build reads from and writes to, and how strict it is.
public struct BuildOptions: Sendable {
    public var contentFolder: String
    /// The site's own templates, each in place of the built-in theme's file of the same path.
    public var templatesFolder: String
    /// Whether a missing templates folder is an error (one named on the command line) rather than the
    /// built-in theme alone.
    public var templatesMustExist: Bool
    public var outputFolder: String
    /// Whether warnings stop the build as errors do.
    public var strict: Bool
    /// Whether notes marked `draft: true` are built, marked as drafts, rather than left out.
    public var drafts: Bool
    /// Whether the build says how long each stage took.
    public var verbose = false
    /// The address the site is published at, in place of `site.yaml`'s `base_url` (a deploy preview's, say).
    public var baseURL: String?
    public var limits: Limits
    /// Whether the process ends once the build is done, so that the site made need not be released: the
    /// system reclaims it at once, where releasing it value by value takes a tenth of a second per 10,000
    /// entries. Never for a process that builds again.
    public var endsWithBuild = false

    public init(
        contentFolder: String = "Content", templatesFolder: String = "Templates", outputFolder: String = "Public",
        templatesMustExist: Bool = false, strict: Bool = false, drafts: Bool = false, baseURL: String? = nil, limits: Limits = Limits()
    ) {
        self.contentFolder = contentFolder
        self.templatesFolder = templatesFolder
        self.templatesMustExist = templatesMustExist
        self.outputFolder = outputFolder
        self.strict = strict
        self.drafts = drafts
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        self.limits = limits
    }

    /// Why a base URL given on the command line cannot be used, or nil when it can.
    public static func baseURLProblem(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), !url.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0.isNewline }) else {
            return "the base URL must be an absolute http or https address, such as https://example.org/explainer/"
        }
        return nil
    }
}

/// What a build did, for the line printed at its end.
public struct BuildSummary: Sendable, CustomStringConvertible {
    public var counts: BuildCounts
    public var files: Int
    /// Files rendered and written this time; the others were kept from the previous site.
    public var rendered: Int
    public var seconds: Double
    public var warnings: Int
    public var notes: [String] = []

    public var description: String {
        let time = seconds < 10 ? String(Int((seconds * 1000).rounded())) + " ms" : String(Int(seconds.rounded())) + " s"
        let made = rendered == files ? "\(files) files" : (rendered == 0 ? "\(files) files, none changed" : "\(files) files, \(rendered) changed")
        let counted = [(counts.entries, "entry", "entries"), (counts.topics, "topic", "topics"), (counts.sources, "source", "sources"),
                       (counts.facts, "fact", "facts"), (counts.pages, "page", "pages")]
        var text = counted.map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }.joined(separator: ", ") + ": \(made) in \(time)"
        if warnings > 0 { text += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
        return text
    }
}
