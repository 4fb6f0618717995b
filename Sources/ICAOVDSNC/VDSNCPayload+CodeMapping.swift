import CodedErrors
import VaccinationRecord

extension VDSNCPayload {
    /// The record codings of one `ve` element, in the code systems the record uses in every format.
    struct RecordCodes {
        var disease: Coding?
        var vaccine: Coding
        var brand: Coding
        var manufacturer: Coding?
    }

    /// Translates `des` and `dis` to SNOMED CT, and `nam` to the product's EU `mp` code and its marketing
    /// authorisation holder (when `nam` names no product of the tables, through `des` when that is a product code).
    ///
    /// What has no translation is kept as the seal has it (ICD-11 under ``VDSNCCodeTranslation/icd11``, the product
    /// name under ``VDSNCRecordMapping/productNameSystem``) and reported as `ICAO_UNMAPPED_CODE`, never dropped.
    static func recordCodes(
        of event: VDSNCVaccinationEvent, path: String, codes: VDSNCCodeTranslation,
        warnings: inout [GenericCodedError]
    ) -> RecordCodes {
        func unmapped(_ member: String, _ text: String) {
            warnings.append(GenericCodedError(VDSNCError(.unmappedCode, "\(path).\(member): \(text)")))
        }
        func snomed(_ code: String, _ member: String) -> Coding {
            if let coding = codes.snomedCT(ofICD11: code) { return coding }
            unmapped(member, "expected an ICD-11 code of the vaccine code tables, found an unknown one (kept as is)")
            return Coding(system: VDSNCCodeTranslation.icd11, code: code)
        }
        let vaccine = snomed(event.vaccine, "des")
        let disease = event.disease.map { snomed($0, "dis") }

        let desCoding = Coding(system: VDSNCCodeTranslation.icd11, code: event.vaccine)
        let product = codes.product(event.productName)
        let brand =
            product?.euProductNumber
            ?? codes.translate(desCoding, CodeSystem.euUnionRegister)
            ?? codes.translate(desCoding, CodeSystem.euDCCVaccineNames)
        guard let brand else {
            unmapped(
                "nam",
                "expected a product name of the vaccine code tables, found an unknown one (kept as is, no manufacturer)")
            return RecordCodes(
                disease: disease, vaccine: vaccine,
                brand: Coding(system: VDSNCRecordMapping.productNameSystem, code: event.productName))
        }
        let manufacturer: Coding? =
            if let product { product.manufacturer } else {
                codes.translate(desCoding, CodeSystem.emaOrganisations)
                    ?? codes.translate(desCoding, CodeSystem.euDCCAuthorisationHolders)
            }
        if manufacturer == nil {
            unmapped("nam", "expected a product with a marketing authorisation holder in the code tables, found none")
        }
        return RecordCodes(
            disease: disease, vaccine: vaccine, brand: Coding(system: brand.system, code: brand.code),
            manufacturer: manufacturer.map { Coding(system: $0.system, code: $0.code) })
    }
}
