/// A value read from YAML text: a scalar, a list or a mapping, with the place where it starts in that text.
indirect enum YAMLNode: Equatable, Sendable {
    case scalar(Scalar)
    case list(List)
    case mapping(Mapping)

    /// A place in the YAML text: its line (1-based, counted from the text's first line) and column (1-based,
    /// in Unicode scalars).
    struct Mark: Equatable, Sendable {
        var line: Int
        var column: Int

        /// The place of what has none: the empty mapping that YAML text without nodes reads as.
        static let nowhere = Mark(line: 0, column: 0)
    }

    /// How a scalar was written.
    enum Style: Equatable, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// Text, as written or as its quotes and escapes give it.
    struct Scalar: Equatable, Sendable {
        var string: String
        var style: Style
        var mark: Mark
    }

    /// The items of a list, in the order written.
    struct List: RandomAccessCollection, Equatable, Sendable {
        var nodes: [YAMLNode]
        var mark: Mark

        var startIndex: Int { nodes.startIndex }
        var endIndex: Int { nodes.endIndex }
        subscript(position: Int) -> YAMLNode { nodes[position] }
    }

    /// The keys and values of a mapping, in the order written.
    struct Mapping: RandomAccessCollection, Equatable, Sendable {
        var keys: [YAMLNode]
        var values: [YAMLNode]
        var mark: Mark

        var startIndex: Int { keys.startIndex }
        var endIndex: Int { keys.endIndex }
        subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { (keys[position], values[position]) }
    }

    var mark: Mark {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .list(let list): return list.mark
        case .mapping(let mapping): return mapping.mark
        }
    }

    var scalar: Scalar? {
        guard case .scalar(let scalar) = self else { return nil }
        return scalar
    }

    /// The text of a scalar; nil for a list or a mapping.
    var string: String? { scalar?.string }

    /// The value of `key` in a mapping whose keys are scalars.
    subscript(key: String) -> YAMLNode? {
        guard case .mapping(let mapping) = self, let index = mapping.keys.firstIndex(where: { $0.string == key }) else { return nil }
        return mapping.values[index]
    }
}
