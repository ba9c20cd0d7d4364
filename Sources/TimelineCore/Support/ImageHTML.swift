/// The HTML of a published image: a `<figure>` with a `<picture>` of its copies, its caption, credit and
/// licence. Notes' bodies and the lead images of pages show images the same way.
public enum ImageHTML {
    /// How wide an image shows, for the browser to choose a copy before it lays the page out: the text's
    /// column on wide screens, the screen's width on narrow ones.
    public static let sizes = "(min-width: 46rem) 42rem, 100vw"

    /// The figure of an image, with links relative to `page`. `lazy` when it is likely below the fold.
    public static func figure(_ image: PublishedImage, from page: Route, alt: String? = nil, lazy: Bool, className: String = "media") -> String {
        var html = "<figure class=\"\(className)\">"
        html += picture(image, from: page, alt: alt, lazy: lazy)
        html += "<figcaption>"
        if let caption = image.item.caption { html += "<span class=\"media-caption\">\(HTML.escape(caption))</span> " }
        html += credit(image.item)
        html += "</figcaption></figure>"
        return html
    }

    /// The `<picture>` of an image: WebP copies for browsers that read it, the fallback copies for others,
    /// with the size of the image given so that nothing moves as it loads.
    public static func picture(_ image: PublishedImage, from page: Route, alt: String? = nil, lazy: Bool) -> String {
        func srcset(_ copies: [ImageCopyInfo]) -> String {
            copies.map { "\(HTML.escape(image.route(of: $0).href(from: page))) \($0.width)w" }.joined(separator: ", ")
        }
        let shown = image.largest ?? ImageCopyInfo(width: image.width, height: image.height, format: "jpg")
        var html = "<picture>"
        if !image.modern.isEmpty {
            html += "<source type=\"image/webp\" srcset=\"\(srcset(image.modern))\" sizes=\"\(sizes)\">"
        }
        html += "<img src=\"\(HTML.escape(image.route(of: shown).href(from: page)))\" srcset=\"\(srcset(image.fallback))\" sizes=\"\(sizes)\""
        html += " width=\"\(shown.width)\" height=\"\(shown.height)\" alt=\"\(HTML.escape(alt ?? image.item.alt))\""
        html += lazy ? " loading=\"lazy\" decoding=\"async\">" : " fetchpriority=\"high\">"
        html += "</picture>"
        return html
    }

    /// "Credit: NAME · LICENCE", the name linked to where the image was published when that is known.
    public static func credit(_ item: MediaItem) -> String {
        let name = item.sourceURL.map { "<a href=\"\(HTML.escape($0))\">\(HTML.escape(item.credit))</a>" } ?? HTML.escape(item.credit)
        return "<span class=\"media-credit\">\(name) · \(HTML.escape(item.license))</span>"
    }
}
