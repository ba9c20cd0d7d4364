/// The files of a new site, for `timeline init`: settings, a source, a fact, an entry and a topic that
/// build without a warning, and a `.gitignore` for the built site.
public enum SiteScaffold {
    /// Every file, by its path inside the new site's folder.
    public static var files: StarterFiles {
        StarterFiles(files: texts.map { (path: $0.path, bytes: Array($0.text.utf8)) })
    }

    static let texts: [(path: String, text: String)] = [
        (".gitignore", """
        # The built site and the build's working folder; `timeline build` makes them again.
        /Public/
        /.Public.timeline/

        """),
        ("Content/site.yaml", """
        # The site's settings; the README's "site.yaml" section lists every field.
        title: Northport Harbour Bridge
        description: A sample timeline of a fictional bridge. Replace it with your own.
        language: en
        publisher: Example Newsroom
        # The address the site will be published at, for feeds, the sitemap and shared links:
        # base_url: https://example.org/bridge/
        eras:
          - title: Construction
            date: 2021/2025
            summary: From the council's vote to the opening.

        """),
        ("Content/sources.yaml", """
        # Every source the site cites, by id: cite one in Markdown as [@gazette-2025].
        - id: gazette-2025
          title: Harbour bridge opens to traffic
          publisher: Northport Gazette
          date: 2025-06-12
          url: https://example.org/gazette/2025/bridge-opens
          note: A fictional source, for the sample.

        """),
        ("Content/facts.yaml", """
        # Dated claims and figures, each tied to its sources; figures of one metric make a chart.
        - id: bridge-cost
          statement: The finished bridge had cost 185 million dollars.
          date: 2025-06
          sources: [gazette-2025]
          metric: bridge-cost
          value: 185000000
          unit: USD

        """),
        ("Content/entries/bridge-opens.md", """
        ---
        title: The bridge opens
        date: 2025-06-12
        summary: The harbour bridge opens to traffic.
        topics: [harbour-bridge]
        facts: [bridge-cost]
        ---

        The [[harbour-bridge]] opened to traffic[@gazette-2025]. It had cost [[fact:bridge-cost]].

        """),
        ("Content/topics/harbour-bridge.md", """
        ---
        title: Harbour Bridge
        kind: place
        summary: The road bridge across Northport's harbour.
        ---

        A road bridge that opened in 2025 ([[bridge-opens]]).

        """),
    ]
}
