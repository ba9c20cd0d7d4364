import TimelineCore

/// The values of a fact that come from a closed list: its metric (from `site.yaml`'s metrics, when it lists
/// any), its unit (the built-in ones and `site.yaml`'s `units`) and its qualifier (the documented hedges).
enum FactValues {
    static func checkMetric(_ metric: String, of fact: String, at location: SourceLocation, settings: SiteSettings, log: DiagnosticLog) {
        let known = settings.metrics.map(\.id)
        guard !known.isEmpty, !known.contains(metric) else { return }
        log.error(
            .unknownMetric, "metric '\(metric)' of fact '\(fact)' is not one of the metrics of site.yaml", at: location,
            fixIt: .closest(to: metric, among: known))
    }

    /// With no metrics listed in `site.yaml`, two metric keys one edit apart are most likely one misspelt.
    static func warnAboutSimilarMetrics(_ metrics: [(name: String, location: SourceLocation)], log: DiagnosticLog) {
        var counts: [String: Int] = [:]
        var first: [String: SourceLocation] = [:]
        for (name, location) in metrics {
            counts[name, default: 0] += 1
            if first[name] == nil { first[name] = location }
        }
        let names = counts.keys.sorted()
        for name in names {
            // The rarer of two names one edit apart is the likely misspelling.
            guard let other = names.first(where: { $0 != name && Suggestion.distance($0, name) == 1 && (counts[$0] ?? 0) >= (counts[name] ?? 0) }),
                  !(counts[other] == counts[name] && other > name), let location = first[name] else { continue }
            log.warning(
                .similarMetric, "metric '\(name)' is one letter away from '\(other)'; list the metrics in site.yaml if both are meant",
                at: location, fixIt: Diagnostic.FixIt(.replace, other))
        }
    }

    static func checkUnit(_ unit: String, of fact: String, at location: SourceLocation, settings: SiteSettings?, log: DiagnosticLog) {
        let known = Fact.builtInUnits + (settings?.units ?? [])
        let isCurrency = unit.count == 3 && unit.allSatisfy { $0.isASCII && $0.isUppercase }
        guard !known.contains(unit), !isCurrency else { return }
        log.error(
            .invalidUnit, "unit '\(unit)' of fact '\(fact)' is not a known unit: people, troops, percent, a currency code such as USD, or one listed under 'units' in site.yaml",
            at: location, fixIt: .closest(to: unit, among: known))
    }

    static func checkQualifier(_ qualifier: String, of fact: String, at location: SourceLocation, log: DiagnosticLog) {
        guard Fact.qualifiers[qualifier] == nil else { return }
        let known = Fact.qualifiers.keys.sorted()
        log.error(
            .invalidQualifier, "qualifier '\(qualifier)' of fact '\(fact)' is not one of \(known.map { "'\($0)'" }.joined(separator: ", "))",
            at: location, fixIt: .closest(to: qualifier, among: known))
    }
}
