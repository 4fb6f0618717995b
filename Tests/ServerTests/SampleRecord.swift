import Foundation
import JSON
import TestSupport

/// The repository's example vaccination record (examples/vaccination-record.json) and request bodies made from it.
enum SampleRecord {
    /// The record as JSON.
    static func record() throws -> JSONValue {
        let url = TestData.repositoryRoot.appendingPathComponent("examples/vaccination-record.json")
        return try JSONParser.parse(Array(try Data(contentsOf: url)))
    }

    /// The record with `change` applied to its object.
    static func record(_ change: (inout JSONObject) -> Void) throws -> JSONValue {
        guard var object = try record().objectValue else { throw ServerProcessError("the example record is not an object") }
        change(&object)
        return .object(object)
    }

    /// `{"record": record, "formats": formats}` for `POST /api/v1/vaccinations`.
    static func vaccinationBody(_ record: JSONValue, formats: [String] = ["hc1"]) -> JSONValue {
        .object(["record": record, "formats": .array(formats.map(JSONValue.string))])
    }

    /// The example record's vaccination object with `change` applied.
    static func changingVaccination(_ change: @escaping (inout JSONObject) -> Void) -> (inout JSONObject) -> Void {
        { record in
            guard var vaccination = record["vaccination"]?.objectValue else { return }
            change(&vaccination)
            record["vaccination"] = .object(vaccination)
        }
    }
}
