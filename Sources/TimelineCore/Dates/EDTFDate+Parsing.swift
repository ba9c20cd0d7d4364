/// Why a date could not be read, and where in its text.
public struct EDTFError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// Zero-based index, in characters, of the place in the date text the problem is at.
    public var offset: Int

    public var description: String { message }
}

extension EDTFDate {
    /// Reads an EDTF date, or explains precisely why it is not one.
    public init(parsing text: String) throws(EDTFError) {
        // Most dates are a plain day, month or year, read without the general parser's lists of parts.
        if let point = Self.plainPoint(text) {
            self.init(value: .point(point), text: text)
            return
        }
        try self.init(parsingInFull: text)
    }

    /// Reads an EDTF date of any form with the general parser, which also explains what is wrong.
    init(parsingInFull text: String) throws(EDTFError) {
        let bytes = Array(text.utf8)
        if let bad = bytes.firstIndex(where: { $0 >= 0x80 || $0 == 0x20 || $0 == 0x09 }) {
            throw EDTFError(message: "unexpected character in date '\(text)'; write dates as YYYY, YYYY-MM or YYYY-MM-DD", offset: bad)
        }
        if bytes.isEmpty {
            throw EDTFError(message: "empty date; write it as YYYY, YYYY-MM or YYYY-MM-DD", offset: 0)
        }
        if let time = bytes.firstIndex(of: UInt8(ascii: "T")) {
            throw EDTFError(message: "times of day are not supported in '\(text)'; give the date only", offset: time)
        }
        let slashes = bytes.indices.filter { bytes[$0] == UInt8(ascii: "/") }
        if slashes.count > 1 {
            throw EDTFError(message: "an interval has one '/' between its start and end", offset: slashes[1])
        }
        if let slash = slashes.first {
            let start = try Self.parseBound(bytes[..<slash], text: text)
            let end = try Self.parseBound(bytes[(slash + 1)...], text: text)
            switch (start, end) {
            case (.point(let first), .point(let last)):
                if last.latest < first.earliest {
                    throw EDTFError(
                        message: "interval '\(text)' ends before it starts",
                        offset: slash + 1)
                }
            case (.point, _), (_, .point):
                break
            default:
                throw EDTFError(message: "an interval needs at least one known end", offset: 0)
            }
            self.init(value: .interval(start: start, end: end), text: text)
        } else {
            let point = try Self.parsePoint(bytes[...], text: text)
            self.init(value: .point(point), text: text)
        }
    }

    private static func parseBound(_ bytes: ArraySlice<UInt8>, text: String) throws(EDTFError) -> Bound {
        if bytes.isEmpty { return .unknown }
        if bytes.elementsEqual("..".utf8) { return .open }
        return .point(try parsePoint(bytes, text: text))
    }

    private static func parsePoint(_ bytes: ArraySlice<UInt8>, text: String) throws(EDTFError) -> Point {
        var end = bytes.endIndex
        var qualifier = Qualifier.exact
        if let last = bytes.last {
            switch last {
            case UInt8(ascii: "?"): qualifier = .uncertain
            case UInt8(ascii: "~"): qualifier = .approximate
            case UInt8(ascii: "%"): qualifier = .uncertainAndApproximate
            default: break
            }
            if qualifier != .exact { end -= 1 }
        }
        let body = bytes[bytes.startIndex..<end]
        if let stray = body.firstIndex(where: { [UInt8(ascii: "?"), UInt8(ascii: "~"), UInt8(ascii: "%")].contains($0) }) {
            throw EDTFError(message: "a qualifier (?, ~ or %) goes at the end of the date", offset: stray)
        }
        let parts = body.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        if body.first == UInt8(ascii: "-") {
            throw EDTFError(message: "years before year 0 are not supported", offset: body.startIndex)
        }
        if parts.count > 3 || parts.contains(where: \.isEmpty) {
            throw EDTFError(message: "'\(text)' is not a date; write it as YYYY, YYYY-MM or YYYY-MM-DD", offset: body.startIndex)
        }
        var point = Point(year: 0)
        point.qualifier = qualifier

        // Year: four characters, digits with up to two trailing X.
        let yearPart = parts[0]
        guard yearPart.count == 4 else {
            throw EDTFError(message: "a year has four digits, not \(yearPart.count) ('\(String(decoding: yearPart, as: UTF8.self))')", offset: yearPart.startIndex)
        }
        var year = 0
        var unspecified = 0
        for index in yearPart.indices {
            let byte = yearPart[index]
            if byte == UInt8(ascii: "X") {
                unspecified += 1
                year *= 10
            } else if isDigit(byte) {
                if unspecified > 0 {
                    throw EDTFError(message: "unspecified digits (X) come at the end of a year", offset: index)
                }
                year = year * 10 + Int(byte - UInt8(ascii: "0"))
            } else {
                throw EDTFError(message: "unexpected character '\(Character(Unicode.Scalar(byte)))' in year", offset: index)
            }
        }
        if unspecified > 2 {
            throw EDTFError(message: "at most two digits of a year can be unspecified (19XX)", offset: yearPart.startIndex + 2)
        }
        point.year = year
        point.unspecifiedYearDigits = unspecified

        if parts.count >= 2 {
            let monthPart = parts[1]
            if unspecified > 0 {
                throw EDTFError(message: "a month needs its year in full", offset: monthPart.startIndex)
            }
            guard monthPart.count == 2 else {
                throw EDTFError(message: "a month has two digits (01 to 12)", offset: monthPart.startIndex)
            }
            if monthPart.elementsEqual("XX".utf8) {
                point.monthUnspecified = true
            } else {
                guard let month = twoDigits(monthPart) else {
                    throw EDTFError(message: "unexpected character in month", offset: monthPart.startIndex)
                }
                switch month {
                case 1...12: point.month = month
                case 21...24: point.season = month
                default:
                    throw EDTFError(message: "\(String(format2: month)) is not a month (01 to 12) or a season (21 to 24)", offset: monthPart.startIndex)
                }
            }
        }
        if parts.count == 3 {
            let dayPart = parts[2]
            guard dayPart.count == 2 else {
                throw EDTFError(message: "a day has two digits (01 to 31)", offset: dayPart.startIndex)
            }
            if point.season != nil {
                throw EDTFError(message: "a season cannot have a day", offset: dayPart.startIndex)
            }
            if dayPart.elementsEqual("XX".utf8) {
                point.dayUnspecified = true
            } else {
                guard let day = twoDigits(dayPart) else {
                    throw EDTFError(message: "unexpected character in day", offset: dayPart.startIndex)
                }
                if point.monthUnspecified {
                    throw EDTFError(message: "a day needs its month (write YYYY-XX-XX or give the month)", offset: dayPart.startIndex)
                }
                let month = point.month ?? 1
                let length = DayNumber.daysIn(month: month, year: year)
                guard day >= 1, day <= length else {
                    throw EDTFError(
                        message: "\(EDTFDate.englishMonths[month - 1]) \(year) has \(length) days, so day \(String(format2: day)) does not exist",
                        offset: dayPart.startIndex)
                }
                point.day = day
            }
        }
        return point
    }

    /// The point a plain `YYYY`, `YYYY-MM` or `YYYY-MM-DD` of digits names, a day that exists, without a
    /// qualifier; nil for any other text, which the general parser reads, as it reads these the same.
    static func plainPoint(_ text: String) -> Point? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Point? in
            guard bytes.count == 4 || bytes.count == 7 || bytes.count == 10 else { return nil }
            func digit(_ index: Int) -> Int? {
                let byte = bytes[index]
                return isDigit(byte) ? Int(byte - 0x30) : nil
            }
            guard let a = digit(0), let b = digit(1), let c = digit(2), let d = digit(3) else { return nil }
            var point = Point(year: ((a * 10 + b) * 10 + c) * 10 + d)
            guard bytes.count > 4 else { return point }
            guard bytes[4] == UInt8(ascii: "-"), let tens = digit(5), let ones = digit(6), case let month = tens * 10 + ones, (1...12).contains(month) else { return nil }
            point.month = month
            guard bytes.count > 7 else { return point }
            guard bytes[7] == UInt8(ascii: "-"), let dayTens = digit(8), let dayOnes = digit(9), case let day = dayTens * 10 + dayOnes,
                  day >= 1, day <= DayNumber.daysIn(month: month, year: point.year) else { return nil }
            point.day = day
            return point
        } ?? nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func twoDigits(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard bytes.count == 2, bytes.allSatisfy(isDigit) else { return nil }
        return Int(bytes.first! - 0x30) * 10 + Int(bytes.last! - 0x30)
    }
}

extension String {
    /// A number with at least two digits, as months and days are written.
    package init(format2 value: Int) {
        self = value < 10 && value >= 0 ? "0\(value)" : "\(value)"
    }
}
