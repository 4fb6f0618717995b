import Testing
import VaccineCodes

/// Placeholder until the module's tests exist.
@Test func VaccineCodesModuleLinks() {
    #expect(String(describing: VaccineCodes.self) == "VaccineCodes")
}
