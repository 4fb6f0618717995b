import CBOR
import CredentialVerification
import Foundation
import JSON

/// Converts the DCC between its CBOR wire form and its JSON form (the form the schemas and the
/// test data use).
public enum DCCJSONConversion {
    /// CBOR → JSON. Text-keyed maps become objects, integers and floats numbers, tag 0 (date-time
    /// text) and tag 1004 (full-date text) their text, tag 1 (epoch seconds) an RFC 3339 UTC text.
    ///
    /// - Throws: ``EUDCCError`` `HC1_INVALID_PAYLOAD` for byte strings, non-text map keys, `undefined`,
    ///   other tags or simple values; the message names the JSON path, not the value.
    public static func json(from node: CBORNode) throws -> JSONValue {
        try json(from: node, path: "")
    }

    private static func json(from node: CBORNode, path: String) throws -> JSONValue {
        switch node.content {
        case .unsigned(let value):
            guard value <= UInt64(Int64.max) else { return .double(Double(value)) }
            return .integer(Int64(value))
        case .negative(let value):
            guard value < UInt64(Int64.max) else { return .double(-1 - Double(value)) }
            return .integer(-1 - Int64(value))
        case .float(let value):
            guard value.isFinite else { throw invalid(path, "a finite number", "NaN or infinity") }
            return .double(value)
        case .textString(let text):
            return .string(text)
        case .bool(let value):
            return .bool(value)
        case .null:
            return .null
        case .array(let items):
            var array: [JSONValue] = []
            array.reserveCapacity(items.count)
            for (index, item) in items.enumerated() { array.append(try json(from: item, path: "\(path)/\(index)")) }
            return .array(array)
        case .map(let entries):
            var members: [JSONObject.Member] = []
            members.reserveCapacity(entries.count)
            for entry in entries {
                guard let key = entry.key.textValue else {
                    throw invalid(path, "text map keys", "another key type")
                }
                members.append(.init(key: key, value: try json(from: entry.value, path: "\(path)/\(key)")))
            }
            return .object(JSONObject(members))
        case .tagged(0, let inner), .tagged(1004, let inner):
            guard let text = inner.textValue else { throw invalid(path, "text inside tag 0/1004", "another type") }
            return .string(text)
        case .tagged(1, let inner):
            guard let seconds = inner.doubleValue else { throw invalid(path, "a number inside tag 1", "another type") }
            return .string(Timestamp.format(Date(timeIntervalSince1970: seconds)))
        case .tagged(let tag, _):
            throw invalid(path, "no tag other than 0, 1 or 1004", "tag \(tag)")
        case .byteString:
            throw invalid(path, "a JSON-compatible value", "a byte string")
        case .undefined:
            throw invalid(path, "a JSON-compatible value", "undefined")
        case .simple(let value):
            throw invalid(path, "a JSON-compatible value", "simple value \(value)")
        }
    }

    /// JSON → CBOR value (objects become text-keyed maps; integers stay integers).
    public static func cbor(from json: JSONValue) -> CBORValue {
        switch json {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .integer(let value): return .integer(value)
        case .double(let value): return .float(value)
        case .string(let text): return .textString(text)
        case .array(let items): return .array(items.map(cbor(from:)))
        case .object(let object):
            return .map(object.members.map { CBORValue.MapEntry(.textString($0.key), cbor(from: $0.value)) })
        }
    }

    private static func invalid(_ path: String, _ expected: String, _ found: String) -> EUDCCError {
        EUDCCError(.invalidPayload, "expected \(expected) at DCC path \(path.isEmpty ? "/" : path), found \(found)")
    }
}
