/// The six code tables as rows of text, header row first (see `Tables/*.tsv`).
struct VaccineCodeTableSet: Sendable {
    var vaccineTypes: [[String]]
    var diseases: [[String]]
    var manufacturers: [[String]]
    var products: [[String]]
    var cvx: [[String]]
    var icd11Products: [[String]]

    /// The tables compiled into the module.
    static let generated = VaccineCodeTableSet(
        vaccineTypes: VaccineCodeTables.vaccineTypes, diseases: VaccineCodeTables.diseases,
        manufacturers: VaccineCodeTables.manufacturers, products: VaccineCodeTables.products,
        cvx: VaccineCodeTables.cvx, icd11Products: VaccineCodeTables.icd11Products
    )
}

/// One table row with its columns looked up by header name; a missing column reads as empty.
struct TableRow {
    let fields: [String: String]

    /// The rows of a table (header first); a row whose width differs from the header is reported.
    static func rows(_ table: [[String]], name: String, problems: inout [String]) -> [TableRow] {
        guard let header = table.first else {
            problems.append("\(name): no header row")
            return []
        }
        var rows: [TableRow] = []
        for (number, row) in table.dropFirst().enumerated() {
            guard row.count == header.count else {
                problems.append("\(name) row \(number + 1): expected \(header.count) fields, found \(row.count)")
                continue
            }
            rows.append(TableRow(fields: Dictionary(zip(header, row), uniquingKeysWith: { first, _ in first })))
        }
        return rows
    }

    subscript(_ column: String) -> String { fields[column] ?? "" }

    /// The column, or `nil` when it is empty.
    func optional(_ column: String) -> String? {
        let value = self[column]
        return value.isEmpty ? nil : value
    }
}
