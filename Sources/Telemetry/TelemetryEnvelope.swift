import CBOR
import COSE

/// The checked COSE_Sign1 envelope of a signed batch, before the signature is verified.
struct TelemetryEnvelope {
    /// The decoded message; its payload and protected header are slices of the received bytes.
    let message: COSESign1
    /// The device named by the kid.
    let deviceID: TelemetryDeviceID

    init(_ bytes: ArraySlice<UInt8>, limits: TelemetryLimits) throws(TelemetryError) {
        guard bytes.count <= limits.maxMessageSize else {
            throw TelemetryError(
                .tooLarge, "expected a signed message of at most \(limits.maxMessageSize) bytes, found \(bytes.count)",
                field: "message")
        }
        // The envelope holds 6 items plus those of a non-empty unprotected header, which is rejected below anyway.
        let options = CBOR.DecodingOptions(
            maxDepth: TelemetryLimits.envelopeDepth, maxItems: 64, maxInputSize: limits.maxMessageSize)
        let root: CBORNode
        do {
            root = try CBOR.decode(bytes, options: options)
        } catch let error as CBORError {
            throw .malformed("message", "expected one CBOR data item: \(error.code) \(error.message)")
        } catch {
            throw .malformed("message", "expected one CBOR data item, found undecodable bytes")
        }
        guard root.tag == COSESign1.tag else {
            throw .malformed("message", "expected a COSE_Sign1 with tag 18, found \(root.typeName)")
        }
        let message: COSESign1
        do {
            message = try COSESign1(node: root)
        } catch let error as COSEError {
            throw .malformed("message", "expected a COSE_Sign1: \(error.code) \(error.message)")
        } catch {
            throw .malformed("message", "expected a COSE_Sign1, found another structure")
        }
        guard message.unprotectedHeader.isEmpty else {
            throw .malformed(
                "unprotected", "expected an empty unprotected header, found \(message.unprotectedHeader.count) entries")
        }
        self.message = message
        self.deviceID = try Self.checkProtectedHeader(message.protectedHeader)
    }

    /// Checks that the protected header is exactly `{1: -7, 4: kid}` and returns the device named by the kid.
    private static func checkProtectedHeader(_ header: [CBORNode.MapEntry]) throws(TelemetryError) -> TelemetryDeviceID
    {
        var algorithm: CBORNode?
        var kid: CBORNode?
        for entry in header {
            switch entry.key.int64Value {
            case COSEHeaderLabel.algorithm: algorithm = entry.value
            case COSEHeaderLabel.keyID: kid = entry.value
            default: throw .malformed("protected", "expected only the labels 1 (alg) and 4 (kid), found another")
            }
        }
        guard let algorithm else { throw .malformed("alg", "expected alg in the protected header, found none") }
        guard algorithm.int64Value == COSEAlgorithm.es256.rawValue else {
            throw TelemetryError(.unsupportedAlgorithm, "expected alg -7 (ES256), found another", field: "alg")
        }
        guard let kid else { throw .malformed("kid", "expected kid in the protected header, found none") }
        guard let kidBytes = kid.bytesValue else {
            throw .malformed("kid", "expected a byte string, found \(kid.typeName)")
        }
        return try TelemetryDeviceID(utf8: kidBytes, field: "kid")
    }
}
