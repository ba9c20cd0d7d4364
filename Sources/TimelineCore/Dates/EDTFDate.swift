/// A date in the Extended Date/Time Format (ISO 8601-2), level 0 and the level-1 features
/// a historian needs: `1995`, `2024-06`, `2025-07-24`, seasons `2024-21`, intervals `2004/2017`,
/// open or unknown ends `2024-06/..` and `/2017`, approximate `2024-06~`, uncertain `2021?`,
/// both `2021%`, and unspecified digits `199X`, `2004-XX`.
public struct EDTFDate: Hashable, Sendable, CustomStringConvertible {
    /// How sure the source is of a date.
    public enum Qualifier: Hashable, Sendable {
        case exact
        /// `?`: the source is not sure of it.
        case uncertain
        /// `~`: the source gives it roughly.
        case approximate
        /// `%`: both uncertain and approximate.
        case uncertainAndApproximate

        var isApproximate: Bool { self == .approximate || self == .uncertainAndApproximate }
        var isUncertain: Bool { self == .uncertain || self == .uncertainAndApproximate }
    }

    /// How finely a point in time is given.
    public enum Precision: Int, Hashable, Sendable, Comparable {
        case year, season, month, day

        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One point in time, such as `2024-06~` or `199X`.
    public struct Point: Hashable, Sendable {
        public var year: Int
        /// How many of the year's last digits are unspecified (`199X` has 1, `19XX` has 2).
        public var unspecifiedYearDigits: Int = 0
        /// 1–12, or nil when the point is a year or a season.
        public var month: Int?
        /// 21 (spring) to 24 (winter), as EDTF numbers seasons.
        public var season: Int?
        public var monthUnspecified = false
        public var day: Int?
        public var dayUnspecified = false
        public var qualifier: Qualifier = .exact

        public init(
            year: Int, unspecifiedYearDigits: Int = 0, month: Int? = nil, season: Int? = nil, monthUnspecified: Bool = false,
            day: Int? = nil, dayUnspecified: Bool = false, qualifier: Qualifier = .exact
        ) {
            self.year = year
            self.unspecifiedYearDigits = unspecifiedYearDigits
            self.month = month
            self.season = season
            self.monthUnspecified = monthUnspecified
            self.day = day
            self.dayUnspecified = dayUnspecified
            self.qualifier = qualifier
        }

        public var precision: Precision {
            if day != nil || dayUnspecified { return dayUnspecified ? .month : .day }
            if monthUnspecified { return .year }
            if month != nil { return .month }
            if season != nil { return .season }
            return .year
        }

        /// The first day the point could mean.
        public var earliest: DayNumber {
            let step = Self.power(10, unspecifiedYearDigits)
            let year = self.year / step * step
            if let season { return DayNumber(year: year, month: Self.seasonMonths(season).first, day: 1) }
            let month = monthUnspecified ? 1 : (self.month ?? 1)
            let day = dayUnspecified ? 1 : (self.day ?? 1)
            return DayNumber(year: year, month: month, day: day)
        }

        /// The last day the point could mean.
        public var latest: DayNumber {
            let step = Self.power(10, unspecifiedYearDigits)
            let year = self.year / step * step + step - 1
            if let season {
                let months = Self.seasonMonths(season)
                let endYear = months.last < months.first ? year + 1 : year
                return DayNumber(year: endYear, month: months.last, day: DayNumber.daysIn(month: months.last, year: endYear))
            }
            let month = (monthUnspecified || self.month == nil) ? 12 : self.month!
            if let day, !dayUnspecified { return DayNumber(year: year, month: month, day: day) }
            return DayNumber(year: year, month: month, day: DayNumber.daysIn(month: month, year: year))
        }

        static func power(_ base: Int, _ exponent: Int) -> Int {
            (0..<exponent).reduce(1) { value, _ in value * base }
        }

        /// The first and last month of an EDTF season (northern hemisphere).
        static func seasonMonths(_ season: Int) -> (first: Int, last: Int) {
            switch season {
            case 21: return (3, 5)
            case 22: return (6, 8)
            case 23: return (9, 11)
            default: return (12, 2)
            }
        }
    }

    /// One end of an interval.
    public enum Bound: Hashable, Sendable {
        case point(Point)
        /// `..`: the interval goes on (or reaches back) without end.
        case open
        /// An empty end: the source does not say.
        case unknown
    }

    public enum Value: Hashable, Sendable {
        case point(Point)
        case interval(start: Bound, end: Bound)
    }

    public let value: Value
    /// The date exactly as the author wrote it.
    public let text: String

    public var description: String { text }

    public var isInterval: Bool {
        if case .interval = value { return true }
        return false
    }

    /// The first day the date could mean; what timelines sort by.
    public var earliest: DayNumber {
        switch value {
        case .point(let point): return point.earliest
        case .interval(let start, let end):
            if case .point(let point) = start { return point.earliest }
            if case .point(let point) = end { return point.earliest }
            return DayNumber(0)
        }
    }

    /// The last day the date could mean; an interval with an open end has no last day.
    public var latest: DayNumber {
        switch value {
        case .point(let point): return point.latest
        case .interval(let start, let end):
            switch end {
            case .point(let point): return point.latest
            case .open: return DayNumber(Int.max)
            case .unknown:
                if case .point(let point) = start { return point.latest }
                return DayNumber(Int.max)
            }
        }
    }

    /// The point a date starts at, if it names one.
    public var startPoint: Point? {
        switch value {
        case .point(let point): return point
        case .interval(let start, let end):
            if case .point(let point) = start { return point }
            if case .point(let point) = end { return point }
            return nil
        }
    }

    /// The year a timeline files the date under: the year of its earliest day.
    public var year: Int { earliest.components.year }

    /// Whether the date is at least as precise as `precision` at its start.
    public var precision: Precision { startPoint?.precision ?? .year }
}

/// A day as a count of days since 1 January of year 0, for sorting and comparing.
public struct DayNumber: Hashable, Sendable, Comparable {
    public let value: Int

    public init(_ value: Int) { self.value = value }

    public init(year: Int, month: Int, day: Int) {
        // Days from civil (Howard Hinnant's algorithm), shifted so that 0000-01-01 is day 0.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.value = era * 146_097 + doe + 60
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = value - 60
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public static func < (lhs: DayNumber, rhs: DayNumber) -> Bool { lhs.value < rhs.value }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension EDTFDate: Codable {
    /// A date is stored as the author wrote it, and read back by parsing it again.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "invalid date '\(text)'"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

extension DayNumber {
    /// The day as an RFC 3339 time stamp at midnight UTC, for feeds and structured data.
    public var timestamp: String {
        let (year, month, day) = components
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(String(format2: month))-\(String(format2: day))T00:00:00Z"
    }
}
