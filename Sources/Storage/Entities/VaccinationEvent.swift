import Foundation

/// One dose given to a holder: the fields analysts may count in clear, and the whole canonical record sealed.
public struct VaccinationEvent: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var holderID: UUID
    public var issuerID: UUID
    public var siteID: UUID?
    /// The principal that recorded the dose.
    public var recordedBy: UUID
    /// The vaccination date, `YYYY-MM-DD`.
    public var date: String
    public var dose: Int
    public var totalDoses: Int?
    /// The vaccine's code system and code (for example SNOMED CT `1119349007`).
    public var vaccineSystem: String
    public var vaccineCode: String
    /// The product's lot (batch) number: ties certificates to a lot for recalls.
    public var lot: String?
    /// The canonical vaccination record (JSON), sealed.
    public var sealedRecord: [UInt8]
    public var createdAt: Date

    /// Creates an event.
    public init(
        id: UUID = UUID(), holderID: UUID, issuerID: UUID, siteID: UUID? = nil, recordedBy: UUID, date: String,
        dose: Int, totalDoses: Int? = nil, vaccineSystem: String, vaccineCode: String, lot: String? = nil,
        sealedRecord: [UInt8], createdAt: Date
    ) {
        self.id = id
        self.holderID = holderID
        self.issuerID = issuerID
        self.siteID = siteID
        self.recordedBy = recordedBy
        self.date = date
        self.dose = dose
        self.totalDoses = totalDoses
        self.vaccineSystem = vaccineSystem
        self.vaccineCode = vaccineCode
        self.lot = lot
        self.sealedRecord = sealedRecord
        self.createdAt = createdAt
    }
}
