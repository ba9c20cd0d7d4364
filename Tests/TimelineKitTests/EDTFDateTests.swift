import Testing
@testable import TimelineKit

@Suite struct EDTFDateTests {
    @Test func placeholder() { #expect(true) }
}
