import TimelineCore

/// Measures templates through the partials and parents they use, reporting a template that reaches itself
/// (`template-cycle`), nesting past the depth limit (`template-too-deep`), and a template that would render
/// more text and tags than the size limit once its partials and parents are put in place (`template-too-large`, as a
/// chain of partials that each include the next twice), so that rendering never recurses without end, stays
/// within a bounded depth, and takes time in proportion to what it writes.
///
/// A level is a section, block, partial or parent: what makes the renderer go one call deeper. A parent counts
/// its own depth and, on top, that of the blocks it overrides, which it may place at its deepest, and as many
/// times as it has blocks. Each template is measured once, and the walk stops as soon as it passes the depth
/// limit, so that it is itself bounded.
struct TemplateNesting {
    let templates: [String: Template]
    let sources: [String: SourceText]
    let limits: Limits
    let log: DiagnosticLog

    /// What rendering a template, or some of its nodes, comes to.
    struct Measure {
        /// Levels below the nodes' own.
        var depth = 0
        /// Bytes of text and tags rendered (a section's once), at most one more than the limit.
        var size = 0
        /// Blocks among them, where a parent places its overrides.
        var blocks = 0
    }

    private enum State { case measuring, measured(Measure), failed }
    private var states: [String: State] = [:]
    /// The templates being measured, outermost first, each with the place of the tag it was left through.
    private var path: [(name: String, line: Int, column: Int)] = []
    private var reportedTooDeep = false
    private var limit: Int { limits.templateDepth }

    init(templates: [String: Template], sources: [String: SourceText], limits: Limits, log: DiagnosticLog) {
        self.templates = templates
        self.sources = sources
        self.limits = limits
        self.log = log
    }

    /// Measures every template; false after reporting a cycle or a template nested too deep or too large.
    mutating func check() -> Bool {
        var passed = true
        for name in templates.keys.sorted() {
            guard let measure = measure(name, level: 0) else {
                passed = false
                continue
            }
            if measure.size > limits.templateSize {
                log.error(
                    .templateTooLarge,
                    "template '\(name)' renders more than \(limits.templateSize) bytes of text and tags once its partials and parents are put in place; include fewer partials within partials",
                    at: .file(sources[name]?.path ?? name))
                passed = false
            }
        }
        return passed
    }

    /// What the named template comes to, or nil when it cannot be rendered (and that was reported).
    private mutating func measure(_ name: String, level: Int) -> Measure? {
        switch states[name] {
        case .measured(let measure): return measure
        case .failed: return nil
        case .measuring, nil: break
        }
        guard let template = templates[name] else { return Measure() }
        states[name] = .measuring
        path.append((name, 0, 0))
        let measure = measure(template.nodes, in: name, level: level)
        path.removeLast()
        states[name] = measure.map { .measured($0) } ?? .failed
        return measure
    }

    /// Adds counts without passing the size limit by more than one, so that no product overflows.
    private func capped(_ count: Int) -> Int { min(count, limits.templateSize + 1) }

    /// What nodes come to, `level` levels below the outermost template measured. Sections nest at most `limit`
    /// levels in one template (the parser sees to it), so the limit is checked where a partial or parent adds
    /// another template's levels.
    private mutating func measure(_ nodes: [Template.Node], in name: String, level: Int) -> Measure? {
        var total = Measure()
        for node in nodes {
            var this = Measure(depth: 0, size: 1, blocks: 0)
            switch node {
            case .text(let bytes):
                this.size = max(1, bytes.count)
            case .variable:
                break
            case .section(_, _, let children), .block(_, let children):
                guard let inner = measure(children, in: name, level: level + 1) else { return nil }
                this = Measure(depth: inner.depth + 1, size: 1 + inner.size, blocks: inner.blocks)
                if case .block = node { this.blocks += 1 }
            case .partial(let target, _, let line, let column):
                guard let inner = reference(target, from: name, line: line, column: column, level: level),
                      within(1 + inner.depth, in: name, line: line, column: column, level: level, target: target) else { return nil }
                this = Measure(depth: 1 + inner.depth, size: 1 + inner.size, blocks: inner.blocks)
            case .parent(let target, let blocks, _, let line, let column):
                guard let inherited = reference(target, from: name, line: line, column: column, level: level) else { return nil }
                var overrides = Measure()
                for key in blocks.keys.sorted() {
                    guard let block = measure(blocks[key] ?? [], in: name, level: level + 1 + inherited.depth) else { return nil }
                    overrides.depth = max(overrides.depth, block.depth)
                    overrides.size = capped(overrides.size + block.size)
                    overrides.blocks = capped(overrides.blocks + block.blocks)
                }
                guard within(1 + inherited.depth + overrides.depth, in: name, line: line, column: column, level: level, target: target) else { return nil }
                this = Measure(
                    depth: 1 + inherited.depth + overrides.depth, size: capped(1 + inherited.size + inherited.blocks * overrides.size),
                    blocks: capped(inherited.blocks + inherited.blocks * overrides.blocks))
            }
            total.depth = max(total.depth, this.depth)
            total.size = capped(total.size + this.size)
            total.blocks = capped(total.blocks + this.blocks)
        }
        return total
    }

    /// Whether a depth reached through the tag at a place is within the limit; reports it when not.
    private mutating func within(_ depth: Int, in name: String, line: Int, column: Int, level: Int, target: String) -> Bool {
        guard level + depth <= limit else {
            tooDeep(in: name, line: line, column: column, target: target)
            return false
        }
        return true
    }

    /// The depth of a partial or parent used at a place, after checking that it does not lead back to a
    /// template being measured.
    private mutating func reference(_ target: String, from name: String, line: Int, column: Int, level: Int) -> Measure? {
        path[path.count - 1].line = line
        path[path.count - 1].column = column
        if case .measuring = states[target], let start = path.firstIndex(where: { $0.name == target }) {
            let cycle = path[start...]
            let first = cycle.first!
            let through = cycle.dropFirst().map { "'\($0.name)'" } + ["'\(target)'"]
            let message = cycle.count == 1
                ? "template '\(target)' includes itself"
                : "template '\(target)' includes itself through \(through.joined(separator: " → "))"
            log.error(.templateCycle, message, at: location(in: first.name, line: first.line, column: first.column))
            return nil
        }
        guard level + 1 <= limit else {
            tooDeep(in: name, line: line, column: column, target: target)
            return nil
        }
        return measure(target, level: level + 1)
    }

    /// Reports nesting past the limit, once: every template that reaches past it shares the cause.
    private mutating func tooDeep(in name: String, line: Int, column: Int, target: String) {
        guard !reportedTooDeep else { return }
        reportedTooDeep = true
        var names = path.map { "'\($0.name)'" } + ["'\(target)'"]
        if names.count > 6 { names = names.prefix(2) + ["…"] + names.suffix(3) }
        let chain = names.joined(separator: " → ")
        log.error(
            .templateTooDeep,
            "sections, blocks, parents and partials are nested more than \(limit) levels deep through \(chain)",
            at: location(in: name, line: line, column: column))
    }

    private func location(in name: String, line: Int, column: Int) -> SourceLocation {
        sources[name].map { $0.location(line: line, column: column) } ?? .file(name)
    }
}
