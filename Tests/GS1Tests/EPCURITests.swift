import GS1
import Testing

@Suite struct EPCURITests {
    /// Conversions from the reference notes (coldchain-iot.md §3.3) and the GS1 Tag Data Standard.
    @Test(arguments: [
        ("urn:epc:id:sgtin:4012345.011111.9876", "https://id.gs1.org/01/04012345111118/21/9876"),
        ("urn:epc:class:lgtin:4012345.012345.998877", "https://id.gs1.org/01/04012345123456/10/998877"),
        ("urn:epc:id:sgln:4012345.00005.0", "https://id.gs1.org/414/4012345000054"),
        ("urn:epc:id:sgln:4012345.00005.122", "https://id.gs1.org/414/4012345000054/254/122"),
        ("urn:epc:id:giai:4000001.111", "https://id.gs1.org/8004/4000001111"),
        ("urn:epc:id:sscc:4012345.3111111111", "https://id.gs1.org/00/340123451111111111"),
        ("urn:epc:id:pgln:999999999999.", "https://id.gs1.org/417/9999999999994"),
        ("urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22!%3F()",
         "https://id.gs1.org/01/80614141123458/21/6789%2F%26%25%22%21%3F%28%29"),
        ("urn:epc:idpat:sgtin:4054739.099914.*", "https://id.gs1.org/01/04054739999148"),
    ])
    func toDigitalLink(epc: String, link: String) throws {
        #expect(try EPCURI.parse(epc).digitalLink.uri() == link)
    }

    @Test func fromGTINAndSerialOrLot() throws {
        let gtin = try GTIN("04012345111118")
        let sgtin = try EPCURI.sgtin(gtin: gtin, serial: "98\"", companyPrefixLength: 7)
        #expect(sgtin.uri == "urn:epc:id:sgtin:4012345.011111.98%22")
        #expect(sgtin.digitalLink.qualifiers.first?.value == "98\"")
        let lgtin = try EPCURI.lgtin(gtin: try GTIN("04012345123456"), lot: "998877", companyPrefixLength: 7)
        #expect(lgtin.uri == "urn:epc:class:lgtin:4012345.012345.998877")
        #expect(try EPCURI.sgln(gln: "4012345000054", companyPrefixLength: 7).uri == "urn:epc:id:sgln:4012345.00005.0")
        #expect(try EPCURI.sscc("340123451111111111", companyPrefixLength: 7).uri == "urn:epc:id:sscc:4012345.3111111111")
    }

    @Test(arguments: [
        "urn:epc:id:sgtin:4012345.011111.9876", "urn:epc:class:lgtin:4012345.012345.998877",
        "urn:epc:id:sgln:4012345.00005.122", "urn:epc:id:sscc:4012345.3111111111",
    ])
    func roundTripThroughDigitalLink(epc: String) throws {
        let parsed = try EPCURI.parse(epc)
        let back = try EPCURI.from(parsed.digitalLink, companyPrefixLength: parsed.companyPrefixLength)
        #expect(back.uri == epc)
    }

    @Test(arguments: [
        "urn:epc:id:sgtin:4012345.01111.9876", "urn:epc:id:sgtin:401.0111111111.9876", "urn:epc:id:foo:4012345.1",
        "urn:isbn:123", "urn:epc:id:sgtin:4012345.011111", "urn:epc:id:sgln:4012345.00005.%zz",
    ])
    func invalid(epc: String) {
        #expect(throws: GS1Error.self) { try EPCURI.parse(epc) }
    }

    @Test func companyPrefixLengthChecked() throws {
        #expect(throws: GS1Error(.invalidEPCURI, "")) {
            try EPCURI.sgtin(gtin: GTIN("04012345111118"), serial: "1", companyPrefixLength: 13)
        }
    }
}
