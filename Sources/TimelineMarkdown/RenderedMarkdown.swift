import Synchronization

/// A note's body turned into HTML, with its words for search and summaries.
///
/// A body the build cache kept stays the bytes of the cache's file until a page or an export asks for it:
/// an edit renders few pages, and the bodies of all the others are then never made into text.
public struct RenderedMarkdown: Sendable {
    private enum Form: Sendable {
        case made(html: String, text: String)
        case kept(KeptMarkdown)
    }

    private var form: Form

    public init(html: String, text: String) {
        form = .made(html: html, text: text)
    }

    /// A body whose HTML and words are the UTF-8 bytes `html` and `text`, which `owner` keeps in memory, as
    /// long as it lives, unchanged.
    public init(keeping owner: any AnyObject & Sendable, html: UnsafeRawBufferPointer, text: UnsafeRawBufferPointer) {
        form = .kept(KeptMarkdown(owner: owner, html: html, text: text))
    }

    public var html: String {
        get {
            switch form {
            case .made(let html, _): return html
            case .kept(let kept): return kept.html
            }
        }
        set { form = .made(html: newValue, text: text) }
    }

    /// The body's words, for search and summaries.
    public var text: String {
        get {
            switch form {
            case .made(_, let text): return text
            case .kept(let kept): return kept.text
            }
        }
        set { form = .made(html: html, text: newValue) }
    }
}

extension RenderedMarkdown: Hashable, Codable {
    public static func == (lhs: RenderedMarkdown, rhs: RenderedMarkdown) -> Bool { lhs.html == rhs.html && lhs.text == rhs.text }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(html)
        hasher.combine(text)
    }

    private enum CodingKeys: String, CodingKey { case html, text }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(html: try container.decode(String.self, forKey: .html), text: try container.decode(String.self, forKey: .text))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(html, forKey: .html)
        try container.encode(text, forKey: .text)
    }
}

/// The HTML and words of a body as bytes another object keeps, each made into text the first time it is
/// asked for, and kept.
private final class KeptMarkdown: Sendable {
    /// What keeps the bytes in memory.
    private let owner: any AnyObject & Sendable
    /// Where the bytes lie, as addresses, which the owner keeps valid.
    private let htmlBytes: (start: Int, count: Int)
    private let textBytes: (start: Int, count: Int)
    private let madeHTML = Mutex<String?>(nil)
    private let madeText = Mutex<String?>(nil)

    init(owner: any AnyObject & Sendable, html: UnsafeRawBufferPointer, text: UnsafeRawBufferPointer) {
        self.owner = owner
        htmlBytes = (Int(bitPattern: html.baseAddress), html.count)
        textBytes = (Int(bitPattern: text.baseAddress), text.count)
    }

    var html: String { Self.made(madeHTML, from: htmlBytes) }
    var text: String { Self.made(madeText, from: textBytes) }

    private static func made(_ slot: borrowing Mutex<String?>, from bytes: (start: Int, count: Int)) -> String {
        slot.withLock { made in
            if let made { return made }
            let text = String(decoding: UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: bytes.start), count: bytes.count), as: UTF8.self)
            made = text
            return text
        }
    }
}
