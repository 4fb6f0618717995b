/// The checks of a verification, one per step of the `dvc verify` contract.
public struct VerificationChecks: Sendable, Hashable {
    /// Prefix, transport encoding, decompression and structure decode.
    public var decode: CheckOutcome = .skipped
    /// Signature with a trusted key (an unknown key is a failure).
    public var signature: CheckOutcome = .skipped
    /// The signer is allowed to sign this type of certificate (EU DCC Extended Key Usage).
    public var keyUsage: CheckOutcome = .skipped
    /// Issued-at, not-before and expiry against the validation time.
    public var time: CheckOutcome = .skipped
    /// The payload against the format's schema.
    public var schema: CheckOutcome = .skipped
    /// Revocation data, when the verifier has some.
    public var revocation: CheckOutcome = .skipped

    public init() {}

    /// The checks in contract order with their JSON names.
    public var named: [(name: String, outcome: CheckOutcome)] {
        [
            ("decode", decode), ("signature", signature), ("keyUsage", keyUsage), ("time", time),
            ("schema", schema), ("revocation", revocation),
        ]
    }

    /// True when no check failed.
    public var noneFailed: Bool {
        // Field by field: `named` builds an array, and this runs for every verification.
        decode != .fail && signature != .fail && keyUsage != .fail && time != .fail && schema != .fail && revocation != .fail
    }
}
