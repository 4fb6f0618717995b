import CBOR
import JSON

/// The fast path of ``HC1Claims/decode(_:)``: reads the CWT claims of an HC1 payload straight from the bytes into
/// JSON, without a CBOR node tree (which costs about a fifth of everything but the signature).
///
/// It accepts only the shape certificates have in practice: a definite-length claims map with the keys 1, 4, 5,
/// 6 and -260 (each once), `hcert` as a map with key 1 only, and a DCC of definite-length maps with text keys,
/// arrays, text, integers, single or double floats, booleans, null and text in tags 0 or 1004. It returns nil,
/// and the general decoder (``CBOR/decode(_:options:)``, ``CWTClaims``, ``DCCJSONConversion``) takes over, for
/// anything else: other claims or tags, indefinite lengths, half floats, duplicate keys, deeper nesting than 16,
/// malformed or trailing bytes. Where it returns claims they equal the general decoder's (a test checks this
/// over the EU DCC test vectors).
enum HC1ClaimsReader {
    /// Deepest DCC nesting read here (the general decoder allows 32).
    static let maximumDepth = 16
    /// Most members in one DCC map read here; the duplicate check is a linear scan.
    static let maximumMembers = 32

    /// The claims, or nil when the payload is not of the usual shape or not well-formed.
    static func read(_ payload: ArraySlice<UInt8>) -> HC1Claims? {
        CBORReader.read(payload) { reader in
            do {
                return try claims(&reader)
            } catch {
                return nil
            }
        }
    }

    /// Declines the fast path.
    private struct Unusual: Error {}

    private static func claims(_ reader: inout CBORReader) throws -> HC1Claims? {
        let map = try reader.readHead()
        guard map.majorType == 5, !map.isIndefinite, map.argument <= 8 else { return nil }
        var issuer: String?
        var times: [Double?] = [nil, nil, nil]  // exp (4), nbf (5), iat (6)
        var dcc: JSONValue?
        var seen: UInt8 = 0
        for _ in 0..<map.argument {
            let key = try reader.readHead()
            let bit: UInt8
            switch (key.majorType, key.argument) {
            case (0, 1):
                bit = 1
                let value = try reader.readHead()
                guard value.majorType == 3, !value.isIndefinite else { return nil }
                issuer = try reader.readText(length: value.argument)
            case (0, 4), (0, 5), (0, 6):
                bit = 1 << key.argument
                guard let seconds = try number(&reader), seconds.isFinite else { return nil }
                times[Int(key.argument) - 4] = seconds
            case (1, 259):  // -260
                bit = 0x80
                guard let value = try healthCertificate(&reader) else { return nil }
                dcc = value
            default:
                return nil
            }
            guard seen & bit == 0 else { return nil }
            seen |= bit
        }
        guard reader.isAtEnd, let dcc else { return nil }
        return HC1Claims(issuer: issuer, issuedAt: times[2], expirationTime: times[0], notBefore: times[1], dcc: dcc)
    }

    /// `hcert`: a map holding only key 1, the DCC.
    private static func healthCertificate(_ reader: inout CBORReader) throws -> JSONValue? {
        let map = try reader.readHead()
        guard map.majorType == 5, !map.isIndefinite, map.argument == 1 else { return nil }
        let key = try reader.readHead()
        guard key.majorType == 0, key.argument == 1 else { return nil }
        return try value(&reader, depth: 1)
    }

    /// An integer or a single or double float, as seconds; nil for anything else.
    private static func number(_ reader: inout CBORReader) throws -> Double? {
        let head = try reader.readHead()
        switch (head.majorType, head.additionalInfo) {
        case (0, _) where !head.isIndefinite: return Double(head.argument)
        case (1, _) where !head.isIndefinite: return -1 - Double(head.argument)
        case (7, 26): return Double(Float(bitPattern: UInt32(truncatingIfNeeded: head.argument)))
        case (7, 27): return Double(bitPattern: head.argument)
        default: return nil
        }
    }

    /// One DCC value as JSON, as ``DCCJSONConversion`` converts it; throws ``Unusual`` to decline.
    private static func value(_ reader: inout CBORReader, depth: Int) throws -> JSONValue {
        let head = try reader.readHead()
        guard !head.isIndefinite else { throw Unusual() }
        switch head.majorType {
        case 0:
            guard head.argument <= UInt64(Int64.max) else { throw Unusual() }
            return .integer(Int64(head.argument))
        case 1:
            guard head.argument < UInt64(Int64.max) else { throw Unusual() }
            return .integer(-1 - Int64(head.argument))
        case 3:
            return .string(try reader.readText(length: head.argument))
        case 4:
            guard depth < maximumDepth, head.argument <= 64 else { throw Unusual() }
            var array: [JSONValue] = []
            array.reserveCapacity(Int(head.argument))
            for _ in 0..<head.argument {
                array.append(try value(&reader, depth: depth + 1))
            }
            return .array(array)
        case 5:
            guard depth < maximumDepth, head.argument <= UInt64(maximumMembers) else { throw Unusual() }
            var members: [JSONObject.Member] = []
            members.reserveCapacity(Int(head.argument))
            for _ in 0..<head.argument {
                let keyHead = try reader.readHead()
                guard keyHead.majorType == 3, !keyHead.isIndefinite else { throw Unusual() }
                let key = try reader.readText(length: keyHead.argument)
                for member in members where member.key == key { throw Unusual() }
                members.append(JSONObject.Member(key: key, value: try value(&reader, depth: depth + 1)))
            }
            return .object(JSONObject(uniqueMembers: members))
        case 6:
            guard head.argument == 0 || head.argument == 1004 else { throw Unusual() }
            let text = try reader.readHead()
            guard text.majorType == 3, !text.isIndefinite else { throw Unusual() }
            return .string(try reader.readText(length: text.argument))
        case 7:
            switch head.additionalInfo {
            case 20: return .bool(false)
            case 21: return .bool(true)
            case 22: return .null
            case 26, 27:
                let number = head.additionalInfo == 26
                    ? Double(Float(bitPattern: UInt32(truncatingIfNeeded: head.argument)))
                    : Double(bitPattern: head.argument)
                guard number.isFinite else { throw Unusual() }
                return .double(number)
            default: throw Unusual()
            }
        default:
            throw Unusual()
        }
    }
}
