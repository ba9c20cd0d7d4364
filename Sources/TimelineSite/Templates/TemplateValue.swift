import TimelineCore

/// A value a template can show or walk into: the whole contract between page models and templates.
public enum TemplateValue: Sendable {
    case text(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case object(any TemplateObject)
    case list(any TemplateList)

    /// Missing values, `false`, empty text, empty lists and empty objects are false in a section.
    static func isFalsy(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil: return true
        case .bool(let flag)?: return !flag
        case .text(let text)?: return text.isEmpty
        case .list(let list)?: return list.count == 0
        case .object(let object)?: return object.isEmpty
        case .integer?, .number?: return false
        }
    }

    /// The field `name` of an object, looked up where the object lies; nil for any other value.
    func field(_ name: TemplateName) -> TemplateValue? {
        switch self {
        case .object(let object): return object.value(of: name)
        case .text, .integer, .number, .bool, .list: return nil
        }
    }

    /// The value a dotted path leads to from here, field by field; nil when a part is missing.
    func field(path: ArraySlice<TemplateName>) -> TemplateValue? {
        guard let first = path.first, let next = field(first) else { return nil }
        return path.count == 1 ? next : next.field(path: path.dropFirst())
    }

    /// The value as a template prints it: text, numbers and flags; objects and lists print nothing.
    func write(escaped: Bool, into out: inout [UInt8]) {
        switch self {
        case .text(let text): if escaped { HTML.escape(text, into: &out) } else { out.append(contentsOf: text.utf8) }
        case .integer(let number): out.append(contentsOf: String(number).utf8)
        case .number(let number): out.append(contentsOf: JSON.number(number).utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .object, .list: break
        }
    }
}

/// Something whose fields a template reads by name.
public protocol TemplateObject: Sendable {
    /// The value of a field, or nil when the object has no such field, so that the name is looked up in the
    /// contexts further out, as Mustache does.
    func value(of field: TemplateName) -> TemplateValue?
    /// Whether a section over the object shows nothing.
    var isEmpty: Bool { get }
}

extension TemplateObject {
    public var isEmpty: Bool { false }
}

/// A list a template section walks.
public protocol TemplateList: Sendable {
    var count: Int { get }
    func item(at index: Int) -> TemplateValue
}

extension Array: TemplateList where Element == TemplateValue {
    public func item(at index: Int) -> TemplateValue { self[index] }
}

/// A list of page models, walked without converting it first.
public struct TemplateItems<Model: TemplateObject>: TemplateList {
    public let items: [Model]

    public init(_ items: [Model]) { self.items = items }

    public var count: Int { items.count }
    public func item(at index: Int) -> TemplateValue { .object(items[index]) }
}

/// A page model: a struct whose fields templates read, each declared once with what it holds, so that the
/// README's list of template values is made from the same declarations the templates read.
public protocol TemplateModel: TemplateObject {
    /// What the model is, for the README: "An entry as a card in a list".
    static var summary: String { get }
    static var fields: TemplateFields<Self> { get }
}

extension TemplateModel {
    public func value(of field: TemplateName) -> TemplateValue? {
        Self.fields.field(named: field)?.read(self)
    }
}

/// The fields of a page model, in the order declared, found by the number of their name.
public struct TemplateFields<Model>: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
    private let list: [TemplateField<Model>]
    /// The position in ``list`` of the field named by each number, -1 for none; where a name is declared
    /// twice, the first declaration. Names numbered after these fields are no field's.
    private let positions: [Int]

    public init(_ fields: [TemplateField<Model>]) {
        list = fields
        let numbers = fields.map { TemplateName($0.name).number }
        var positions = [Int](repeating: -1, count: (numbers.max() ?? -1) + 1)
        for (position, number) in numbers.enumerated().reversed() { positions[number] = position }
        self.positions = positions
    }

    public init(arrayLiteral fields: TemplateField<Model>...) { self.init(fields) }

    public var startIndex: Int { list.startIndex }
    public var endIndex: Int { list.endIndex }
    public subscript(position: Int) -> TemplateField<Model> { list[position] }

    /// The field templates read by this name, if the model has one.
    func field(named name: TemplateName) -> TemplateField<Model>? {
        guard name.number < positions.count else { return nil }
        let position = positions[name.number]
        return position < 0 ? nil : list[position]
    }

    /// These fields followed by more.
    public static func + (fields: Self, more: [TemplateField<Model>]) -> Self { Self(fields.list + more) }
}

/// What kind of value a field of a page model holds, for the README.
public enum TemplateFieldKind: Sendable {
    case text, html, number, flag
    case object(any TemplateModel.Type)
    case list(any TemplateModel.Type)
}

/// One field of a page model: its name in templates, what it holds, and how it is read.
public struct TemplateField<Model>: Sendable {
    public let name: String
    public let kind: TemplateFieldKind
    public let summary: String
    /// Whether the field may be missing, so that a template wraps it in a section.
    public let isOptional: Bool
    let read: @Sendable (Model) -> TemplateValue?

    /// Text, escaped where the template writes `{{name}}`.
    public static func text(_ name: String, _ summary: String, _ read: @escaping @Sendable (Model) -> String) -> Self {
        Self(name: name, kind: .text, summary: summary, isOptional: false) { .text(read($0)) }
    }

    public static func text(_ name: String, _ summary: String, _ read: @escaping @Sendable (Model) -> String?) -> Self {
        Self(name: name, kind: .text, summary: summary, isOptional: true) { read($0).map(TemplateValue.text) }
    }

    /// HTML made by the generator, for `{{{name}}}`.
    public static func html(_ name: String, _ summary: String, _ read: @escaping @Sendable (Model) -> String) -> Self {
        Self(name: name, kind: .html, summary: summary, isOptional: false) { .text(read($0)) }
    }

    public static func html(_ name: String, _ summary: String, _ read: @escaping @Sendable (Model) -> String?) -> Self {
        Self(name: name, kind: .html, summary: summary, isOptional: true) { read($0).map(TemplateValue.text) }
    }

    public static func number(_ name: String, _ summary: String, _ read: @escaping @Sendable (Model) -> Int) -> Self {
        Self(name: name, kind: .number, summary: summary, isOptional: false) { .integer(read($0)) }
    }

    public static func flag(_ name: String, _ summary: String, _ read: @escaping @Sendable (Model) -> Bool) -> Self {
        Self(name: name, kind: .flag, summary: summary, isOptional: false) { .bool(read($0)) }
    }

    public static func object<Field: TemplateModel>(_ name: String, _ summary: String, _ read: @escaping @Sendable (Model) -> Field) -> Self {
        Self(name: name, kind: .object(Field.self), summary: summary, isOptional: false) { .object(read($0)) }
    }

    public static func object<Field: TemplateModel>(_ name: String, _ summary: String, _ read: @escaping @Sendable (Model) -> Field?) -> Self {
        Self(name: name, kind: .object(Field.self), summary: summary, isOptional: true) { read($0).map { .object($0) } }
    }

    /// An object read as the value that already holds it, so that reading it does not copy the object again.
    static func object<Field: TemplateModel>(
        _ name: String, _ summary: String, held: Field.Type, _ read: @escaping @Sendable (Model) -> TemplateValue
    ) -> Self {
        Self(name: name, kind: .object(Field.self), summary: summary, isOptional: false, read: read)
    }

    public static func list<Item: TemplateModel>(_ name: String, _ summary: String, _ read: @escaping @Sendable (Model) -> [Item]) -> Self {
        Self(name: name, kind: .list(Item.self), summary: summary, isOptional: false) { .list(TemplateItems(read($0))) }
    }
}

extension TemplateField {
    /// The field, read through a part of a larger model that shows every field of the part as its own.
    func lifted<Whole>(_ part: KeyPath<Whole, Model> & Sendable) -> TemplateField<Whole> {
        TemplateField<Whole>.lifting(self, through: part)
    }

    static func lifting<Part>(_ field: TemplateField<Part>, through part: KeyPath<Model, Part> & Sendable) -> Self {
        let read = field.read
        return Self(name: field.name, kind: field.kind, summary: field.summary, isOptional: field.isOptional) { read($0[keyPath: part]) }
    }
}
