/// The built-in theme: the templates and assets every site gets, compiled into the generator.
///
/// A site's own templates folder need only hold the files it changes: each of its files replaces the
/// built-in file of the same path, template by template and asset by asset. `timeline theme eject` writes
/// these files out for editing.
public enum DefaultTheme {
    /// Every file of the theme, by its path inside a templates folder, in the order of their paths.
    public static let files: [(path: String, bytes: [UInt8])] = [
        ("404.mustache", PackageResources._04_mustache),
        ("assets/cite.js", PackageResources.cite_js),
        ("assets/icon.svg", PackageResources.icon_svg),
        ("assets/reader.js", PackageResources.reader_js),
        ("assets/search.js", PackageResources.search_js),
        ("assets/style.css", PackageResources.style_css),
        ("card.yaml", PackageResources.card_yaml),
        ("data.mustache", PackageResources.data_mustache),
        ("embed.mustache", PackageResources.embed_mustache),
        ("entry.mustache", PackageResources.entry_mustache),
        ("era.mustache", PackageResources.era_mustache),
        ("facts.mustache", PackageResources.facts_mustache),
        ("i18n/en.yaml", PackageResources.en_yaml),
        ("i18n/fr.yaml", PackageResources.fr_yaml),
        ("i18n/ht.yaml", PackageResources.ht_yaml),
        ("index.mustache", PackageResources.index_mustache),
        ("layout.mustache", PackageResources.layout_mustache),
        ("map.mustache", PackageResources.map_mustache),
        ("page.mustache", PackageResources.page_mustache),
        ("partials/chart-legend.mustache", PackageResources.chart_legend_mustache),
        ("partials/chart.mustache", PackageResources.chart_mustache),
        ("partials/citations.mustache", PackageResources.citations_mustache),
        ("partials/entry-card.mustache", PackageResources.entry_card_mustache),
        ("partials/footer.mustache", PackageResources.footer_mustache),
        ("partials/header.mustache", PackageResources.header_mustache),
        ("partials/reference.mustache", PackageResources.reference_mustache),
        ("partials/years.mustache", PackageResources.years_mustache),
        ("source.mustache", PackageResources.source_mustache),
        ("sources.mustache", PackageResources.sources_mustache),
        ("topic.mustache", PackageResources.topic_mustache),
        ("topics.mustache", PackageResources.topics_mustache),
    ]

    /// The theme's file at `path` (such as `entry.mustache` or `assets/style.css`), or nil.
    public static func file(_ path: String) -> [UInt8]? {
        files.first { $0.path == path }?.bytes
    }
}
