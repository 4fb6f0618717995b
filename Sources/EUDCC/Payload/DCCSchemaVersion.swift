/// The published DCC schema versions that can be written, and the rules that differ between them.
public struct DCCSchemaVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The major version.
    public let major: Int
    /// The minor version.
    public let minor: Int
    /// The patch version.
    public let patch: Int

    /// The versions published in ehn-dcc-schema (`release-1.0.0` … `release-1.3.3`).
    public static let published: [DCCSchemaVersion] = [
        "1.0.0", "1.0.1", "1.1.0", "1.2.0", "1.2.1", "1.3.0", "1.3.1", "1.3.2", "1.3.3",
    ].compactMap(DCCSchemaVersion.init)

    /// Parses `major.minor.patch` (digits only).
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
            parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let major = Int(parts[0]), let minor = Int(parts[1]), let patch = Int(parts[2])
        else { return nil }
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// `major.minor.patch`.
    public var description: String { "\(major).\(minor).\(patch)" }

    /// Version order.
    public static func < (lhs: DCCSchemaVersion, rhs: DCCSchemaVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    private static let v1_1_0 = DCCSchemaVersion(major: 1, minor: 1, patch: 0)
    private static let v1_3_0 = DCCSchemaVersion(major: 1, minor: 3, patch: 0)
    private static let v1_3_2 = DCCSchemaVersion(major: 1, minor: 3, patch: 2)

    private init(major: Int, minor: Int, patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// `maxLength` of names, `is`, `ci` and `tc`: 50 before 1.3.0, 80 from 1.3.0.
    var maximumTextLength: Int { self < Self.v1_3_0 ? 50 : 80 }
    /// `dob` may be `YYYY` or `YYYY-MM` from 1.1.0.
    var allowsPartialBirthDate: Bool { self >= Self.v1_1_0 }
    /// `dob` may be `""` (unknown) from 1.3.0.
    var allowsUnknownBirthDate: Bool { self >= Self.v1_3_0 }
    /// `tc` is required before 1.3.0.
    var requiresTestCentre: Bool { self < Self.v1_3_0 }
    /// `fnt` is required before 1.3.2 (from 1.3.2 `fnt` or `gnt`).
    var requiresFamilyNameTransliterated: Bool { self < Self.v1_3_2 }
}
