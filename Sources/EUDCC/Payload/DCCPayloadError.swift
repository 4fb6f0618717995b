import CodedErrors

/// An error reading an EU DCC payload (the JSON of `hcert[1]`) or mapping it to or from a
/// ``VaccinationRecord``. The message names the member path (`v[0].dn`, `vaccination.totalDoses`) and what was
/// expected, never the value.
public struct DCCPayloadError: CodedError, Hashable {
    /// Stable code of a payload error.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code text, for example the string returned by `code`.
        public let rawValue: String
        init(_ rawValue: String) { self.rawValue = rawValue }
        /// The code text.
        public var description: String { rawValue }

        /// A member the DCC requires is absent, or none of `v`/`t`/`r` is present.
        public static let missingField = Code("DCC_MISSING_FIELD")
        /// A known member has the wrong JSON type, or more than one of `v`/`t`/`r` is present.
        public static let invalidField = Code("DCC_INVALID_FIELD")
        /// The value cannot be represented on the other side of the mapping (an empty or unknown code, a
        /// malformed date, a record without `totalDoses`, a code system the DCC has no field for...).
        public static let unmappable = Code("DCC_UNMAPPABLE")
        /// The DCC schema version to write is not one of the published versions.
        public static let unsupportedVersion = Code("DCC_UNSUPPORTED_VERSION")
    }

    /// The stable code.
    public let errorCode: Code
    /// The path of the offending member (DCC path such as `v[0].dn`, or record path such as `name.family`).
    public let path: String
    /// `"<path>: <reason>"`, without the offending value.
    public let message: String
    /// The stable code as text.
    public var code: String { errorCode.rawValue }

    /// Creates an error; `message` must not contain the offending value.
    public init(_ code: Code, path: String, _ message: String) {
        self.errorCode = code
        self.path = path
        self.message = path.isEmpty ? message : "\(path): \(message)"
    }

    /// Errors are equal when their codes are.
    public static func == (lhs: DCCPayloadError, rhs: DCCPayloadError) -> Bool { lhs.errorCode == rhs.errorCode }
    /// Hashes the code only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(errorCode) }
}
