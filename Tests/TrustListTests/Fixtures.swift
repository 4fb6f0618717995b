import Crypto
import Foundation
import JOSE
import JSON
import TrustList

/// A small list with one issuer holding a CSCA, a DSC under it, a SHC key and a VDS-NC CA.
struct Fixture {
    let anchorKey = P256.Signing.PrivateKey()
    let anchorID = "opendvc-anchor-2025"
    let csca: TestCSCA
    let dsc: [UInt8]
    let shcKey = P256.Signing.PrivateKey()
    let list: TrustList

    var anchors: [String: P256.Signing.PublicKey] { [anchorID: anchorKey.publicKey] }

    init(sequence: UInt64 = 7, issuedAtDays: Int64 = -1, nextUpdateDays: Int64 = 6) throws {
        csca = try TestCSCA(notBefore: Clock.days(-365), notAfter: Clock.days(3650))
        dsc = try csca.issue(notBefore: Clock.days(-30), notAfter: Clock.days(335))
        let issuer = TrustListIssuer(
            id: "DE", country: "DE", notBefore: Clock.seconds(days: -400), notAfter: Clock.seconds(days: 4000),
            credentialTypes: [.hc1, .shc, .vds], cscaCertificates: [csca.der], documentSigners: [dsc],
            revokedKids: [], shcIssuerURL: "https://issuer.example.de",
            shcKeys: [JWK.signingKeyJSON(for: shcKey.publicKey)], vdsSignerCAs: [csca.der])
        list = TrustList(
            sequence: sequence, issuedAt: Clock.seconds(days: issuedAtDays), nextUpdate: Clock.seconds(days: nextUpdateDays),
            issuers: [issuer])
    }

    func signed(_ list: TrustList? = nil) throws -> [UInt8] {
        try SignedTrustList.sign(list ?? self.list, key: anchorKey, keyID: anchorID)
    }
}

/// Runs `body` and returns the code of the ``TrustListError`` it throws (nil when it does not throw; a test
/// failure when it throws another error).
func trustListErrorCode(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as TrustListError {
        return error.code
    } catch {
        return "unexpected \(type(of: error))"
    }
}

/// The three parts of a compact JWS.
func jwsParts(_ bytes: [UInt8]) -> [String] {
    String(decoding: bytes, as: UTF8.self).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
}

/// A JWS signed with `key` over arbitrary payload bytes and header, for refusal tests.
func rawJWS(payload: [UInt8], key: P256.Signing.PrivateKey, keyID: String?, type: String? = SignedTrustList.mediaType) throws -> [UInt8] {
    let jws = try CompactJWS(signing: payload, header: JWSHeader(keyID: keyID, type: type), key: key)
    return Array(jws.text.utf8)
}
