import Synchronization

/// A name a template looks up, numbered once when the template is read: a page model finds its field by
/// the number, where looking it up by the text would hash it at every tag of every page.
public struct TemplateName: Hashable, Sendable {
    public let text: String
    /// The same for every name of the same text, and small: names are numbered from 0 as they are met.
    let number: Int

    public init(_ text: String) {
        self.text = text
        number = Self.numbers.withLock { numbers in
            if let number = numbers[text] { return number }
            numbers[text] = numbers.count
            return numbers.count - 1
        }
    }

    /// The number given to each text so far.
    private static let numbers = Mutex<[String: Int]>([:])
}
