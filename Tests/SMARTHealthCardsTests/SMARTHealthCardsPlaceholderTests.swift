import Testing
import SMARTHealthCards

/// Placeholder until the module's tests exist.
@Test func SMARTHealthCardsModuleLinks() {
    #expect(String(describing: SMARTHealthCards.self) == "SMARTHealthCards")
}
