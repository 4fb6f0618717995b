import Foundation
import JSON

extension ServerProcess {
    /// A certificate the server issued: its id and the payload text per format (`hc1`, `shc`, `vds`, `vc`).
    struct Certificate: Sendable {
        let id: String
        let payloads: [String: String]
        let identifiers: [String: String]
        /// The whole 201 response body.
        let json: JSONValue
    }

    /// Issues a certificate with `POST /api/v1/vaccinations`; throws unless the server answers 201.
    func issue(token: String, record: JSONValue? = nil, formats: [String] = ["hc1"]) async throws -> Certificate {
        let answer = try await request(
            "POST", "/api/v1/vaccinations", token: token,
            json: SampleRecord.vaccinationBody(try record ?? SampleRecord.record(), formats: formats))
        guard answer.status == 201 else {
            throw ServerProcessError("expected 201 from POST /api/v1/vaccinations, found \(answer.status): \(ResponseJSON.text(answer.body))")
        }
        return try Self.certificate(from: answer.body)
    }

    /// The id, payloads and identifiers of a certificate response body.
    static func certificate(from body: Data) throws -> Certificate {
        let json = try ResponseJSON.parse(body)
        guard let id = json["id"]?.stringValue, let formats = json["certificates"]?.objectValue else {
            throw ServerProcessError("expected a certificate with id and certificates, found \(String(decoding: body, as: UTF8.self))")
        }
        var payloads: [String: String] = [:]
        var identifiers: [String: String] = [:]
        for member in formats.members {
            payloads[member.key] = member.value["payload"]?.stringValue
            identifiers[member.key] = member.value["identifier"]?.stringValue
        }
        return Certificate(id: id, payloads: payloads, identifiers: identifiers, json: json)
    }

    /// Verifies `payload` with `POST /api/v1/verify`; throws unless the server answers 200.
    func verify(_ payload: String, token: String) async throws -> JSONValue {
        let answer = try await request("POST", "/api/v1/verify", token: token, json: ["payload": .string(payload)])
        guard answer.status == 200 else {
            throw ServerProcessError("expected 200 from POST /api/v1/verify, found \(answer.status): \(ResponseJSON.text(answer.body))")
        }
        return try ResponseJSON.parse(answer.body)
    }
}
