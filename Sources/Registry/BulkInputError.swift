import CodedErrors

/// An error in a bulk input file as a whole (per-row problems are reported per row), with a stable code.
public struct BulkInputError: CodeIdentifiedError {
    /// Stable code of a bulk input error.
    public typealias Code = ErrorCode<BulkInputError>

    /// The stable code.
    public let errorCode: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }
}

extension ErrorCode where Domain == BulkInputError {
    /// The file holds no header row or no rows (CSV), or no Immunization (FHIR).
    public static let empty = Self("BULK_EMPTY")
    /// The header names an unknown column or one twice.
    public static let columns = Self("BULK_COLUMNS")
    /// The file breaks the CSV or JSON syntax.
    public static let syntax = Self("BULK_SYNTAX")
    /// Too many rows or entries, too long a cell, or JSON nested too deep.
    public static let tooLarge = Self("BULK_TOO_LARGE")
    /// The FHIR input is not a Bundle of Patients and Immunizations.
    public static let fhir = Self("BULK_FHIR")
}
