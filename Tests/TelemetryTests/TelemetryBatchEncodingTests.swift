import CBOR
import Telemetry
import Testing

@Suite("Telemetry batch CBOR")
struct TelemetryBatchEncodingTests {
    /// The small batch of docs/TELEMETRY.md, byte for byte.
    static let expected: [UInt8] = [
        0xA5,  // map(5)
        0x01, 0x69, 0x66, 0x72, 0x69, 0x64, 0x67, 0x65, 0x2D, 0x30, 0x31,  // 1: "fridge-01"
        0x02, 0x07,  // 2: 7
        0x03, 0x1B, 0x00, 0x00, 0x01, 0x8B, 0xCF, 0xE5, 0x68, 0x00,  // 3: 1700000000000
        0x04, 0x82,  // 4: array(2)
        0x82, 0x1B, 0x00, 0x00, 0x01, 0x8B, 0xCF, 0xE4, 0x7D, 0xA0, 0x19, 0x01, 0xCE,  // [1699999940000, 462]
        0x83, 0x1B, 0x00, 0x00, 0x01, 0x8B, 0xCF, 0xE5, 0x68, 0x00, 0x38, 0x95, 0x02,  // [1700000000000, -150, 2]
        0x05, 0x81,  // 5: array(1)
        0x83, 0x1B, 0x00, 0x00, 0x01, 0x8B, 0xCF, 0xE5, 0x68, 0x00,  // [1700000000000,
        0x1A, 0x1F, 0x4D, 0xEA, 0x80, 0x1A, 0x07, 0xFD, 0x70, 0xD0,  //  525200000, 134050000]
    ]

    @Test func encodesTheSmallBatchByteForByte() throws {
        #expect(Fixtures.small.encoded() == Self.expected)
        #expect(try TelemetryBatch(cbor: Self.expected) == Fixtures.small)
    }

    @Test func encodingEqualsTheGenericDeterministicEncoder() throws {
        let batch = Fixtures.batch(sequence: UInt64.max, readings: 30)
        let node = try CBOR.decode(batch.encoded())
        #expect(try CBOR.encode(node.value) == batch.encoded())
    }

    @Test func leavesPositionsOutWhenThereAreNone() throws {
        let batch = TelemetryBatch(deviceID: Fixtures.device, sequence: 0, sentAt: 0, readings: [])
        // {1: "fridge-01", 2: 0, 3: 0, 4: []}
        #expect(
            batch.encoded() == [0xA4, 0x01, 0x69] + Array("fridge-01".utf8) + [0x02, 0x00, 0x03, 0x00, 0x04, 0x80])
        #expect(try TelemetryBatch(cbor: batch.encoded()) == batch)
    }

    @Test func digestIsSHA256OfTheEncodingAndChangesWithTheContent() {
        var other = Fixtures.small
        other.readings[0].centiCelsius += 1
        #expect(Fixtures.small.digest().count == 32)
        #expect(Fixtures.small.digest() == Fixtures.small.digest())
        #expect(other.digest() != Fixtures.small.digest())
    }

    /// Each malformed payload, and the field the error names.
    static let malformed: [(String, [UInt8], String)] = [
        ("not a map", [0x80], "payload"),
        ("sequence not shortest", replace(in: expected, [0x02, 0x07], with: [0x02, 0x18, 0x07]), "payload"),
        ("sequence negative", replace(in: expected, [0x02, 0x07], with: [0x02, 0x26]), "sequence"),
        ("unknown key 6", [0xA5] + Array(expected.dropFirst(1).dropLast(22)) + [0x06, 0x00], "payload"),
        ("text key", replace(in: expected, [0x02, 0x07], with: [0x61, 0x73, 0x07]), "payload"),
        (
            "device id with a space", replace(in: expected, Array("fridge-01".utf8), with: Array("fridge 01".utf8)),
            "deviceID"
        ),
        ("reading of 1 member", payload(readings: [.array([.integer(0)])]), "readings[0]"),
        ("reading of 4 members", payload(readings: [.array([0, 1, 2, 3].map { .integer($0) })]), "readings[0]"),
        (
            "sensor id negative", payload(readings: [.array([.integer(0), .integer(0), .integer(-1)])]),
            "readings[0][2]"
        ),
        ("nested deeper than a sample", payload(readings: [.array([.array([.integer(0)])])]), "payload"),
        ("readings not an array", try! CBOR.encode(.map(header + [.init(.integer(4), .map([]))])), "readings"),
        (
            "temperature as float", replace(in: expected, [0x19, 0x01, 0xCE], with: [0xF9, 0x45, 0x00]),
            "readings[0][1]"
        ),
        ("empty positions", Array(expected.dropLast(22)) + [0x05, 0x80], "positions"),
        ("missing readings", [0xA3] + Array(expected[1..<24]), "readings"),
        ("trailing byte", expected + [0x00], "payload"),
    ]

    @Test(arguments: malformed)
    func rejectsMalformedPayloadsNamingTheField(_ name: String, _ bytes: [UInt8], _ field: String) {
        #expect(throws: TelemetryError(.malformed, "")) { try TelemetryBatch(cbor: bytes) }
        do {
            _ = try TelemetryBatch(cbor: bytes)
        } catch {
            #expect(error.field == field, "\(name): \(error.message)")
        }
    }

    static let header: [CBORValue.MapEntry] = [
        .init(.integer(1), .textString("fridge-01")), .init(.integer(2), .integer(1)), .init(.integer(3), .integer(0)),
    ]

    /// A deterministic batch payload with these readings.
    static func payload(readings: [CBORValue]) -> [UInt8] {
        try! CBOR.encode(.map(header + [.init(.integer(4), .array(readings))]))
    }

    /// Replaces the first occurrence of `pattern`.
    static func replace(in bytes: [UInt8], _ pattern: [UInt8], with replacement: [UInt8]) -> [UInt8] {
        for start in 0...(bytes.count - pattern.count) where Array(bytes[start..<start + pattern.count]) == pattern {
            return Array(bytes[..<start]) + replacement + Array(bytes[(start + pattern.count)...])
        }
        return bytes
    }

    @Test func validatesDeviceIDs() throws {
        #expect(try TelemetryDeviceID("urn:epc:id:giai:4000001.111").rawValue == "urn:epc:id:giai:4000001.111")
        #expect(throws: TelemetryError(.malformed, "")) { try TelemetryDeviceID("") }
        #expect(throws: TelemetryError(.malformed, "")) { try TelemetryDeviceID(String(repeating: "a", count: 65)) }
        #expect(throws: TelemetryError(.malformed, "")) { try TelemetryDeviceID("kühl-01") }
        #expect(throws: TelemetryError(.malformed, "")) { try TelemetryDeviceID("a/b") }
    }

    /// Out-of-range values, whether built in Swift or decoded.
    static let outOfRange: [(TelemetryBatch, String)] = {
        func with(_ change: (inout TelemetryBatch) -> Void) -> TelemetryBatch {
            var batch = Fixtures.small
            change(&batch)
            return batch
        }
        return [
            (with { $0.positions[0].latitudeE7 = 900_000_001 }, "positions[0][1]"),
            (with { $0.positions[0].latitudeE7 = -900_000_001 }, "positions[0][1]"),
            (with { $0.positions[0].longitudeE7 = 1_800_000_001 }, "positions[0][2]"),
            (with { $0.readings[1].centiCelsius = 15_001 }, "readings[1][1]"),
            (with { $0.readings[0].centiCelsius = -20_001 }, "readings[0][1]"),
            (with { $0.readings[0].time = -1 }, "readings[0][0]"),
            (with { $0.sentAt = 253_402_300_800_000 }, "sentAt"),
            (with { $0.positions[0].time = Int64.min }, "positions[0][0]"),
        ]
    }()

    @Test(arguments: outOfRange)
    func rejectsValuesOutOfRange(_ batch: TelemetryBatch, _ field: String) {
        let attempts: [() throws -> Void] = [
            { try batch.validate() }, { _ = try TelemetryBatch(cbor: batch.encoded()) },
        ]
        for attempt in attempts {
            do {
                try attempt()
                Issue.record("accepted \(field) out of range")
            } catch let error as TelemetryError {
                #expect(error.errorCode == .outOfRange)
                #expect(error.field == field)
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func acceptsTheRangeLimits() throws {
        var batch = Fixtures.small
        batch.readings = [
            TemperatureSample(time: 0, centiCelsius: -20_000, sensor: 0),
            TemperatureSample(time: TelemetryTime.maximum, centiCelsius: 15_000, sensor: UInt16.max),
        ]
        batch.positions = [
            PositionSample(time: 0, latitudeE7: -900_000_000, longitudeE7: -1_800_000_000),
            PositionSample(time: 1, latitudeE7: 900_000_000, longitudeE7: 1_800_000_000),
        ]
        #expect(try TelemetryBatch(cbor: batch.encoded()) == batch)
        #expect(batch.readings[1].celsius == 150)
        #expect(batch.positions[1].longitude == 180)
    }

    @Test func integersTooWideForTheirFieldAreOutOfRange() {
        // A temperature of 2^32 (does not fit Int32) and a sensor id of 65536.
        let bigTemperature = Self.replace(in: Self.expected, [0x19, 0x01, 0xCE], with: [0x1B, 0, 0, 0, 1, 0, 0, 0, 0])
        #expect(throws: TelemetryError(.outOfRange, "")) { try TelemetryBatch(cbor: bigTemperature) }
        let bigSensor = Self.replace(in: Self.expected, [0x38, 0x95, 0x02], with: [0x38, 0x95, 0x1A, 0, 1, 0, 0])
        #expect(throws: TelemetryError(.outOfRange, "")) { try TelemetryBatch(cbor: bigSensor) }
    }
}
