import Foundation

/// A vaccination recorded with a lot number, with its certificate (if one was issued): what a recall lists.
public struct LotVaccination: Sendable, Hashable {
    public var event: VaccinationEvent
    public var certificateID: UUID?
    /// Whether the certificate is revoked.
    public var isRevoked: Bool

    /// Creates an entry.
    public init(event: VaccinationEvent, certificateID: UUID?, isRevoked: Bool) {
        self.event = event
        self.certificateID = certificateID
        self.isRevoked = isRevoked
    }
}
