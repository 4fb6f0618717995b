import Crypto
import Foundation
import Issuance
import JOSE
import JSON
import Storage
import Trust
import Verifier

/// The issuer's keys as the registry uses them: the active document signer for issuing, every document signer
/// (retired ones too, so that what they signed stays verifiable) and the CSCA for verifying and publishing.
struct IssuerKeyring: Sendable {
    let issuer: Issuer
    /// Every key of the issuer, oldest first.
    let keys: [SigningKey]
    let csca: SigningKey
    let activeSigner: SigningKey
    let signer: IssuanceSigner
    /// Every document signer certificate, oldest first.
    let documentSigners: [DocumentSignerCertificate]
    /// `{"keys": [...]}` with every document signer's public key (kid = RFC 7638 thumbprint).
    let keySet: JSONValue
    let verifier: Verifier

    /// The sealing context of a signing key's private key.
    static func sealContext(keyID: String) -> String { "signing-key:\(keyID)" }

    /// Builds the keyring from the stored keys of `issuer`.
    init(issuer: Issuer, keys: [SigningKey], sealer: Sealer) throws {
        self.issuer = issuer
        self.keys = keys
        guard let csca = keys.last(where: { $0.kind == .csca && $0.status == .active }),
            let active = keys.last(where: { $0.kind == .dsc && $0.status == .active })
        else {
            throw RegistryError(.keys, "expected an active CSCA and an active DSC for the issuer, found \(keys.count) keys without them")
        }
        self.csca = csca
        self.activeSigner = active
        let pem = try sealer.open(active.sealedPrivateKey, context: Self.sealContext(keyID: active.keyID))
        let key = try SigningKeyLoader.p256PrivateKey(pem: String(decoding: pem, as: UTF8.self))
        let signers = try keys.filter { $0.kind == .dsc }.map { try DocumentSignerCertificate(derEncoded: $0.certificateDER) }
        documentSigners = signers
        guard let activeCertificate = signers.last(where: { $0.derBytes == active.certificateDER }) else {
            throw RegistryError(.keys, "expected the active DSC's certificate among the keys, found none")
        }
        signer = IssuanceSigner(key: key, certificate: activeCertificate, issuerCountry: issuer.country, issuerURL: issuer.publicURL)

        var jwks: [JSONValue] = []
        var store = TrustStore(certificates: signers)
        for certificate in signers {
            guard case .p256(let publicKey) = certificate.publicKey else { continue }
            jwks.append(.object(JWK.signingKeyJSON(for: publicKey, keyID: JWK.thumbprint(of: publicKey))))
        }
        keySet = .object(["keys": .array(jwks)])
        store.add(try JWKSet(json: keySet), issuer: issuer.publicURL)
        store.add(authority: try SigningAuthority(derEncoded: csca.certificateDER))
        verifier = Verifier(trustStore: store)
    }
}
