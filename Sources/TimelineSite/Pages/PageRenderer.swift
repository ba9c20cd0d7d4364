import TimelineCore

/// Renders the pages of a site with its templates, each with what it read of the site.
public struct PageRenderer: Sendable {
    let site: Site
    let templates: TemplateSet
    let caches: PageCaches
    /// The versions of what pages read, in this site.
    public let versions: SiteVersions
    /// The interface's words in the site's language.
    let interface: InterfaceText

    /// - Parameter makingCards: whether many pages will be rendered, so that cards are best made ahead.
    public init(site: Site, templates: TemplateSet, makingCards: Bool) {
        self.site = site
        self.templates = templates
        let stylesheet = templates.assets.first { $0.route == .asset("style.css") }.map { String(decoding: $0.bytes, as: UTF8.self) }
        let interface = InterfaceText(chain: site.content.fallbackChain(of: site.index.settings.language), files: templates.interfaceStrings)
        self.interface = interface
        caches = PageCaches(site: site, stylesheet: stylesheet ?? "", makingCards: makingCards, interface: interface)
        versions = SiteVersions(site: site)
    }

    /// A rendered page, with what it read.
    public struct Page: Sendable {
        public var bytes: [UInt8]
        public var reads: [ReadKey]
    }

    /// A file no template renders (a feed, the search index, an export), with the interface's words in the
    /// site's language; nil for a page or an asset.
    /// The largest are given to `spill` as they are made (``Site/generatedFile(_:text:spill:)``).
    public func generatedFile(_ route: Route, spill: (inout [UInt8]) -> Void = { _ in }) -> [UInt8]? {
        site.generatedFile(route, text: interface, spill: spill)
    }

    /// An export made from the entries of the one the last build wrote where they did not change, with
    /// where each entry lies in it (``Site/generatedExport(_:previous:text:spill:)``).
    public func generatedExport(_ route: Route, previous: PreviousExport?, spill: (inout [UInt8]) -> Void = { _ in }) -> (bytes: [UInt8], layout: ExportLayout)? {
        site.generatedExport(route, previous: previous, text: interface, spill: spill)
    }

    /// The page at `route`, or nil when no template renders it. A long page is given to `spill` as it is
    /// made, a piece of more than `pieceSize` bytes at a time, and the bytes of the page returned are the rest.
    public func render(_ route: Route, pieceSize: Int = Site.exportPiece, spill: (inout [UInt8]) -> Void = { _ in }) -> Page? {
        let reader = SiteReader(site: site, caches: caches)
        guard let model = PageBuilder(reader: reader, interface: interface).model(for: route) else { return nil }
        return Page(bytes: templates.render(type(of: model).template, model, pieceSize: pieceSize, spill: spill), reads: reader.reads)
    }
}
