import Foundation
import JSON
import TestSupport
import Testing

/// The server's whole life of a certificate: issue in every format, verify each payload, read each QR picture back
/// with an independent decoder (zbarimg), revoke, and verify again; plus the public trust material and metrics.
@Suite("End to end")
struct EndToEndTests {
    /// The `format` that `POST /api/v1/verify` reports for each issuance format.
    static let verifiedFormatNames = ["hc1": "eu-dcc", "shc": "shc", "vds": "icao-vds-nc", "vc": "w3c-vc"]

    @Test("issue in four formats, verify, decode the PNG QR codes, revoke, verify again")
    func certificateLifecycle() async throws {
        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let admin = try #require(server.firstAdminToken)
        let verifier = try await server.createToken(role: "verifier")
        let certificate = try await server.issue(token: admin, formats: ["hc1", "shc", "vds", "vc"])
        #expect(certificate.json["revocation"] == .null)
        #expect(Set(certificate.payloads.keys) == ["hc1", "shc", "vds", "vc"])
        #expect(certificate.identifiers["hc1"]?.hasPrefix("URN:UVCI:01:") == true)

        for (format, name) in Self.verifiedFormatNames.sorted(by: { $0.key < $1.key }) {
            let payload = try #require(certificate.payloads[format], "payload \(format)")
            let result = try await server.verify(payload, token: verifier)
            #expect(result["format"]?.stringValue == name, "\(format): \(JSONSerializer.serializeToString(result))")
            #expect(result["valid"]?.boolValue == true, "\(format): \(JSONSerializer.serializeToString(result))")
            #expect(result["errors"]?.arrayValue?.isEmpty == true, "\(format)")
            // VDS-NC carries the name transliterated to upper case (ICAO 9303).
            #expect(result["credential"]?["name"]?["family"]?.stringValue?.uppercased() == "MUSTERMANN", "\(format)")

            let png = try await server.request("GET", "/api/v1/certificates/\(certificate.id)/qr?format=\(format)&image=png", token: admin)
            #expect(png.status == 200, "\(format) PNG: \(png.status)")
            #expect(png.headers["content-type"] == "image/png")
            #expect(png.body.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(format): a PNG signature")
            let picture = png.body
            let decoded = try await ServerProcess.detached { try Self.zbarDecode(picture) }
            #expect(decoded == payload, "\(format): zbarimg reads the payload back")

            let svg = try await server.request("GET", "/api/v1/certificates/\(certificate.id)/qr?format=\(format)", token: admin)
            #expect(svg.status == 200)
            #expect(svg.headers["content-type"] == "image/svg+xml")
            #expect(ResponseJSON.text(svg.body).contains("<svg"))
        }

        let revoked = try await server.request(
            "POST", "/api/v1/certificates/\(certificate.id)/revoke", token: admin, json: ["reason": "end-to-end test"])
        #expect(revoked.status == 200, "revoke: \(revoked.status)")
        for (format, payload) in certificate.payloads.sorted(by: { $0.key < $1.key }) {
            let result = try await server.verify(payload, token: verifier)
            #expect(result["valid"]?.boolValue == false, "\(format) after revocation")
            let codes = result["errors"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
            #expect(codes.contains("CERTIFICATE_REVOKED"), "\(format) after revocation: \(codes)")
        }
        let fetched = try ResponseJSON.parse(try await server.request("GET", "/api/v1/certificates/\(certificate.id)", token: admin).body)
        #expect(fetched["revocation"]?["reason"]?.stringValue == "end-to-end test")
    }

    @Test("JWKS and trust list are public; metrics count certificates and requests")
    func trustMaterialAndMetrics() async throws {
        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let admin = try #require(server.firstAdminToken)
        _ = try await server.issue(token: admin, formats: ["hc1", "shc"])

        let jwks = try await server.request("GET", "/.well-known/jwks.json")
        #expect(jwks.status == 200)
        #expect(jwks.headers["content-type"] == "application/jwk-set+json")
        let keys = try ResponseJSON.parse(jwks.body)["keys"]?.arrayValue ?? []
        #expect(!keys.isEmpty)
        for key in keys {
            #expect(key["kty"]?.stringValue == "EC")
            #expect(key["crv"]?.stringValue == "P-256")
            #expect(key["kid"]?.stringValue?.isEmpty == false)
            #expect(key["d"] == nil, "a public JWKS never holds a private key")
        }

        let trust = try await server.request("GET", "/api/v1/trust/certificates")
        #expect(trust.status == 200)
        let entries = try ResponseJSON.parse(trust.body).arrayValue ?? []
        let roles = entries.compactMap { $0["role"]?.stringValue }
        #expect(roles.contains("csca"), "roles \(roles)")
        #expect(roles.contains("dsc"), "roles \(roles)")
        for entry in entries {
            #expect(entry["pem"]?.stringValue?.hasPrefix("-----BEGIN CERTIFICATE-----") == true)
            #expect(entry["pem"]?.stringValue?.contains("PRIVATE") == false)
        }

        let metrics = try await server.request("GET", "/metrics", token: admin)
        #expect(metrics.status == 200)
        let text = ResponseJSON.text(metrics.body, limit: .max)
        #expect(text.contains("dvc_certificates_issued_total"), "\(text.prefix(500))")
        #expect(text.contains(#"dvc_certificates_issued_total{format="shc"} 1"#), "\(text.prefix(2000))")
        #expect(text.contains("dvc_http_requests_total"))
        #expect(text.contains(#"route="/api/v1/vaccinations""#))
    }

    /// The text zbarimg decodes from a PNG picture.
    static func zbarDecode(_ png: Data) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-qr-\(UUID().uuidString).png")
        try png.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try ExternalProgram.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["zbarimg", "--quiet", "--raw", "-Sbinary", "-Sdisable", "-Sqrcode.enable", file.path])
        guard output.status == 0 else {
            throw ServerProcessError("zbarimg failed with status \(output.status): \(output.standardError)")
        }
        var text = output.standardOutput
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
