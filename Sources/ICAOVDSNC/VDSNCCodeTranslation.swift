import VaccinationRecord
import VaccineCodes

/// How the seal's ICD-11 codes (`des`, `dis`) and product name (`nam`) are obtained from the record's codings,
/// and turned back into the record's code systems.
///
/// `translate(coding, system)` returns the coding in `system`, or nil when there is no equivalent; the default
/// uses the shared vaccine code tables (`VaccineCodeMapper.standard`). Codings already in ICD-11 are used as they
/// are, under either ICD-11 URI. On verification `des` and `dis` become SNOMED CT, and `nam` the product's EU
/// `mp` code and marketing authorisation holder (``product``).
public struct VDSNCCodeTranslation: Sendable {
    /// The ICD-11 MMS system URI written into records decoded from a seal (the WHO DDCC URI, `CodeSystem.icd11`).
    public static let icd11 = CodeSystem.icd11
    /// Every URI read as ICD-11 MMS: `CodeSystem.icd11` and the HL7 release URI `CodeSystem.icd11Release`, with
    /// or without a trailing `/`.
    public static let icd11Systems: Set<String> = [
        CodeSystem.icd11, CodeSystem.icd11Release, CodeSystem.icd11 + "/", CodeSystem.icd11Release + "/",
    ]
    /// SNOMED CT, the system a seal's ICD-11 codes are checked against on verification.
    public static let snomedCT = CodeSystem.snomedCT

    /// Translates a coding into a system, or returns nil.
    public let translate: @Sendable (Coding, String) -> Coding?
    /// The product (brand) name of a coding, for `ve.nam`.
    public let productName: @Sendable (Coding) -> String?
    /// The product a `ve.nam` text names, for the record's brand and manufacturer; nil when unknown.
    public let product: @Sendable (String) -> VaccineProduct?

    /// Creates a translation from functions.
    public init(
        translate: @escaping @Sendable (Coding, String) -> Coding?,
        productName: @escaping @Sendable (Coding) -> String? = { _ in nil },
        product: @escaping @Sendable (String) -> VaccineProduct? = { _ in nil }
    ) {
        self.translate = translate
        self.productName = productName
        self.product = product
    }

    /// The shared vaccine code tables.
    public static let standard = VDSNCCodeTranslation(
        translate: { coding, system in VDSNCCodeTranslation.translateWithSharedTables(coding, to: system) },
        productName: { coding in VDSNCCodeTranslation.productNameFromSharedTables(coding) },
        product: { name in VDSNCCodeTranslation.productFromSharedTables(named: name) })

    /// The ICD-11 code of a coding: its own code when it is ICD-11, else its translation; nil when unmapped.
    func icd11Code(of coding: Coding) -> String? {
        if Self.icd11Systems.contains(coding.system) { return coding.code }
        guard let translated = translate(coding, Self.icd11), Self.icd11Systems.contains(translated.system) else {
            return nil
        }
        return translated.code
    }

    /// The SNOMED CT coding of a seal's ICD-11 code, or nil when the tables have no translation.
    func snomedCT(ofICD11 code: String) -> Coding? {
        guard let coding = translate(Coding(system: Self.icd11, code: code), Self.snomedCT),
            coding.system == Self.snomedCT
        else { return nil }
        return coding
    }
}
