import Foundation
import TestSupport
import Testing
import VaccinationRecord

@testable import VaccineCodes

/// The tables: every row loads, and the generated Swift copy matches the TSV files.
@Suite struct TableTests {
    static let tables: [(file: String, generated: [[String]])] = [
        ("vaccine-types.tsv", VaccineCodeTables.vaccineTypes), ("diseases.tsv", VaccineCodeTables.diseases),
        ("manufacturers.tsv", VaccineCodeTables.manufacturers), ("products.tsv", VaccineCodeTables.products),
        ("cvx.tsv", VaccineCodeTables.cvx), ("icd11-products.tsv", VaccineCodeTables.icd11Products),
    ]

    @Test func everyRowLoadsWithoutProblems() {
        let index = VaccineConceptIndex()
        #expect(index.problems == [])
        #expect(index.products.count == VaccineCodeTables.products.count - 1)
    }

    @Test(arguments: tables.map(\.file))
    func generatedTableMatchesTSV(file: String) throws {
        let url = TestData.repositoryRoot.appendingPathComponent("Sources/VaccineCodes/Tables/\(file)")
        let text = try String(contentsOf: url, encoding: .utf8)
        let rows = text.split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let generated = try #require(Self.tables.first { $0.file == file }).generated
        #expect(rows == generated, "run scripts/generate-vaccine-codes.py: \(file) and VaccineCodeTables differ")
    }

    @Test func everyCVXRowMapsToICD11() {
        let mapper = VaccineCodeMapper.standard
        for row in VaccineCodeTables.cvx.dropFirst() {
            let coding = Coding(system: CodeSystem.cvx, code: row[0])
            #expect(mapper.translate(coding, to: CodeSystem.icd11) != nil, "CVX \(row[0])")
            #expect((mapper.product(matching: coding) != nil) == !row[1].isEmpty, "CVX \(row[0])")
        }
    }

    @Test func everyProductHasItsCodes() {
        let mapper = VaccineCodeMapper.standard
        for product in mapper.products {
            let mp = product.euProductNumber
            #expect(mp != nil, "\(product.name) has no mp code")
            #expect(product.vaccineType.system == CodeSystem.snomedCT)
            #expect(product.icd11.system == CodeSystem.icd11)
            #expect(product.disease == Coding(system: CodeSystem.snomedCT, code: "840539006", display: "COVID-19"))
            if let mp { #expect(mapper.product(matching: mp) == product, "\(product.name)") }
        }
    }

    @Test func everyVaccineTypeRowTranslates() {
        let mapper = VaccineCodeMapper.standard
        for row in VaccineCodeTables.vaccineTypes.dropFirst() where !row[2].isEmpty {
            let coding = Coding(system: CodeSystem.snomedCT, code: row[2])
            #expect(mapper.translate(coding, to: CodeSystem.icd11) != nil, "SNOMED \(row[2])")
            #expect(mapper.translate(coding, to: CodeSystem.atc)?.code == "J07BX03", "SNOMED \(row[2])")
        }
    }
}
