/// How share cards are drawn, from the templates' `card.yaml`: a background, boxes of colour and blocks
/// of text whose words come from the entry (`{{title}}`, `{{date}}`, `{{summary}}`, `{{site}}`).
public struct CardLayout: Sendable, Hashable, Codable {
    /// A colour as red, green and blue from 0 to 255, written `#rrggbb`.
    public struct Colour: Sendable, Hashable, Codable {
        public var red: Int, green: Int, blue: Int

        public init(red: Int, green: Int, blue: Int) {
            self.red = red
            self.green = green
            self.blue = blue
        }

        /// The colour of `#rrggbb`, or nil.
        public init?(hex: String) {
            let digits = Array(hex.utf8)
            guard digits.count == 7, digits[0] == UInt8(ascii: "#"), let value = Int(String(hex.dropFirst()), radix: 16) else { return nil }
            self.init(red: value >> 16, green: (value >> 8) & 0xFF, blue: value & 0xFF)
        }
    }

    /// A rectangle of one colour.
    public struct Box: Sendable, Hashable, Codable {
        public var x: Int, y: Int, width: Int, height: Int
        public var colour: Colour

        public init(x: Int, y: Int, width: Int, height: Int, colour: Colour) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
            self.colour = colour
        }
    }

    /// A block of text, wrapped within its box.
    public struct Text: Sendable, Hashable, Codable {
        /// The words, with `{{title}}`, `{{date}}`, `{{summary}}` and `{{site}}` put in for each entry.
        public var text: String
        public var x: Int, y: Int, width: Int, height: Int
        /// The font's family and style, such as "DejaVu Sans Bold".
        public var font: String
        /// The largest size, in pixels; a long text is set smaller so that it fits its box.
        public var size: Int
        /// The font file, so that a card looks the same on every machine.
        public var fontFile: String
        public var colour: Colour

        public init(text: String, x: Int, y: Int, width: Int, height: Int, font: String, size: Int, fontFile: String, colour: Colour) {
            self.text = text
            self.x = x
            self.y = y
            self.width = width
            self.height = height
            self.font = font
            self.size = size
            self.fontFile = fontFile
            self.colour = colour
        }
    }

    public var background: Colour
    public var boxes: [Box]
    public var texts: [Text]

    public init(background: Colour, boxes: [Box], texts: [Text]) {
        self.background = background
        self.boxes = boxes
        self.texts = texts
    }

    /// The words a text block may use.
    public static let placeholders = ["title", "date", "summary", "site"]
}
