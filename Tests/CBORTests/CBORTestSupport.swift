import CBOR
import Testing
import TestSupport

/// Bytes from hex text; records an issue and throws when the text is not hex.
func bytes(_ hex: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8] {
    try #require(Hex.decode(hex), "invalid hex in test vector", sourceLocation: sourceLocation)
}

/// The code of the `CBORError` thrown by `body`, or nil when it returns normally. Any other error fails the test.
func cborErrorCode(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> String? {
    do {
        try body()
        return nil
    } catch let error as CBORError {
        return error.code
    } catch {
        Issue.record("expected a CBORError, got \(type(of: error))", sourceLocation: sourceLocation)
        return "NOT_A_CBOR_ERROR"
    }
}

/// The code of the `CBORError` thrown when decoding `hex`, or nil when it decodes.
func decodeErrorCode(
    _ hex: String, options: CBOR.DecodingOptions = .default, sourceLocation: SourceLocation = #_sourceLocation
) throws -> String? {
    let input = try bytes(hex, sourceLocation: sourceLocation)
    return cborErrorCode(sourceLocation: sourceLocation) { _ = try CBOR.decode(input, options: options) }
}

/// Structural equality that treats floats by bits (so `-0.0` differs from `0.0`), except that all NaNs are equal,
/// and compares text by its UTF-8 bytes.
func sameValue(_ lhs: CBORValue, _ rhs: CBORValue) -> Bool {
    switch (lhs, rhs) {
    case (.float(let a), .float(let b)):
        return (a.isNaN && b.isNaN) || a.bitPattern == b.bitPattern
    case (.textString(let a), .textString(let b)):
        return Array(a.utf8) == Array(b.utf8)
    case (.array(let a), .array(let b)):
        return a.count == b.count && zip(a, b).allSatisfy { sameValue($0, $1) }
    case (.map(let a), .map(let b)):
        return a.count == b.count && zip(a, b).allSatisfy { sameValue($0.key, $1.key) && sameValue($0.value, $1.value) }
    case (.tagged(let tagA, let a), .tagged(let tagB, let b)):
        return tagA == tagB && sameValue(a, b)
    default:
        return lhs == rhs
    }
}

/// The value with every map's entries sorted by the deterministic encoding of their keys, as the encoder writes them.
func sortedMaps(_ value: CBORValue) throws -> CBORValue {
    switch value {
    case .array(let items):
        return .array(try items.map(sortedMaps))
    case .map(let entries):
        let keyed = try entries.map {
            (key: try CBOR.encode($0.key), entry: CBORValue.MapEntry(try sortedMaps($0.key), try sortedMaps($0.value)))
        }
        return .map(keyed.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.entry))
    case .tagged(let tag, let inner):
        return .tagged(tag, try sortedMaps(inner))
    default:
        return value
    }
}
