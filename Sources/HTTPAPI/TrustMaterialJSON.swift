import CredentialVerification
import Foundation
import JSON
import Storage
import SwiftASN1

/// The public trust material: the CSCA and document signer certificates as PEM with their key ids and status.
enum TrustMaterialJSON {
    static func certificates(_ keys: [SigningKey]) -> JSONValue {
        .array(keys.map { key in
            .object([
                "kid": .string(key.keyID),
                "role": .string(key.kind.rawValue),
                "status": .string(key.status.rawValue),
                "notBefore": .string(Timestamp.format(key.notBefore)),
                "notAfter": .string(Timestamp.format(key.notAfter)),
                "pem": .string(PEMDocument(type: "CERTIFICATE", derBytes: key.certificateDER).pemString + "\n"),
            ])
        })
    }
}
