import TimelineCore

/// `sitemap.xml`: every page's absolute address, written when `base_url` is set.
struct Sitemap {
    let site: Site

    var bytes: [UInt8] {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for route in site.pageRoutes where route != .notFound && route != .embed {
            xml += "<url><loc>\(XML.escape(site.url(route)))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return Array(xml.utf8)
    }
}
