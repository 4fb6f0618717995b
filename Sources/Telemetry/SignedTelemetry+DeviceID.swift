extension SignedTelemetry {
    /// The device a signed batch claims to come from (its kid), read from the envelope without verifying the
    /// signature: for the server to look the device's key up before ``verify(_:limits:keyLookup:)``.
    ///
    /// - Throws: ``TelemetryError`` `TELEMETRY_TOO_LARGE`, `TELEMETRY_MALFORMED` or `TELEMETRY_UNSUPPORTED_ALGORITHM`
    ///   for an envelope that ``verify(_:limits:keyLookup:)`` would reject before the key lookup.
    public static func claimedDeviceID(
        of bytes: ArraySlice<UInt8>, limits: TelemetryLimits = .default
    ) throws(TelemetryError) -> TelemetryDeviceID {
        try TelemetryEnvelope(bytes, limits: limits).deviceID
    }
}
