/// Finds a weekday written next to a date that is not that date's weekday, in English, French or Haitian
/// Creole: "Thursday, 24 July 2025", "Wednesday, July 24, 2025", "July 24, 2025 (Thursday)", "jeudi 24 juillet
/// 2025", "jedi 24 jiyè 2025".
public enum WeekdayChecker {
    /// A weekday that does not match the date beside it.
    public struct Mismatch: Sendable, Equatable {
        /// The scalars of the weekday and the date, from the first to the last.
        public var range: Range<Int>
        /// The phrase as written.
        public var written: String
        /// The weekday the date fell on, in the language of the phrase.
        public var actual: String
    }

    static let english = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let french = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    static let creole = ["lendi", "madi", "mèkredi", "jedi", "vandredi", "samdi", "dimanch"]
    static let creoleMonths = ["janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè", "out", "septanm", "oktòb", "novanm", "desanm"]
    static let englishMonths = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
    /// The names of the months, in every language the checks read.
    public static let monthNames = Set(englishMonths + frenchMonths + creoleMonths)
    static let frenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]

    /// A word of the text: where its scalars lie; its text in lower case is made only when asked for.
    struct Word {
        var range: Range<Int>

        /// The word in lower case; a word of ASCII letters and digits is lowered byte by byte.
        func text(in scalars: [Unicode.Scalar]) -> String {
            let word = scalars[range]
            guard word.allSatisfy(\.isASCII) else { return String(String.UnicodeScalarView(word)).lowercased() }
            return String(decoding: word.map { UInt8(truncatingIfNeeded: asciiLower($0.value)) }, as: UTF8.self)
        }
    }

    /// Whether a word that starts with `scalar` may be a weekday's name: every name starts with an ASCII
    /// letter, and a word that starts with another ASCII character is none.
    static func weekdayMayStart(with scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return true }
        return weekdayInitials.contains(asciiLower(scalar.value))
    }

    /// An ASCII capital's value as its small letter; any other value as it is.
    static func asciiLower(_ value: UInt32) -> UInt32 { value >= 0x41 && value <= 0x5A ? value + 0x20 : value }

    /// The first letters of the weekdays' names.
    static let weekdayInitials = Set((english + french + creole).compactMap { $0.unicodeScalars.first?.value })

    /// Fewest and most scalars of a weekday's name, in every language the checks read.
    static let weekdayLengths = { () -> ClosedRange<Int> in
        let counts = (english + french + creole).map(\.unicodeScalars.count)
        return counts.min()!...counts.max()!
    }()

    /// Every weekday in `text` written next to a date it does not fall on.
    public static func mismatches(in text: [Unicode.Scalar]) -> [Mismatch] {
        let words = self.words(text)
        var found: [Mismatch] = []
        for (index, word) in words.enumerated() {
            // Lower case changes no letter of a weekday's name into more or fewer scalars, so a word of
            // another length is none, and is not put in lower case to be compared.
            guard weekdayLengths.contains(word.range.count), weekdayMayStart(with: text[word.range.lowerBound]) else { continue }
            let lowered = word.text(in: text)
            // 0 English, 1 French, 2 Haitian Creole.
            let day: (number: Int, language: Int)
            if let number = english.firstIndex(of: lowered) {
                day = (number, 0)
            } else if let number = french.firstIndex(of: lowered) {
                day = (number, 1)
            } else if let number = creole.firstIndex(of: lowered) {
                day = (number, 2)
            } else {
                continue
            }
            // The date after the weekday, or just before it ("July 24, 2025 (Thursday)").
            var date: (year: Int, month: Int, day: Int, range: Range<Int>)?
            if let after = self.date(words, from: index + 1, text: text, language: day.language), isAdjacent(text, word.range.upperBound, after.range.lowerBound) {
                date = (after.year, after.month, after.day, word.range.lowerBound..<after.range.upperBound)
            } else if index >= 3, let before = self.date(words, from: index - 3, text: text, language: day.language),
                      before.range.upperBound == words[index - 1].range.upperBound, isAdjacent(text, before.range.upperBound, word.range.lowerBound) {
                date = (before.year, before.month, before.day, before.range.lowerBound..<word.range.upperBound)
            }
            guard let date, let actual = weekday(year: date.year, month: date.month, day: date.day), actual != day.number else { continue }
            found.append(Mismatch(
                range: date.range, written: String(String.UnicodeScalarView(text[date.range])),
                actual: [english, french, creole][day.language][actual].capitalizedFirst))
        }
        return found
    }

    /// The date written with words `index`, `index + 1` and `index + 2`: day month year, or month day year.
    static func date(_ words: [Word], from index: Int, text: [Unicode.Scalar], language: Int) -> (year: Int, month: Int, day: Int, range: Range<Int>)? {
        guard index >= 0, index + 2 < words.count else { return nil }
        let (firstWord, secondWord, thirdWord) = (words[index], words[index + 1], words[index + 2])
        guard isAdjacent(text, firstWord.range.upperBound, secondWord.range.lowerBound), isAdjacent(text, secondWord.range.upperBound, thirdWord.range.lowerBound)
        else { return nil }
        let (first, second, third) = (firstWord.text(in: text), secondWord.text(in: text), thirdWord.text(in: text))
        guard third.count == 4, let year = Int(third) else { return nil }
        let months = [englishMonths, frenchMonths, creoleMonths][language]
        func dayNumber(_ word: String) -> Int? {
            let digits = word == "1er" || word == "1ye" ? "1" : word
            guard let value = Int(digits), (1...31).contains(value), digits.count <= 2 else { return nil }
            return value
        }
        if let day = dayNumber(first), let month = months.firstIndex(of: second) {
            return (year, month + 1, day, firstWord.range.lowerBound..<thirdWord.range.upperBound)
        }
        if language == 0, let month = months.firstIndex(of: first), let day = dayNumber(second) {
            return (year, month + 1, day, firstWord.range.lowerBound..<thirdWord.range.upperBound)
        }
        return nil
    }

    /// Whether only spaces, commas and brackets stand between two words.
    static func isAdjacent(_ text: [Unicode.Scalar], _ end: Int, _ start: Int) -> Bool {
        guard end <= start, start - end <= 4 else { return false }
        return text[end..<start].allSatisfy { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" || $0 == "\u{00A0}" || $0 == "\n" }
    }

    /// The day of the week of a date, Monday as 0; nil for a date that does not exist.
    public static func weekday(year: Int, month: Int, day: Int) -> Int? {
        let lengths = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), (1...lengths[month - 1]).contains(day) else { return nil }
        // Days since 1970-01-01 (a Thursday), by the civil calendar.
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return ((days % 7) + 7 + 3) % 7
    }

    /// Whether a scalar is part of a word: a letter or a digit. An ASCII scalar is told by its value, which
    /// gives what its Unicode properties give.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0x80: return false
        default: return scalar.properties.isAlphabetic
        }
    }

    /// The words of the text: runs of letters and digits.
    static func words(_ text: [Unicode.Scalar]) -> [Word] {
        var words: [Word] = []
        var start: Int?
        for index in 0...text.count {
            let isWord = index < text.count && isWordScalar(text[index])
            if isWord, start == nil { start = index }
            if !isWord, let from = start {
                words.append(Word(range: from..<index))
                start = nil
            }
        }
        return words
    }
}

extension String {
    /// The text with its first letter in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

