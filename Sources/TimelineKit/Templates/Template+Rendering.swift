/// Renders compiled templates against values built from dictionaries (`[String: Any]`), lists (`[Any]`),
/// strings, numbers and booleans, straight into bytes.
struct TemplateRenderer {
    let templates: [String: Template]

    /// Renders the named template; an unknown name renders nothing (template sets are checked when loaded).
    func render(_ name: String, _ values: Any) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16 * 1024)
        guard let template = templates[name] else { return out }
        var state = State(stack: [Frame(values)])
        render(template.nodes, state: &state, blocks: [:], indentation: [], out: &out)
        return out
    }

    /// The contexts names are looked up in, innermost last, and where the innermost list iteration is.
    struct State {
        var stack: [Frame]
        var position: (index: Int, count: Int)? = nil
    }

    /// A context, told apart once when it is entered rather than at every lookup.
    enum Frame {
        case dictionary([String: Any])
        case value(Any)

        init(_ value: Any) {
            if let dictionary = value as? [String: Any] { self = .dictionary(dictionary) } else { self = .value(value) }
        }

        var value: Any {
            switch self {
            case .dictionary(let dictionary): return dictionary
            case .value(let value): return value
            }
        }
    }

    private func render(_ nodes: [Template.Node], state: inout State, blocks: [String: [Template.Node]], indentation: [UInt8], out: inout [UInt8]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                if indentation.isEmpty {
                    out.append(contentsOf: bytes)
                } else {
                    // Indent every line of a standalone partial.
                    for byte in bytes {
                        if out.last == 0x0A || out.isEmpty { out.append(contentsOf: indentation) }
                        out.append(byte)
                    }
                }
            case .variable(let lookup, let escaped):
                guard let value = resolve(lookup, in: state) else { continue }
                if !indentation.isEmpty, out.last == 0x0A { out.append(contentsOf: indentation) }
                Self.write(value, escaped: escaped, into: &out)
            case .section(let lookup, let inverted, let children):
                let value = resolve(lookup, in: state)
                let falsy = Self.isFalsy(value)
                if inverted || falsy {
                    if inverted && falsy { render(children, state: &state, blocks: blocks, indentation: indentation, out: &out) }
                    continue
                }
                guard case .value = lookup, let value else {
                    // A fact about a value or the current item: true here, so render once in the same context.
                    render(children, state: &state, blocks: blocks, indentation: indentation, out: &out)
                    continue
                }
                if let list = value as? [[String: Any]] {
                    // Lists of dictionaries, the usual case, are walked without boxing their items again.
                    let outer = state.position
                    for (index, item) in list.enumerated() {
                        state.stack.append(.dictionary(item))
                        state.position = (index, list.count)
                        render(children, state: &state, blocks: blocks, indentation: indentation, out: &out)
                        state.stack.removeLast()
                    }
                    state.position = outer
                } else if let list = value as? [Any] {
                    let outer = state.position
                    for (index, item) in list.enumerated() {
                        state.stack.append(Frame(item))
                        state.position = (index, list.count)
                        render(children, state: &state, blocks: blocks, indentation: indentation, out: &out)
                        state.stack.removeLast()
                    }
                    state.position = outer
                } else {
                    state.stack.append(Frame(value))
                    render(children, state: &state, blocks: blocks, indentation: indentation, out: &out)
                    state.stack.removeLast()
                }
            case .partial(let name, let extra, _, _):
                guard let template = templates[name] else { continue }
                render(template.nodes, state: &state, blocks: blocks, indentation: indentation + extra, out: &out)
            case .parent(let name, let overrides, let extra, _, _):
                guard let template = templates[name] else { continue }
                // Overrides given further out win over those given here.
                let merged = overrides.merging(blocks) { _, outer in outer }
                render(template.nodes, state: &state, blocks: merged, indentation: indentation + extra, out: &out)
            case .block(let name, let children):
                render(blocks[name] ?? children, state: &state, blocks: blocks, indentation: indentation, out: &out)
            }
        }
    }

    /// How many items a list has, whatever the list's element type.
    private static func count(_ value: Any) -> Int? {
        if let list = value as? [[String: Any]] { return list.count }
        if let list = value as? [Any] { return list.count }
        return nil
    }

    private func resolve(_ lookup: Template.Lookup, in state: State) -> Any? {
        switch lookup {
        case .value(let path): return self.lookup(path, in: state.stack)
        case .empty(let path): return Self.isFalsy(self.lookup(path, in: state.stack))
        case .count(let path): return self.lookup(path, in: state.stack).flatMap(Self.count) ?? 0
        case .first: return state.position.map { $0.index == 0 } ?? false
        case .last: return state.position.map { $0.index == $0.count - 1 } ?? false
        case .even: return state.position.map { $0.index % 2 == 0 } ?? false
        case .odd: return state.position.map { $0.index % 2 == 1 } ?? false
        case .index: return state.position?.index
        }
    }

    /// Finds a dotted name: its first part in the innermost context that has it, the rest within that value.
    private func lookup(_ path: Template.Path, in stack: [Frame]) -> Any? {
        guard let first = path.first else { return stack.last?.value }
        var found: Any?
        var index = stack.count - 1
        while index >= 0 {
            if case .dictionary(let dictionary) = stack[index], let value = dictionary[first] {
                found = value
                break
            }
            index -= 1
        }
        guard var value = found else { return nil }
        for part in path.dropFirst() {
            guard let dictionary = value as? [String: Any], let next = dictionary[part] else { return nil }
            value = next
        }
        return value
    }

    /// Missing values, `false`, empty strings and empty lists are false; everything else is true.
    static func isFalsy(_ value: Any?) -> Bool {
        guard let value else { return true }
        switch value {
        case let bool as Bool: return !bool
        case let string as String: return string.isEmpty
        case let list as [[String: Any]]: return list.isEmpty
        case let list as [Any]: return list.isEmpty
        case let dictionary as [String: Any]: return dictionary.isEmpty
        default: return false
        }
    }

    static func write(_ value: Any, escaped: Bool, into out: inout [UInt8]) {
        switch value {
        case let string as String:
            if escaped { escape(string, into: &out) } else { out.append(contentsOf: string.utf8) }
        case let int as Int: out.append(contentsOf: String(int).utf8)
        case let double as Double: out.append(contentsOf: JSON.number(double).utf8)
        case let bool as Bool: out.append(contentsOf: (bool ? "true" : "false").utf8)
        default: break
        }
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` for HTML text and quoted attributes.
    static func escape(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let replacement: StaticString
                switch bytes[index] {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                case 0x27: replacement = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
    }
}
