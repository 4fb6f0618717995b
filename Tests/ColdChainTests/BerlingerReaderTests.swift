import ColdChain
import Foundation
import TestSupport
import Testing

/// The Berlinger reader on damaged input: coded errors naming the line, and every prefix of every export.
@Suite struct BerlingerReaderTests {
    @Test func dataSectionDetails() throws {
        let export = try Fixtures.berlinger(Fixtures.berlingerFiles[3])
        #expect(export.device == "Q-tag Fridge-tag Ultra Low")
        #expect(export.loggingIntervalMinutes == 5)
        #expect(export.missingReadings == 6)  // the first and last three rows read --.-
        #expect(export.readings.first?.celsius == -9.6)
        #expect(export.alarmRules.map(\.thresholdC) == [-90, -60])
        #expect(export.alarmRules.map(\.kind) == [.freeze, .heat])
        let qTag = try Fixtures.berlinger(Fixtures.berlingerFiles[4])
        #expect(qTag.alarmLimits.map(\.index) == [1, 2, 4, 5])  // alarm 3 is Type 0 (off)
        #expect(qTag.alarmRules.map(\.mode) == [.single, .cumulative, .cumulative, .single])
        #expect(qTag.alarmEvents.filter { $0.index == 5 }.count == 3)
        #expect(qTag.alarmEvents.first?.end == nil && qTag.alarmEvents.first?.minutes == 219)
        #expect(qTag.summary?.minC == 0.9 && qTag.summary?.maxC == 24.3 && qTag.summary?.meanC == 5.4)
    }

    @Test func readsAtADeviceOffset() throws {
        let bytes = Array(try TestData.data(Fixtures.berlingerFiles[4]))
        let utc = try BerlingerReader().read(bytes)
        let cet = try BerlingerReader(utcOffsetSeconds: 3600).read(bytes)
        #expect(cet.readings.first?.time == utc.readings.first?.time.addingTimeInterval(-3600))
    }

    @Test(arguments: [
        ("Serial: 1\n", "line 1"),
        ("Device: Q-tag Fridge-tag 2\nConf:\n Alarm:\n  0:\n   T AL: -0.5x, t AL: 60\n", "line 5"),
        ("Device: Q-tag Fridge-tag 2\nConf:\n Alarm:\n  0:\n   T AL: -0.5\n", "t AL"),
        ("Device: Q-tag Fridge-tag 2\nConf:\n Alarm:\n  7:\n   T AL: -0.5, t AL: 60\n", "alarm 0 or 1"),
        ("Device: Q-tag Fridge-tag 2\nHist:\n 1:\n  Date: 2023-13-01\n", "line 4"),
        ("Device: Q-tag Fridge-tag 2\nHist:\n 1:\n  Min T: +1.0, TS Min T: 00:00\n", "Date"),
        ("Device: Q-tag Fridge-tag 2\nHist:\n 1:\n  Date: 2023-01-01\n  Alarm:\n   0:\n    t Acc: 0, TS A: 25:00\n", "line 7"),
        ("Device: Q-tag Fridge-tag 2\nGarbage line\n", "line 2"),
        ("Device: x\nData:\n\tyyyy-MM-dd hh:mm\tT\n\t2023-01-01 00:00\t4.0\n\t2023-01-01 00:00\t4.0\n", "line 5"),
        ("Device: x\nData:\n\tyyyy-MM-dd hh:mm\tT\n\t2023-01-01 00:00\t4,0\n", "line 4"),
        ("Device: x\nData:\n\tyyyy-MM-dd hh:mm\tT\n\t2023-01-01 00:00\n", "line 4"),
        ("Device: x\nData:\n\t2023-01-01 00:00\t4.0\n", "line 3"),
    ])
    func malformedExportsGiveCodedErrors(text: String, messagePart: String) {
        do {
            _ = try BerlingerReader().read(Array(text.utf8))
            Issue.record("expected an error")
        } catch let error as ColdChainError {
            #expect(error.code == "COLDCHAIN_BERLINGER_MALFORMED" || error.code == "COLDCHAIN_TIME_ORDER")
            #expect(error.message.contains(messagePart), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func limits() throws {
        let bytes = Array(try TestData.data(Fixtures.berlingerFiles[1]))
        #expect(throws: ColdChainError(.inputTooLarge, "")) {
            try BerlingerReader(limits: .init(maxBytes: 100, maxLines: 1000)).read(bytes)
        }
        #expect(throws: ColdChainError(.tooManyLines, "")) {
            try BerlingerReader(limits: .init(maxBytes: 1 << 20, maxLines: 10)).read(bytes)
        }
        #expect(throws: ColdChainError(.notText, "")) { try BerlingerReader().read([0x44, 0xC3]) }
    }

    /// Every prefix of the exports up to 6 KB, and 300 evenly spread prefixes (about 100 for the 270 KB 2 L file) plus every prefix ending in the
    /// first 300 bytes of the Data section of the larger ones (every prefix of those takes minutes in a debug
    /// build): a result or a coded error, never a crash.
    @Test(arguments: Fixtures.berlingerFiles)
    func everyPrefixGivesAResultOrACodedError(path: String) throws {
        let bytes = Array(try TestData.data(path))
        var lengths: [Int]
        if bytes.count <= 6_000 {
            lengths = Array(0...bytes.count)
        } else {
            lengths = stride(from: 0, through: bytes.count, by: max(1, bytes.count / min(300, 30_000_000 / bytes.count))).map { $0 } + [bytes.count]
            if let data = findData(bytes) {
                lengths += (data..<min(bytes.count, data + 300)).map { $0 }
            }
        }
        var results = 0
        var errors = 0
        for length in lengths {
            do {
                _ = try BerlingerReader().read(bytes[0..<length])
                results += 1
            } catch is ColdChainError {
                errors += 1
            } catch {
                Issue.record("\(path) prefix \(length): \(error)")
            }
        }
        #expect(results > 0 && errors > 0, "\(path): \(results) results, \(errors) errors")
    }

    private func findData(_ bytes: [UInt8]) -> Int? {
        let marker = Array("\nData:".utf8)
        guard bytes.count >= marker.count else { return nil }
        for index in 0...(bytes.count - marker.count) where bytes[index..<index + marker.count].elementsEqual(marker) {
            return index
        }
        return nil
    }
}
