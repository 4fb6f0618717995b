import CBOR
import COSE
import Crypto

/// Signed telemetry: a ``TelemetryBatch`` as the payload of a tagged COSE_Sign1 with ES256 (docs/TELEMETRY.md).
///
/// The protected header is exactly `{1: -7, 4: kid}` (alg ES256 and the key id), the unprotected header is empty,
/// and the payload is the batch's deterministic CBOR. By default the `kid` is the device id's UTF-8 bytes, and the
/// server checks that the verified batch names the same device, so one device's key cannot speak for another.
public enum SignedTelemetry {
    /// Signs `batch` for a device or the simulator and returns the tagged COSE_Sign1 bytes.
    ///
    /// - Parameters:
    ///   - kid: the key id; `nil` means the device id's UTF-8 bytes (the only form ``verify(_:limits:keyLookup:)``
    ///     accepts).
    /// - Throws: ``TelemetryError`` from ``TelemetryBatch/validate(limits:)``, or `TELEMETRY_TOO_LARGE` when the
    ///   signed message would exceed `limits.maxMessageSize`.
    public static func sign(
        _ batch: TelemetryBatch, key: P256.Signing.PrivateKey, kid: [UInt8]? = nil, limits: TelemetryLimits = .default
    ) throws(TelemetryError) -> [UInt8] {
        try batch.validate(limits: limits)
        let message: [UInt8]
        do {
            message = try COSESign1.signES256(payload: batch.encoded(), keyID: kid ?? batch.deviceID.keyID, key: key)
        } catch {
            throw TelemetryError(.malformed, "signing failed: \(type(of: error))")
        }
        guard message.count <= limits.maxMessageSize else {
            throw TelemetryError(
                .tooLarge,
                "expected a signed message of at most \(limits.maxMessageSize) bytes, found \(message.count)",
                field: "message")
        }
        return message
    }

    /// Verifies a signed batch for the server and returns it.
    ///
    /// Steps, each with its own code: size (`TELEMETRY_TOO_LARGE`); envelope: tag 18, four members, the protected
    /// header exactly `{1: -7, 4: kid}`, an empty unprotected header (`TELEMETRY_MALFORMED`,
    /// `TELEMETRY_UNSUPPORTED_ALGORITHM`); the kid names a registered device (`TELEMETRY_UNKNOWN_DEVICE`); the
    /// signature verifies with its key over the bytes as received (`TELEMETRY_BAD_SIGNATURE`); only then is the
    /// payload decoded (`TELEMETRY_MALFORMED`, `TELEMETRY_OUT_OF_RANGE`, `TELEMETRY_TOO_LARGE`), and its device id
    /// must equal the kid (`TELEMETRY_DEVICE_MISMATCH`).
    ///
    /// - Parameter keyLookup: the registered public key of a device, or `nil` when the device is unknown (or
    ///   disabled).
    /// - Throws: ``TelemetryError``; never traps on any input.
    public static func verify(
        _ bytes: ArraySlice<UInt8>, limits: TelemetryLimits = .default,
        keyLookup: (TelemetryDeviceID) -> P256.Signing.PublicKey?
    ) throws(TelemetryError) -> TelemetryBatch {
        let envelope = try TelemetryEnvelope(bytes, limits: limits)
        guard let key = keyLookup(envelope.deviceID) else {
            throw TelemetryError(.unknownDevice, "expected a registered device for the kid, found none", field: "kid")
        }
        do {
            try envelope.message.verify(with: .p256(key))
        } catch {
            throw TelemetryError(
                .badSignature,
                "expected an ES256 signature that verifies with the device's key, found one that does not",
                field: "signature")
        }
        let batch = try TelemetryBatch(cbor: envelope.message.payload, limits: limits)
        guard batch.deviceID == envelope.deviceID else {
            throw TelemetryError(
                .deviceMismatch, "expected the batch's deviceID to equal the kid, found another device",
                field: "deviceID")
        }
        return batch
    }

    /// Verifies a signed batch held in an array; see the `ArraySlice` overload.
    public static func verify(
        _ bytes: [UInt8], limits: TelemetryLimits = .default,
        keyLookup: (TelemetryDeviceID) -> P256.Signing.PublicKey?
    ) throws(TelemetryError) -> TelemetryBatch {
        try verify(bytes[...], limits: limits, keyLookup: keyLookup)
    }
}
