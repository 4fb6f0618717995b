import CodedErrors

/// An error from encoding, signing or verifying a telemetry batch, with a stable code.
///
/// Messages name the field (for example `readings[12][1]`) and what was expected, never the values of the batch,
/// the payload bytes or key material. Two errors are equal when their codes are equal.
public struct TelemetryError: CodeIdentifiedError {
    /// Stable code of a telemetry error.
    public typealias Code = ErrorCode<TelemetryError>

    /// The stable code.
    public let errorCode: Code
    /// What was expected and what was found.
    public let message: String
    /// The field the error is about, in the notation of docs/TELEMETRY.md (`sequence`, `readings[3][1]`), if any.
    public let field: String?

    /// Creates an error; `message` must not contain values or bytes of the batch.
    public init(_ code: Code, _ message: String, field: String? = nil) {
        self.errorCode = code
        self.message = message
        self.field = field
    }
}

extension TelemetryError {
    /// A `TELEMETRY_MALFORMED` error about `field`.
    static func malformed(_ field: String, _ what: String) -> TelemetryError {
        TelemetryError(.malformed, "\(field): \(what)", field: field)
    }

    /// A `TELEMETRY_OUT_OF_RANGE` error about `field`.
    static func outOfRange(_ field: String, _ expected: String) -> TelemetryError {
        TelemetryError(.outOfRange, "\(field): expected a value in \(expected), found one outside", field: field)
    }
}

extension ErrorCode where Domain == TelemetryError {
    /// The message is not a well-formed signed telemetry batch: bad CBOR, not a tagged COSE_Sign1, a header or
    /// batch field missing, of the wrong type, unknown, or not in deterministic encoding. The message names the field.
    public static let malformed = Self("TELEMETRY_MALFORMED")
    /// The message, or the number of readings or positions, is above the limits in ``TelemetryLimits``.
    public static let tooLarge = Self("TELEMETRY_TOO_LARGE")
    /// A value is outside its documented range (time, temperature, latitude, longitude, sensor id).
    public static let outOfRange = Self("TELEMETRY_OUT_OF_RANGE")
    /// The protected header names an algorithm other than ES256.
    public static let unsupportedAlgorithm = Self("TELEMETRY_UNSUPPORTED_ALGORITHM")
    /// No key is registered for the message's `kid`.
    public static let unknownDevice = Self("TELEMETRY_UNKNOWN_DEVICE")
    /// The ES256 signature does not verify with the registered key.
    public static let badSignature = Self("TELEMETRY_BAD_SIGNATURE")
    /// The signed batch names another device than the `kid` whose key verified it.
    public static let deviceMismatch = Self("TELEMETRY_DEVICE_MISMATCH")
}
