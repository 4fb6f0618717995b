import Foundation
import JSON
import Storage

/// The public trust material: the CSCA and document signer certificates as PEM with their key ids and status.
enum TrustMaterialJSON {
    static func certificates(_ keys: [SigningKey]) -> JSONValue {
        .array(keys.map { key in
            .object([
                "kid": .string(key.keyID),
                "role": .string(key.kind.rawValue),
                "status": .string(key.status.rawValue),
                "notBefore": .string(CertificateJSON.timestamp(key.notBefore)),
                "notAfter": .string(CertificateJSON.timestamp(key.notAfter)),
                "pem": .string(pem(key.certificateDER)),
            ])
        })
    }

    static func pem(_ der: [UInt8]) -> String {
        let base64 = Data(der).base64EncodedString()
        var lines = ["-----BEGIN CERTIFICATE-----"]
        var index = base64.startIndex
        while index < base64.endIndex {
            let end = base64.index(index, offsetBy: 64, limitedBy: base64.endIndex) ?? base64.endIndex
            lines.append(String(base64[index..<end]))
            index = end
        }
        lines.append("-----END CERTIFICATE-----")
        return lines.joined(separator: "\n") + "\n"
    }
}
