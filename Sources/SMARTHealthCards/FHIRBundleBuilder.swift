import JSON
import VaccinationRecord

/// Builds the FHIR R4 Bundle of a SMART Health Card (vaccination, data-minimisation profiles) from a record.
///
/// The Bundle holds a Patient (`name`, `birthDate` only; partial birth dates are kept as `YYYY` or
/// `YYYY-MM`) and one Immunization (`status` completed, CVX `vaccineCode`, `patient` `resource:0`,
/// `occurrenceDateTime`, optional `performer[0].actor.display` from the centre and `lotNumber`).
enum FHIRBundleBuilder {
    /// The Bundle, or an error when the record is not a vaccination.
    static func bundle(for record: VaccinationRecord, vaccineCode: Coding) throws -> JSONValue {
        guard case .vaccination(let vaccination) = record.event else {
            throw SHCError(.issuance, "expected a vaccination record, found a \(record.event.memberName) record")
        }
        var name = JSONObject()
        name["family"] = record.name.family.map(JSONValue.string)
        name["given"] = record.name.given.map { .array([.string($0)]) }
        var patient = JSONObject()
        patient["resourceType"] = .string("Patient")
        patient["name"] = .array([.object(name)])
        patient["birthDate"] = record.birthDate.map { .string($0.text) }

        var immunization = JSONObject()
        immunization["resourceType"] = .string("Immunization")
        immunization["status"] = .string("completed")
        immunization["vaccineCode"] = .object([
            "coding": .array([.object(["system": .string(vaccineCode.system), "code": .string(vaccineCode.code)])])
        ])
        immunization["patient"] = .object(["reference": .string("resource:0")])
        immunization["occurrenceDateTime"] = .string(vaccination.date.text)
        if let centre = vaccination.centre {
            immunization["performer"] = .array([.object(["actor": .object(["display": .string(centre)])])])
        }
        immunization["lotNumber"] = vaccination.lot.map(JSONValue.string)

        return .object([
            "resourceType": .string("Bundle"),
            "type": .string("collection"),
            "entry": .array([
                .object(["fullUrl": .string("resource:0"), "resource": .object(patient)]),
                .object(["fullUrl": .string("resource:1"), "resource": .object(immunization)]),
            ]),
        ])
    }
}
