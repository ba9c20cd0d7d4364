/// Every id named in front matter and data files exists: topics and facts of entries, and every cited source.
struct FrontMatterReferenceCheck: SiteCheck {
    func check(_ site: Site, log: DiagnosticLog) {
        let index = site.index
        let topicIDs = Set(site.content.topics.map(\.id))
        for entry in site.content.entries {
            for topic in entry.topics where !topicIDs.contains(topic.id) && !index.brokenIDs.contains("note:" + topic.id) {
                if let other = index.notes[topic.id] {
                    log.error("unknown-topic", "'\(topic.id)' is \(other.kind == .entry ? "an entry" : "a page"), not a topic; link to it with [[\(topic.id)]] in the text instead", at: topic.location)
                } else {
                    log.error("unknown-topic", "unknown topic '\(topic.id)'\(suggestion(topic.id, topicIDs)); create topics/\(topic.id).md", at: topic.location)
                }
            }
            for fact in entry.facts where index.facts[fact.id] == nil && !index.brokenIDs.contains("fact:" + fact.id) {
                log.error("unknown-fact", "unknown fact '\(fact.id)'\(suggestion(fact.id, index.facts.keys))", at: fact.location)
            }
            checkCitations(entry.citations, index: index, log: log)
        }
        for topic in site.content.topics { checkCitations(topic.citations, index: index, log: log) }
        for page in site.content.pages { checkCitations(page.citations, index: index, log: log) }
        for fact in site.content.facts { checkCitations(fact.citations, index: index, log: log) }
    }

    private func checkCitations(_ citations: [Citation], index: SiteIndex, log: DiagnosticLog) {
        for citation in citations where index.sources[citation.sourceID] == nil && !index.brokenIDs.contains("source:" + citation.sourceID) {
            log.error("unknown-source", "unknown source '\(citation.sourceID)'\(suggestion(citation.sourceID, index.sources.keys))", at: citation.location)
        }
    }

    private func suggestion(_ id: String, _ known: some Collection<String>) -> String {
        guard let best = known.filter({ FieldReader.distance($0, id) <= max(2, id.count / 4) })
            .min(by: { (FieldReader.distance($0, id), $0) < (FieldReader.distance($1, id), $1) }) else { return "" }
        return "; did you mean '\(best)'?"
    }
}
