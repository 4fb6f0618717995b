import ColdChain
import Foundation
import Testing

/// The `time,celsius` CSV reader: valid input, coded errors naming the line, limits, and truncation.
@Suite struct TemperatureCSVReaderTests {
    static let sample = """
        time,celsius
        2024-01-01T01:00:00+01:00,4.5
        2024-01-01T00:10:00Z,5
        2024-01-01T00:20:00.500-00:00,-0.5

        2024-01-01T00:30:00+0000,+8.0

        """

    @Test func readsOffsetsDecimalsAndBlankLines() throws {
        let readings = try TemperatureCSVReader().read(Array(Self.sample.utf8))
        #expect(readings.map(\.celsius) == [4.5, 5, -0.5, 8])
        #expect(readings[0].time == Fixtures.origin)
        #expect(readings[1].time == Fixtures.origin.addingTimeInterval(600))
        #expect(readings[2].time == Fixtures.origin.addingTimeInterval(1200.5))
        #expect(readings[3].time == Fixtures.origin.addingTimeInterval(1800))
    }

    @Test func readsCRLFAndBOM() throws {
        let text = "\u{FEFF}time,celsius\r\n2024-01-01T00:00:00Z,3.0\r\n2024-01-01T00:05:00Z,3.5\r\n"
        let readings = try TemperatureCSVReader().read(Array(text.utf8))
        #expect(readings.map(\.celsius) == [3.0, 3.5])
    }

    @Test(arguments: [
        ("time,temp\n2024-01-01T00:00:00Z,1\n", "COLDCHAIN_BAD_HEADER", "line 1"),
        ("", "COLDCHAIN_BAD_HEADER", "empty"),
        ("time,celsius\n", "COLDCHAIN_NO_READINGS", "none"),
        ("time,celsius\n2024-01-01T00:00:00Z,1\n2024-01-01T00:00:00,2\n", "COLDCHAIN_BAD_ROW", "line 3"),
        ("time,celsius\n2024-01-01T00:00:00Z\n", "COLDCHAIN_BAD_ROW", "line 2"),
        ("time,celsius\n2024-01-01T00:00:00Z,1,2\n", "COLDCHAIN_BAD_ROW", "line 2"),
        ("time,celsius\n2024-02-30T00:00:00Z,1\n", "COLDCHAIN_BAD_ROW", "ISO 8601"),
        ("time,celsius\n2024-01-01T00:00:00Z,1e3\n", "COLDCHAIN_BAD_ROW", "decimal temperature"),
        ("time,celsius\n2024-01-01T00:00:00Z,nan\n", "COLDCHAIN_BAD_ROW", "line 2"),
        ("time,celsius\n2024-01-01T00:00:00Z,250\n", "COLDCHAIN_TEMPERATURE_OUT_OF_RANGE", "line 2"),
        ("time,celsius\n2024-01-01T00:10:00Z,1\n2024-01-01T00:05:00Z,1\n", "COLDCHAIN_TIME_ORDER", "line 3"),
        ("time,celsius\n2024-01-01T00:10:00Z,1\n2024-01-01T01:10:00+01:00,1\n", "COLDCHAIN_TIME_ORDER", "line 3"),
    ])
    func badInputGivesACodedError(text: String, code: String, messagePart: String) {
        do {
            _ = try TemperatureCSVReader().read(Array(text.utf8))
            Issue.record("expected \(code)")
        } catch let error as ColdChainError {
            #expect(error.code == code)
            #expect(error.message.contains(messagePart), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func notUTF8() {
        #expect(throws: ColdChainError(.notText, "")) {
            try TemperatureCSVReader().read([0x74, 0xFF, 0x0A])
        }
    }

    @Test func limits() {
        let tight = TemperatureCSVReader(limits: .init(maxBytes: 40, maxLines: 3))
        #expect(throws: ColdChainError(.inputTooLarge, "")) { try tight.read(Array(Self.sample.utf8)) }
        let fewLines = TemperatureCSVReader(limits: .init(maxBytes: 1000, maxLines: 3))
        #expect(throws: ColdChainError(.tooManyLines, "")) { try fewLines.read(Array(Self.sample.utf8)) }
    }

    @Test func everyPrefixGivesReadingsOrACodedError() {
        let bytes = Array(Self.sample.utf8)
        var results = 0
        var errors = 0
        for length in 0...bytes.count {
            do {
                let readings = try TemperatureCSVReader().read(bytes[0..<length])
                #expect(!readings.isEmpty)
                results += 1
            } catch is ColdChainError {
                errors += 1
            } catch {
                Issue.record("prefix \(length): \(error)")
            }
        }
        #expect(results > 0 && errors > 0 && results + errors == bytes.count + 1)
    }
}
