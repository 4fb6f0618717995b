import CodedErrors
import Testing
import VaccinationRecord
import VaccineCodes

@Suite struct MapperTests {
    let mapper = VaccineCodeMapper.standard

    @Test func codeSystemConstants() {
        #expect(CodeSystem.snomedCT == "http://snomed.info/sct")
        #expect(CodeSystem.cvx == "http://hl7.org/fhir/sid/cvx")
        #expect(CodeSystem.atc == "http://www.whocc.no/atc")
        #expect(CodeSystem.euUnionRegister == "https://ec.europa.eu/health/documents/community-register/html/")
        #expect(CodeSystem.emaOrganisations == "https://spor.ema.europa.eu/v1/organisations")
        #expect(CodeSystem.icd11Release == "http://id.who.int/icd/release/11/mms")
    }

    @Test(arguments: [
        ("208", "EU/1/20/1528"), ("207", "EU/1/20/1507"), ("210", "EU/1/21/1529"), ("212", "EU/1/20/1525"),
        ("211", "EU/1/21/1618"), ("518", "EU/1/21/1580"),
    ])
    func cvxToEURoundTrip(cvx: String, eu: String) throws {
        let euCoding = try mapper.require(Coding(system: CodeSystem.cvx, code: cvx), in: CodeSystem.euUnionRegister)
        #expect(euCoding.code == eu)
        #expect(euCoding.system == CodeSystem.euUnionRegister)
        #expect(try mapper.require(euCoding, in: CodeSystem.cvx).code == cvx)
    }

    @Test func everyOneToOneCVXRoundTrips() throws {
        for product in mapper.products {
            guard let cvx = product.cvx, let eu = product.euProductNumber else { continue }
            let there = try mapper.require(cvx, in: eu.system)
            #expect(there.code == eu.code, "\(product.name)")
            #expect(try mapper.require(there, in: CodeSystem.cvx).code == cvx.code, "\(product.name)")
        }
    }

    @Test func formulationCVXCodesMapToTheirProduct() {
        for code in ["217", "218", "219", "300", "301", "302", "308", "309", "310", "520"] {
            let eu = mapper.translate(Coding(system: CodeSystem.cvx, code: code), to: CodeSystem.euUnionRegister)
            #expect(eu?.code == "EU/1/20/1528", "CVX \(code)")
        }
        let bivalent = mapper.translate(Coding(system: CodeSystem.cvx, code: "229"), to: CodeSystem.icd11)
        #expect(bivalent?.code == "XM3DT5")
    }

    @Test func productFillsEveryField() throws {
        let product = try #require(mapper.product(matching: Coding(system: CodeSystem.cvx, code: "207")))
        #expect(product.name == "Spikevax")
        #expect(product.euProductNumber?.code == "EU/1/20/1507")
        #expect(
            product.manufacturer
                == Coding(
                    system: CodeSystem.emaOrganisations, code: "ORG-100031184", display: "Moderna Biotech Spain S.L."))
        #expect(product.vaccineType.code == "1119349007")
        #expect(product.icd11.code == "XM3DT5")
        #expect(product.disease.code == "840539006")
        let byEU = mapper.product(matching: Coding(system: CodeSystem.euUnionRegister, code: "EU/1/20/1507"))
        let byICD = mapper.product(matching: Coding(system: CodeSystem.icd11Release, code: "XM3DT5"))
        #expect(byEU == product)
        #expect(byICD == product)
    }

    @Test func nonEUProductsUseTheValueSetNames() throws {
        let product = try #require(mapper.product(matching: Coding(system: CodeSystem.cvx, code: "511")))
        #expect(
            product.euProductNumber
                == Coding(
                    system: CodeSystem.euDCCVaccineNames, code: "CoronaVac", display: "CoronaVac"))
        #expect(product.manufacturer?.system == CodeSystem.euDCCAuthorisationHolders)
        #expect(product.vaccineType.code == "1157024006")
        #expect(product.icd11.code == "XM7HT3")
        #expect(mapper.translate(Coding(system: CodeSystem.cvx, code: "511"), to: CodeSystem.euUnionRegister) == nil)
    }

    @Test func typesTranslateToEquivalentOrBroader() {
        func map(_ system: String, _ code: String, _ target: String) -> String? {
            mapper.translate(Coding(system: system, code: code), to: target)?.code
        }
        #expect(map(CodeSystem.snomedCT, "1119349007", CodeSystem.icd11) == "XM0GQ8")
        #expect(map(CodeSystem.icd11, "XM0GQ8", CodeSystem.snomedCT) == "1119349007")
        #expect(map(CodeSystem.snomedCT, "1119305005", CodeSystem.icd11) == "XM68M6")
        #expect(map(CodeSystem.atc, "J07BX03", CodeSystem.snomedCT) == "28531000087107")
        #expect(map(CodeSystem.icd11, "XM68M6", CodeSystem.atc) == "J07BX03")
        #expect(map(CodeSystem.cvx, "213", CodeSystem.icd11) == "XM68M6")
        #expect(map(CodeSystem.cvx, "208", CodeSystem.snomedCT) == "1119349007")
        #expect(map(CodeSystem.cvx, "501", CodeSystem.snomedCT) == "1157024006")
        #expect(map(CodeSystem.cvx, "208", CodeSystem.emaOrganisations) == "ORG-100030215")
        #expect(map(CodeSystem.icd11, "XM0GQ8", CodeSystem.cvx) == nil, "a type has no product code")
        #expect(map(CodeSystem.icd11, "XM0GQ8", CodeSystem.euUnionRegister) == nil)
        #expect(mapper.product(matching: Coding(system: CodeSystem.snomedCT, code: "1119349007")) == nil)
    }

    @Test func diseaseTranslatesBothWays() {
        let icd = mapper.translate(Coding(system: CodeSystem.snomedCT, code: "840539006"), to: CodeSystem.icd11)
        #expect(icd?.code == "RA01")
        let back = mapper.translate(Coding(system: CodeSystem.icd11Release, code: "RA01"), to: CodeSystem.snomedCT)
        #expect(back?.code == "840539006")
    }

    @Test func icd11AliasesAndTrailingSlash() {
        let coding = Coding(system: CodeSystem.cvx, code: "208")
        #expect(
            mapper.translate(coding, to: CodeSystem.icd11Release)
                == Coding(
                    system: CodeSystem.icd11Release, code: "XM8NQ0"))
        #expect(mapper.translate(coding, to: CodeSystem.icd11)?.system == CodeSystem.icd11)
        let bare = String(CodeSystem.euUnionRegister.dropLast())
        #expect(mapper.translate(coding, to: bare)?.code == "EU/1/20/1528")
    }

    @Test(arguments: [
        Coding(system: CodeSystem.cvx, code: "999"), Coding(system: CodeSystem.cvx, code: ""),
        Coding(system: "urn:unknown", code: "208"), Coding(system: CodeSystem.snomedCT, code: "208"),
        Coding(system: CodeSystem.cvx, code: String(repeating: "9", count: 10_000)),
    ])
    func unmappedInputReportsCodeUnmapped(coding: Coding) {
        #expect(mapper.translate(coding, to: CodeSystem.icd11) == nil)
        #expect(mapper.product(matching: coding) == nil)
        #expect(throws: CodeMappingError.self) { try mapper.require(coding, in: CodeSystem.icd11) }
        do {
            _ = try mapper.require(coding, in: CodeSystem.icd11)
        } catch {
            #expect(error.code == "CODE_UNMAPPED")
            #expect(error.message.contains(CodeSystem.icd11))
            #expect(error.message.contains(String(coding.system.prefix(CodeMappingError.maximumQuotedLength))))
            #expect(error.message.count < 400)
        }
    }

    @Test func unmappedTargetNamesAllThree() {
        let coding = Coding(system: CodeSystem.cvx, code: "213")
        do {
            _ = try mapper.require(coding, in: CodeSystem.euUnionRegister)
            Issue.record("CVX 213 is not a product")
        } catch {
            #expect(error.code == "CODE_UNMAPPED")
            #expect(error.message.contains("'213'"))
            #expect(error.message.contains("'\(CodeSystem.cvx)'"))
            #expect(error.message.contains("'\(CodeSystem.euUnionRegister)'"))
        }
    }
}
