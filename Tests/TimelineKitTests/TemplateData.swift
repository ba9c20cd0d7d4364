@testable import TimelineSite

/// Template values written as literals in tests, as the Mustache specification writes its data.
struct TemplateDictionary: TemplateObject {
    var values: [String: TemplateValue]

    func value(of field: TemplateName) -> TemplateValue? { values[field.text] }
    var isEmpty: Bool { values.isEmpty }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateDictionary(values: Dictionary(elements, uniquingKeysWith: { _, last in last })))
    }
}
