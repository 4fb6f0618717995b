import Foundation
import JSON
import VaccinationRecord

/// Vaccinations as CSV (RFC 4180: comma separated, fields in double quotes when they hold commas, quotes or line
/// breaks, `""` for a quote; CRLF or LF line ends), one dose per row, with a header row naming the columns.
///
/// Columns (any order; unknown ones are an error, so that a typo is not silently dropped):
/// `given_name`, `family_name`, `birth_date` (YYYY, YYYY-MM or YYYY-MM-DD), `sex` (male, female, other, unknown),
/// `identifier_system`, `identifier_value`, `disease_system`, `disease_code`, `vaccine_system`, `vaccine_code`,
/// `brand_system`, `brand_code`, `manufacturer_system`, `manufacturer_code`, `lot`, `date` (YYYY-MM-DD), `dose`,
/// `total_doses`, `country` (ISO 3166-1 alpha-2), `centre`, `certificate_issuer`. Empty cells are absent values.
/// Each row becomes a canonical record (docs/RECORD.md); a row's error names its column.
public enum BulkCSV {
    /// The columns, in the documented order.
    public static let columns = [
        "given_name", "family_name", "birth_date", "sex", "identifier_system", "identifier_value", "disease_system",
        "disease_code", "vaccine_system", "vaccine_code", "brand_system", "brand_code", "manufacturer_system",
        "manufacturer_code", "lot", "date", "dose", "total_doses", "country", "centre", "certificate_issuer",
    ]

    /// The most rows one file may hold.
    public static let maximumRows = 100_000
    /// The longest accepted cell, in bytes.
    public static let maximumCellBytes = 1_000

    /// One data row: its canonical record JSON, or why it cannot be one.
    public enum Row: Sendable {
        case record(JSONValue)
        case invalid(code: String, field: String?, message: String)
    }

    /// Parses a whole file.
    /// - Throws: ``BulkInputError`` for a file that cannot be read at all (no header, unknown columns, bad
    ///   quoting, too many rows); problems of single rows are reported per row.
    public static func rows(_ bytes: [UInt8], defaultIssuer: String) throws -> [Row] {
        var records = try CSVTable.parse(bytes, maximumRows: maximumRows + 1, maximumCellBytes: maximumCellBytes)
        guard !records.isEmpty else { throw BulkInputError(.empty, "expected a header row naming the columns, found an empty file") }
        let header = records.removeFirst().map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for (index, name) in header.enumerated() where !columns.contains(name) {
            throw BulkInputError(.columns, "expected only the documented columns, found an unknown one in column \(index + 1)")
        }
        guard Set(header).count == header.count else {
            throw BulkInputError(.columns, "expected each column once, found one named twice")
        }
        guard records.count <= maximumRows else {
            throw BulkInputError(.tooLarge, "expected at most \(maximumRows) rows, found more")
        }
        return records.map { cells in
            guard cells.count == header.count else {
                return .invalid(code: "CSV_ROW_WIDTH", field: nil, message: "expected \(header.count) cells, found \(cells.count)")
            }
            var values: [String: String] = [:]
            for (name, cell) in zip(header, cells) where !cell.isEmpty { values[name] = cell }
            return row(values, defaultIssuer: defaultIssuer)
        }
    }

    static func row(_ values: [String: String], defaultIssuer: String) -> Row {
        func coding(_ prefix: String) -> JSONValue? {
            guard values["\(prefix)_system"] != nil || values["\(prefix)_code"] != nil else { return nil }
            return ["system": .string(values["\(prefix)_system"] ?? ""), "code": .string(values["\(prefix)_code"] ?? "")]
        }
        var number: [String: JSONValue] = [:]
        for column in ["dose", "total_doses"] {
            guard let text = values[column] else { continue }
            guard let value = Int64(text) else {
                return .invalid(code: "RECORD_INVALID_FIELD", field: column, message: "expected a whole number, found another value")
            }
            number[column] = .integer(value)
        }
        var name = JSONObject()
        name["family"] = values["family_name"].map(JSONValue.string)
        name["given"] = values["given_name"].map(JSONValue.string)
        var vaccination = JSONObject()
        vaccination["disease"] = coding("disease")
        vaccination["vaccine"] = coding("vaccine")
        vaccination["brand"] = coding("brand")
        vaccination["manufacturer"] = coding("manufacturer")
        vaccination["lot"] = values["lot"].map(JSONValue.string)
        vaccination["date"] = values["date"].map(JSONValue.string)
        vaccination["dose"] = number["dose"]
        vaccination["totalDoses"] = number["total_doses"]
        vaccination["country"] = values["country"].map(JSONValue.string)
        vaccination["centre"] = values["centre"].map(JSONValue.string)
        var record = JSONObject()
        record["name"] = .object(name)
        record["birthDate"] = values["birth_date"].map(JSONValue.string)
        record["sex"] = values["sex"].map(JSONValue.string)
        if let value = values["identifier_value"] {
            var identifier: JSONObject = ["value": .string(value)]
            identifier["system"] = values["identifier_system"].map(JSONValue.string)
            record["identifier"] = .object(identifier)
        }
        record["vaccination"] = .object(vaccination)
        record["certificate"] = ["issuer": .string(values["certificate_issuer"] ?? defaultIssuer)]
        let json = JSONValue.object(record)
        do {
            try VaccinationRecord(json: json).validate()
        } catch let error as RecordError {
            return .invalid(code: error.code, field: column(for: error.path), message: error.message)
        } catch {
            return .invalid(code: "RECORD_INVALID", field: nil, message: "expected a valid record, found another value")
        }
        return .record(json)
    }

    /// The CSV column of a record path (`vaccination.dose` → `dose`), or the path when none matches.
    static func column(for path: String) -> String {
        let table: [(String, String)] = [
            ("name.given", "given_name"), ("name.family", "family_name"), ("name", "family_name"), ("birthDate", "birth_date"),
            ("sex", "sex"), ("identifier", "identifier_value"), ("vaccination.disease", "disease_code"),
            ("vaccination.vaccine", "vaccine_code"), ("vaccination.brand", "brand_code"),
            ("vaccination.manufacturer", "manufacturer_code"), ("vaccination.lot", "lot"), ("vaccination.date", "date"),
            ("vaccination.dose", "dose"), ("vaccination.totalDoses", "total_doses"), ("vaccination.country", "country"),
            ("vaccination.centre", "centre"), ("certificate.issuer", "certificate_issuer"),
        ]
        return table.first { path == $0.0 || path.hasPrefix($0.0 + ".") || path.hasPrefix($0.0 + "[") }?.1 ?? path
    }
}
