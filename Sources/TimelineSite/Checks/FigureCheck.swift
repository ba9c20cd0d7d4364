import TimelineCore

/// Two figures of a metric as of the same date, from different sources, agree; when they do not, the build
/// warns, and the facts page marks both as a disagreement between sources.
struct FigureCheck: SiteCheck {
    func check(_ site: Site, log: DiagnosticLog) {
        for fact in site.content.facts {
            let context = site.figures.context(of: fact.id)
            // Each pair once, at the later of the two in facts.yaml.
            for otherID in context.disagreesWith {
                guard let other = site.index.facts[otherID], other.location < fact.location else { continue }
                let sources = { (fact: Fact) in fact.citations.map { "'\($0.sourceID)'" }.joined(separator: ", ") }
                log.warning(
                    .figuresDisagree,
                    "figures of '\(fact.metric ?? "")' as of \(fact.date.text) disagree: '\(other.id)' gives \(other.displayValue ?? "") (\(sources(other))), '\(fact.id)' gives \(fact.displayValue ?? "") (\(sources(fact))); the facts page shows both, marked as a disagreement between sources",
                    at: fact.location, notes: [.init("the other figure", at: other.location)])
            }
        }
    }
}
