import Foundation
import JSON
import TestSupport
import Testing

/// parse → serialize → parse gives back the same value, for every style.
struct JSONRoundTripTests {
    static func assertRoundTrips(_ value: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let compactBytes = JSONSerializer.serialize(value, style: .compact)
        #expect(try JSONParser.parse(compactBytes) == value, sourceLocation: sourceLocation)
        let prettyBytes = JSONSerializer.serialize(value, style: .pretty)
        #expect(try JSONParser.parse(prettyBytes) == value, sourceLocation: sourceLocation)
        // Canonical form reorders members and may turn doubles into integers: equivalent, not equal. Integers
        // beyond 2^53 are rounded to doubles (RFC 8785 numbers are IEEE 754 doubles), so only check a fixed point.
        let canonicalBytes = JSONSerializer.serialize(value, style: .canonical)
        let canonicalValue = try JSONParser.parse(canonicalBytes)
        #expect(JSONSerializer.serialize(canonicalValue, style: .canonical) == canonicalBytes, sourceLocation: sourceLocation)
        if !containsLargeInteger(value) {
            #expect(canonicalValue.isEquivalent(to: value), sourceLocation: sourceLocation)
        }
    }

    static func containsLargeInteger(_ value: JSONValue) -> Bool {
        switch value {
        case .integer(let integer): return integer.magnitude > 1 << 53
        case .array(let elements): return elements.contains(where: containsLargeInteger)
        case .object(let object): return object.members.contains { containsLargeInteger($0.value) }
        default: return false
        }
    }

    @Test(arguments: JSONParserAcceptanceTests.cases)
    func acceptedDocumentsRoundTrip(_ testCase: JSONParserAcceptanceTests.Case) throws {
        try Self.assertRoundTrips(try JSONParser.parse(testCase.bytes))
    }

    @Test func certificatePayloadsRoundTrip() throws {
        let files = try TestData.files(under: "ehn-dcc-schema/examples", withExtension: "json")
            + TestData.files(under: "ehn-dcc-schema/test", withExtension: "json")
        #expect(files.count >= 40)
        for file in files {
            let value = try JSONParser.parse(Array(try Data(contentsOf: file)))
            try Self.assertRoundTrips(value)
        }
    }

    @Test func schemasRoundTrip() throws {
        let files = try TestData.files(under: "ehn-dcc-schema", withExtension: "json").filter {
            $0.lastPathComponent.contains("schema")
        }
        #expect(files.count >= 40)
        for file in files {
            try Self.assertRoundTrips(try JSONParser.parse(Array(try Data(contentsOf: file))))
        }
    }

    @Test func randomValuesRoundTrip() throws {
        var generator = SeededGenerator(seed: 20_210_601)
        for _ in 0..<2_000 {
            try Self.assertRoundTrips(Self.randomValue(depth: 0, using: &generator))
        }
    }

    static func randomValue(depth: Int, using generator: inout SeededGenerator) -> JSONValue {
        let pick = Int.random(in: 0..<(depth > 4 ? 6 : 8), using: &generator)
        switch pick {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .integer(Int64(bitPattern: generator.next()) >> Int64.random(in: 0...63, using: &generator))
        case 3:
            var double = Double(bitPattern: generator.next())
            while !double.isFinite { double = Double(bitPattern: generator.next()) }
            return .double(double)
        case 4: return .double(Double(Int.random(in: -1000...1000, using: &generator)) / 8)
        case 5: return .string(randomString(using: &generator))
        case 6:
            return .array((0..<Int.random(in: 0...4, using: &generator)).map { _ in
                randomValue(depth: depth + 1, using: &generator)
            })
        default:
            var members: [JSONObject.Member] = []
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                members.append(.init(key: randomString(using: &generator), value: randomValue(depth: depth + 1, using: &generator)))
            }
            return .object(JSONObject(members))
        }
    }

    static func randomString(using generator: inout SeededGenerator) -> String {
        let pieces = ["a", "Z", "\"", "\\", "/", "\n", "\u{0}", "\u{1F}", "\u{7F}", "é", "€", "😀", "\u{FFFF}", " "]
        var string = ""
        for _ in 0..<Int.random(in: 0...6, using: &generator) { string += pieces.randomElement(using: &generator)! }
        return string
    }
}
