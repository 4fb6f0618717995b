import CredentialVerification
import Foundation
import Testing

/// The `--at` and VALIDATIONCLOCK forms: ISO 8601 with or without offset, any fraction, or Unix seconds.
@Suite("Tolerant timestamps")
struct TimestampTests {
    static let reference = 1_622_548_800.0  // 2021-06-01T12:00:00Z

    @Test(arguments: [
        ("2021-06-01T12:00:00Z", 0.0),
        ("2021-06-01T12:00:00", 0),  // no offset: UTC
        ("2021-06-01 12:00:00", 0),
        ("2021-06-01t12:00:00z", 0),
        ("2021-06-01T14:00:00+02:00", 0),
        ("2021-06-01T14:00:00+0200", 0),
        ("2021-06-01T14:00:00+02", 0),
        ("2021-06-01T07:30:00-04:30", 0),
        ("2021-06-01T12:00", 0),
        ("2021-06-01T12:00:00.5Z", 0.5),
        ("2021-06-01T12:00:00.123456789Z", 0.123456789),
        ("2021-06-01T12:00:00,25Z", 0.25),
        ("2021-06-01", -43_200),
        ("1622548800", 0),
        ("1622548800.75", 0.75),
    ])
    func parses(text: String, offsetFromReference: Double) throws {
        let date = try #require(Timestamp.parse(text))
        #expect(abs(date.timeIntervalSince1970 - (Self.reference + offsetFromReference)) < 1e-6)
    }

    @Test(arguments: [
        "", "yesterday", "2021-13-01T00:00:00Z", "2021-02-30", "2021-06-01T24:00:00Z", "2021-06-01T12:60:00Z",
        "2021-06-01T12:00:00+25:00", "2021-06-01T12:00:00Zjunk", "2021-06-01T12:00:00.Z", "--1", "1.2.3",
    ])
    func rejects(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test func formatsUTCWithWholeSeconds() {
        #expect(Timestamp.format(Date(timeIntervalSince1970: Self.reference + 0.9)) == "2021-06-01T12:00:00Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(Timestamp.parse(Timestamp.format(Date(timeIntervalSince1970: 4_102_444_800))) == Date(timeIntervalSince1970: 4_102_444_800))
    }
}
