import Foundation
import JSON
import VaccinationRecord
import VaccineCodes

/// The resources of one Bundle, and how an Immunization entry of it becomes a canonical record JSON
/// (``BulkFHIR``; docs/API.md lists what is read from where).
struct BulkFHIRRowContext {
    /// Each entry's resource (nil for an entry without one), by entry index.
    let resources: [JSONObject?]
    /// Patient entry indexes by `fullUrl` and by `Patient/ID`.
    let patients: [String: Int]
    let defaultIssuer: String
    let defaultCountry: String?
    var mapper = VaccineCodeMapper.standard

    /// A row's failure: a stable code and the FHIR path to blame.
    struct Failure: Error {
        let code: String
        let field: String
        let message: String
    }

    /// The extension URL suffix of the WHO DDCC country of vaccination (`valueCode`, ISO 3166-1).
    static let countryExtension = "/StructureDefinition/DDCCCountryOfEvent"
    /// The extension URL suffix of the WHO DDCC vaccine brand (`valueCoding`).
    static let brandExtension = "/StructureDefinition/DDCCEventBrand"

    /// The row of the Immunization at entry `index`.
    func row(at index: Int) -> BulkCSV.Row {
        do {
            return .record(try record(at: index))
        } catch let failure as Failure {
            return .invalid(code: failure.code, field: failure.field, message: failure.message)
        } catch {
            return .invalid(code: "RECORD_INVALID", field: "entry[\(index)].resource", message: "expected a valid record, found another value")
        }
    }

    func record(at index: Int) throws -> JSONValue {
        let base = "entry[\(index)].resource"
        guard let immunization = resources[index] else {
            throw Failure(code: "RECORD_MISSING_FIELD", field: base, message: "expected an Immunization resource, found none")
        }
        guard immunization["status"]?.stringValue == "completed" else {
            throw Failure(code: "FHIR_NOT_COMPLETED", field: "\(base).status", message: "expected status completed, found another value or none")
        }
        let (patientIndex, patient) = try self.patient(of: immunization, base: base)
        let patientBase = "entry[\(patientIndex)].resource"

        var paths: [String: String] = ["birthDate": "\(patientBase).birthDate", "sex": "\(patientBase).gender"]
        var record = JSONObject()
        let (name, namePath) = try self.name(of: patient, base: patientBase)
        paths["name"] = namePath
        record["name"] = .object(name)
        record["birthDate"] = patient["birthDate"]
        record["sex"] = patient["gender"]
        if let identifier = patient["identifier"]?.arrayValue?.first, let value = identifier["value"] {
            var object: JSONObject = ["value": value]
            object["system"] = identifier["system"]
            record["identifier"] = .object(object)
            paths["identifier"] = "\(patientBase).identifier[0]"
        }

        var vaccination = try self.codes(of: immunization, base: base, paths: &paths)
        vaccination["lot"] = immunization["lotNumber"]
        paths["vaccination.lot"] = "\(base).lotNumber"
        vaccination["date"] = Self.date(immunization["occurrenceDateTime"])
        paths["vaccination.date"] = "\(base).occurrenceDateTime"
        let protocolApplied = immunization["protocolApplied"]?.arrayValue?.first
        vaccination["dose"] = try Self.positiveInteger(protocolApplied, "doseNumber", base: "\(base).protocolApplied[0]", key: "vaccination.dose", paths: &paths)
        vaccination["totalDoses"] = try Self.positiveInteger(
            protocolApplied, "seriesDoses", base: "\(base).protocolApplied[0]", key: "vaccination.totalDoses", paths: &paths)
        if let country = Self.extensionValue(immunization, Self.countryExtension) {
            vaccination["country"] = country["valueCode"] ?? country["valueCodeableConcept"]?["coding"]?.arrayValue?.first?["code"]
        } else {
            vaccination["country"] = defaultCountry.map(JSONValue.string)
        }
        paths["vaccination.country"] = "\(base).extension"
        let centre = immunization["performer"]?.arrayValue?.first?["actor"]?["display"] ?? immunization["location"]?["display"]
        vaccination["centre"] = centre?.stringValue.map(JSONValue.string)
        record["vaccination"] = .object(vaccination)
        record["certificate"] = ["issuer": .string(defaultIssuer)]

        let json = JSONValue.object(record)
        do {
            try VaccinationRecord(json: json).validate()
        } catch let error as RecordError {
            throw Failure(code: error.code, field: Self.field(for: error.path, in: paths, base: base), message: error.reason)
        }
        return json
    }

    /// The Patient entry `patient.reference` names.
    func patient(of immunization: JSONObject, base: String) throws -> (Int, JSONObject) {
        let field = "\(base).patient.reference"
        guard let reference = immunization["patient"]?["reference"]?.stringValue else {
            throw Failure(code: "RECORD_MISSING_FIELD", field: field, message: "expected a reference to the Patient, found none")
        }
        var index = patients[reference]
        // An absolute or versioned reference (`https://…/Patient/ID/_history/2`): its `Patient/ID` part.
        if index == nil, let range = reference.range(of: "Patient/", options: .backwards) {
            let id = reference[range.upperBound...].prefix { $0 != "/" }
            index = patients["Patient/\(id)"]
        }
        guard let index, let patient = resources[index] else {
            throw Failure(code: "FHIR_PATIENT_NOT_FOUND", field: field, message: "expected a reference to a Patient entry of the Bundle, found none matching")
        }
        return (index, patient)
    }

    /// The record name of the Patient's official name (else its first), and the FHIR path of that name.
    func name(of patient: JSONObject, base: String) throws -> (JSONObject, String) {
        let names = patient["name"]?.arrayValue ?? []
        let chosen = names.firstIndex { $0["use"]?.stringValue == "official" } ?? (names.isEmpty ? nil : 0)
        guard let chosen else { return (JSONObject(), "\(base).name") }
        let path = "\(base).name[\(chosen)]"
        var name = JSONObject()
        name["family"] = names[chosen]["family"]
        if let given = names[chosen]["given"] {
            let parts = given.arrayValue?.map(\.stringValue) ?? [nil]
            let texts = parts.compactMap { $0 }
            guard texts.count == parts.count else {
                throw Failure(code: "RECORD_INVALID_FIELD", field: "\(path).given", message: "expected an array of texts, found another value")
            }
            if !texts.isEmpty { name["given"] = .string(texts.joined(separator: " ")) }
        }
        return (name, path)
    }

    /// `YYYY-MM-DD` of a FHIR dateTime (its date part as written); other values as they are, for the record check.
    static func date(_ value: JSONValue?) -> JSONValue? {
        guard let text = value?.stringValue, text.utf8.count > 10, Array(text.utf8)[10] == UInt8(ascii: "T") else { return value }
        return .string(String(text.prefix(10)))
    }

    /// `<name>PositiveInt` of protocolApplied, or a `<name>String` holding a whole number.
    static func positiveInteger(
        _ object: JSONValue?, _ name: String, base: String, key: String, paths: inout [String: String]
    ) throws -> JSONValue? {
        paths[key] = "\(base).\(name)PositiveInt"
        if let value = object?["\(name)PositiveInt"] { return value }
        guard let text = object?["\(name)String"] else { return nil }
        paths[key] = "\(base).\(name)String"
        guard let number = text.stringValue.flatMap({ Int64($0) }) else {
            throw Failure(code: "RECORD_INVALID_FIELD", field: "\(base).\(name)String", message: "expected a whole number, found another value")
        }
        return .integer(number)
    }

    /// The first extension of `object` whose URL ends in `suffix`.
    static func extensionValue(_ object: JSONObject, _ suffix: String) -> JSONValue? {
        object["extension"]?.arrayValue?.first { $0["url"]?.stringValue?.hasSuffix(suffix) == true }
    }

    /// The FHIR path of a record path, the longest mapped prefix winning; `base` when none matches. Below `name`
    /// and `identifier`, whose members are FHIR's, the rest of the path is kept (`name.family` → `…name[0].family`).
    static func field(for path: String, in paths: [String: String], base: String) -> String {
        var key = path
        while true {
            if let found = paths[key] {
                return ["name", "identifier"].contains(key) ? found + path.dropFirst(key.count) : found
            }
            guard let cut = key.lastIndex(where: { $0 == "." || $0 == "[" }) else { return base }
            key = String(key[..<cut])
        }
    }
}
