import Foundation

/// Everything one recorded dose writes, stored in one transaction by ``PlatformStore/record(_:)``: the holder
/// (when new), the event, its certificate with every payload, and the idempotency key of the request.
public struct Issuance: Sendable, Hashable {
    /// The holder; inserted unless a holder with this id or lookup hash exists (the event then belongs to that one).
    public var holder: Holder
    public var event: VaccinationEvent
    public var certificate: StoredCertificate
    /// The request's idempotency key and the response to replay on a retry.
    public var idempotency: IdempotentResponse?

    /// Creates an issuance.
    public init(holder: Holder, event: VaccinationEvent, certificate: StoredCertificate, idempotency: IdempotentResponse? = nil) {
        self.holder = holder
        self.event = event
        self.certificate = certificate
        self.idempotency = idempotency
    }
}

/// The outcome of ``PlatformStore/record(_:)``.
public enum IssuanceOutcome: Sendable, Hashable {
    /// The issuance was stored.
    case recorded
    /// The idempotency key was used before for the same request: nothing was stored; the record names the
    /// certificate the first request created.
    case replayed(IdempotentResponse)
}

/// A request's idempotency key, a hash of the request, and the certificate it created. A retry gets the response
/// rebuilt from that certificate (the response holds personal data, so it is not stored itself).
public struct IdempotentResponse: Sendable, Hashable {
    /// The principal that sent the request: keys are scoped per principal.
    public var principalID: UUID
    /// The `Idempotency-Key` header (1 to 200 characters).
    public var key: String
    /// SHA-256 of the request body: a key reused for another body is a conflict.
    public var requestHash: [UInt8]
    /// The certificate the first request created.
    public var certificateID: UUID
    public var createdAt: Date

    /// Creates an idempotency record.
    public init(principalID: UUID, key: String, requestHash: [UInt8], certificateID: UUID, createdAt: Date) {
        self.principalID = principalID
        self.key = key
        self.requestHash = requestHash
        self.certificateID = certificateID
        self.createdAt = createdAt
    }
}
