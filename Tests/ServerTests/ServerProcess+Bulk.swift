import Foundation
import JSON

extension ServerProcess {
    /// The CSV header of ``bulkCSV(rows:)``.
    static let bulkHeader =
        "given_name,family_name,birth_date,disease_system,disease_code,vaccine_system,vaccine_code,brand_system,brand_code,"
        + "manufacturer_system,manufacturer_code,lot,date,dose,total_doses,country"

    /// One CSV row of the example record's dose, with `dose` as given (a number, or any text to make it invalid).
    static func bulkRow(given: String = "Erika", dose: String = "2") -> String {
        "\(given),Mustermann,1964-08-12,http://snomed.info/sct,840539006,http://snomed.info/sct,1119349007,"
            + "https://ec.europa.eu/health/documents/community-register/html/,EU/1/20/1528,"
            + "https://spor.ema.europa.eu/v1/organisations,ORG-100030215,FK4578,2021-06-01,\(dose),2,DE"
    }

    /// A CSV file of `rows` valid doses.
    static func bulkCSV(rows: Int) -> String {
        ([bulkHeader] + Array(repeating: bulkRow(), count: rows)).joined(separator: "\n") + "\n"
    }

    /// `POST /api/v1/bulk?formats=…` with a CSV body.
    func submitBulk(_ csv: String, token: String, formats: String = "hc1") async throws -> HTTPAnswer {
        try await request(
            "POST", "/api/v1/bulk?formats=\(formats)", token: token, body: Data(csv.utf8), headers: ["Content-Type": "text/csv"])
    }

    /// Submits a job and returns its id; throws unless the server answers 202.
    func submitBulkJob(_ csv: String, token: String, formats: String = "hc1") async throws -> String {
        let answer = try await submitBulk(csv, token: token, formats: formats)
        guard answer.status == 202, let id = try ResponseJSON.parse(answer.body)["id"]?.stringValue else {
            throw ServerProcessError("expected 202 with a job from POST /api/v1/bulk, found \(answer.status): \(ResponseJSON.text(answer.body))")
        }
        return id
    }

    /// Polls `GET /api/v1/bulk/{id}` until the job is done (or `timeout` passes) and returns the job.
    func waitForBulkJob(_ id: String, token: String, timeout: Duration = .seconds(180)) async throws -> JSONValue {
        let deadline = ContinuousClock.now + timeout
        while true {
            let answer = try await request("GET", "/api/v1/bulk/\(id)", token: token)
            let job = try ResponseJSON.parse(answer.body)
            if job["status"]?.stringValue == "done" { return job }
            guard answer.status == 200, ContinuousClock.now < deadline else {
                throw ServerProcessError("bulk job \(id) not done within \(timeout): \(answer.status) \(JSONSerializer.serializeToString(job))")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
