import CredentialVerification
import Foundation
import JSON
import Registry
import Storage

/// The JSON of certificates and revocations in API responses.
enum CertificateJSON {
    /// `{"id", "issuedAt", "expiresAt", "revocation", "certificates": {"hc1": {"identifier", "payload", "qr": {"svg", "png"}}}}`.
    static func make(_ issued: IssuedCertificate) -> JSONValue {
        let id = issued.id.uuidString.lowercased()
        var certificates = JSONObject()
        for payload in issued.payloads {
            let qr = "/api/v1/certificates/\(id)/qr?format=\(payload.format.rawValue)"
            certificates[payload.format.rawValue] = .object([
                "identifier": .string(payload.identifier),
                "payload": .string(payload.text),
                "qr": .object(["svg": .string(qr + "&image=svg"), "png": .string(qr + "&image=png")]),
            ])
        }
        var object = JSONObject()
        object["id"] = .string(id)
        object["issuedAt"] = .string(Timestamp.format(issued.issuedAt))
        object["expiresAt"] = issued.expiresAt.map { .string(Timestamp.format($0)) }
        object["revocation"] = issued.revocation.map(revocation) ?? .null
        object["certificates"] = .object(certificates)
        return .object(object)
    }

    static func revocation(_ revocation: Revocation) -> JSONValue {
        .object([
            "certificateId": .string(revocation.certificateID.uuidString.lowercased()),
            "reason": .string(revocation.reason),
            "revokedAt": .string(Timestamp.format(revocation.revokedAt)),
        ])
    }
}
