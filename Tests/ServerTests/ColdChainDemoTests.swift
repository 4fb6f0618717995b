import Foundation
import JSON
import TestSupport
import Testing

/// Issue 6's "done when", as the README demo runs it on the embedded default: simulated devices report two
/// shipments, one with a heat excursion; that lot turns compromised, a vaccination with it is refused (an admin's
/// override is recorded), the good lot's vaccination issues a certificate, and a recall finds the holders.
@Suite("Cold chain demo")
struct ColdChainDemoTests {
    static let gtin = "09521234543213"
    static let heatLot = "LOTHEAT1"
    static let goodLot = "LOTGOOD1"
    static let heatShipment = "urn:epc:id:sscc:9521234.0000000001"
    static let goodShipment = "urn:epc:id:sscc:9521234.0000000002"

    @Test("a heat excursion in transit compromises the lot; its vaccination is refused; a recall finds the holders")
    func demo() async throws {
        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let admin = try #require(server.firstAdminToken)
        let issuer = try await server.createToken(role: "issuer")

        // Custody: commissioned at the warehouse, shipped in a logistic unit, received at the site a minute ago.
        let document = try Self.custodyDocument()
        let capture = try await server.request(
            "POST", "/api/v1/epcis/capture", token: issuer, body: document, headers: ["Content-Type": "application/ld+json"])
        #expect(capture.status == 201, "capture: \(ResponseJSON.text(capture.body))")
        let captured = try ResponseJSON.parse(capture.body)
        #expect(captured["captured"]?.integerValue == 6)
        #expect(Set(captured["lots"]?.arrayValue?.compactMap(\.stringValue) ?? []) == ["\(Self.gtin)/\(Self.heatLot)", "\(Self.gtin)/\(Self.goodLot)"])
        let again = try await server.request("POST", "/api/v1/epcis/capture", token: issuer, body: document)
        #expect(try ResponseJSON.parse(again.body)["captured"]?.integerValue == 0, "capturing the same events again stores none")

        // Two simulated loggers, one per shipment, 12 hours of readings every 5 minutes; 11 hours at 12 C on one.
        let dvc = try CommandRunner(product: "dvc")
        for (prefix, shipment, excursion) in [("heat", Self.heatShipment, ["--excursion", "heat@30+660"]), ("good", Self.goodShipment, [])] {
            let run = try await ServerProcess.detached {
                try dvc.run(
                    [
                        "device", "simulate", "--server", server.baseURL, "--token", admin, "--loggers", "1", "--prefix", prefix,
                        "--location", shipment, "--batches", "12", "--readings-per-batch", "12", "--interval", "300",
                    ] + excursion)
            }
            #expect(run.status == 0, "simulate \(prefix): \(run.standardError)")
            #expect(run.standardOutput.contains("Sent 12 batches: 12 stored, 0 duplicates"), "\(run.standardOutput)")
        }

        let heat = try await lotStatus(server, Self.heatLot, token: issuer)
        #expect(heat["status"]?.stringValue == "compromised", "\(JSONSerializer.serializeToString(heat))")
        let alarm = heat["findings"]?.arrayValue?.first { $0["code"]?.stringValue == "LOT_HEAT_ALARM" }
        #expect(alarm?["deviceID"]?.stringValue == "heat-logger-1")
        #expect((alarm?["minutes"]?.doubleValue ?? 0) >= 600)
        #expect(heat["history"]?.arrayValue?.last?["reasonCode"]?.stringValue == "LOT_HEAT_ALARM", "the change is recorded with its reason")
        let good = try await lotStatus(server, Self.goodLot, token: issuer)
        #expect(good["status"]?.stringValue == "ok", "\(JSONSerializer.serializeToString(good))")
        #expect(good["watches"]?.arrayValue?.contains { $0["deviceID"]?.stringValue == "good-logger-1" } == true)

        // A vial scan at the site: the DataMatrix data (]d2, AI 01 then AI 10).
        for (lot, status) in [(Self.heatLot, 1), (Self.goodLot, 0)] {
            let scan = "]d201\(Self.gtin)10\(lot)"
            let check = try await ServerProcess.detached {
                try dvc.run(["lot", "status", "--server", server.baseURL, "--token", issuer, scan])
            }
            #expect(check.status == Int32(status), "dvc lot status \(lot): \(check.standardOutput) \(check.standardError)")
        }

        // Vaccinations: refused with the compromised lot, issued with the good one.
        let refused = try await server.request(
            "POST", "/api/v1/vaccinations", token: issuer, json: SampleRecord.vaccinationBody(try Self.record(lot: Self.heatLot)))
        let problem = ResponseJSON.expectProblem(refused, status: 422, code: "LOT_COMPROMISED", "vaccination with the compromised lot")
        #expect(problem?["detail"]?.stringValue?.contains("heat-logger-1") == true, "the refusal names the device")
        let issued = try await server.issue(token: issuer, record: try Self.record(lot: Self.goodLot), formats: ["hc1", "shc", "vds", "vc"])
        let verifier = try await server.createToken(role: "verifier")
        for format in ["shc", "vds", "vc"] {
            // The EU DCC has no lot field; every other format carries the lot number.
            let result = try await server.verify(try #require(issued.payloads[format]), token: verifier)
            #expect(result["credential"]?["vaccination"]?["lot"]?.stringValue == Self.goodLot, "\(format) carries the lot")
        }
        let nonAdmin = try await server.request(
            "POST", "/api/v1/vaccinations", token: issuer,
            json: .object(["record": try Self.record(lot: Self.heatLot), "lotOverride": ["reason": "no other vaccine"]]))
        ResponseJSON.expectProblem(nonAdmin, status: 403, code: "LOT_OVERRIDE_FORBIDDEN", "an issuer's override")
        let overridden = try await server.request(
            "POST", "/api/v1/vaccinations", token: admin,
            json: .object(["record": try Self.record(lot: Self.heatLot), "lotOverride": ["reason": "outbreak response, lot re-tested"]]))
        #expect(overridden.status == 201, "admin override: \(ResponseJSON.text(overridden.body))")
        let history = try await lotStatus(server, Self.heatLot, token: issuer)["history"]?.arrayValue ?? []
        #expect(history.contains { $0["kind"]?.stringValue == "override" && $0["detail"]?.stringValue == "outbreak response, lot re-tested" })

        // A recall of the good lot finds its holder and revokes the certificate.
        let recall = try await server.request(
            "POST", "/api/v1/lots/\(Self.gtin)/\(Self.goodLot)/recall", token: admin, json: ["reason": "manufacturer recall", "revoke": true])
        #expect(recall.status == 200, "recall: \(ResponseJSON.text(recall.body))")
        let recalled = try ResponseJSON.parse(recall.body)
        let vaccinations = recalled["vaccinations"]?.arrayValue ?? []
        #expect(vaccinations.count == 1)
        #expect(vaccinations.first?["certificateID"]?.stringValue == issued.id)
        #expect(vaccinations.first?["holderID"]?.stringValue?.isEmpty == false)
        #expect(recalled["revoked"]?.integerValue == 1)
        #expect(recalled["status"]?["status"]?.stringValue == "recalled")
        for (format, payload) in issued.payloads.sorted(by: { $0.key < $1.key }) {
            let verified = try await server.verify(payload, token: verifier)
            #expect(verified["valid"]?.boolValue == false, "\(format): a certificate from the recalled lot no longer verifies")
        }
        let refusedAfterRecall = try await server.request(
            "POST", "/api/v1/vaccinations", token: issuer, json: SampleRecord.vaccinationBody(try Self.record(lot: Self.goodLot)))
        ResponseJSON.expectProblem(refusedAfterRecall, status: 422, code: "LOT_RECALLED", "vaccination with the recalled lot")

        // EPCIS query by lot returns the lot's custody events in time order.
        let query = try await server.request("GET", "/api/v1/epcis/events?gtin=\(Self.gtin)&lot=\(Self.heatLot)", token: issuer)
        #expect(query.status == 200)
        let events = try ResponseJSON.parse(query.body)["epcisBody"]?["queryResults"]?["resultsBody"]?["eventList"]?.arrayValue ?? []
        #expect(events.compactMap { $0["bizStep"]?.stringValue } == ["commissioning", "shipping", "receiving"])

        // Issue 7: every kind of fact the demo produced is in the transparency log, and the audit re-derives each
        // leaf from its row (telemetry batches, EPCIS events, lot status changes, issuances, revocations).
        let publish = try await dvc.runDetached(["log", "publish"] + server.storeArguments, environment: server.environment)
        #expect(publish.status == 0, "\(publish.standardError)")
        let logged = try await server.request("GET", "/api/v1/log/entries?start=0&end=1000")
        let kinds = try ResponseJSON.parse(logged.body)["entries"]?.arrayValue?.compactMap { $0["kind"]?.stringValue } ?? []
        #expect(Set(kinds) == ["telemetryBatch", "epcisEvent", "lotStatus", "issuance", "revocation"], "\(Set(kinds))")
        #expect(kinds.filter { $0 == "telemetryBatch" }.count == 24, "two loggers, 12 batches each")
        let audit = try await dvc.runDetached(["audit"] + server.storeArguments, environment: server.environment)
        #expect(audit.status == 0, "\(audit.standardOutput)\(audit.standardError)")
    }

    func lotStatus(_ server: ServerProcess, _ lot: String, token: String) async throws -> JSONValue {
        let answer = try await server.request("GET", "/api/v1/lots/\(Self.gtin)/\(lot)/status", token: token)
        guard answer.status == 200 else { throw ServerProcessError("lot status \(lot): \(answer.status) \(ResponseJSON.text(answer.body))") }
        return try ResponseJSON.parse(answer.body)
    }

    static func record(lot: String) throws -> JSONValue {
        try SampleRecord.record(SampleRecord.changingVaccination { $0["lot"] = .string(lot) })
    }

    /// The demo's EPCIS document (examples/coldchain/custody.py): commissioning, shipping and receiving of both
    /// lots, each in its own logistic unit, at times relative to now.
    static func custodyDocument() throws -> Data {
        let script = TestData.repositoryRoot.appendingPathComponent("examples/coldchain/custody.py")
        let output = try ExternalProgram.python([script.path])
        guard output.status == 0 else { throw ServerProcessError("custody.py failed: \(output.standardError)") }
        return output.standardOutputData
    }
}
