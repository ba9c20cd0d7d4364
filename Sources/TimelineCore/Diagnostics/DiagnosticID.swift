/// The stable identifier of every kind of problem the generator reports, shown in brackets after each
/// message (`[unknown-source]`) so that tests, documentation and editors can rely on it.
public enum DiagnosticID: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    // Files and folders
    case missingContent = "missing-content"
    case missingTemplates = "missing-templates"
    case missingTemplate = "missing-template"
    case missingFile = "missing-file"
    case unknownFile = "unknown-file"
    case unreadableFile = "unreadable-file"
    case emptyFile = "empty-file"
    case fileTooLarge = "file-too-large"
    case invalidUTF8 = "invalid-utf8"
    case nulByte = "nul-byte"
    case outsideContent = "outside-content"
    case outsideTemplates = "outside-templates"
    case tooManyFiles = "too-many-files"
    case contentTooLarge = "content-too-large"
    // Front matter and YAML
    case missingFrontMatter = "missing-front-matter"
    case unclosedFrontMatter = "unclosed-front-matter"
    case yamlSyntax = "yaml-syntax"
    case yamlDuplicateKey = "yaml-duplicate-key"
    case yamlAlias = "yaml-alias"
    case yamlTooDeep = "yaml-too-deep"
    case yamlType = "yaml-type"
    // Fields
    case missingField = "missing-field"
    case unknownField = "unknown-field"
    case invalidDate = "invalid-date"
    case invalidID = "invalid-id"
    case invalidURL = "invalid-url"
    case invalidLanguage = "invalid-language"
    case invalidNumber = "invalid-number"
    case invalidKind = "invalid-kind"
    case duplicateID = "duplicate-id"
    // References
    case unknownSource = "unknown-source"
    case unknownFact = "unknown-fact"
    case unknownTopic = "unknown-topic"
    case unknownLink = "unknown-link"
    case malformedCitation = "malformed-citation"
    case unclosedCitation = "unclosed-citation"
    case unclosedLink = "unclosed-link"
    case emptyLink = "empty-link"
    case tooManyReferences = "too-many-references"
    case citationTakenAsLink = "citation-taken-as-link"
    case hiddenCitation = "hidden-citation"
    case referenceInLink = "reference-in-link"
    // Links and HTML in Markdown
    case brokenLink = "broken-link"
    case absoluteLink = "absolute-link"
    case unsafeLink = "unsafe-link"
    case rawHTML = "raw-html"
    // Completeness
    case uncitedEntry = "uncited-entry"
    case uncitedFact = "uncited-fact"
    case unusedSource = "unused-source"
    case unusedFact = "unused-fact"
    // Evidence
    case quoteNotFound = "quote-not-found"
    case wrongWeekday = "wrong-weekday"
    case factAfterSource = "fact-after-source"
    case figuresDisagree = "figures-disagree"
    // Templates
    case templateSyntax = "template-syntax"
    case missingPartial = "missing-partial"
    case templateCycle = "template-cycle"
    case templateTooDeep = "template-too-deep"
    case templateTooLarge = "template-too-large"

    public var description: String { rawValue }
}
