import Foundation

/// A vaccinated person, by a pseudonymous id. Personal data (name, birth date, identifiers) is kept apart, sealed
/// with the master key, so that the rest of the database names nobody.
public struct Holder: Sendable, Hashable, Identifiable {
    /// The pseudonymous id.
    public var id: UUID
    /// A keyed hash of the person's identifier (for finding a returning holder without storing the identifier);
    /// unique when present.
    public var lookupHash: [UInt8]?
    /// Name, birth date and identifiers, sealed (AES-GCM).
    public var sealedPersonalData: [UInt8]
    public var createdAt: Date

    /// Creates a holder.
    public init(id: UUID = UUID(), lookupHash: [UInt8]? = nil, sealedPersonalData: [UInt8], createdAt: Date) {
        self.id = id
        self.lookupHash = lookupHash
        self.sealedPersonalData = sealedPersonalData
        self.createdAt = createdAt
    }
}
