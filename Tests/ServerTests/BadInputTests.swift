import Foundation
import JSON
import Testing

/// Requests the server must refuse with a problem details answer and a stable code: oversized and malformed
/// bodies, invalid records and formats, unknown routes and certificates, double revocation, idempotency misuse.
@Suite("Bad input")
struct BadInputTests {
    @Test("a body over --max-body-bytes is 413 PAYLOAD_TOO_LARGE, with or without Content-Length")
    func oversizedBody() async throws {
        let server = try await ServerProcess.start(["--max-body-bytes", "4096"])
        defer { server.cleanUp() }
        let admin = try #require(server.firstAdminToken)
        let id = try await server.issue(token: admin).id
        // Valid JSON, just too long: the limit is what refuses it.
        let padding = String(repeating: "x", count: 5000)
        let bodies: [(path: String, json: JSONValue)] = [
            ("/api/v1/vaccinations", SampleRecord.vaccinationBody(try SampleRecord.record { $0["padding"] = .string(padding) })),
            ("/api/v1/verify", ["payload": .string(padding)]),
            ("/api/v1/certificates/\(id)/revoke", ["reason": "too long", "padding": .string(padding)]),
        ]
        for (path, json) in bodies {
            let bytes = Data(JSONSerializer.serialize(json))
            let answer = try await server.request("POST", path, token: admin, body: bytes)
            ResponseJSON.expectProblem(answer, status: 413, code: "PAYLOAD_TOO_LARGE", "POST \(path) with \(bytes.count) bytes")
            let chunked = try await server.requestChunked("POST", path, token: admin, body: bytes)
            #expect(chunked.status == 413, "chunked POST \(path): \(chunked.status) \(chunked.body)")
            #expect(chunked.body.contains("PAYLOAD_TOO_LARGE"), "chunked POST \(path): \(chunked.body)")
        }
        // Just under the limit is read (and a garbage payload is simply not valid).
        let small = try await server.request(
            "POST", "/api/v1/verify", token: admin, json: ["payload": .string(String(repeating: "x", count: 4000))])
        #expect(small.status == 200, "a 4 kB body under the 4096-byte limit: \(small.status)")
        #expect(try ResponseJSON.parse(small.body)["valid"]?.boolValue == false)
        // The certificate was not revoked by the refused request.
        let certificate = try await server.request("GET", "/api/v1/certificates/\(id)", token: admin)
        #expect(try ResponseJSON.parse(certificate.body)["revocation"] == .null)
    }

    @Test("malformed JSON is 400 with a JSON_* code")
    func malformedJSON() async throws {
        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let admin = try #require(server.firstAdminToken)
        let bodies: [Data] = [
            Data(#"{"record": "#.utf8), Data(#"{"record": {}} trailing"#.utf8), Data(#"{"a": 1, "a": 2}"#.utf8),
            Data([0x22, 0xFF, 0xFE, 0x22]), Data(String(repeating: "[", count: 100).utf8), Data("".utf8),
        ]
        for path in ["/api/v1/vaccinations", "/api/v1/verify"] {
            for body in bodies {
                let what = "POST \(path) with \(String(decoding: body.prefix(20), as: UTF8.self))"
                let answer = try await server.request("POST", path, token: admin, body: body)
                let json = ResponseJSON.expectProblem(answer, status: 400, what)
                let code = json?["code"]?.stringValue ?? ""
                #expect(code.hasPrefix("JSON_"), "\(what): code \(code)")
            }
        }
    }

    @Test(
        "a record with an invalid field is 400 naming the field under record.",
        arguments: [
            ("dose 0", "record.vaccination.dose"), ("30 February", "record.vaccination.date"),
            ("unknown country", "record.vaccination.country"), ("birth date not a date", "record.birthDate"),
        ])
    func invalidRecordField(_ change: String, _ field: String) async throws {
        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let admin = try #require(server.firstAdminToken)
        let record = try SampleRecord.record { record in
            switch change {
            case "dose 0": SampleRecord.changingVaccination { $0["dose"] = .integer(0) }(&record)
            case "30 February": SampleRecord.changingVaccination { $0["date"] = "2021-02-30" }(&record)
            case "unknown country": SampleRecord.changingVaccination { $0["country"] = "QQ" }(&record)
            default: record["birthDate"] = "12.08.1964"
            }
        }
        let answer = try await server.request("POST", "/api/v1/vaccinations", token: admin, json: SampleRecord.vaccinationBody(record))
        let json = ResponseJSON.expectProblem(answer, status: 400, change)
        #expect(json?["field"]?.stringValue == field, "\(change): \(ResponseJSON.text(answer.body))")
        // The problem never repeats the value (personal data stays out of errors).
        #expect(!ResponseJSON.text(answer.body, limit: .max).contains("12.08.1964"))
    }

    @Test("unknown routes and methods are 404 NOT_FOUND problems")
    func unknownRoute() async throws {
        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let admin = try #require(server.firstAdminToken)
        for (method, path) in [("GET", "/api/v1/nothing"), ("GET", "/"), ("POST", "/api/v2/verify"), ("GET", "/api/v1/certificates")] {
            let answer = try await server.request(method, path, token: admin)
            ResponseJSON.expectProblem(answer, status: 404, code: "NOT_FOUND", "\(method) \(path)")
        }
    }

    @Test("formats other than hc1, shc, vds, vc (once each) are 400 FORMATS_INVALID")
    func invalidFormats() async throws {
        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let admin = try #require(server.firstAdminToken)
        let record = try SampleRecord.record()
        let cases: [(JSONValue, String)] = [
            (["xyz"], "formats[0]"), (["hc1", "hc1"], "formats[1]"), ([], "formats"), ("hc1", "formats"),
            (["hc1", "shc", "vds", "vc", "hc1"], "formats"),
        ]
        for (formats, field) in cases {
            let body: JSONValue = ["record": record, "formats": formats]
            let answer = try await server.request("POST", "/api/v1/vaccinations", token: admin, json: body)
            let what = "formats \(JSONSerializer.serializeToString(formats))"
            let json = ResponseJSON.expectProblem(answer, status: 400, code: "FORMATS_INVALID", what)
            #expect(json?["field"]?.stringValue == field)
        }
    }

    @Test("a QR request for image=gif or an unknown format is 400, for a format not issued 404")
    func invalidQRQuery() async throws {
        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let admin = try #require(server.firstAdminToken)
        let id = try await server.issue(token: admin, formats: ["hc1"]).id
        let gif = try await server.request("GET", "/api/v1/certificates/\(id)/qr?image=gif", token: admin)
        ResponseJSON.expectProblem(gif, status: 400, code: "IMAGE_INVALID", "image=gif")
        let xyz = try await server.request("GET", "/api/v1/certificates/\(id)/qr?format=xyz", token: admin)
        ResponseJSON.expectProblem(xyz, status: 400, code: "FORMAT_INVALID", "format=xyz")
        let notIssued = try await server.request("GET", "/api/v1/certificates/\(id)/qr?format=shc", token: admin)
        ResponseJSON.expectProblem(notIssued, status: 404, code: "FORMAT_NOT_ISSUED", "format=shc of an hc1-only certificate")
    }

    @Test("an unknown certificate id is 404 CERTIFICATE_NOT_FOUND on every certificate route")
    func unknownCertificate() async throws {
        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let admin = try #require(server.firstAdminToken)
        for id in [UUID().uuidString.lowercased(), "not-a-uuid"] {
            let get = try await server.request("GET", "/api/v1/certificates/\(id)", token: admin)
            ResponseJSON.expectProblem(get, status: 404, code: "CERTIFICATE_NOT_FOUND", "GET certificate \(id)")
            let qr = try await server.request("GET", "/api/v1/certificates/\(id)/qr?image=png", token: admin)
            ResponseJSON.expectProblem(qr, status: 404, code: "CERTIFICATE_NOT_FOUND", "GET QR \(id)")
            let revoke = try await server.request("POST", "/api/v1/certificates/\(id)/revoke", token: admin, json: ["reason": "unknown"])
            ResponseJSON.expectProblem(revoke, status: 404, code: "CERTIFICATE_NOT_FOUND", "revoke \(id)")
        }
    }

    @Test("revoking twice is 409 CERTIFICATE_REVOKED; a revoke without a reason is 400")
    func revokeTwice() async throws {
        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let admin = try #require(server.firstAdminToken)
        let id = try await server.issue(token: admin).id
        let noReason = try await server.request("POST", "/api/v1/certificates/\(id)/revoke", token: admin, json: ["reason": ""])
        ResponseJSON.expectProblem(noReason, status: 400, "revoke with an empty reason")
        let first = try await server.request("POST", "/api/v1/certificates/\(id)/revoke", token: admin, json: ["reason": "lost"])
        #expect(first.status == 200, "first revocation: \(first.status)")
        #expect(try ResponseJSON.parse(first.body)["certificateId"]?.stringValue == id)
        let second = try await server.request("POST", "/api/v1/certificates/\(id)/revoke", token: admin, json: ["reason": "again"])
        ResponseJSON.expectProblem(second, status: 409, code: "CERTIFICATE_REVOKED", "second revocation")
        let certificate = try ResponseJSON.parse(try await server.request("GET", "/api/v1/certificates/\(id)", token: admin).body)
        #expect(certificate["revocation"]?["reason"]?.stringValue == "lost")
    }

    @Test("Idempotency-Key: a retry replays the first certificate, another body under the key is 422")
    func idempotencyKey() async throws {
        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let admin = try #require(server.firstAdminToken)
        let key = ["Idempotency-Key": "server-test-\(UUID().uuidString)"]
        let body = SampleRecord.vaccinationBody(try SampleRecord.record(), formats: ["hc1", "shc"])
        let first = try await server.request("POST", "/api/v1/vaccinations", token: admin, json: body, headers: key)
        #expect(first.status == 201, "first: \(first.status)")
        #expect(first.headers["idempotency-replayed"] == nil)
        let retry = try await server.request("POST", "/api/v1/vaccinations", token: admin, json: body, headers: key)
        #expect(retry.status == 200, "retry: \(retry.status)")
        #expect(retry.headers["idempotency-replayed"] == "true")
        let issued = try ServerProcess.certificate(from: first.body)
        let replayed = try ServerProcess.certificate(from: retry.body)
        #expect(issued.id == replayed.id)
        #expect(issued.payloads == replayed.payloads)
        #expect(retry.headers["location"] == "/api/v1/certificates/\(issued.id)")

        let other = SampleRecord.vaccinationBody(try SampleRecord.record(), formats: ["hc1"])
        let reused = try await server.request("POST", "/api/v1/vaccinations", token: admin, json: other, headers: key)
        ResponseJSON.expectProblem(reused, status: 422, code: "IDEMPOTENCY_KEY_REUSED", "same key, other body")

        // Without a key, the same body issues a new certificate each time.
        let a = try await server.issue(token: admin)
        let b = try await server.issue(token: admin)
        #expect(a.id != b.id)
        let tooLong = try await server.request(
            "POST", "/api/v1/vaccinations", token: admin, json: body, headers: ["Idempotency-Key": String(repeating: "k", count: 201)])
        ResponseJSON.expectProblem(tooLong, status: 400, code: "IDEMPOTENCY_KEY_INVALID", "a 201-character key")
    }
}
