import JSON

/// The event group of a DCC: exactly one of the arrays `v`, `t` or `r`, each with at least one entry.
///
/// Since schema 1.3.0 each array holds exactly one entry; versions 1.0.0–1.2.1 allowed more (some issuers
/// put a whole vaccination history there). All entries are kept; the record mapping uses the first.
public enum DCCEntries: Sendable, Hashable {
    /// `v`: vaccination entries.
    case vaccinations([DCCVaccinationEntry])
    /// `t`: test entries.
    case tests([DCCTestEntry])
    /// `r`: recovery entries.
    case recoveries([DCCRecoveryEntry])

    /// The member name: `v`, `t` or `r`.
    public var memberName: String {
        switch self {
        case .vaccinations: return "v"
        case .tests: return "t"
        case .recoveries: return "r"
        }
    }

    /// The number of entries.
    public var count: Int {
        switch self {
        case .vaccinations(let entries): return entries.count
        case .tests(let entries): return entries.count
        case .recoveries(let entries): return entries.count
        }
    }

    /// The array as JSON.
    public var json: JSONValue {
        switch self {
        case .vaccinations(let entries): return .array(entries.map(\.json))
        case .tests(let entries): return .array(entries.map(\.json))
        case .recoveries(let entries): return .array(entries.map(\.json))
        }
    }

    /// Reads the array of member `key` (`v`, `t` or `r`).
    init(key: String, value: JSONValue) throws {
        guard case .array(let elements) = value else {
            throw DCCPayloadError(.invalidField, path: key, "expected an array, found \(value.dccTypeName)")
        }
        guard !elements.isEmpty else {
            throw DCCPayloadError(.invalidField, path: key, "expected at least one entry")
        }
        let paths = elements.indices.map { "\(key)[\($0)]" }
        switch key {
        case "v":
            self = .vaccinations(try zip(elements, paths).map { try DCCVaccinationEntry(json: $0, path: $1) })
        case "t":
            self = .tests(try zip(elements, paths).map { try DCCTestEntry(json: $0, path: $1) })
        default:
            self = .recoveries(try zip(elements, paths).map { try DCCRecoveryEntry(json: $0, path: $1) })
        }
    }
}
