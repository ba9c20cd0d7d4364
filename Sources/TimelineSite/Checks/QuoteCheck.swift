import TimelineCore

/// Every quotation whose sources all have archived texts is found in one of them.
struct QuoteCheck: SiteCheck {
    func check(_ site: Site, log: DiagnosticLog) {
        for quote in site.evidence.quotes where quote.status == .failed {
            let names = quote.sourceIDs.map { "'\($0)'" }.joined(separator: " or ")
            let shown = quote.text.count > 80 ? quote.text.prefix(77) + "…" : Substring(quote.text)
            var message = "quotation \"\(shown)\" is not in the archived text of \(names)"
            if let closest = quote.closest {
                message += "; did you mean: \"\(closest.split(whereSeparator: \.isWhitespace).joined(separator: " "))\"?"
            }
            let archives = quote.sourceIDs.compactMap { site.content.archives[$0] }
            log.error(.quoteNotFound, message, at: quote.location, notes: archives.map { .init("the archived text of '\($0.sourceID)'", at: $0.location) })
        }
    }
}
