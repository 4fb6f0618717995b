import VaccinationRecord
import VaccineCodes

extension VDSNCCodeTranslation {
    /// The translation through the shared tables of the VaccineCodes module.
    static func translateWithSharedTables(_ coding: Coding, to system: String) -> Coding? {
        VaccineCodeMapper.standard.translate(coding, to: system)
    }

    /// The product name the shared tables give a brand coding (`Comirnaty` for `EU/1/20/1528`).
    static func productNameFromSharedTables(_ coding: Coding) -> String? {
        VaccineCodeMapper.standard.product(matching: coding)?.name
    }

    /// The product of the shared tables that a `ve.nam` text names (see ``VaccineCodeMapper/product(named:)``).
    static func productFromSharedTables(named name: String) -> VaccineProduct? {
        VaccineCodeMapper.standard.product(named: name)
    }
}
