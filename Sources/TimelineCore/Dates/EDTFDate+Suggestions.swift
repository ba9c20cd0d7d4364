/// What a date written in another common form means in EDTF: `2025/08/01`, `01/08/2025`, `1 August 2025`,
/// `August 1, 2025`, `1er août 2025`, `Aug 2025`, `2025.08.01`, `20250801`, `2020-2025`.
extension EDTFDate {
    /// The EDTF dates that `text`, a date written another way, may mean: none when it is not recognised,
    /// one, or two when its day and month could be either way round (`01/08/2025`): the day first, then the month first.
    public static func readings(of text: String) -> [String] {
        let candidates = numericReadings(of: text) ?? wordReadings(of: text) ?? []
        var valid: [String] = []
        for candidate in candidates where !valid.contains(candidate) && (try? EDTFDate(parsing: candidate)) != nil {
            valid.append(candidate)
        }
        return valid
    }

    /// Why `text` is not a date, with what it probably means when it is a date written another way: the
    /// message, where in the text the problem is, and the fix when there is exactly one.
    public static func explanation(of text: String, error: EDTFError) -> (message: String, offset: Int, fixIt: Diagnostic.FixIt?) {
        let readings = readings(of: text)
        switch readings.count {
        case 1:
            return ("'\(text)' is not in EDTF form (YYYY-MM-DD, YYYY-MM, YYYY, START/END)", 0, .init(.replace, readings[0]))
        case 2:
            let ways = readings.map { "'\($0)' (\(spelledOut($0)))" }.joined(separator: " or ")
            return ("in '\(text)' the day and the month could be either way round; did you mean \(ways)?", 0, nil)
        default:
            return (error.message, error.offset, nil)
        }
    }

    /// A day written out in English, "1 August 2025", for telling two readings apart.
    private static func spelledOut(_ date: String) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return date }
        return "\(parts[2]) \(englishMonths[parts[1] - 1]) \(parts[0])"
    }

    /// Readings of digits with `/`, `.` or `-` between them, or of eight digits in a row; nil when the text
    /// is not made of digits so.
    private static func numericReadings(of text: String) -> [String]? {
        let trimmed = text.trimmingWhitespace
        if trimmed.count == 8, trimmed.allSatisfy(\.isASCIIDigit) {
            let digits = Array(trimmed)
            return [String(digits[0..<4]) + "-" + String(digits[4..<6]) + "-" + String(digits[6..<8])]
        }
        for separator: Character in ["/", ".", "-", "–", "—"] {
            let parts = trimmed.split(separator: separator, omittingEmptySubsequences: false).map { String($0).trimmingWhitespace }
            guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }) else { continue }
            let numbers = parts.map { Int($0) ?? 0 }
            let isYear = parts.map { $0.count == 4 }
            switch (parts.count, isYear) {
            case (2, [true, true]):
                return ["\(parts[0])/\(parts[1])"]
            case (2, [true, false]):
                return [ymd(numbers[0], numbers[1], nil)]
            case (2, [false, true]):
                return [ymd(numbers[1], numbers[0], nil)]
            case (3, [true, false, false]):
                return [ymd(numbers[0], numbers[1], numbers[2])]
            case (3, [false, false, true]):
                return [ymd(numbers[2], numbers[1], numbers[0]), ymd(numbers[2], numbers[0], numbers[1])]
            default:
                return nil
            }
        }
        return nil
    }

    /// Readings of a day, a month's name and a year in English or French: "1 August 2025", "August 1, 2025",
    /// "1er août 2025", "Aug 2025"; nil when the text does not name a month.
    private static func wordReadings(of text: String) -> [String]? {
        var words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." }).map(String.init)
        words.removeAll { $0 == "le" || $0 == "the" || $0 == "of" }
        guard words.count == 2 || words.count == 3, let monthIndex = words.firstIndex(where: { monthNumbers[$0] != nil }),
              let month = monthNumbers[words[monthIndex]] else { return nil }
        words.remove(at: monthIndex)
        guard let year = words.last, year.count == 4, let yearNumber = Int(year) else { return nil }
        guard words.count == 2 else { return [ymd(yearNumber, month, nil)] }
        var day = Substring(words[0])
        for suffix in ["st", "nd", "rd", "th", "er"] where day.hasSuffix(suffix) { day = day.dropLast(suffix.count) }
        guard (1...2).contains(day.count), let dayNumber = Int(day) else { return nil }
        return [ymd(yearNumber, month, dayNumber)]
    }

    /// Months by the names and abbreviations authors write, in English and French, with and without accents.
    private static let monthNumbers: [String: Int] = {
        var numbers: [String: Int] = [:]
        for (index, name) in WeekdayChecker.englishMonths.enumerated() {
            numbers[name] = index + 1
            numbers[String(name.prefix(3))] = index + 1
        }
        for (index, name) in WeekdayChecker.frenchMonths.enumerated() { numbers[name] = index + 1 }
        let more = [
            "sept": 9, "janv": 1, "févr": 2, "fév": 2, "fevr": 2, "fev": 2, "fevrier": 2, "avr": 4, "juil": 7, "aout": 8,
            "déc": 12, "decembre": 12,
        ]
        numbers.merge(more) { first, _ in first }
        return numbers
    }()

    /// A date as EDTF writes it, from its numbers.
    private static func ymd(_ year: Int, _ month: Int, _ day: Int?) -> String {
        let digits = "\(year)"
        let text = String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "-" + String(format2: month)
        return day.map { text + "-" + String(format2: $0) } ?? text
    }
}

extension Character {
    /// Whether the character is one of the digits 0 to 9.
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
