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
    /// The map must come from a decoder that rejects duplicate keys (``CBOR/DecodingOptions`` default).
    ///
    /// - Throws: ``EUDCCError`` `HC1_INVALID_PAYLOAD` for byte strings, non-text map keys, `undefined`,
    ///   other tags or simple values; the message names the JSON path, not the value.
    public static func json(from node: CBORNode) throws -> JSONValue {
        do throws(Failure) {
            return try convert(node)
        } catch {
            let failure = error
            let path = failure.reversedPath.reversed().joined(separator: "/")
            throw EUDCCError(.invalidPayload, "expected \(failure.expected) at DCC path /\(path), found \(failure.found)")
        }
    }

    /// A conversion failure on its way up; each level adds its key, so that the path is only built
    /// when something fails.
    private struct Failure: Error {
        let expected: String
        let found: String
        var reversedPath: [String] = []
    }

    private static func convert(_ node: CBORNode) throws(Failure) -> JSONValue {
        switch node.content {
        case .unsigned(let value):
            guard value <= UInt64(Int64.max) else { return .double(Double(value)) }
            return .integer(Int64(value))
        case .negative(let value):
            guard value < UInt64(Int64.max) else { return .double(-1 - Double(value)) }
            return .integer(-1 - Int64(value))
        case .float(let value):
            guard value.isFinite else { throw Failure(expected: "a finite number", found: "NaN or infinity") }
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
            for (index, item) in items.enumerated() {
                do {
                    array.append(try convert(item))
                } catch {
                    var failure = error
                    failure.reversedPath.append(String(index))
                    throw failure
                }
            }
            return .array(array)
        case .map(let entries):
            var members: [JSONObject.Member] = []
            members.reserveCapacity(entries.count)
            // Index through the buffer instead of binding each entry: no copy (and retains) of the key and value nodes.
            try entries.withUnsafeBufferPointer { (buffer) throws(Failure) in
                for index in buffer.indices {
                    guard case .textString(let key) = buffer[index].key.content else {
                        throw Failure(expected: "text map keys", found: "another key type")
                    }
                    do throws(Failure) {
                        members.append(JSONObject.Member(key: key, value: try convert(buffer[index].value)))
                    } catch {
                        var failure = error
                        failure.reversedPath.append(key)
                        throw failure
                    }
                }
            }
            return .object(JSONObject(uniqueMembers: members))
        case .tagged(0, let inner), .tagged(1004, let inner):
            guard case .textString(let text) = inner.content else {
                throw Failure(expected: "text inside tag 0/1004", found: "another type")
            }
            return .string(text)
        case .tagged(1, let inner):
            guard let seconds = inner.doubleValue, seconds.isFinite else {
                throw Failure(expected: "a number inside tag 1", found: "another type")
            }
            return .string(Timestamp.format(Date(timeIntervalSince1970: seconds)))
        case .tagged(let tag, _):
            throw Failure(expected: "no tag other than 0, 1 or 1004", found: "tag \(tag)")
        case .byteString:
            throw Failure(expected: "a JSON-compatible value", found: "a byte string")
        case .undefined:
            throw Failure(expected: "a JSON-compatible value", found: "undefined")
        case .simple(let value):
            throw Failure(expected: "a JSON-compatible value", found: "simple value \(value)")
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
}
