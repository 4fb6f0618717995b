import Foundation
import TestSupport
import Testing
import VaccinationRecord
import VaccineCodes

/// The codes used by the shared test data map, or are listed in ``KnownUnmappedCodes`` with a reason.
@Suite struct TestDataCoverageTests {
    let mapper = VaccineCodeMapper.standard

    @Test func smartHealthCardExampleCVXCodesMap() throws {
        var codes = Set<String>()
        for file in try TestData.files(under: "shc/examples", withExtension: "json") {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: file), options: [.fragmentsAllowed])
            Self.walk(json) { object in
                if object["system"] as? String == CodeSystem.cvx, let code = object["code"] as? String {
                    codes.insert(code)
                }
            }
        }
        #expect(!codes.isEmpty)
        for code in codes.sorted() {
            let product = mapper.product(matching: Coding(system: CodeSystem.cvx, code: code))
            #expect((product != nil) != (KnownUnmappedCodes.cvx[code] != nil), "CVX \(code)")
        }
    }

    @Test func euDCCTestDataCodesMap() throws {
        var mp = Set<String>(), vp = Set<String>(), ma = Set<String>()
        let files = try TestData.files(under: "dgc-testdata", withExtension: "json")
        #expect(files.count > 500)
        for file in files {
            guard let json = try? JSONSerialization.jsonObject(with: Data(contentsOf: file)) else { continue }
            Self.walk(json) { object in
                guard object["mp"] != nil || object["vp"] != nil else { return }
                if let code = object["mp"] as? String { mp.insert(code) }
                if let code = object["vp"] as? String { vp.insert(code) }
                if let code = object["ma"] as? String { ma.insert(code) }
            }
        }
        #expect(mp.contains("EU/1/20/1528"))
        let makers = Set(mapper.manufacturers.map(\.code))
        for code in mp.sorted() {
            let system = code.hasPrefix("EU/") ? CodeSystem.euUnionRegister : CodeSystem.euDCCVaccineNames
            let mapped = mapper.product(matching: Coding(system: system, code: code)) != nil
            #expect(mapped != (KnownUnmappedCodes.medicinalProducts[code] != nil), "mp '\(code)'")
        }
        for code in vp.sorted() {
            let system = code.hasPrefix("J07") ? CodeSystem.atc : CodeSystem.snomedCT
            let mapped = mapper.translate(Coding(system: system, code: code), to: CodeSystem.icd11) != nil
            #expect(mapped != (KnownUnmappedCodes.vaccineTypes[code] != nil), "vp '\(code)'")
        }
        for code in ma.sorted() {
            #expect(makers.contains(code) != (KnownUnmappedCodes.manufacturers[code] != nil), "ma '\(code)'")
        }
    }

    @Test func euValueSetsAreCovered() throws {
        let data = try TestData.data("dcc-business-rules/dgc-business-rules-testdata/valuesets/valueSets.json")
        let sets = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String]])
        let makers = Set(mapper.manufacturers.map(\.code))
        for code in try #require(sets["vaccines-covid-19-names"]) {
            let system = code.hasPrefix("EU/") ? CodeSystem.euUnionRegister : CodeSystem.euDCCVaccineNames
            #expect(mapper.product(matching: Coding(system: system, code: code)) != nil, "mp \(code)")
        }
        for code in try #require(sets["sct-vaccines-covid-19"]) {
            let system = code.hasPrefix("J07") ? CodeSystem.atc : CodeSystem.snomedCT
            #expect(mapper.translate(Coding(system: system, code: code), to: CodeSystem.icd11) != nil, "vp \(code)")
        }
        for code in try #require(sets["vaccines-covid-19-auth-holders"]) {
            #expect(makers.contains(code), "ma \(code)")
        }
    }

    /// Calls `visit` on every JSON object inside `value`.
    static func walk(_ value: Any, depth: Int = 0, _ visit: ([String: Any]) -> Void) {
        guard depth < 64 else { return }
        if let object = value as? [String: Any] {
            visit(object)
            for child in object.values { walk(child, depth: depth + 1, visit) }
        } else if let array = value as? [Any] {
            for child in array { walk(child, depth: depth + 1, visit) }
        }
    }
}
