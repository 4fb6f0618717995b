import VaccinationRecord

extension VaccineConceptIndex {
    /// Builds the graph table by table; order matters, because the first concept to claim a code keeps it.
    struct Builder {
        var concepts: [VaccineConcept] = []
        var byCode: [Key: Int] = [:]
        var problems: [String] = []
        var products: [VaccineProduct] = []
        var manufacturerList: [Coding] = []

        private var typeIDs: [String: Int] = [:]
        private var productIDs: [String: Int] = [:]
        private var manufacturers: [String: Coding] = [:]
        private var cvxDescriptions: [String: String] = [:]
        private var disease = Coding(system: CodeSystem.snomedCT, code: "840539006", display: "COVID-19")

        mutating func build(_ tables: VaccineCodeTableSet) {
            addDiseases(TableRow.rows(tables.diseases, name: "diseases", problems: &problems))
            addVaccineTypes(TableRow.rows(tables.vaccineTypes, name: "vaccine-types", problems: &problems))
            addManufacturers(TableRow.rows(tables.manufacturers, name: "manufacturers", problems: &problems))
            let cvxRows = TableRow.rows(tables.cvx, name: "cvx", problems: &problems)
            for row in cvxRows { cvxDescriptions[row["cvx"]] = row.optional("description") }
            addProducts(TableRow.rows(tables.products, name: "products", problems: &problems))
            addICD11Products(TableRow.rows(tables.icd11Products, name: "icd11-products", problems: &problems))
            addCVXCodes(cvxRows)
        }

        // MARK: Tables

        private mutating func addDiseases(_ rows: [TableRow]) {
            for (number, row) in rows.enumerated() {
                guard let snomed = row.optional("snomed") else {
                    problems.append("diseases row \(number + 1): no SNOMED CT code")
                    continue
                }
                let display = row.optional("display")
                let coding = Coding(system: CodeSystem.snomedCT, code: snomed, display: display)
                if number == 0 { disease = coding }
                var codings = [CodeSystem.snomedCT: coding]
                if let icd = row.optional("icd11") {
                    codings[CodeSystem.icd11] = Coding(system: CodeSystem.icd11, code: icd, display: display)
                }
                add(VaccineConcept(codings: codings))
            }
        }

        private mutating func addVaccineTypes(_ rows: [TableRow]) {
            for row in rows {
                var codings: [String: Coding] = [:]
                if let code = row.optional("snomed") {
                    codings[CodeSystem.snomedCT] = Coding(
                        system: CodeSystem.snomedCT, code: code, display: row.optional("display"))
                }
                if let code = row.optional("icd11") {
                    codings[CodeSystem.icd11] = Coding(system: CodeSystem.icd11, code: code)
                }
                if let code = row.optional("atc") {
                    codings[CodeSystem.atc] = Coding(system: CodeSystem.atc, code: code)
                }
                if codings.isEmpty { problems.append("vaccine-types \(row["id"]): no code") }
                typeIDs[row["id"]] = add(VaccineConcept(codings: codings))
            }
            for row in rows {
                guard let parent = row.optional("broader"), let id = typeIDs[row["id"]] else { continue }
                guard let parentID = typeIDs[parent] else {
                    problems.append("vaccine-types \(row["id"]): unknown broader type \(parent)")
                    continue
                }
                concepts[id].broader = parentID
            }
        }

        private mutating func addManufacturers(_ rows: [TableRow]) {
            for row in rows {
                let code = row["code"]
                let system = code.hasPrefix("ORG-") ? CodeSystem.emaOrganisations : CodeSystem.euDCCAuthorisationHolders
                let coding = Coding(system: system, code: code, display: row.optional("display"))
                manufacturers[code] = coding
                manufacturerList.append(coding)
            }
        }

        private mutating func addProducts(_ rows: [TableRow]) {
            for row in rows {
                let id = row["id"], name = row["name"]
                guard let typeID = typeIDs[row["type"]] else {
                    problems.append("products \(id): unknown type \(row["type"])")
                    continue
                }
                var manufacturer: Coding?
                if let code = row.optional("manufacturer") {
                    manufacturer = manufacturers[code]
                    if manufacturer == nil { problems.append("products \(id): unknown manufacturer \(code)") }
                }
                var codings: [String: Coding] = [:]
                if let code = row.optional("eu_code") {
                    let system = code.hasPrefix("EU/") ? CodeSystem.euUnionRegister : CodeSystem.euDCCVaccineNames
                    codings[Self.key(system)] = Coding(system: system, code: code, display: name)
                }
                if let code = row.optional("cvx") {
                    guard let description = cvxDescriptions[code] else {
                        problems.append("products \(id): CVX \(code) is not in cvx.tsv")
                        continue
                    }
                    codings[CodeSystem.cvx] = Coding(system: CodeSystem.cvx, code: code, display: description)
                }
                if let code = row.optional("icd11") {
                    codings[CodeSystem.icd11] = Coding(system: CodeSystem.icd11, code: code)
                }
                let icd11 = codings[CodeSystem.icd11] ?? code(in: CodeSystem.icd11, from: typeID)
                guard let vaccineType = code(in: CodeSystem.snomedCT, from: typeID), let icd11 else {
                    problems.append("products \(id): its type has no SNOMED CT or ICD-11 code")
                    continue
                }
                let product = VaccineProduct(
                    name: name, cvx: codings[CodeSystem.cvx],
                    euProductNumber: codings[Self.key(CodeSystem.euUnionRegister)]
                        ?? codings[CodeSystem.euDCCVaccineNames],
                    manufacturer: manufacturer, vaccineType: vaccineType, icd11: icd11, disease: disease
                )
                products.append(product)
                productIDs[id] = add(
                    VaccineConcept(codings: codings, broader: typeID, manufacturer: manufacturer, product: product))
            }
        }

        private mutating func addICD11Products(_ rows: [TableRow]) {
            for row in rows {
                guard let typeID = typeIDs[row["type"]] else {
                    problems.append("icd11-products \(row["icd11"]): unknown type \(row["type"])")
                    continue
                }
                let coding = Coding(system: CodeSystem.icd11, code: row["icd11"], display: row.optional("display"))
                add(VaccineConcept(codings: [CodeSystem.icd11: coding], broader: typeID))
            }
        }

        private mutating func addCVXCodes(_ rows: [TableRow]) {
            for row in rows {
                let code = row["cvx"]
                let coding = Coding(system: CodeSystem.cvx, code: code, display: row.optional("description"))
                switch (row.optional("product"), row.optional("icd11")) {
                case (let product?, nil):
                    guard let productID = productIDs[product] else {
                        problems.append("cvx \(code): unknown product \(product)")
                        continue
                    }
                    if concepts[productID].codings[CodeSystem.cvx]?.code == code { continue }
                    add(VaccineConcept(codings: [CodeSystem.cvx: coding], broader: productID))
                case (nil, let icd?):
                    guard let broaderID = byCode[Key(system: CodeSystem.icd11, code: icd)] else {
                        problems.append("cvx \(code): ICD-11 \(icd) is in no table")
                        continue
                    }
                    add(VaccineConcept(codings: [CodeSystem.cvx: coding], broader: broaderID))
                default:
                    problems.append("cvx \(code): expected exactly one of product and icd11")
                }
            }
        }

        // MARK: Helpers

        private static func key(_ system: String) -> String { VaccineConceptIndex.canonicalSystem(system) }

        /// The first code in `system` on the chain from `id` through broader concepts.
        private func code(in system: String, from id: Int) -> Coding? {
            var current: Int? = id
            var hops = 0
            while let index = current, hops < VaccineConceptIndex.maximumDepth {
                if let coding = concepts[index].codings[system] { return coding }
                current = concepts[index].broader
                hops += 1
            }
            return nil
        }

        /// Appends a concept and indexes its codes; a code already claimed stays with its first concept.
        @discardableResult
        private mutating func add(_ concept: VaccineConcept) -> Int {
            let id = concepts.count
            concepts.append(concept)
            for (system, coding) in concept.codings {
                let key = Key(system: system, code: coding.code)
                if byCode[key] == nil { byCode[key] = id }
            }
            return id
        }
    }
}
