import JSON

extension VaccinationRecord {
    /// Top-level members in their documented (and written) order.
    static let members = ["name", "birthDate", "sex", "identifier", "vaccination", "test", "recovery", "certificate"]

    /// Reads a record from its JSON form (see `docs/RECORD.md`) and checks it with ``validate()``.
    ///
    /// - Throws: ``RecordError``: `RECORD_UNKNOWN_FIELD` for a member the format does not define,
    ///   `RECORD_MISSING_FIELD`, `RECORD_INVALID_FIELD` (wrong type, empty text, rule violated),
    ///   `RECORD_INVALID_DATE`, `RECORD_UNKNOWN_COUNTRY`. The message names the path, never the value.
    public init(json: JSONValue) throws {
        let reader = try RecordJSONReader(json, path: "", allowed: Self.members)
        let name = try reader.required("name", PersonName.parse)
        let birthDate = try reader.optional("birthDate", RecordJSONReader.partialDate)
        let sex = try reader.optional("sex", Sex.parse)
        let identifier = try reader.optional("identifier", RecordIdentifier.parse)
        let eventKeys = ["vaccination", "test", "recovery"].filter(reader.has)
        guard eventKeys.count == 1, let eventKey = eventKeys.first else {
            if eventKeys.isEmpty {
                throw RecordError(.missingField, path: "", "expected one of vaccination, test, recovery")
            }
            throw RecordError(
                .invalidField, path: eventKeys[1], "expected exactly one of vaccination, test, recovery"
            )
        }
        let event: RecordEvent
        switch eventKey {
        case "vaccination": event = .vaccination(try reader.required(eventKey, VaccinationEvent.parse))
        case "test": event = .test(try reader.required(eventKey, TestEvent.parse))
        default: event = .recovery(try reader.required(eventKey, RecoveryEvent.parse))
        }
        self.init(
            name: name, birthDate: birthDate, sex: sex, identifier: identifier, event: event,
            certificate: try reader.required("certificate", CertificateInfo.parse)
        )
        try validate()
    }

    /// The JSON form: members in the documented order (name, birthDate, sex, identifier,
    /// vaccination|test|recovery, certificate, and a fixed order inside each), absent optionals omitted.
    public var json: JSONValue {
        var object = JSONObject()
        object["name"] = name.jsonValue
        object["birthDate"] = birthDate.map { .string($0.text) }
        object["sex"] = sex.map { .string($0.rawValue) }
        object["identifier"] = identifier?.jsonValue
        switch event {
        case .vaccination(let vaccination): object["vaccination"] = vaccination.jsonValue
        case .test(let test): object["test"] = test.jsonValue
        case .recovery(let recovery): object["recovery"] = recovery.jsonValue
        }
        object["certificate"] = certificate.jsonValue
        return .object(object)
    }
}
