import TimelineCore

/// An image of `Content/media/` as a page shows it.
struct ImageView: TemplateModel {
    var html: String
    var alt: String
    var width: Int
    var height: Int

    static let summary = "An image with its caption, credit and licence."
    static let fields: TemplateFields<Self> = [
        .html("html", "The whole `<figure>`: a `<picture>` of its copies in WebP and JPEG or PNG, with its caption, credit and licence") { $0.html },
        .text("alt", "What it shows, for readers who cannot see it") { $0.alt },
        .number("width", "The width of that copy, in pixels") { $0.width },
        .number("height", "Its height") { $0.height },
    ]
}

/// The picture a link to the page shows when shared: a lead image or the entry's share card.
struct ShareImage: TemplateModel, Encodable {
    var url: String
    var alt: String
    var width: Int
    var height: Int

    static let summary = "The picture a link to the page shows when shared (`og:image`)."
    static let fields: TemplateFields<Self> = [
        .text("url", "Its address: absolute when the site has a `base_url`") { $0.url },
        .text("alt", "What it shows") { $0.alt },
        .number("width", "Its width in pixels") { $0.width },
        .number("height", "Its height") { $0.height },
    ]
}

/// A base map drawn with markers, and what it is drawn from.
struct MapView: TemplateModel {
    var id: String
    var title: String
    var svg: String
    var credit: String
    var license: String
    /// The page of every place, relative to this page.
    var href: String

    static let summary = "A map drawn as inline SVG, with the credit and licence of its base map."
    static let fields: TemplateFields<Self> = [
        .text("id", "The base map's id") { $0.id },
        .text("title", "The base map's title") { $0.title },
        .html("svg", "The map: an `<svg role=\"img\">` with its own title and description") { $0.svg },
        .text("credit", "Who made the base map's data") { $0.credit },
        .text("license", "Its licence") { $0.license },
        .text("href", "The page of every place, relative to this page") { $0.href },
    ]
}

/// A place in the list beside a map.
struct PlaceItem: TemplateModel {
    var title: String
    var href: String
    var entriesLabel: String

    static let summary = "A place in the list beside a map."
    static let fields: TemplateFields<Self> = [
        .text("title", "The place's title") { $0.title },
        .text("href", "Its page, relative to this page") { $0.href },
        .text("entries_label", "How many entries concern it: \"1 entry\", \"4 entries\"") { $0.entriesLabel },
    ]
}

/// A base map with the places it shows.
struct MapSection: TemplateModel {
    var map: MapView
    var places: [PlaceItem]

    static let summary = "A base map of the map page, with its places."
    static let fields: TemplateFields<Self> = [
        .object("map", "The map") { $0.map },
        .list("places", "The places it shows, in the order of their titles") { $0.places },
    ]
}

/// `map.mustache`: every place with coordinates, on the base maps that hold it.
struct MapPage: PageModel {
    static let template = "map"
    var frame: PageFrame
    var sections: [MapSection]
    /// Places that no base map holds, or without coordinates.
    var unmapped: [PlaceItem]

    static let summary = "The page of every place on its map (`map.html`), made when `maps.yaml` lists a map."
    static let fields: TemplateFields<Self> = [
        .list("sections", "Each base map with its places") { $0.sections },
        .list("unmapped", "Places that no base map holds, or that have no coordinates") { $0.unmapped },
    ] + PageFrame.fields { $0.frame }
}
