import JSON
import JSONSchema

/// Validates a DCC (JSON form) against the combined schema of its `ver`, plus the rule that exactly
/// one of `v`, `t`, `r` is present (schemas up to 1.2.1 do not say so).
///
/// The schemas of releases 1.0.0 to 1.3.3 are compiled into the library (see `DCCSchemaSources`).
/// An unknown `ver` (1.0.4 occurs in the wild) is validated against 1.3.0.
///
/// `format` (date, date-time) is not asserted, as in the EU reference validators: issuers write
/// `dt` with a time and offsets as `+0200`, and the test data expects those certificates to pass.
public struct DCCSchemaValidator: Sendable {
    /// The release used for versions without a schema of their own.
    public static let fallbackVersion = "1.3.0"

    /// The shared validator with every release compiled once.
    public static let shared = DCCSchemaValidator()

    private let schemas: [String: JSONSchema]

    /// Compiles every embedded schema.
    public init() {
        var schemas: [String: JSONSchema] = [:]
        for source in DCCSchemaSources.combinedSchemas {
            // The embedded schemas are fixed at build time and covered by tests; a failure here is a build defect.
            guard let json = try? JSONParser.parse(source.json),
                let schema = try? JSONSchema(json, options: .init(assertFormats: false))
            else {
                preconditionFailure("embedded DCC schema \(source.version) does not compile")
            }
            schemas[source.version] = schema
        }
        self.schemas = schemas
    }

    /// The releases with an embedded schema.
    public var versions: [String] { schemas.keys.sorted() }

    /// The release whose schema validates a DCC that declares `ver`.
    public func schemaVersion(for declared: String?) -> String {
        guard let declared, schemas[declared] != nil else { return Self.fallbackVersion }
        return declared
    }

    /// Problems found in `dcc`; empty when it is valid. Messages name paths and rules, never values.
    public func violations(in dcc: JSONValue) -> [String] {
        var problems: [String] = []
        let declared = dcc["ver"]?.stringValue
        // The fast mode (no paths, no messages) settles the common, valid case; violations are collected
        // only for a DCC that fails.
        if let schema = declared.flatMap({ schemas[$0] }) ?? schemas[Self.fallbackVersion], !schema.isValid(dcc) {
            for violation in schema.validate(dcc) {
                problems.append("\(violation.instancePath.isEmpty ? "/" : violation.instancePath): \(violation.message)")
            }
        }
        let groups = (dcc["v"] != nil ? 1 : 0) + (dcc["t"] != nil ? 1 : 0) + (dcc["r"] != nil ? 1 : 0)
        if groups != 1 {
            problems.append("/: expected exactly one of v, t, r, found \(groups)")
        }
        return problems
    }
}
