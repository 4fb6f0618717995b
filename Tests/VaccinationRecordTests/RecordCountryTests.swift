import JSON
import Testing
import TestSupport
import VaccinationRecord

@Suite struct RecordCountryTests {
    @Test func tableHasThe249OfficiallyAssignedCodes() {
        let entries = ISO3166.officiallyAssigned
        #expect(entries.count == 249)
        #expect(Set(entries.map(\.alpha2)).count == 249)
        #expect(Set(entries.map(\.alpha3)).count == 249)
        #expect(entries.allSatisfy { $0.alpha2.utf8.count == 2 && $0.alpha3.utf8.count == 3 })
        #expect(entries.allSatisfy { $0.alpha2.utf8.allSatisfy { (0x41...0x5A).contains($0) } })
    }

    @Test(arguments: [
        ("DE", "DE", "DEU"), ("DEU", "DE", "DEU"), ("NL", "NL", "NLD"), ("CW", "CW", "CUW"), ("SXM", "SX", "SXM"),
        ("GB", "GB", "GBR"), ("XK", "XK", "XKX"), ("AQ", "AQ", "ATA"), ("SS", "SS", "SSD"),
    ])
    func normalises(code: String, alpha2: String, alpha3: String) throws {
        #expect(try ISO3166.normalizedAlpha2(code) == alpha2)
        let country = try #require(CountryCode(code))
        #expect(country.code == code)
        #expect(country.alpha2 == alpha2)
        #expect(country.alpha3 == alpha3)
    }

    @Test(arguments: ["XX", "XY", "EU", "UK", "de", "Deu", "D", "DEUT", "", "ZZZ", "ANT", "YU"])
    func rejectsUnknownCodes(code: String) {
        #expect(CountryCode(code) == nil)
        let error = #expect(throws: RecordError.self) {
            try ISO3166.normalizedAlpha2(code, path: "vaccination.country")
        }
        #expect(error?.code == "RECORD_UNKNOWN_COUNTRY")
        #expect(error?.path == "vaccination.country")
    }

    /// Every code of the EU DCC country value set is accepted.
    @Test func acceptsTheDCCCountryValueSet() throws {
        let valueSets = try RecordTestJSON.load(
            "dcc-business-rules/dgc-business-rules-testdata/valuesets/valueSets.json")
        let codes = try #require(valueSets["country-2-codes"]?.arrayValue).compactMap(\.stringValue)
        #expect(codes.count == 250)
        for code in codes { #expect(CountryCode(code) != nil, "\(code)") }
    }
}
