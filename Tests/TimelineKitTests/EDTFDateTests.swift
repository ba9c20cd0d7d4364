import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
@testable import TimelineSite
import TimelineTesting

@Suite struct EDTFDateTests {
    private func date(_ text: String) throws -> EDTFDate { try EDTFDate(parsing: text) }

    @Test(arguments: [
        ("1995", "1995"),
        ("2024-06", "June 2024"),
        ("2025-07-24", "24 July 2025"),
        ("2024-21", "spring 2024"),
        ("2024-23", "autumn 2024"),
        ("1995~", "c. 1995"),
        ("2021?", "2021?"),
        ("2021%", "c. 2021?"),
        ("2024-06~", "c. June 2024"),
        ("199X", "1990s"),
        ("19XX", "1900s"),
        ("2004-XX", "2004"),
        ("2004-06-XX", "June 2004"),
        ("2004/2017", "2004–2017"),
        ("2024-06/2024-07", "June–July 2024"),
        ("2025-07-03/2025-07-05", "3–5 July 2025"),
        ("2024-10/2025-06", "October 2024 – June 2025"),
        ("2024-06/..", "since June 2024"),
        ("../2017", "until 2017"),
        ("/2017", "? – 2017"),
        ("2024-06/", "June 2024 – ?"),
        ("1995~/2017", "c. 1995 – 2017"),
    ])
    func displaysNoMorePreciselyThanWritten(text: String, shown: String) throws {
        #expect(try date(text).display() == shown)
    }

    @Test func displaysInFrenchAndSpanish() throws {
        #expect(try date("2025-07-24").display(.french) == "24 juillet 2025")
        #expect(try date("2025-07-01").display(.french) == "1er juillet 2025")
        #expect(try date("1995~").display(.french) == "vers 1995")
        #expect(try date("2024-06/..").display(.french) == "juin 2024 – aujourd’hui")
        #expect(try date("2025-07-24").display(.spanish) == "24 de julio de 2025")
        #expect(DateWording.forLanguage("fr-HT").months[0] == "janvier")
        #expect(DateWording.forLanguage("ht").months[0] == "janvye")
        #expect(try date("2004/2017").display(.french) == "de 2004 à 2017")
        #expect(try date("2004/2017").html(.french).hasPrefix("<span class=\"date\" data-edtf=\"2004/2017\">de <time datetime=\"2004\">2004</time> à <time datetime=\"2017\">2017</time>"))
    }

    /// Haitian Creole dates come from the project's own table, since the locale database has none.
    @Test func displaysInHaitianCreole() throws {
        #expect(try date("2025-07-24").display(.creole) == "24 jiyè 2025")
        #expect(try date("2024-06-01").display(.creole) == "1ye jen 2024")
        #expect(try date("1995~").display(.creole) == "anviwon 1995")
        #expect(try date("2004/2017").display(.creole) == "depi 2004 jiska 2017")
        #expect(try date("2024-06/..").display(.creole) == "jen 2024 – jodi a")
        #expect(try date("2024-08").display(.creole) == "out 2024")
        #expect(try date("199X").display(.creole) == "ane 1990 yo")
        #expect(DateWording.creole.months == ["janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè", "out", "septanm", "oktòb", "novanm", "desanm"])
    }

    @Test func sortsByEarliestThenLatestDay() throws {
        let texts = ["2025-07-24", "2025-07", "2025", "2024/2026", "2025-21", "199X", "1995~", "2025-07-24/2025-07-30"]
        let sorted = try texts.map(date).sorted { ($0.earliest, $0.latest, $0.text) < ($1.earliest, $1.latest, $1.text) }.map(\.text)
        #expect(sorted == ["199X", "1995~", "2024/2026", "2025", "2025-21", "2025-07", "2025-07-24", "2025-07-24/2025-07-30"])
        #expect(try date("2025").earliest == DayNumber(year: 2025, month: 1, day: 1))
        #expect(try date("2025").latest == DayNumber(year: 2025, month: 12, day: 31))
        #expect(try date("199X").latest == DayNumber(year: 1999, month: 12, day: 31))
        #expect(try date("2024-02").latest == DayNumber(year: 2024, month: 2, day: 29))
        #expect(try date("2024-24").latest == DayNumber(year: 2025, month: 2, day: 28))
        #expect(try date("2024-06/..").latest == DayNumber(Int.max))
        #expect(try date("2004/2017").year == 2004)
    }

    @Test func dayNumbersRoundTrip() {
        for (year, month, day) in [(1, 1, 1), (1600, 2, 29), (1995, 12, 31), (2000, 3, 1), (2025, 7, 24), (9999, 12, 31)] {
            let number = DayNumber(year: year, month: month, day: day)
            #expect(number.components == (year, month, day))
        }
        #expect(DayNumber(year: 2025, month: 7, day: 25).value - DayNumber(year: 2025, month: 7, day: 24).value == 1)
        #expect(DayNumber(year: 2025, month: 3, day: 1).value - DayNumber(year: 2025, month: 2, day: 28).value == 1)
        #expect(DayNumber(year: 2024, month: 3, day: 1).value - DayNumber(year: 2024, month: 2, day: 28).value == 2)
    }

    @Test(arguments: [
        ("2025-02-30", "February 2025 has 28 days, so day 30 does not exist", 8),
        ("2023-02-29", "February 2023 has 28 days, so day 29 does not exist", 8),
        ("2025-04-31", "April 2025 has 30 days, so day 31 does not exist", 8),
        ("2025-13", "13 is not a month (01 to 12) or a season (21 to 24)", 5),
        ("2025-00", "00 is not a month (01 to 12) or a season (21 to 24)", 5),
        ("20255", "a year has four digits, not 5 ('20255')", 0),
        ("95", "a year has four digits, not 2 ('95')", 0),
        ("1995/1990", "interval '1995/1990' ends before it starts", 5),
        ("2025-07-24T10:00", "times of day are not supported in '2025-07-24T10:00'; give the date only", 10),
        ("2025-7-24", "a month has two digits (01 to 12)", 5),
        ("1995?~", "a qualifier (?, ~ or %) goes at the end of the date", 4),
        ("19X5", "unspecified digits (X) come at the end of a year", 3),
        ("1XXX", "at most two digits of a year can be unspecified (19XX)", 2),
        ("199X-06", "a month needs its year in full", 5),
        ("2024-21-05", "a season cannot have a day", 8),
        ("../..", "an interval needs at least one known end", 0),
        ("2001/2002/2003", "an interval has one '/' between its start and end", 9),
        ("June 2024", "unexpected character in date 'June 2024'; write dates as YYYY, YYYY-MM or YYYY-MM-DD", 4),
        ("", "empty date; write it as YYYY, YYYY-MM or YYYY-MM-DD", 0),
    ])
    func rejectsInvalidDatesAtTheFaultyCharacter(text: String, message: String, offset: Int) {
        #expect(throws: EDTFError(message: message, offset: offset)) { try EDTFDate(parsing: text) }
    }

    /// Plain days, months and years are read by a path of their own: it gives what the general parser gives,
    /// the same date or the same error, for every day, month and year of a range of years (leap years and
    /// centuries among them, days and months that do not exist too) and for seeded texts of a date's characters.
    @Test func plainDatesReadAsTheGeneralParserReadsThem() {
        func outcome(_ parse: () throws(EDTFError) -> EDTFDate) -> Result<EDTFDate, EDTFError> { Result { () throws(EDTFError) in try parse() } }
        var texts: [String] = []
        for year in [0, 1, 999, 1600, 1700, 1899, 1900, 1995, 2000, 2021, 2024, 2025, 2100, 9999] {
            let yearText = String(repeating: "0", count: 4 - String(year).count) + String(year)
            texts.append(yearText)
            for month in 0...25 {
                texts.append(yearText + "-" + String(format2: month))
                for day in [0, 1, 9, 10, 28, 29, 30, 31, 32] { texts.append(yearText + "-" + String(format2: month) + "-" + String(format2: day)) }
            }
        }
        var numbers = SeededNumbers(seed: 1995)
        for length in 0...11 {
            texts += numbers.texts(2_000, of: ["0", "1", "2", "3", "9", "-", "X", "?", "~", "%", "/", ".", " ", "é", "T"], length: length)
        }
        var plain = 0
        for text in texts {
            #expect(outcome { () throws(EDTFError) in try EDTFDate(parsing: text) } == outcome { () throws(EDTFError) in try EDTFDate(parsingInFull: text) }, "\(text)")
            if EDTFDate.plainPoint(text) != nil { plain += 1 }
        }
        // The plain path is taken: the check above would hold without it.
        #expect(plain > 1_000)
    }

    @Test func acceptsLeapDaysAndCenturies() throws {
        #expect(try date("2024-02-29").display() == "29 February 2024")
        #expect(try date("2000-02-29").display() == "29 February 2000")
        #expect(throws: EDTFError.self) { try EDTFDate(parsing: "1900-02-29") }
    }

    @Test func writesValidHTMLTimeElements() throws {
        #expect(try date("2025-07-24").html() == #"<time class="date" datetime="2025-07-24" data-edtf="2025-07-24">24 July 2025</time>"#)
        #expect(try date("2024-06~").html() == #"<time class="date" datetime="2024-06" data-edtf="2024-06~">c. June 2024</time>"#)
        #expect(try date("2024-21").html() == #"<time class="date" datetime="2024" data-edtf="2024-21">spring 2024</time>"#)
        #expect(try date("199X").html() == #"<span class="date" data-edtf="199X">1990s</span>"#)
        #expect(try date("2004/2017").html() == #"<span class="date" data-edtf="2004/2017"><time datetime="2004">2004</time>–<time datetime="2017">2017</time></span>"#)
        #expect(try date("2024-10/2025-06").html() == #"<span class="date" data-edtf="2024-10/2025-06"><time datetime="2024-10">October 2024</time> – <time datetime="2025-06">June 2025</time></span>"#)
        #expect(try date("2024-06/..").html() == #"<span class="date" data-edtf="2024-06/.."><time datetime="2024-06">since June 2024</time></span>"#)
        #expect(try date("0950").html() == #"<time class="date" datetime="0950" data-edtf="0950">950</time>"#)
    }
}
