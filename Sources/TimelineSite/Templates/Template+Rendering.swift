import TimelineCore

/// Renders compiled templates against page models (``TemplateValue``), straight into bytes.
struct TemplateRenderer: Sendable {
    let templates: [String: Template]
    /// The deepest a render goes, in sections, blocks, partials and parents. Template sets are checked to stay
    /// within it when loaded; past it, as in a partial that includes itself, nothing more is rendered.
    var depthLimit = Limits().templateDepth

    /// Renders the named template; an unknown name renders nothing (template sets are checked when loaded).
    ///
    /// After each item of a list, once more than `pieceSize` bytes are made, what is made so far is given to
    /// `spill`, which may take it away (to write it out); the bytes returned are the rest.
    func render(_ name: String, _ model: any TemplateObject, pieceSize: Int = Site.exportPiece, spill: (inout [UInt8]) -> Void = { _ in }) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16 * 1024)
        guard let template = templates[name] else { return out }
        return withoutActuallyEscaping(spill) { spill in
            var state = State([.object(model)], pieceSize: pieceSize, spill: spill)
            render(template.nodes, state: &state, blocks: [:], indentation: [], depth: 0, out: &out)
            return out
        }
    }

    /// Renders the named template against any value, as the Mustache specification's tests give them.
    func render(_ name: String, value: TemplateValue) -> [UInt8] {
        var out: [UInt8] = []
        guard let template = templates[name] else { return out }
        var state = State([value])
        render(template.nodes, state: &state, blocks: [:], indentation: [], depth: 0, out: &out)
        return out
    }

    /// The contexts names are looked up in, innermost last, and where the innermost list iteration is.
    struct State {
        private(set) var stack: [TemplateValue] = []
        /// The object of each context, or one without fields for a context that is not an object. Names are
        /// looked up in these, where they lie, without copying the contexts out one by one.
        private(set) var objects: [any TemplateObject] = []
        var position: (index: Int, count: Int)? = nil
        /// Given what is made so far once it is more than `pieceSize` bytes, between the items of lists.
        var pieceSize = Int.max
        var spill: (inout [UInt8]) -> Void = { _ in }

        init(_ contexts: [TemplateValue], pieceSize: Int = .max, spill: @escaping (inout [UInt8]) -> Void = { _ in }) {
            self.pieceSize = pieceSize
            self.spill = spill
            for context in contexts { push(context) }
        }

        /// Enters a context.
        mutating func push(_ value: TemplateValue) {
            stack.append(value)
            if case .object(let object) = value { objects.append(object) } else { objects.append(NoFields()) }
        }

        /// Leaves the innermost context.
        mutating func pop() {
            stack.removeLast()
            objects.removeLast()
        }
    }

    /// What a context that is not an object offers a name: nothing.
    private struct NoFields: TemplateObject {
        func value(of field: TemplateName) -> TemplateValue? { nil }
    }

    private func render(
        _ nodes: [Template.Node], state: inout State, blocks: [String: [Template.Node]], indentation: [UInt8], depth: Int, out: inout [UInt8]
    ) {
        guard depth <= depthLimit else { return }
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
                value.write(escaped: escaped, into: &out)
            case .section(let lookup, let inverted, let children):
                let value = resolve(lookup, in: state)
                let falsy = TemplateValue.isFalsy(value)
                if inverted || falsy {
                    if inverted && falsy { render(children, state: &state, blocks: blocks, indentation: indentation, depth: depth + 1, out: &out) }
                    continue
                }
                guard case .value = lookup, let value = consume value else {
                    // A fact about a value or the current item: true here, so render once in the same context.
                    render(children, state: &state, blocks: blocks, indentation: indentation, depth: depth + 1, out: &out)
                    continue
                }
                switch consume value {
                case .list(let list):
                    let outer = state.position
                    for index in 0..<list.count {
                        state.push(list.item(at: index))
                        state.position = (index, list.count)
                        render(children, state: &state, blocks: blocks, indentation: indentation, depth: depth + 1, out: &out)
                        state.pop()
                        if out.count > state.pieceSize {
                            // The last byte stays: a standalone partial's indentation depends on it.
                            let last = out.removeLast()
                            state.spill(&out)
                            out.append(last)
                        }
                    }
                    state.position = outer
                case let value:
                    state.push(value)
                    render(children, state: &state, blocks: blocks, indentation: indentation, depth: depth + 1, out: &out)
                    state.pop()
                }
            case .partial(let name, let extra, _, _):
                guard let template = templates[name] else { continue }
                render(template.nodes, state: &state, blocks: blocks, indentation: indentation + extra, depth: depth + 1, out: &out)
            case .parent(let name, let overrides, let extra, _, _):
                guard let template = templates[name] else { continue }
                // Overrides given further out win over those given here.
                let merged = overrides.merging(blocks) { _, outer in outer }
                render(template.nodes, state: &state, blocks: merged, indentation: indentation + extra, depth: depth + 1, out: &out)
            case .block(let name, let children):
                guard let override = blocks[name] else {
                    render(children, state: &state, blocks: blocks, indentation: indentation, depth: depth + 1, out: &out)
                    continue
                }
                // Within its own override a block of the same name shows its default: the override does not
                // place itself again, without end.
                var inner = blocks
                inner[name] = nil
                render(override, state: &state, blocks: inner, indentation: indentation, depth: depth + 1, out: &out)
            }
        }
    }

    private func resolve(_ lookup: Template.Lookup, in state: State) -> TemplateValue? {
        switch lookup {
        case .value(let path): return self.lookup(path, in: state)
        case .empty(let path): return .bool(TemplateValue.isFalsy(self.lookup(path, in: state)))
        case .count(let path):
            if case .list(let list)? = self.lookup(path, in: state) { return .integer(list.count) }
            return .integer(0)
        case .first: return .bool(state.position.map { $0.index == 0 } ?? false)
        case .last: return .bool(state.position.map { $0.index == $0.count - 1 } ?? false)
        case .even: return .bool(state.position.map { $0.index % 2 == 0 } ?? false)
        case .odd: return .bool(state.position.map { $0.index % 2 == 1 } ?? false)
        case .index: return state.position.map { .integer($0.index) }
        }
    }

    /// Finds a dotted name: its first part in the innermost context that has it, the rest within that value.
    private func lookup(_ path: Template.Path, in state: State) -> TemplateValue? {
        guard let first = path.first else { return state.stack.last }
        var index = state.objects.count - 1
        while index >= 0 {
            if let value = state.objects[index].value(of: first) {
                return path.count == 1 ? value : value.field(path: path[1...])
            }
            index -= 1
        }
        return nil
    }
}
