import Testing
@testable import TimelineContent
@testable import TimelineCore

/// Dates written in other common forms, and the EDTF dates they are taken to mean.
@Suite struct EDTFSuggestionTests {
    @Test(arguments: [
        ("2025/08/01", ["2025-08-01"]),
        ("25-08-2025", ["2025-08-25"]),
        ("08/25/2025", ["2025-08-25"]),
        ("01/08/2025", ["2025-08-01", "2025-01-08"]),
        ("01/01/2025", ["2025-01-01"]),
        ("1 August 2025", ["2025-08-01"]),
        ("August 1, 2025", ["2025-08-01"]),
        ("August 1st, 2025", ["2025-08-01"]),
        ("the 21st of August 2025", ["2025-08-21"]),
        ("Aug 2025", ["2025-08"]),
        ("Sept. 2025", ["2025-09"]),
        ("2025.08.01", ["2025-08-01"]),
        ("01.08.2025", ["2025-08-01", "2025-01-08"]),
        ("20250801", ["2025-08-01"]),
        ("1er août 2025", ["2025-08-01"]),
        ("1 aout 2025", ["2025-08-01"]),
        ("le 14 juillet 1789", ["1789-07-14"]),
        ("févr. 2024", ["2024-02"]),
        ("2020-2025", ["2020/2025"]),
        ("2025/08", ["2025-08"]),
        ("08/2025", ["2025-08"]),
        ("2025-8-1", ["2025-08-01"]),
    ])
    func aDateWrittenAnotherWayIsRead(_ text: String, _ readings: [String]) {
        #expect(EDTFDate.readings(of: text) == readings)
    }

    @Test(arguments: ["31/02/2025", "13 Foo 2025", "20251399", "August", "1 2 3", "2025-13", "", "12/13/14"])
    func whatIsNoDateHasNoReading(_ text: String) {
        #expect(EDTFDate.readings(of: text).isEmpty)
    }

    @Test func theExplanationOffersOneFixOrBothReadings() throws {
        let error = EDTFError(message: "an interval has one '/' between its start and end", offset: 7)
        let one = EDTFDate.explanation(of: "2025/08/01", error: error)
        #expect(one.message == "'2025/08/01' is not in EDTF form (YYYY-MM-DD, YYYY-MM, YYYY, START/END)")
        #expect(one.offset == 0 && one.fixIt == Diagnostic.FixIt(.replace, "2025-08-01"))
        let two = EDTFDate.explanation(of: "01/08/2025", error: error)
        #expect(two.message == "in '01/08/2025' the day and the month could be either way round; did you mean '2025-08-01' (1 August 2025) or '2025-01-08' (8 January 2025)?")
        #expect(two.fixIt == nil)
        let none = EDTFDate.explanation(of: "31/02/2025", error: error)
        #expect(none.message == error.message && none.offset == 7 && none.fixIt == nil)
    }

    @Test func aNewEntrysDateGetsItsFixToo() {
        #expect(NoteScaffold.problem(id: "later", title: "T", date: "1 August 2025", kind: .entry, topicKind: nil)
            == "invalid date '1 August 2025': '1 August 2025' is not in EDTF form (YYYY-MM-DD, YYYY-MM, YYYY, START/END); did you mean '2025-08-01'?")
    }

    /// Whatever the text, every reading offered is a valid date.
    @Test func everyReadingOfAnyTextIsADate() throws {
        var generator = SeededGenerator(state: 11)
        let pieces = ["0", "1", "2", "9", "12", "31", "2025", "/", "-", ".", " ", ",", "août", "Aug", "1er", "st", "–", "X", "?"]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for reading in EDTFDate.readings(of: text) { _ = try EDTFDate(parsing: reading) }
            _ = EDTFDate.explanation(of: text, error: EDTFError(message: "", offset: 0))
        }
    }
}

