import Testing
import ICAOVDSNC

/// Placeholder until the module's tests exist.
@Test func ICAOVDSNCModuleLinks() {
    #expect(String(describing: ICAOVDSNC.self) == "ICAOVDSNC")
}
