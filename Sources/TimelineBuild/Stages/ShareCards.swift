import TimelineCore
import TimelineMedia
import TimelineSite

/// Draws each entry's share card from the layout of `card.yaml`, taking from the media store a card drawn
/// before from the same words and layout.
struct ShareCards: Sendable {
    let layout: CardLayout
    let site: Site
    let store: MediaStore

    /// The words and places of an entry's card.
    func drawing(_ id: String) -> CardDrawing? {
        guard let entry = site.entry(withID: id) else { return nil }
        let settings = site.index.settings
        let words = [
            "title": entry.title, "date": entry.date.display(site.index.wording), "summary": entry.summary ?? "", "site": settings.title,
        ]
        return CardDrawing(
            width: ShareCardSize.width, height: ShareCardSize.height, background: layout.background, boxes: layout.boxes,
            // A text with nothing in it, such as the summary of an entry without one, is left out.
            texts: layout.texts.filter { !Self.fill($0.text, with: words).allSatisfy(\.isWhitespace) }.map { text in
                CardDrawing.Text(
                    markup: Self.fill(text.text, with: words), font: text.font, size: text.size, fontFile: text.fontFile, x: text.x, y: text.y,
                    width: text.width, maxHeight: text.height, colour: text.colour)
            })
    }

    /// A layout's text with each `{{name}}` replaced by its words, escaped for Pango's markup.
    static func fill(_ text: String, with words: [String: String]) -> String {
        var result = HTML.escape(text)
        // Only a text that names something has anything to fill in.
        guard result.utf8.contains(UInt8(ascii: "{")) else { return result }
        for (name, value) in words.sorted(by: { $0.key < $1.key }) {
            for spelling in ["{{\(name)}}", "{{ \(name) }}"] { result = result.replacingText(spelling, with: HTML.escape(value)) }
        }
        return result
    }

    /// A version of what an entry's card is drawn from.
    func version(_ id: String) -> UInt64 {
        guard let drawing = drawing(id) else { return 0 }
        return Self.key(drawing)
    }

    static func key(_ drawing: CardDrawing) -> UInt64 {
        StableHasher.hash { hasher in
            hasher.combine(ImagePipeline.version)
            hasher.combine(Fingerprint.of(drawing))
        }
    }

    /// The card as a PNG.
    func bytes(_ id: String) -> Swift.Result<[UInt8], ImageProblem> {
        guard let drawing = drawing(id) else { return .failure(.notAnImage) }
        let key = Self.key(drawing)
        if let stored = store.card(key) { return .success(stored) }
        let drawn = ImagePipeline.draw(drawing)
        if case .success(let bytes) = drawn { store.storeCard(bytes, key) }
        return drawn
    }
}
