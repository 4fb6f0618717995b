import JSON
import VaccinationRecord
import VaccineCodes

extension BulkFHIRRowContext {
    /// The systems of vaccine types (the record's `vaccine`).
    static let vaccineSystems = [CodeSystem.snomedCT, CodeSystem.atc, CodeSystem.icd11, CodeSystem.icd11Release]
    /// The systems of products (the record's `brand`).
    static let brandSystems = [CodeSystem.euUnionRegister, CodeSystem.euDCCVaccineNames]
    /// The systems of marketing authorisation holders (the record's `manufacturer`).
    static let manufacturerSystems = [CodeSystem.emaSPOROrganisations, CodeSystem.euDCCAuthorisationHolders]

    /// The vaccination's `disease`, `vaccine`, `brand` and `manufacturer` from `vaccineCode` (with the DDCC brand
    /// extension, `manufacturer.identifier` and `protocolApplied[0].targetDisease`); what is not given is
    /// translated through ``VaccineCodeMapper`` (CVX, for instance, gives all four).
    func codes(of immunization: JSONObject, base: String, paths: inout [String: String]) throws -> JSONObject {
        var codings = (immunization["vaccineCode"]?["coding"]?.arrayValue ?? []).compactMap(Self.coding)
        if let brand = Self.extensionValue(immunization, Self.brandExtension)?["valueCoding"].flatMap(Self.coding) {
            codings.append(brand)
        }
        guard !codings.isEmpty else {
            throw Failure(code: "RECORD_MISSING_FIELD", field: "\(base).vaccineCode.coding", message: "expected a coding with system and code, found none")
        }
        let brand = Self.first(in: codings, of: Self.brandSystems) ?? translated(codings, to: Self.brandSystems)
            ?? codings.first { $0.system == CodeSystem.cvx }
        let known = codings + (brand.map { [$0] } ?? [])
        let vaccine = Self.first(in: codings, of: Self.vaccineSystems) ?? translated(known, to: [CodeSystem.snomedCT])
        var manufacturer: Coding?
        if let identifier = immunization["manufacturer"]?["identifier"], let system = identifier["system"]?.stringValue,
            let value = identifier["value"]?.stringValue
        {
            manufacturer = Coding(system: system, code: value)
        }
        manufacturer = manufacturer ?? translated(known, to: Self.manufacturerSystems)
        let targetDisease = immunization["protocolApplied"]?.arrayValue?.first?["targetDisease"]?.arrayValue?.first
        let disease = (targetDisease?["coding"]?.arrayValue?.first).flatMap(Self.coding)
            ?? known.lazy.compactMap { mapper.product(matching: $0)?.disease }.first

        paths["vaccination.vaccine"] = "\(base).vaccineCode"
        paths["vaccination.brand"] = "\(base).vaccineCode"
        paths["vaccination.manufacturer"] = "\(base).manufacturer"
        paths["vaccination.disease"] = "\(base).protocolApplied[0].targetDisease"
        var vaccination = JSONObject()
        vaccination["disease"] = disease.map(Self.json)
        vaccination["vaccine"] = vaccine.map(Self.json)
        vaccination["brand"] = brand.map(Self.json)
        vaccination["manufacturer"] = manufacturer.map(Self.json)
        return vaccination
    }

    /// The first of `codings` in one of `systems` (the first system listed winning).
    static func first(in codings: [Coding], of systems: [String]) -> Coding? {
        for system in systems {
            if let found = codings.first(where: { sameSystem($0.system, system) }) { return found }
        }
        return nil
    }

    /// The first translation of one of `codings` into one of `systems` (the first system listed winning).
    func translated(_ codings: [Coding], to systems: [String]) -> Coding? {
        for system in systems {
            for coding in codings {
                if let found = mapper.translate(coding, to: system) { return Coding(system: found.system, code: found.code) }
            }
        }
        return nil
    }

    /// Whether two system URIs are the same, a trailing `/` aside.
    static func sameSystem(_ a: String, _ b: String) -> Bool {
        func trimmed(_ text: String) -> Substring { text.hasSuffix("/") ? text.dropLast() : Substring(text) }
        return trimmed(a) == trimmed(b)
    }

    /// A FHIR Coding with a text `system` and `code`.
    static func coding(_ value: JSONValue) -> Coding? {
        guard let system = value["system"]?.stringValue, let code = value["code"]?.stringValue else { return nil }
        return Coding(system: system, code: code)
    }

    /// The record JSON of a coding (system and code; displays are not carried, as in CSV rows).
    static func json(_ coding: Coding) -> JSONValue {
        ["system": .string(coding.system), "code": .string(coding.code)]
    }
}
