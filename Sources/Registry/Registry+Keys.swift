import Foundation
import Issuance
import Storage
import Trust
import X509

extension Registry {
    /// Rotates the document signer: a new key and certificate under the stored CSCA become active, and the old
    /// DSC is retired but stays in the JWKS and trust list, so that certificates it signed keep verifying.
    ///
    /// - Returns: the new key's row.
    @discardableResult
    public func rotateDocumentSigner(validityDays: Int = 365, now: Date = Date()) async throws -> SigningKey {
        let keyring = state.withLock { $0.keyring }
        let cscaPEM = try sealer.open(keyring.csca.sealedPrivateKey, context: IssuerKeyring.sealContext(keyID: keyring.csca.keyID))
        let cscaKey = try SigningKeyLoader.p256PrivateKey(pem: String(decoding: cscaPEM, as: UTF8.self))
        let csca = try Certificate(derEncoded: keyring.csca.certificateDER)
        let (certificate, key) = try IssuerSigningSetup.issueDocumentSigner(
            csca: csca, cscaKey: cscaKey, country: keyring.issuer.country,
            organization: String(keyring.issuer.name.prefix(IssuerSigningSetup.maximumOrganizationLength)),
            validityDays: validityDays, now: now.addingTimeInterval(-300))
        let row = try Self.signingKey(
            .dsc, issuer: keyring.issuer, certificatePEM: try certificate.serializeAsPEM().pemString, keyPEM: key.pemRepresentation,
            sealer: sealer, now: now)
        try await store.rotate(issuerID: keyring.issuer.id, to: row)
        try await reloadKeys()
        return row
    }

    /// Reads the issuer's keys again (after a rotation here or by another replica).
    public func reloadKeys() async throws {
        let issuer = self.issuer
        let keyring = try IssuerKeyring(issuer: issuer, keys: try await store.signingKeys(issuerID: issuer.id), sealer: sealer)
        state.withLock { $0.keyring = keyring }
    }
}
