import ColdChain
import Foundation
import JSON
import TestSupport

/// Shared helpers of the cold-chain tests.
enum Fixtures {
    /// 2024-01-01T00:00:00Z.
    static let origin = Date(timeIntervalSince1970: 1_704_067_200)

    /// Readings at whole minutes after ``origin``: (minute, °C).
    static func readings(_ points: [(minute: Double, celsius: Double)]) -> [TemperatureReading] {
        points.map { TemperatureReading(time: origin.addingTimeInterval($0.minute * 60), celsius: $0.celsius) }
    }

    /// Equally spaced readings, `stepMinutes` apart, from ``origin``.
    static func series(_ temperatures: [Double], stepMinutes: Double = 60) -> [TemperatureReading] {
        readings(temperatures.enumerated().map { (Double($0.offset) * stepMinutes, $0.element) })
    }

    /// The parsed `coldchain/vectors.json`.
    static func vectors() throws -> JSONObject {
        let value = try JSONParser.parse(Array(try TestData.data("coldchain/vectors.json")))
        guard let object = value.objectValue else { throw FixtureError("vectors.json is not an object") }
        return object
    }

    /// The Berlinger export files, by path relative to the test-data root.
    static let berlingerFiles = [
        "loggers/berlinger/FridgeTag_2/130400191542_202302140605.txt",
        "loggers/berlinger/FridgeTag_2/130400191544_202304201514.txt",
        "loggers/berlinger/FridgeTag_2L/130500109088_202206081014.txt",
        "loggers/berlinger/FridgeTag_UL/100800001215_202304201410.txt",
        "loggers/berlinger/QTag_CLm_doc_LR/RCPJ00010_02_202211090128.txt",
        "loggers/berlinger/QTag_CLm_doc_LR/RCPJ00010_03_202304201359.txt",
    ]

    /// A parsed Berlinger export.
    static func berlinger(_ path: String) throws -> BerlingerExport {
        try BerlingerReader().read(Array(try TestData.data(path)))
    }

    /// A number from a JSON value (integer or double).
    static func number(_ value: JSONValue?) throws -> Double {
        if let double = value?.doubleValue { return double }
        if let integer = value?.integerValue { return Double(integer) }
        throw FixtureError("expected a number in vectors.json")
    }
}

/// A test-fixture failure (malformed vector file).
struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
