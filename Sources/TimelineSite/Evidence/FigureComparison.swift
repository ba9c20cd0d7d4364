import TimelineCore

/// Figures of one metric held side by side: two figures as of the same date from different sources whose
/// ranges do not meet disagree, which is not a change over time; and a figure that a later one of its metric
/// has overtaken says so where an entry shows it. Made, with the other checks of evidence, for a content
/// folder with archived texts.
struct FigureComparison: Sendable {
    /// What the comparison says of one fact.
    struct Context: Sendable, Encodable, Equatable {
        /// Facts of the same metric and date, from other sources, whose figures do not agree with it.
        var disagreesWith: [String] = []
        /// The latest figure of the same metric, when it is later than this one: its id, figure and date.
        var later: String?
        var laterValue: String?
        var laterDate: EDTFDate?
    }

    private(set) var contexts: [String: Context] = [:]

    init() {}

    init(facts: [Fact], metrics: [Metric]) {
        let separate = Set(metrics.filter(\.separateCounts).map(\.id))
        var byMetric: [String: [Fact]] = [:]
        for fact in facts where fact.value != nil {
            if let metric = fact.metric { byMetric[metric, default: []].append(fact) }
        }
        for figures in byMetric.values {
            let latest = figures.max { ($0.date.latest, $0.date.earliest, $0.id) < ($1.date.latest, $1.date.earliest, $1.id) }
            for fact in figures {
                var context = Context()
                for other in figures where other.id != fact.id && Self.disagree(fact, other) { context.disagreesWith.append(other.id) }
                if let latest, latest.date.earliest > fact.date.latest, let metric = fact.metric, !separate.contains(metric) {
                    context.later = latest.id
                    context.laterValue = latest.displayValue
                    context.laterDate = latest.date
                }
                if context != Context() { contexts[fact.id] = context }
            }
        }
    }

    func context(of id: String) -> Context { contexts[id] ?? Context() }

    /// Whether two figures as of the same date, from sources they do not share, cannot both be right.
    static func disagree(_ one: Fact, _ other: Fact) -> Bool {
        guard one.date.text == other.date.text, Set(one.citations.map(\.sourceID)).isDisjoint(with: other.citations.map(\.sourceID)),
              let first = range(one), let second = range(other) else { return false }
        return !first.overlaps(second)
    }

    /// The values a figure allows, given its range and how its source hedges it.
    static func range(_ fact: Fact) -> ClosedRange<Double>? {
        guard let value = fact.value else { return nil }
        var low = min(value, fact.upperValue ?? value)
        var high = max(value, fact.upperValue ?? value)
        switch fact.qualifier.flatMap({ Fact.qualifiers[$0] }) {
        case .atLeast: high = .infinity
        case .atMost: low = -.infinity
        case .approximate:
            low -= abs(low) * 0.1
            high += abs(high) * 0.1
        case nil: break
        }
        return low...high
    }
}
