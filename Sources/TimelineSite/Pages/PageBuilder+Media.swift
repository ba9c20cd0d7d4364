import TimelineCore

extension PageBuilder {
    /// A note's lead image (`image:` in its front matter), above the fold, so loaded at once.
    func leadImage(_ reference: Reference?, from route: Route) -> ImageView? {
        guard let name = reference?.id, let image = reader.image(name), let copy = image.largest else { return nil }
        return ImageView(
            html: ImageHTML.figure(image, from: route, lazy: false, className: "media lead-image"),
            alt: image.item.alt, width: copy.width, height: copy.height)
    }

    /// The picture a shared link to a page shows: its lead image, else an entry's share card. Its address is
    /// absolute with `base_url`, else relative to the page at `route`.
    func shareImage(lead: Reference?, entry: Entry?, from route: Route) -> ShareImage? {
        func address(_ target: Route) -> String { reader.settings().baseURL == nil ? target.href(from: route) : url(target) }
        if let name = lead?.id, let image = reader.image(name), let copy = image.largest {
            return ShareImage(url: address(image.route(of: copy)), alt: image.item.alt, width: copy.width, height: copy.height)
        }
        guard let entry, reader.settings().shareCards else { return nil }
        return ShareImage(
            url: address(.card(entry.id)), alt: "\(entry.title), \(entry.date.display(reader.wording()))",
            width: ShareCardSize.width, height: ShareCardSize.height)
    }

    /// The map of a place: its base map with its marker, or nil when it has no coordinates or no map holds it.
    func placeMap(_ topic: Topic, from route: Route) -> MapView? {
        guard topic.kind == .place, let point = topic.coordinates,
              let place = reader.places().first(where: { $0.id == topic.id }), let mapID = place.mapID, let (map, drawn) = reader.map(mapID) else { return nil }
        let marker = LocatorMap.Marker(coordinates: point, label: topic.title, href: nil, isCurrent: true)
        let svg = drawn.svg(
            markers: [marker], id: "map-\(map.id)", title: interface.word("map_place_title").replacingText("{place}", with: topic.title).replacingText("{map}", with: map.title),
            description: interface.word("map_place_description").replacingText("{map}", with: map.title).replacingText("{place}", with: topic.title)
                .replacingText("{coordinates}", with: degrees(point)))
        return MapView(id: map.id, title: map.title, svg: svg, credit: map.credit, license: map.license, href: Route.map.href(from: route))
    }

    /// The page of every place on its map.
    func mapPage() -> MapPage? {
        let route = Route.map
        let places = reader.places()
        var sections: [MapSection] = []
        for map in reader.maps() {
            guard let (_, drawn) = reader.map(map.id) else { continue }
            let here = places.filter { $0.mapID == map.id }
            // The map is one image to assistive technology; the list beside it holds the links to the places.
            let markers = here.compactMap { place in
                place.coordinates.map { LocatorMap.Marker(coordinates: $0, label: place.title, href: nil, isCurrent: false) }
            }
            let names = here.map(\.title).joined(separator: ", ")
            let svg = drawn.svg(
                markers: markers, id: "map-\(map.id)", title: interface.word("map_places_title").replacingText("{map}", with: map.title),
                description: interface.word(here.isEmpty ? "map_description" : "map_places_description").replacingText("{map}", with: map.title)
                    .replacingText("{places}", with: names))
            sections.append(MapSection(
                map: MapView(id: map.id, title: map.title, svg: svg, credit: map.credit, license: map.license, href: route.href(from: route)),
                places: here.map { placeItem($0, from: route) }))
        }
        return MapPage(
            frame: frame(route, title: interface.word("map_title"), description: describe("description_map"), kind: "map"),
            sections: sections, unmapped: places.filter { $0.mapID == nil }.map { placeItem($0, from: route) })
    }

    private func placeItem(_ place: PlaceInfo, from route: Route) -> PlaceItem {
        PlaceItem(
            title: place.title, href: Route.note(.topic, place.id).href(from: route),
            entriesLabel: interface.count("entries", place.entryCount))
    }

    /// A point in degrees as a reader writes it: "18.54° N, 72.34° W".
    func degrees(_ point: Coordinates) -> String {
        func format(_ value: Double) -> String {
            let hundredths = Int((abs(value) * 100).rounded())
            let fraction = hundredths % 100
            return "\(hundredths / 100)\(interface.word("decimal_mark"))\(fraction < 10 ? "0" : "")\(fraction)"
        }
        let northSouth = interface.word(point.latitude >= 0 ? "north" : "south"), eastWest = interface.word(point.longitude >= 0 ? "east" : "west")
        return "\(format(point.latitude))° \(northSouth), \(format(point.longitude))° \(eastWest)"
    }
}

/// The size of a share card, as social networks show them.
public enum ShareCardSize {
    public static let width = 1200
    public static let height = 630
}
