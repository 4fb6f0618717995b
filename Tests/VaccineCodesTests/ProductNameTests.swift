import Testing
import VaccinationRecord
import VaccineCodes

/// `VaccineCodeMapper.product(named:)`: the names a seal or a credential may give a product.
@Suite("Products by name")
struct ProductNameTests {
    let mapper = VaccineCodeMapper.standard

    @Test func everyProductIsFoundByItsNameItsShortNameAndItsCode() throws {
        for product in mapper.products {
            #expect(mapper.product(named: product.name)?.name == product.name)
            #expect(mapper.product(named: "  " + product.name.lowercased() + " ") != nil, "\(product.name)")
            if let code = product.euProductNumber?.code {
                #expect(mapper.product(named: code) != nil, "\(code)")
            }
        }
    }

    @Test func partsOfANameInParenthesesNameTheProduct() throws {
        let janssen = try #require(mapper.product(matching: Coding(system: CodeSystem.euUnionRegister, code: "EU/1/20/1525")))
        #expect(janssen.name.contains("("))
        let short = String(janssen.name.split(separator: "(")[0])
        #expect(mapper.product(named: short)?.name == janssen.name)
        #expect(mapper.product(named: "JCOVDEN")?.name == janssen.name)
    }

    @Test(arguments: ["", "   ", "not a vaccine", "AZD1222"])
    func unknownNamesGiveNil(name: String) {
        #expect(mapper.product(named: name) == nil)
    }
}
