import TimelineCore

/// A free page is reached from the menu (`menu` in its front matter) or from a link in some note; one that is
/// neither is a page no reader can find.
struct UnlinkedPageCheck: SiteCheck {
    func check(_ site: Site, log: DiagnosticLog) {
        guard site.content.isComplete else { return }
        let unlinked = site.content.pages.filter { page in
            page.menuOrder == nil && (site.backlinks[page.id] ?? []).allSatisfy { $0.from.id == page.id }
        }
        guard !unlinked.isEmpty else { return }
        // A Markdown link to the page's file (`../pages/ID.md`) reaches it too.
        let bodies = site.content.entries.map(\.body.text) + site.content.topics.map(\.body.text) + site.content.pages.map(\.body.text)
        for page in unlinked {
            let path = "pages/\(page.id).md"
            guard !bodies.contains(where: { $0.contains(path) }) else { continue }
            log.warning(
                .unlinkedPage,
                "page '\(page.id)' is not in the menu and no note links to it, so no reader can reach it; give it 'menu: N' or link to it with [[\(page.id)]]",
                at: SourceLocation(path: page.location.path, line: 1, column: 1))
        }
    }
}
