import JSON

/// The EU DCC payload: the JSON object stored as `hcert[1]` in the CWT (schema 1.3.x; 1.0.0–1.2.1 are read
/// too).
///
/// Reading is lenient about members the schema does not define, at every level: they are kept in
/// `unknownMembers` and written back after the known ones, so nothing is dropped. Reading is strict about the
/// JSON types of known members and requires exactly one of `v`, `t`, `r`. Values (dates, codes, patterns) are
/// kept as text; schema validation and the mapping to a ``VaccinationRecord`` check them.
public struct DCCPayload: Sendable, Hashable {
    /// `ver`: the schema version, e.g. `1.3.0`.
    public var version: String
    /// `nam`: the holder's name.
    public var name: DCCName
    /// `dob`: date of birth (`YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `""` when unknown).
    public var dateOfBirth: String
    /// `v`, `t` or `r`.
    public var entries: DCCEntries
    /// Top-level members the schema does not define, kept in order.
    public var unknownMembers: JSONObject

    /// Creates the value from its members; see the properties for their meaning.
    public init(
        version: String, name: DCCName, dateOfBirth: String, entries: DCCEntries,
        unknownMembers: JSONObject = JSONObject()
    ) {
        self.version = version
        self.name = name
        self.dateOfBirth = dateOfBirth
        self.entries = entries
        self.unknownMembers = unknownMembers
    }

    static let keys = ["ver", "nam", "dob", "v", "t", "r"]

    /// Reads a DCC payload.
    ///
    /// - Throws: ``DCCPayloadError``: `DCC_MISSING_FIELD` (a required member, or none of `v`/`t`/`r`),
    ///   `DCC_INVALID_FIELD` (a known member of the wrong JSON type, an empty `v`/`t`/`r` array, or more than
    ///   one of `v`/`t`/`r`).
    public init(json: JSONValue) throws {
        let reader = try DCCJSONReader(json, path: "", known: Self.keys)
        let groupKeys = ["v", "t", "r"].filter { reader.object[$0] != nil }
        guard groupKeys.count == 1, let groupKey = groupKeys.first, let group = reader.object[groupKey] else {
            if groupKeys.isEmpty {
                throw DCCPayloadError(.missingField, path: "", "expected one of the members v, t, r")
            }
            throw DCCPayloadError(
                .invalidField, path: "", "expected exactly one of the members v, t, r, found \(groupKeys.count)"
            )
        }
        guard let nam = reader.object["nam"] else {
            throw DCCPayloadError(.missingField, path: "nam", "required member is missing")
        }
        self.init(
            version: try reader.string("ver"),
            name: try DCCName(json: nam, path: "nam"),
            dateOfBirth: try reader.string("dob"),
            entries: try DCCEntries(key: groupKey, value: group),
            unknownMembers: reader.unknownMembers
        )
    }

    /// The payload JSON in DCC member order: `ver`, `nam`, `dob`, `v`|`t`|`r`, then unknown members; entries in
    /// schema order.
    public var json: JSONValue {
        var object = JSONObject()
        object["ver"] = .string(version)
        object["nam"] = name.json
        object["dob"] = .string(dateOfBirth)
        object[entries.memberName] = entries.json
        object.appendMissing(unknownMembers)
        return .object(object)
    }
}
