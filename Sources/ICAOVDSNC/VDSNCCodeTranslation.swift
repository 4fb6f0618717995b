import VaccinationRecord
import VaccineCodes

/// How the seal's ICD-11 codes (`des`, `dis`) are obtained from, and checked against, the record's codings.
///
/// `translate(coding, system)` returns the coding in `system`, or nil when there is no equivalent; the default
/// uses the shared vaccine code tables (`VaccineCodeMapper.standard`). Codings already in ICD-11 are used as they
/// are, under either ICD-11 URI.
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
    /// The product (brand) name of a coding, for `ve.nam` when the record's brand has no display text.
    public let productName: @Sendable (Coding) -> String?

    /// Creates a translation from functions.
    public init(
        translate: @escaping @Sendable (Coding, String) -> Coding?,
        productName: @escaping @Sendable (Coding) -> String? = { _ in nil }
    ) {
        self.translate = translate
        self.productName = productName
    }

    /// The shared vaccine code tables.
    public static let standard = VDSNCCodeTranslation(
        translate: { coding, system in VDSNCCodeTranslation.translateWithSharedTables(coding, to: system) },
        productName: { coding in VDSNCCodeTranslation.productNameFromSharedTables(coding) })

    /// The ICD-11 code of a coding: its own code when it is ICD-11, else its translation; nil when unmapped.
    func icd11Code(of coding: Coding) -> String? {
        if Self.icd11Systems.contains(coding.system) { return coding.code }
        guard let translated = translate(coding, Self.icd11), Self.icd11Systems.contains(translated.system) else {
            return nil
        }
        return translated.code
    }

    /// Whether the code tables know an ICD-11 code (it translates to SNOMED CT).
    func knows(icd11Code code: String) -> Bool {
        translate(Coding(system: Self.icd11, code: code), Self.snomedCT) != nil
    }
}
