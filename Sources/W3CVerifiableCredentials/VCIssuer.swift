import CodedErrors
import Crypto
import Foundation
import JOSE
import JSON
import VaccinationRecord

/// Issues vaccination records as W3C Verifiable Credentials (Data Model 2.0) secured with VC-JOSE:
/// a compact JWS, ES256, header `{"alg":"ES256","kid":…,"typ":"vc+jwt","cty":"vc"}`, whose payload is the
/// credential itself (`@context`, `type`, `issuer`, `validFrom`, `validUntil`, `credentialSubject`) plus the
/// JWT claims `iss`, `iat` and `exp` with the same values, for JWT tooling.
///
/// The issuer is a `did:web` DID or an https URL; verifiers find its public key in the JWK set published for
/// it (``publicKeySet``) by `kid`, which defaults to the key's RFC 7638 thumbprint.
public struct VCIssuer: Sendable {
    /// The issuer identifier written as `issuer.id` and `iss`.
    public let issuer: String
    /// The `kid` written into the JWS header.
    public let keyID: String
    private let signingKey: P256.Signing.PrivateKey

    /// An issuer whose `kid` is the RFC 7638 thumbprint of the signing key's public JWK.
    ///
    /// The issuer identifier is checked by ``issue(_:issuedAt:expiresAt:)`` (`VC_ISSUANCE` when it is not a
    /// `did:web` DID or an https URL).
    public init(signingKey: P256.Signing.PrivateKey, issuer: String) {
        self.init(signingKey: signingKey, issuer: issuer, keyID: JWK.thumbprint(of: signingKey.publicKey))
    }

    /// An issuer with an explicit `kid` (for example a DID URL fragment such as `key-1`).
    public init(signingKey: P256.Signing.PrivateKey, issuer: String, keyID: String) {
        self.signingKey = signingKey
        self.issuer = issuer
        self.keyID = keyID
    }

    /// The public JWK set to publish for this issuer (`{"keys":[{kty, crv, x, y, kid, use, alg}]}`).
    public var publicKeySet: JSONValue {
        .object(["keys": .array([.object(JWK.signingKeyJSON(for: signingKey.publicKey, keyID: keyID))])])
    }

    /// The compact JWS of `record`, valid from `issuedAt` until `expiresAt` (open-ended when nil).
    ///
    /// - Throws: ``W3CVCError`` `VC_ISSUANCE` when the record is not a valid vaccination record, the issuer is
    ///   not a `did:web` DID or an https URL, or `expiresAt` is not after `issuedAt`; `JOSEError` from signing.
    public func issue(_ record: VaccinationRecord, issuedAt: Date, expiresAt: Date?) throws -> String {
        guard VCIssuerIdentifier.isValid(issuer) else {
            throw W3CVCError(.issuance, "expected the issuer to be a did:web DID or an https URL, found another value")
        }
        if let expiresAt, expiresAt <= issuedAt {
            throw W3CVCError(.issuance, "expected expiresAt after issuedAt, found it at or before")
        }
        do {
            try record.validate()
        } catch {
            throw W3CVCError(.issuance, "expected a valid record, found \(GenericText.code(of: error))")
        }
        var payload = try VCCredentialWriter().credential(
            for: record, issuer: issuer, issuedAt: issuedAt, expiresAt: expiresAt)
        payload["iss"] = .string(issuer)
        payload["iat"] = .integer(Int64(issuedAt.timeIntervalSince1970.rounded(.down)))
        payload["exp"] = expiresAt.map { .integer(Int64($0.timeIntervalSince1970.rounded(.down))) }
        let header = JWSHeader(keyID: keyID, type: VCVocabulary.headerType, contentType: VCVocabulary.contentType)
        let jws = try CompactJWS(signing: JSONSerializer.serialize(.object(payload)), header: header, key: signingKey)
        guard jws.text.utf8.count <= VCVocabulary.maximumLength else {
            throw W3CVCError(
                .issuance,
                "expected a JWS of at most \(VCVocabulary.maximumLength) characters, found \(jws.text.utf8.count)")
        }
        return jws.text
    }
}

/// Names an error by its code only, for messages that must not echo input.
enum GenericText {
    static func code(of error: any Error) -> String {
        (error as? any CodedError)?.code ?? "an invalid value"
    }
}
