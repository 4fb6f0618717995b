import VaccinationRecord

/// The result of mapping a DCC payload to a ``VaccinationRecord``: the record and what the mapping could not
/// carry over or had to adapt.
public struct DCCRecordMapping: Sendable, Hashable {
    /// The mapped record (already checked with ``VaccinationRecord/validate()``).
    public var record: VaccinationRecord
    /// Notes on entries or members that were not mapped, or values that were adapted.
    public var notes: [DCCMappingNote]

    /// Creates a mapping result.
    public init(record: VaccinationRecord, notes: [DCCMappingNote]) {
        self.record = record
        self.notes = notes
    }
}

/// A remark about a DCC → record mapping (not an error: the record was produced).
public struct DCCMappingNote: Sendable, Hashable, CustomStringConvertible {
    /// Stable code: ``additionalEntries``, ``unmappedMember`` or ``dateTimeTruncated``.
    public let code: String
    /// The DCC path concerned (`v`, `meta`, `v[0].dt`).
    public let path: String
    /// Explanation without personal data.
    public let message: String

    /// The `v`/`t`/`r` array has more than one entry (schema ≤ 1.2.1); only the first is in the record.
    public static let additionalEntries = "DCC_ADDITIONAL_ENTRIES"
    /// A member the schema does not define has no place in the record.
    public static let unmappedMember = "DCC_UNMAPPED_MEMBER"
    /// A date field held a date-time; the record keeps its date part (as written, without time-zone shift).
    public static let dateTimeTruncated = "DCC_DATE_TIME_TRUNCATED"
    /// The signed data breaks a rule the record enforces on input (see `mapToRecord(enforceRecordRules:)`).
    public static let recordRule = "DCC_RECORD_RULE"

    /// Creates a note; `message` must not contain personal data.
    public init(code: String, path: String, message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// `"<code>: <path>: <message>"`.
    public var description: String { "\(code): \(path): \(message)" }
}
