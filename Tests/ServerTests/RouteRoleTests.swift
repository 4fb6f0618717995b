import CredentialVerification
import Crypto
import Foundation
import HTTPAPI
import JSON
import Storage
import Telemetry
import Testing

/// Every operation of the API against every kind of caller: public operations answer anyone, protected ones
/// answer 401 without a valid token, 403 to a role not allowed, and 2xx to an allowed role with a valid request.
@Suite("Routes and roles")
struct RouteRoleTests {
    /// Who calls: the `Authorization` header a request carries, and the role behind it if the token is valid.
    struct Caller: CustomStringConvertible {
        let description: String
        let authorization: String?
        let role: Principal.Role?
    }

    @Test("each operation × {no token, malformed, forged, other scheme, each role}")
    func everyOperationChecksItsRoles() async throws {
        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let admin = try #require(server.firstAdminToken, "the first start prints an admin token")
        var callers = [
            Caller(description: "no token", authorization: nil, role: nil),
            Caller(description: "malformed token", authorization: "Bearer not-a-token", role: nil),
            Caller(description: "forged token (known id, wrong secret)", authorization: "Bearer " + Self.forged(admin), role: nil),
            Caller(description: "admin token under another scheme", authorization: "Basic " + admin, role: nil),
            Caller(description: "admin", authorization: "Bearer " + admin, role: .admin),
        ]
        var tokens: [Principal.Role: String] = [.admin: admin]
        for role in [Principal.Role.issuer, .verifier, .device, .analyst] {
            let token = try await server.createToken(role: role.rawValue)
            tokens[role] = token
            callers.append(Caller(description: role.rawValue, authorization: "Bearer " + token, role: role))
        }
        let shared = try await server.issue(token: admin)
        let hc1 = try #require(shared.payloads["hc1"])
        // Bulk jobs are visible to their submitter (and admins): one job per role allowed to submit.
        var jobs: [Principal.Role: String] = [:]
        for (role, token) in tokens where APIOperation.submitBulk.roles?.contains(role) == true {
            jobs[role] = try await server.submitBulkJob(ServerProcess.bulkCSV(rows: 1), token: token)
        }
        let adminJob = try #require(jobs[.admin])
        // A registered device whose key signs the telemetry batches, one new sequence number per request.
        let deviceKey = P256.Signing.PrivateKey()
        let registered = try await server.request(
            "POST", "/api/v1/devices", token: admin,
            json: ["id": "route-device", "kind": "logger", "publicKey": .string(deviceKey.publicKey.pemRepresentation)])
        #expect(registered.status == 201)
        var sequence: UInt64 = 0
        var deviceNumber = 0

        for operation in APIOperation.allCases {
            for caller in callers {
                let allowed = operation.roles.map { roles in caller.role.map(roles.contains) ?? false } ?? true
                // A valid request for every operation; a new operation must be added here (no default).
                var id = shared.id
                var body: Data?
                var contentType = "application/json"
                switch operation {
                case .health, .metrics, .openAPI, .keySet, .trustCertificates, .certificate, .certificateQR:
                    break
                case .recordVaccination:
                    body = Data(JSONSerializer.serialize(SampleRecord.vaccinationBody(try SampleRecord.record())))
                case .verify:
                    body = Data(JSONSerializer.serialize(["payload": .string(hc1)]))
                case .revokeCertificate:
                    if allowed { id = try await server.issue(token: admin).id }  // each revocation needs its own certificate
                    body = Data(JSONSerializer.serialize(["reason": "route and role test"]))
                case .suspendCertificate:
                    if allowed { id = try await server.issue(token: admin).id }  // each suspension needs its own certificate
                    let until = Timestamp.format(Date().addingTimeInterval(3_600))
                    body = Data(JSONSerializer.serialize(["until": .string(until), "reason": "route and role test"]))
                case .submitBulk:
                    body = Data(ServerProcess.bulkCSV(rows: 1).utf8)
                    contentType = "text/csv"
                case .bulkJob, .bulkRows:
                    id = allowed ? try #require(caller.role.flatMap { jobs[$0] }) : adminJob
                case .devices, .device, .epcisEvents, .lotStatus:
                    break
                case .registerDevice:
                    deviceNumber += 1
                    body = Data(
                        JSONSerializer.serialize(
                            [
                                "id": .string("route-device-\(deviceNumber)"), "kind": "tracker",
                                "publicKey": .string(P256.Signing.PrivateKey().publicKey.pemRepresentation),
                            ]))
                case .placeDevice:
                    body = Data(JSONSerializer.serialize(["location": "urn:epc:id:sgln:9521234.00001.0"]))
                case .ingestTelemetry:
                    sequence += 1
                    let batch = TelemetryBatch(
                        deviceID: try TelemetryDeviceID("route-device"), sequence: sequence, sentAt: Int64(Date().timeIntervalSince1970 * 1000),
                        readings: [])
                    body = Data(try SignedTelemetry.sign(batch, key: deviceKey))
                    contentType = "application/cose"
                case .captureEPCIS:
                    body = try ColdChainDemoTests.custodyDocument()
                    contentType = "application/ld+json"
                case .recallLot:
                    body = Data(JSONSerializer.serialize(["reason": "route and role test"]))
                case .logTreeHead, .logTreeHeads, .logInclusionProof, .logConsistencyProof, .logEntries, .trustAnchors,
                    .trustList, .revocationSnapshot, .revocationDelta:
                    break
                case .compromiseKey:
                    // The active signer's kid (each allowed call marks it, and a new signer takes over).
                    let certificates = try await server.request("GET", "/api/v1/trust/certificates")
                    let active = try ResponseJSON.parse(certificates.body).arrayValue?.first {
                        $0["role"]?.stringValue == "dsc" && $0["status"]?.stringValue == "active"
                    }
                    body = Data(JSONSerializer.serialize(["kid": .string(active?["kid"]?.stringValue ?? ""), "reason": "route and role test"]))
                }
                let path = operation.path.replacingOccurrences(of: "{id}", with: id)
                    .replacingOccurrences(of: "{deviceID}", with: "route-device")
                    .replacingOccurrences(of: "{gtin}", with: ColdChainDemoTests.gtin)
                    .replacingOccurrences(of: "{lot}", with: ColdChainDemoTests.heatLot)
                    + (operation == .logInclusionProof ? "?index=0" : operation == .logConsistencyProof ? "?from=0" : "")
                    + (operation == .revocationDelta ? "?since=0" : "")
                var headers = ["Content-Type": contentType]
                if let authorization = caller.authorization { headers["Authorization"] = authorization }
                let answer = try await server.request(operation.method.rawValue, path, body: body, headers: headers)
                let context: Comment =
                    "\(operation.method.rawValue) \(operation.path) as \(caller): \(answer.status) \(ResponseJSON.text(answer.body, limit: 300))"

                if allowed {
                    #expect((200...299).contains(answer.status), context)
                } else if caller.role == nil {
                    #expect(answer.status == 401, context)
                    #expect(answer.headers["www-authenticate"] == "Bearer", context)
                    #expect(answer.headers["content-type"] == "application/problem+json", context)
                    #expect(ResponseJSON.problemCode(answer.body) == "UNAUTHENTICATED", context)
                } else {
                    #expect(answer.status == 403, context)
                    #expect(answer.headers["content-type"] == "application/problem+json", context)
                    #expect(ResponseJSON.problemCode(answer.body) == "FORBIDDEN", context)
                }
            }
        }
    }

    /// RFC 9110 §11.1: the authentication scheme is case-insensitive, so `bearer <token>` is the same credential.
    @Test("the Bearer scheme name is case-insensitive")
    func schemeNameIsCaseInsensitive() async throws {
        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let admin = try #require(server.firstAdminToken)
        for scheme in ["Bearer", "bearer", "BEARER"] {
            let answer = try await server.request("GET", "/metrics", headers: ["Authorization": "\(scheme) \(admin)"])
            #expect(answer.status == 200, "GET /metrics with scheme \(scheme): \(answer.status)")
        }
    }

    /// `token` with the last character of its secret changed: well-formed, known id, wrong secret.
    static func forged(_ token: String) -> String {
        let last = token.last == "A" ? "B" : "A"
        return String(token.dropLast()) + last
    }
}
