import Foundation
import JSON
import VaccinationRecord

/// The records the benchmarks issue: the repository's example record, and distinct variants of it.
public enum BenchmarkRecords {
    /// `examples/vaccination-record.json`.
    public static func example() throws -> VaccinationRecord {
        try VaccinationRecord(json: JSONParser.parse(exampleText()))
    }

    /// `count` distinct records: the example with a numbered name (some with non-ASCII letters), lot and date.
    public static func distinct(count: Int) throws -> [VaccinationRecord] {
        let template = try exampleText()
        return try (0..<count).map { index in
            let text = template.replacingOccurrences(of: "Mustermann", with: "Mustermann\(["", "-Gößling", "-Nørgaard", "-Åström"][index % 4])")
                .replacingOccurrences(of: "FK4578", with: "FK\(4578 + index)")
                .replacingOccurrences(of: "2021-06-01", with: "2021-06-\(String(format: "%02d", 1 + index % 28))")
            return try VaccinationRecord(json: JSONParser.parse(text))
        }
    }

    private static func exampleText() throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples/vaccination-record.json")
        return try String(contentsOf: url, encoding: .utf8)
    }
}
