import Foundation
import JSON
import TestSupport

/// Test-only conversion of Foundation's `JSONSerialization` output into `JSONValue` (object keys sorted,
/// since Foundation does not keep member order). Used until tests can use the JSON module's own parser.
enum DCCPayloadTestJSON {
    /// Parses JSON text.
    static func parse(_ text: String) throws -> JSONValue {
        try parse(Data(text.utf8))
    }

    /// Parses JSON bytes.
    static func parse(_ data: Data) throws -> JSONValue {
        try convert(JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    /// Reads and parses a file of the shared test data.
    static func load(_ relativePath: String) throws -> JSONValue {
        try parse(TestData.data(relativePath))
    }

    /// Converts one Foundation JSON value.
    static func convert(_ value: Any) throws -> JSONValue {
        switch value {
        case is NSNull:
            return .null
        case let number as NSNumber:
            switch String(cString: number.objCType) {
            case "c", "B": return .bool(number.boolValue)
            case "f", "d": return .double(number.doubleValue)
            default: return .integer(number.int64Value)
            }
        case let text as String:
            return .string(text)
        case let array as [Any]:
            return .array(try array.map(convert))
        case let dictionary as [String: Any]:
            let members = try dictionary.keys.sorted().map { key in
                JSONObject.Member(key: key, value: try convert(dictionary[key] as Any))
            }
            return .object(JSONObject(members))
        default:
            throw ConversionError(type: String(describing: type(of: value)))
        }
    }

    struct ConversionError: Error, CustomStringConvertible {
        let type: String
        var description: String { "unexpected Foundation JSON type \(type)" }
    }
}
