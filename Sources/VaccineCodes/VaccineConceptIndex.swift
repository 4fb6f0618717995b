import VaccinationRecord

/// The mapping graph built from ``VaccineCodeTables``: concepts, and an index from (system, code) to concept.
///
/// Building never fails: a row that does not fit (an unknown reference, a missing column) is skipped and
/// described in ``problems``, which the tests require to be empty.
struct VaccineConceptIndex: Sendable {
    /// The longest chain of broader concepts followed (the tables are at most four deep).
    static let maximumDepth = 8

    struct Key: Hashable, Sendable {
        let system: String
        let code: String
    }

    private(set) var concepts: [VaccineConcept] = []
    private(set) var byCode: [Key: Int] = [:]
    private(set) var problems: [String] = []
    private(set) var products: [VaccineProduct] = []
    private(set) var manufacturers: [Coding] = []

    /// The system URI used as a key: ICD-11 URIs unified, a trailing `/` ignored.
    static func canonicalSystem(_ system: String) -> String {
        let trimmed = system.hasSuffix("/") ? String(system.dropLast()) : system
        if trimmed == CodeSystem.icd11Release || trimmed == CodeSystem.icd11 { return CodeSystem.icd11 }
        return trimmed
    }

    /// The concept a coding names, if any.
    func concept(for coding: Coding) -> Int? {
        byCode[Key(system: Self.canonicalSystem(coding.system), code: coding.code)]
    }

    init(tables: VaccineCodeTableSet = .generated) {
        var builder = Builder()
        builder.build(tables)
        concepts = builder.concepts
        byCode = builder.byCode
        problems = builder.problems
        products = builder.products
        manufacturers = builder.manufacturerList
    }
}
