import Foundation

/// A bulk issuance: rows of a CSV file or FHIR Bundle, each issued (or failed) exactly once, in any number of
/// passes (a job survives restarts and resumes where it stopped).
public struct BulkJob: Sendable, Hashable, Identifiable {
    /// What the rows came from.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case csv
        case fhir
    }

    /// Whether rows are left.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Some rows are pending.
        case running
        /// Every row is issued or failed.
        case done
    }

    public var id: UUID
    /// The principal that submitted the job (and issues its certificates).
    public var principalID: UUID
    public var kind: Kind
    /// The formats every row is issued in.
    public var formats: [CertificatePayload.Format]
    public var status: Status
    public var totalRows: Int
    public var issuedRows: Int
    public var failedRows: Int
    public var createdAt: Date
    public var updatedAt: Date

    /// Creates a job.
    public init(
        id: UUID = UUID(), principalID: UUID, kind: Kind, formats: [CertificatePayload.Format], status: Status = .running,
        totalRows: Int, issuedRows: Int = 0, failedRows: Int = 0, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.principalID = principalID
        self.kind = kind
        self.formats = formats
        self.status = status
        self.totalRows = totalRows
        self.issuedRows = issuedRows
        self.failedRows = failedRows
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// One row of a bulk job.
public struct BulkRow: Sendable, Hashable {
    /// Where a row stands.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case pending
        case issued
        case failed
    }

    public var jobID: UUID
    /// 1-based, in the order of the input.
    public var number: Int
    public var status: Status
    /// The row's canonical record (JSON), sealed: it holds personal data.
    public var sealedInput: [UInt8]
    /// The certificate issued for the row.
    public var certificateID: UUID?
    /// Why the row failed: a stable code, and the input field to blame.
    public var errorCode: String?
    public var errorField: String?

    /// Creates a row.
    public init(
        jobID: UUID, number: Int, status: Status = .pending, sealedInput: [UInt8], certificateID: UUID? = nil,
        errorCode: String? = nil, errorField: String? = nil
    ) {
        self.jobID = jobID
        self.number = number
        self.status = status
        self.sealedInput = sealedInput
        self.certificateID = certificateID
        self.errorCode = errorCode
        self.errorField = errorField
    }
}
