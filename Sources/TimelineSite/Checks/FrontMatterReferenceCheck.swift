import TimelineCore

/// Every id named in front matter and data files exists: topics and facts of entries, and every cited source.
struct FrontMatterReferenceCheck: SiteCheck {
    func check(_ site: Site, log: DiagnosticLog) {
        let index = site.index
        let topicIDs = site.content.topics.map({ $0.id })
        let topics = Set(topicIDs)
        for entry in site.content.entries {
            for topic in entry.topics where !topics.contains(topic.id) && !index.brokenIDs.contains(.note, topic.id) {
                if let draft = index.drafts[topic.id] {
                    log.warning(
                        .draftLink, "topic '\(draft.id)' is a draft, which this build leaves out, so the entry is not listed under it", at: topic.location,
                        notes: [.publishing(draft)])
                } else if let other = index.notes[topic.id] {
                    log.error(
                        .unknownTopic, "'\(topic.id)' is \(other.kind.withArticle), not a topic; link to it with [[\(topic.id)]] in the text instead",
                        at: topic.location)
                } else if let fixIt = Diagnostic.FixIt.closest(to: topic.id, among: topicIDs) {
                    log.error(.unknownTopic, "unknown topic '\(Identifier.abbreviated(topic.id))'", at: topic.location, fixIt: fixIt)
                } else {
                    log.error(.unknownTopic, "unknown topic '\(Identifier.abbreviated(topic.id))'; create topics/\(Identifier.abbreviated(topic.id)).md", at: topic.location)
                }
            }
            for fact in entry.facts where index.facts[fact.id] == nil && !index.brokenIDs.contains(.fact, fact.id) {
                log.error(.unknownFact, "unknown fact '\(Identifier.abbreviated(fact.id))'", at: fact.location, fixIt: .closest(to: fact.id, among: index.facts.keys))
            }
            checkCitations(entry.citations, index: index, log: log)
        }
        for image in site.content.entries.compactMap({ $0.image }) + site.content.topics.compactMap({ $0.image }) { checkImage(image, index: index, log: log) }
        checkStory(site, log: log)
        checkCharts(site, log: log)
        for topic in site.content.topics { checkCitations(topic.citations, index: index, log: log) }
        for page in site.content.pages { checkCitations(page.citations, index: index, log: log) }
        for fact in site.content.facts { checkCitations(fact.citations, index: index, log: log) }
    }

    /// Every entry a point of the story so far rests on is an entry of the site.
    private func checkStory(_ site: Site, log: DiagnosticLog) {
        let index = site.index
        for point in site.content.settings.story {
            for entry in point.entries where index.notes[entry.id]?.kind != .entry && !index.brokenIDs.contains(.note, entry.id) {
                let name = Identifier.abbreviated(entry.id)
                if let draft = index.drafts[entry.id] {
                    log.warning(.draftLink, "entry '\(draft.id)' is a draft, which this build leaves out of the story so far", at: entry.location, notes: [.publishing(draft)])
                } else if let other = index.notes[entry.id] {
                    log.error(.unknownLink, "'\(name)' is \(other.kind.withArticle), not an entry; the story so far rests on entries", at: entry.location)
                } else {
                    log.error(.unknownLink, "unknown entry '\(name)' in the story so far", at: entry.location, fixIt: .closest(to: entry.id, among: site.content.entries.map({ $0.id })))
                }
            }
        }
    }

    /// Every metric a chart of several puts side by side has figures in the fact set.
    private func checkCharts(_ site: Site, log: DiagnosticLog) {
        var known = site.content.settings.metrics.map(\.id)
        for fact in site.content.facts { if let metric = fact.metric, fact.value != nil, !known.contains(metric) { known.append(metric) } }
        let used = Set(site.content.facts.compactMap { $0.value != nil ? $0.metric : nil })
        for chart in site.content.settings.charts {
            for metric in chart.metrics where !used.contains(metric.id) {
                if known.contains(metric.id) {
                    log.warning(.unknownMetric, "metric '\(metric.id)' has no figure yet, so chart '\(chart.id)' leaves it out", at: metric.location)
                } else {
                    log.error(.unknownMetric, "unknown metric '\(Identifier.abbreviated(metric.id))' in chart '\(chart.id)'", at: metric.location, fixIt: .closest(to: metric.id, among: known))
                }
            }
        }
    }

    /// A lead image (`image:`) is an image described in `media.yaml`.
    private func checkImage(_ image: Reference, index: SiteIndex, log: DiagnosticLog) {
        guard index.images[image.id] == nil, !index.brokenMedia.contains(image.id) else { return }
        log.error(
            .unknownMedia, "image '\(image.id)' is not described in media.yaml; give the name of a file in Content/media/", at: image.location,
            fixIt: .closest(to: image.id, among: index.images.keys))
    }

    private func checkCitations(_ citations: [Citation], index: SiteIndex, log: DiagnosticLog) {
        for citation in citations where index.sources[citation.sourceID] == nil && !index.brokenIDs.contains(.source, citation.sourceID) {
            log.error(
                .unknownSource, "unknown source '\(Identifier.abbreviated(citation.sourceID))'", at: citation.location,
                fixIt: .closest(to: citation.sourceID, among: index.sources.keys))
        }
    }
}
