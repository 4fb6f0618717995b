import JSON

/// Administrative sex (FHIR `administrative-gender`, the DDCC:VS binding).
public enum Sex: String, Sendable, Hashable, CaseIterable {
    /// The FHIR codes `male`, `female`, `other` and `unknown`.
    case male, female, other, unknown

    static func parse(_ value: JSONValue, path: String) throws -> Sex {
        guard let sex = Sex(rawValue: try RecordJSONReader.string(value, path: path)) else {
            throw RecordError(.invalidField, path: path, "expected one of male, female, other, unknown")
        }
        return sex
    }
}
