import CodedErrors
import VaccinationRecord
import VaccineCodes

/// Brings the codings read from a credential into the code systems the record uses in every format: disease and
/// vaccine type in SNOMED CT, the product as its EU `mp` code (Union Register number, else the EU value-set name),
/// and the manufacturer or holder as an EMA SPOR organisation (else the EU value-set name); the country as alpha-2.
///
/// A coding already in such a system is kept as it is. Another is translated through `VaccineCodeMapper`; one
/// without a translation is kept and reported as `VC_UNMAPPED_CODE`, never dropped.
struct VCRecordCodes {
    /// The warning code for a coding kept in a system the record does not use elsewhere.
    static let unmappedCode = "VC_UNMAPPED_CODE"

    static let diseaseSystems = [CodeSystem.snomedCT]
    static let vaccineSystems = [CodeSystem.snomedCT]
    static let productSystems = [CodeSystem.euUnionRegister, CodeSystem.euDCCVaccineNames]
    static let organisationSystems = [CodeSystem.emaSPOROrganisations, CodeSystem.euDCCAuthorisationHolders]

    var mapper = VaccineCodeMapper.standard

    /// `coding` in the first of `systems` that has it; `coding` itself, with a warning, when none has.
    func canonical(
        _ coding: Coding, in systems: [String], path: String, warnings: inout [GenericCodedError]
    ) -> Coding {
        if systems.contains(coding.system) { return coding }
        for system in systems {
            if let translated = mapper.translate(coding, to: system) { return translated }
        }
        warnings.append(
            GenericCodedError(
                code: Self.unmappedCode,
                message: "credentialSubject.\(path): expected a code with a translation to \(systems[0]), found none "
                    + "(the coding is kept as is)"))
        return coding
    }

    /// The product a `medicinalProductName` text names (see ``VaccineCodeMapper/product(named:)``).
    func product(named name: String) -> VaccineProduct? {
        mapper.product(named: name)
    }

    /// The country as alpha-2 (the record keeps an alpha-3 code as given; the formats return alpha-2).
    static func alpha2(_ country: CountryCode) -> CountryCode {
        CountryCode(country.alpha2) ?? country
    }
}
