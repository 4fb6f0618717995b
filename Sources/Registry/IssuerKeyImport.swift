import Crypto
import Foundation
import Trust
import X509

/// An issuer signing setup to use instead of a generated one on a registry's first start: a CSCA and a document
/// signer (DSC), each as a PEM certificate and a PEM P-256 private key (the files `dvc keys generate` writes).
///
/// ``checked(now:)`` makes sure the four parts belong together before anything is stored: each key is its
/// certificate's, the CSCA is a CA that signed the DSC, and the DSC is valid now.
public struct IssuerKeyImport: Sendable {
    /// The largest accepted file, in bytes.
    public static let maximumFileSize = 64 * 1024

    public var cscaCertificatePEM: String
    public var cscaPrivateKeyPEM: String
    public var dscCertificatePEM: String
    public var dscPrivateKeyPEM: String

    /// Creates an import from PEM texts.
    public init(cscaCertificatePEM: String, cscaPrivateKeyPEM: String, dscCertificatePEM: String, dscPrivateKeyPEM: String) {
        self.cscaCertificatePEM = cscaCertificatePEM
        self.cscaPrivateKeyPEM = cscaPrivateKeyPEM
        self.dscCertificatePEM = dscCertificatePEM
        self.dscPrivateKeyPEM = dscPrivateKeyPEM
    }

    /// Reads `csca.pem`, `csca.key.pem`, `dsc.pem` and `dsc.key.pem` from `directory`.
    /// - Throws: ``RegistryError`` `KEY_IMPORT_INVALID` naming a missing, unreadable or too large file.
    public init(directory: String) throws {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        func read(_ name: String) throws -> String {
            let path = base + name
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path), let size = attributes[.size] as? Int
            else {
                throw RegistryError(.keyImport, "expected a readable file \(name) in \(directory), found none")
            }
            // The size before reading, and again after (the file may grow meanwhile).
            guard size <= Self.maximumFileSize else {
                throw RegistryError(.keyImport, "expected \(name) of at most \(Self.maximumFileSize) bytes, found \(size)")
            }
            guard let data = FileManager.default.contents(atPath: path), data.count <= Self.maximumFileSize else {
                throw RegistryError(.keyImport, "expected a readable \(name) of at most \(Self.maximumFileSize) bytes, found another")
            }
            return String(decoding: data, as: UTF8.self)
        }
        self.init(
            cscaCertificatePEM: try read(IssuerSigningSetup.FileName.cscaCertificate),
            cscaPrivateKeyPEM: try read(IssuerSigningSetup.FileName.cscaPrivateKey),
            dscCertificatePEM: try read(IssuerSigningSetup.FileName.dscCertificate),
            dscPrivateKeyPEM: try read(IssuerSigningSetup.FileName.dscPrivateKey))
    }

    /// The parsed and cross-checked setup.
    /// - Returns: the CSCA and DSC certificates (the first certificate of each PEM file).
    /// - Throws: ``RegistryError`` `KEY_IMPORT_INVALID` saying which check failed (never key material).
    public func checked(now: Date = Date()) throws -> (csca: DocumentSignerCertificate, dsc: DocumentSignerCertificate) {
        let csca = try Self.certificate(cscaCertificatePEM, "csca.pem")
        let dsc = try Self.certificate(dscCertificatePEM, "dsc.pem")
        for (keyPEM, certificate, name) in [(cscaPrivateKeyPEM, csca, "csca.key.pem"), (dscPrivateKeyPEM, dsc, "dsc.key.pem")] {
            let key: P256.Signing.PrivateKey
            do {
                key = try SigningKeyLoader.p256PrivateKey(pem: keyPEM)
            } catch {
                throw RegistryError(.keyImport, "expected a P-256 private key (PKCS#8 or SEC 1 PEM) in \(name), found none readable")
            }
            guard let parsed = certificate.certificate, parsed.publicKey == Certificate.PublicKey(key.publicKey) else {
                throw RegistryError(.keyImport, "expected the key in \(name) to be the public key of its certificate, found another key")
            }
        }
        guard let cscaCertificate = csca.certificate, let authority = try? SigningAuthority(certificate: cscaCertificate) else {
            throw RegistryError(.keyImport, "expected csca.pem to be a CA certificate, found one that is not a CA")
        }
        guard let dscCertificate = dsc.certificate, authority.issued(dscCertificate) else {
            throw RegistryError(.keyImport, "expected dsc.pem to be signed by the CSCA of csca.pem, found another issuer or signature")
        }
        guard dsc.notValidBefore <= now, now < dsc.notValidAfter else {
            throw RegistryError(.keyImport, "expected dsc.pem to be valid now, found it valid only from \(dsc.notValidBefore) to \(dsc.notValidAfter)")
        }
        return (csca, dsc)
    }

    /// The first certificate of a PEM text.
    static func certificate(_ pem: String, _ name: String) throws -> DocumentSignerCertificate {
        guard let first = try? TrustMaterialLoader.certificates(from: Array(pem.utf8)).first else {
            throw RegistryError(.keyImport, "expected an X.509 certificate in PEM in \(name), found none readable")
        }
        return first
    }
}
