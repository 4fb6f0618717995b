import VaccinationRecord
import VaccineCodes

extension SHCCodeTranslator {
    /// The translator over the shared COVID-19 vaccine tables of `VaccineCodeMapper`.
    public static let standard = SHCCodeTranslator(
        { coding, system in VaccineCodeMapper.standard.translate(coding, to: system) },
        disease: { coding in VaccineCodeMapper.standard.product(matching: coding)?.disease })
}
