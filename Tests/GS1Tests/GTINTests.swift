import GS1
import Testing

@Suite struct GTINTests {
    @Test(arguments: ["09521234543213", "4012345111118", "614141123452", "96385074", "04012345111118"])
    func validGTINs(_ text: String) throws {
        let gtin = try GTIN(text)
        #expect(gtin.digits.count == 14)
        #expect(gtin.digits.hasSuffix(text))
    }

    @Test(arguments: ["09521234543214", "4012345111119", "614141123450", "96385075"])
    func wrongCheckDigit(_ text: String) {
        #expect(throws: GS1Error(.checkDigit, "")) { try GTIN(text) }
    }

    @Test(arguments: ["", "123", "09521234543", "095212345432133", "0952123454321A"])
    func wrongLengthOrCharacters(_ text: String) {
        #expect(throws: GS1Error(.invalidKey, "")) { try GTIN(text) }
    }

    @Test func checkDigitComputation() throws {
        #expect(GS1CheckDigit.compute(for: "0952123454321") == "3")
        #expect(GS1CheckDigit.compute(for: "401234500005") == "4")
        #expect(GS1CheckDigit.compute(for: "12a") == nil)
        #expect(try GTIN(withoutCheckDigit: "0401234511111").digits == "04012345111118")
    }

    @Test func shortestForm() throws {
        #expect(try GTIN("4012345111118").shortestForm == "4012345111118")
        #expect(try GTIN("00000096385074").shortestForm == "96385074")
    }

    @Test func errorDoesNotEchoInput() {
        do {
            _ = try GTIN("09521234543214")
            Issue.record("expected an error")
        } catch {
            #expect(!error.message.contains("0952123454321"))
            #expect(error.code == "GS1_CHECK_DIGIT")
        }
    }
}
