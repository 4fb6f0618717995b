import Crypto
import Foundation
import SwiftASN1
import Testing
import Trust
import _CryptoExtras

@Suite("Loading the P-256 signing key")
struct SigningKeyLoaderTests {
    private func pem(_ label: String, _ der: some Sequence<UInt8>) -> String {
        let base64 = Data(der).base64EncodedString(options: .lineLength64Characters)
        return "-----BEGIN \(label)-----\n\(base64)\n-----END \(label)-----\n"
    }

    /// ECPrivateKey (SEC1) with the given curve OID.
    private func sec1(raw: [UInt8], curve: ASN1ObjectIdentifier, publicKey: [UInt8]) throws -> [UInt8] {
        var serializer = DER.Serializer()
        try serializer.appendConstructedNode(identifier: .sequence) { coder in
            try coder.serialize(1)
            try coder.serialize(ASN1OctetString(contentBytes: raw[...]))
            try coder.serialize(explicitlyTaggedWithTagNumber: 0, tagClass: .contextSpecific) {
                try $0.serialize(curve)
            }
            try coder.serialize(explicitlyTaggedWithTagNumber: 1, tagClass: .contextSpecific) {
                try $0.serialize(ASN1BitString(bytes: publicKey[...]))
            }
        }
        return serializer.serializedBytes
    }

    /// PrivateKeyInfo (PKCS#8) with an algorithm OID and no parameters.
    private func pkcs8(algorithm: ASN1ObjectIdentifier, inner: [UInt8]) throws -> [UInt8] {
        var serializer = DER.Serializer()
        try serializer.appendConstructedNode(identifier: .sequence) { coder in
            try coder.serialize(0)
            try coder.appendConstructedNode(identifier: .sequence) { try $0.serialize(algorithm) }
            try coder.serialize(ASN1OctetString(contentBytes: inner[...]))
        }
        return serializer.serializedBytes
    }

    private func expectCode(_ code: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try SigningKeyLoader.p256PrivateKey(pem: text)
            Issue.record("expected \(code)", sourceLocation: sourceLocation)
        } catch let error as TrustError {
            #expect(error.code == code, sourceLocation: sourceLocation)
        } catch {
            Issue.record("expected a TrustError, got \(type(of: error))", sourceLocation: sourceLocation)
        }
    }

    @Test("PKCS#8 PRIVATE KEY and SEC1 EC PRIVATE KEY both load to the same key")
    func acceptedForms() throws {
        let key = P256.Signing.PrivateKey()
        let fromPKCS8 = try SigningKeyLoader.p256PrivateKey(pem: key.pemRepresentation)
        #expect(fromPKCS8.rawRepresentation == key.rawRepresentation)

        let sec1DER = try sec1(
            raw: Array(key.rawRepresentation),
            curve: .NamedCurves.secp256r1,
            publicKey: Array(key.publicKey.x963Representation)
        )
        let fromSEC1 = try SigningKeyLoader.p256PrivateKey(pem: "comment line\n" + pem("EC PRIVATE KEY", sec1DER))
        #expect(fromSEC1.rawRepresentation == key.rawRepresentation)
    }

    @Test("other curves and key types are TRUST_UNSUPPORTED_KEY, naming what was found")
    func unsupportedKeys() throws {
        let p384 = P384.Signing.PrivateKey()
        expectCode("TRUST_UNSUPPORTED_KEY", p384.pemRepresentation)
        let p384SEC1 = try sec1(
            raw: Array(p384.rawRepresentation),
            curve: .NamedCurves.secp384r1,
            publicKey: Array(p384.publicKey.x963Representation)
        )
        expectCode("TRUST_UNSUPPORTED_KEY", pem("EC PRIVATE KEY", p384SEC1))

        let rsa = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        do {
            _ = try SigningKeyLoader.p256PrivateKey(pem: rsa.pemRepresentation)
            Issue.record("expected an error for an RSA key")
        } catch let error as TrustError {
            #expect(error.code == "TRUST_UNSUPPORTED_KEY")
            #expect(error.message.contains("RSA"))
        }

        let ed25519 = try pkcs8(algorithm: [1, 3, 101, 112], inner: [0x04, 0x20] + [UInt8](repeating: 7, count: 32))
        expectCode("TRUST_UNSUPPORTED_KEY", pem("PRIVATE KEY", ed25519))
        expectCode("TRUST_UNSUPPORTED_KEY", pem("RSA PRIVATE KEY", [0x30, 0x00]))
        expectCode("TRUST_UNSUPPORTED_KEY", pem("ENCRYPTED PRIVATE KEY", [0x30, 0x00]))
    }

    @Test("malformed input gives coded errors without key material")
    func malformed() throws {
        expectCode("TRUST_INVALID_PEM", "")
        expectCode("TRUST_INVALID_PEM", "not a key")
        expectCode("TRUST_INVALID_PEM", pem("CERTIFICATE", [0x30, 0x00]))
        expectCode("TRUST_INVALID_PEM", "-----BEGIN PRIVATE KEY-----\nAAAA\n")
        expectCode("TRUST_INVALID_KEY", pem("PRIVATE KEY", [0x30, 0x00]))
        expectCode("TRUST_INVALID_KEY", pem("EC PRIVATE KEY", [0x04, 0x01, 0x00]))
        let key = P256.Signing.PrivateKey()
        let twoKeys = key.pemRepresentation + key.pemRepresentation
        expectCode("TRUST_INVALID_PEM", twoKeys)
        let shortSecret = try sec1(
            raw: [1, 2, 3],
            curve: .NamedCurves.secp256r1,
            publicKey: Array(key.publicKey.x963Representation)
        )
        expectCode("TRUST_INVALID_KEY", pem("EC PRIVATE KEY", shortSecret))
    }

    @Test("every truncation of a PKCS#8 key is rejected, never crashes")
    func truncations() throws {
        let der = Array(P256.Signing.PrivateKey().derRepresentation)
        for length in 0..<der.count {
            #expect(throws: TrustError.self) {
                try SigningKeyLoader.p256PrivateKey(pem: pem("PRIVATE KEY", der[..<length]))
            }
        }
    }

    @Test("a missing key file is TRUST_IO")
    func missingFile() {
        #expect(throws: TrustError(.io, "")) {
            try SigningKeyLoader.p256PrivateKey(contentsOfFile: "/nonexistent/dsc.key.pem")
        }
    }
}
