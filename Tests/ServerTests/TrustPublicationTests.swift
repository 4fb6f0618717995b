import CredentialVerification
import Foundation
import JSON
import TestSupport
import Testing

/// Issue 7, points 1 and 3 through the server and `dvc`: the platform publishes its trust anchors, a signed trust
/// list and signed revocation data; `dvc trust fetch` checks and keeps them; `dvc verify` uses them offline.
@Suite("Trust list and revocation data, published and used offline")
struct TrustPublicationTests {
    static let formats = ["hc1", "shc", "vds", "vc"]

    @Test("a fetched trust list verifies every format offline; tampering, staleness and revocation are reported")
    func trustListAndRevocationOffline() async throws {
        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let issuer = try await server.createToken(role: "issuer")
        let certificate = try await server.issue(token: issuer, formats: Self.formats)
        let other = try await server.issue(token: issuer, formats: ["hc1"])
        let dvc = try CommandRunner(product: "dvc")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-trust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = folder.path
        @Sendable func path(_ name: String) -> String { base + "/" + name }

        // The anchors are public (no token), as are the list and the revocation data they sign.
        let anchors = try await server.request("GET", "/api/v1/trust/anchors")
        #expect(anchors.status == 200)
        #expect(try ResponseJSON.parse(anchors.body)["keys"]?.arrayValue?.count == 1)
        try anchors.body.write(to: URL(fileURLWithPath: path("anchors.json")))

        let fetched = try await ServerProcess.detached {
            try dvc.run(["trust", "fetch", server.baseURL + "/api/v1/trust/list", "--out", path("list.jws"), "--anchor", path("anchors.json")])
        }
        #expect(fetched.status == 0, "\(fetched.standardError)")
        #expect(fetched.standardOutput.contains("signature verified"), "\(fetched.standardOutput)")
        let shown = try await dvc.runDetached(["trust", "show", path("list.jws"), "--anchor", path("anchors.json")])
        #expect(shown.status == 0)
        #expect(shown.standardOutput.contains("DSCs: 1 of 1 accepted"), "\(shown.standardOutput)")
        #expect(shown.standardOutput.contains("hc1,shc,vc,vds"), "\(shown.standardOutput)")

        // Every format verifies against the list alone (no --trust).
        let trusted = ["--trust-list", path("list.jws"), "--anchor", path("anchors.json")]
        for format in Self.formats {
            let payload = try #require(certificate.payloads[format])
            let result = try await dvc.runDetached(["verify", "--json"] + trusted, input: Data(payload.utf8))
            #expect(result.status == 0, "\(format): \(result.standardOutput)\(result.standardError)")
            let json = try ResponseJSON.parse(Data(result.standardOutput.utf8))
            #expect(json["checks"]?["signature"]?.stringValue == "pass", "\(format)")
            #expect(json["checks"]?["revocation"]?.stringValue == "skipped", "\(format): no revocation data given")
        }

        // One changed character in the signed list: refused, nothing verifies.
        var tampered = Array(try Data(contentsOf: URL(fileURLWithPath: path("list.jws"))))
        let index = tampered.count / 2
        tampered[index] = tampered[index] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        try Data(tampered).write(to: URL(fileURLWithPath: path("tampered.jws")))
        let refused = try await dvc.runDetached(
            ["verify", "--trust-list", path("tampered.jws"), "--anchor", path("anchors.json")],
            input: Data(try #require(certificate.payloads["hc1"]).utf8))
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("TRUST_LIST_"), "\(refused.standardError)")

        // Two days later the list is past its next update: still used, with STALE_TRUST_LIST.
        let later = String(Int(Date().timeIntervalSince1970) + 2 * 86_400)
        let stale = try await dvc.runDetached(
            ["verify", "--json", "--at", later] + trusted, input: Data(try #require(certificate.payloads["hc1"]).utf8))
        #expect(stale.status == 0, "\(stale.standardOutput)")
        #expect(stale.standardOutput.contains("STALE_TRUST_LIST"))

        // Revocation: version 0 is empty; after the revocation every format of the certificate is revoked offline,
        // the other certificate is not.
        let empty = try await server.request("GET", "/api/v1/revocation/snapshot")
        #expect(empty.status == 200)
        #expect(empty.headers["content-type"] == "application/cose")
        try empty.body.write(to: URL(fileURLWithPath: path("empty.cose")))
        let revoke = try await server.request(
            "POST", "/api/v1/certificates/\(certificate.id)/revoke", token: issuer, json: ["reason": "test"])
        #expect(revoke.status == 200, "\(ResponseJSON.text(revoke.body))")
        let snapshot = try await ServerProcess.detached {
            try dvc.run(
                ["trust", "fetch", server.baseURL + "/api/v1/revocation/snapshot", "--out", path("revocation.cose"), "--anchor", path("anchors.json")])
        }
        #expect(snapshot.status == 0, "\(snapshot.standardError)")
        #expect(snapshot.standardOutput.contains("revocation snapshot version 1"), "\(snapshot.standardOutput)")
        let withRevocation = trusted + ["--revocation", path("revocation.cose")]
        for format in Self.formats {
            let result = try await dvc.runDetached(["verify", "--json"] + withRevocation, input: Data(try #require(certificate.payloads[format]).utf8))
            #expect(result.status == 1, "\(format): \(result.standardOutput)")
            #expect(result.standardOutput.contains("CREDENTIAL_REVOKED"), "\(format): \(result.standardOutput)")
        }
        let kept = try await dvc.runDetached(["verify", "--json"] + withRevocation, input: Data(try #require(other.payloads["hc1"]).utf8))
        #expect(kept.status == 0, "\(kept.standardOutput)")
        #expect(try ResponseJSON.parse(Data(kept.standardOutput.utf8))["checks"]?["revocation"]?.stringValue == "pass")

        // Deltas: since 0 there is one revocation; since the current version nothing.
        let delta = try await server.request("GET", "/api/v1/revocation/delta?since=0")
        #expect(delta.status == 200)
        #expect(delta.headers["content-type"] == "application/cose")
        try delta.body.write(to: URL(fileURLWithPath: path("delta-0.cose")))
        let throughDelta = try await dvc.runDetached(
            ["verify", "--json"] + trusted + ["--revocation", path("empty.cose"), "--revocation-delta", path("delta-0.cose")],
            input: Data(try #require(certificate.payloads["vds"]).utf8))
        #expect(throughDelta.status == 1, "version 0 plus the delta since 0: \(throughDelta.standardOutput)")
        #expect(throughDelta.standardOutput.contains("CREDENTIAL_REVOKED"))
        let wrongBase = try await dvc.runDetached(
            ["verify"] + trusted + ["--revocation", path("revocation.cose"), "--revocation-delta", path("delta-0.cose")],
            input: Data(try #require(certificate.payloads["vds"]).utf8))
        #expect(wrongBase.status == 2, "a delta from version 0 does not apply to version 1")
        #expect(wrongBase.standardError.contains("REVOCATION_VERSION_MISMATCH"), "\(wrongBase.standardError)")
        #expect(try await server.request("GET", "/api/v1/revocation/delta?since=1").status == 204)
        #expect(try await server.request("GET", "/api/v1/revocation/delta?since=9").status == 400)

        // Revoked by lot: a recall with revoke (the cold-chain recall) revokes the certificates vaccinated from the lot,
        // and the next snapshot carries them.
        let admin = try #require(server.firstAdminToken)
        let lotRecord = try SampleRecord.record(SampleRecord.changingVaccination { $0["lot"] = .string("RECALL7") })
        let fromLot = try await server.issue(token: issuer, record: lotRecord, formats: ["hc1", "vc"])
        let recall = try await server.request(
            "POST", "/api/v1/lots/09521234543213/RECALL7/recall", token: admin, json: ["reason": "manufacturer recall", "revoke": true])
        #expect(recall.status == 200, "\(ResponseJSON.text(recall.body))")
        #expect(try ResponseJSON.parse(recall.body)["revoked"]?.integerValue == 1)
        let afterRecall = try await ServerProcess.detached {
            try dvc.run(
                ["trust", "fetch", server.baseURL + "/api/v1/revocation/snapshot", "--out", path("revocation.cose"), "--anchor", path("anchors.json")])
        }
        #expect(afterRecall.standardOutput.contains("revocation snapshot version 2"), "\(afterRecall.standardOutput)")
        for format in ["hc1", "vc"] {
            let result = try await dvc.runDetached(["verify", "--json"] + withRevocation, input: Data(try #require(fromLot.payloads[format]).utf8))
            #expect(result.status == 1, "\(format) from the recalled lot: \(result.standardOutput)")
            #expect(result.standardOutput.contains("CREDENTIAL_REVOKED"))
        }

        // Revocation data signed by someone else is refused.
        let strangerAnchors = #"{"keys":[{"kty":"EC","crv":"P-256","kid":"x","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM"}]}"#
        try Data(strangerAnchors.utf8).write(to: URL(fileURLWithPath: path("stranger.json")))
        let foreign = try await dvc.runDetached(
            ["verify", "--revocation", path("revocation.cose"), "--anchor", path("stranger.json")],
            input: Data(try #require(certificate.payloads["hc1"]).utf8))
        #expect(foreign.status == 2)
        #expect(foreign.standardError.contains("REVOCATION_SIGNATURE_INVALID"), "\(foreign.standardError)")
    }

    @Test("a key rotation publishes the new DSC in a trust list with a higher sequence; old certificates still verify")
    func rotationPublishesTheNewSigner() async throws {
        var server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let issuer = try await server.createToken(role: "issuer")
        let before = try await server.issue(token: issuer, formats: ["hc1"])
        let dvc = try CommandRunner(product: "dvc")
        let first = try await server.request("GET", "/api/v1/trust/list")
        let rotated = try await dvc.runDetached(["keys", "rotate"] + server.storeArguments, environment: server.environment)
        #expect(rotated.status == 0, "\(rotated.standardError)")
        server = try await server.restart()
        let after = try await server.issue(token: issuer, formats: ["hc1"])
        let second = try await server.request("GET", "/api/v1/trust/list")
        let anchors = try await server.request("GET", "/api/v1/trust/anchors")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-rotation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, body) in [("first.jws", first.body), ("second.jws", second.body), ("anchors.json", anchors.body)] {
            try body.write(to: folder.appendingPathComponent(name))
        }
        let anchorPath = folder.appendingPathComponent("anchors.json").path
        let shownFirst = try await dvc.runDetached(["trust", "show", folder.appendingPathComponent("first.jws").path, "--anchor", anchorPath])
        let shownSecond = try await dvc.runDetached(["trust", "show", folder.appendingPathComponent("second.jws").path, "--anchor", anchorPath])
        #expect(shownFirst.standardOutput.contains("trust list sequence 2,"), "\(shownFirst.standardOutput)")
        #expect(shownSecond.standardOutput.contains("trust list sequence 3,"), "\(shownSecond.standardOutput)")
        #expect(shownSecond.standardOutput.contains("DSCs: 2 of 2 accepted"), "\(shownSecond.standardOutput)")
        let trusted = ["--trust-list", folder.appendingPathComponent("second.jws").path, "--anchor", anchorPath]
        for certificate in [before, after] {
            let result = try await dvc.runDetached(["verify"] + trusted, input: Data(try #require(certificate.payloads["hc1"]).utf8))
            #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        }
        // The certificate signed after the rotation is unknown to the first list.
        let old = ["--trust-list", folder.appendingPathComponent("first.jws").path, "--anchor", anchorPath]
        #expect(try await dvc.runDetached(["verify"] + old, input: Data(try #require(after.payloads["hc1"]).utf8)).status == 1)
    }

    @Test("a compromised signer is revoked in the next trust list, a new one takes over, and what it signed is listed and revoked")
    func compromisedSignerIsRevokedEverywhere() async throws {
        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let admin = try #require(server.firstAdminToken)
        let issuer = try await server.createToken(role: "issuer")
        let signed = [try await server.issue(token: issuer, formats: ["hc1", "shc"]), try await server.issue(token: issuer, formats: ["hc1"])]
        let keys = try ResponseJSON.parse(try await server.request("GET", "/api/v1/trust/certificates").body).arrayValue ?? []
        let kid = try #require(keys.first { $0["role"]?.stringValue == "dsc" && $0["status"]?.stringValue == "active" }?["kid"]?.stringValue)
        let dvc = try CommandRunner(product: "dvc")

        let marked = try await ServerProcess.detached {
            try dvc.run(
                ["keys", "compromise", "--server", server.baseURL, "--token", admin, "--kid", kid, "--reason", "key material leaked", "--revoke"])
        }
        #expect(marked.status == 0, "\(marked.standardError)")
        #expect(marked.standardOutput.contains("2 certificates signed, 2 revoked now; new document signer"), "\(marked.standardOutput)")
        for certificate in signed { #expect(marked.standardOutput.contains(certificate.id)) }
        let again = try await dvc.runDetached(
            ["keys", "compromise", "--server", server.baseURL, "--token", admin, "--kid", kid, "--reason", "again"])
        #expect(again.status == 2)
        #expect(again.standardError.contains("KEY_COMPROMISED"), "\(again.standardError)")
        let issuerOnly = try await server.request(
            "POST", "/api/v1/keys/compromise", token: issuer, json: ["kid": .string(kid), "reason": "not an admin"])
        #expect(issuerOnly.status == 403)

        // Issuing goes on with the new signer; the next trust list revokes the old kid.
        let after = try await server.issue(token: issuer, formats: ["hc1"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-compromise-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = folder.appendingPathComponent("list.jws").path
        let anchors = folder.appendingPathComponent("anchors.json").path
        try await server.request("GET", "/api/v1/trust/anchors").body.write(to: URL(fileURLWithPath: anchors))
        try await server.request("GET", "/api/v1/trust/list").body.write(to: URL(fileURLWithPath: list))
        let shown = try await dvc.runDetached(["trust", "show", list, "--anchor", anchors])
        #expect(shown.standardOutput.contains("trust list sequence 4,"), "\(shown.standardOutput)")
        #expect(shown.standardOutput.contains("DSCs: 1 of 2 accepted"), "\(shown.standardOutput)")
        #expect(shown.standardOutput.contains("TRUST_LIST_DSC_REVOKED"), "\(shown.standardOutput)")
        let trusted = ["verify", "--json", "--trust-list", list, "--anchor", anchors]
        let old = try await dvc.runDetached(trusted, input: Data(try #require(signed[0].payloads["hc1"]).utf8))
        #expect(old.status == 1)
        #expect(old.standardOutput.contains("TRUST_LIST_DSC_REVOKED"), "\(old.standardOutput)")
        let new = try await dvc.runDetached(trusted, input: Data(try #require(after.payloads["hc1"]).utf8))
        #expect(new.status == 0, "\(new.standardOutput)")
        // The revocations are in the snapshot too.
        let snapshot = folder.appendingPathComponent("revocation.cose").path
        try await server.request("GET", "/api/v1/revocation/snapshot").body.write(to: URL(fileURLWithPath: snapshot))
        let revokedOffline = try await dvc.runDetached(
            ["verify", "--json", "--revocation", snapshot, "--anchor", anchors, "--trust-list", list],
            input: Data(try #require(signed[1].payloads["hc1"]).utf8))
        #expect(revokedOffline.standardOutput.contains("CREDENTIAL_REVOKED"), "\(revokedOffline.standardOutput)")
    }

    @Test("a suspension fails verification until its end, online and offline, and passes after it with nothing to lift")
    func suspensionEndsOnItsOwn() async throws {
        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let issuer = try await server.createToken(role: "issuer")
        let certificate = try await server.issue(token: issuer, formats: ["hc1", "vc"])
        let until = Date().addingTimeInterval(3_600)
        let suspended = try await server.request(
            "POST", "/api/v1/certificates/\(certificate.id)/suspend", token: issuer,
            json: ["until": .string(Timestamp.format(until)), "reason": "identity check pending"])
        #expect(suspended.status == 200, "\(ResponseJSON.text(suspended.body))")
        let again = try await server.request(
            "POST", "/api/v1/certificates/\(certificate.id)/suspend", token: issuer,
            json: ["until": .string(Timestamp.format(until)), "reason": "again"])
        #expect(again.status == 409)
        let past = try await server.request(
            "POST", "/api/v1/certificates/\(certificate.id)/suspend", token: issuer,
            json: ["until": .string(Timestamp.format(Date().addingTimeInterval(-60))), "reason": "in the past"])
        #expect(past.status == 400)
        let online = try await server.verify(try #require(certificate.payloads["hc1"]), token: issuer)
        #expect(online["errors"]?.arrayValue?.compactMap { $0["code"]?.stringValue } == ["CERTIFICATE_SUSPENDED"], "\(JSONSerializer.serializeToString(online))")

        let dvc = try CommandRunner(product: "dvc")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-suspension-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String: String] = [:]
        for (name, path) in [("anchors.json", "/api/v1/trust/anchors"), ("list.jws", "/api/v1/trust/list"), ("revocation.cose", "/api/v1/revocation/snapshot")] {
            let file = folder.appendingPathComponent(name)
            try await server.request("GET", path).body.write(to: file)
            files[name] = file.path
        }
        let arguments = [
            "verify", "--json", "--trust-list", try #require(files["list.jws"]), "--revocation", try #require(files["revocation.cose"]),
            "--anchor", try #require(files["anchors.json"]),
        ]
        for format in ["hc1", "vc"] {
            let payload = Data(try #require(certificate.payloads[format]).utf8)
            let during = try await dvc.runDetached(arguments, input: payload)
            #expect(during.status == 1, "\(format): \(during.standardOutput)")
            #expect(during.standardOutput.contains("CREDENTIAL_SUSPENDED"), "\(format): \(during.standardOutput)")
            let later = String(Int(until.timeIntervalSince1970) + 60)
            let after = try await dvc.runDetached(arguments + ["--at", later], input: payload)
            #expect(after.status == 0, "\(format) after the end: \(after.standardOutput)")
            #expect(after.standardOutput.contains("STALE_REVOCATION_DATA"), "the snapshot is older than an hour by then")
        }
    }
}
