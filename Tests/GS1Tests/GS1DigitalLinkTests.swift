import GS1
import Testing

@Suite struct GS1DigitalLinkTests {
    @Test func parseVaccineVialLink() throws {
        let link = try GS1DigitalLink.parse("https://id.gs1.org/01/09521234543213/10/ABC123/21/12345?17=261231")
        #expect(link.primaryKey.value == "09521234543213")
        #expect(link.qualifiers.map(\.ai.code) == ["10", "21"])
        #expect(link.attributes.map(\.value) == ["261231"])
        #expect(try link.elementString.humanReadable == "(01)09521234543213(10)ABC123(21)12345(17)261231")
    }

    @Test func buildAndRoundTrip() throws {
        let link = try GS1DigitalLink(
            gtin: GTIN("09521234543213"), lot: "A/B&1", serial: "S%1", expiry: ExpiryDate(yymmdd: "261200"))
        let uri = link.uri()
        #expect(uri == "https://id.gs1.org/01/09521234543213/10/A%2FB%261/21/S%251?17=261200")
        #expect(try GS1DigitalLink.parse(uri) == link)
        #expect(try GS1DigitalLink.parse(link.uri(domain: "https://example.com/")) == link)
    }

    @Test func anyDomainPathPrefixShortNamesAndOtherQueryParameters() throws {
        let link = try GS1DigitalLink.parse("https://brand.example/some/prefix/gtin/9521234543213/lot/L1?linkType=gs1:pip&17=270100")
        #expect(link.primaryKey.value == "09521234543213")
        #expect(link.qualifiers.first?.value == "L1")
        #expect(link.attributes.count == 1)
        #expect(link.uri() == "https://id.gs1.org/01/09521234543213/10/L1?17=270100")
    }

    @Test func glnWithExtension() throws {
        let link = try GS1DigitalLink.parse("https://id.gs1.org/414/4012345000054/254/122")
        #expect(link.primaryKey.ai == .locationGLN)
        #expect(link.qualifiers.first?.value == "122")
    }

    @Test(arguments: [
        ("https://id.gs1.org/01/09521234543214", "GS1_CHECK_DIGIT"),
        ("https://id.gs1.org/01/09521234543213/21/1/10/2", "GS1_INVALID_DIGITAL_LINK"),
        ("ftp://id.gs1.org/01/09521234543213", "GS1_INVALID_DIGITAL_LINK"),
        ("https://id.gs1.org/shop/cart", "GS1_INVALID_DIGITAL_LINK"),
        ("https://id.gs1.org/01/09521234543213/10/%ZZ", "GS1_INVALID_DIGITAL_LINK"),
        ("https://id.gs1.org/01/09521234543213?17=261332", "GS1_INVALID_DATE"),
    ])
    func codedErrors(uri: String, code: String) {
        do {
            _ = try GS1DigitalLink.parse(uri)
            Issue.record("expected \(code)")
        } catch {
            #expect(error.code == code, "\(uri)")
        }
    }
}
