import ArgumentParser
import Foundation
import JOSE
import SMARTHealthCards
import Trust

/// `--trust PATH` and `--trust ISS=PATH` (repeatable): X.509 certificates or JWK sets.
struct TrustOptions: ParsableArguments {
    @Option(
        name: .customLong("trust"),
        help: ArgumentHelp(
            "A trusted certificate (PEM, DER or one line of base64 DER: a DSC, or a CSCA for VDS-NC barcode signers) or JWKS file; ISS=PATH binds a JWKS to issuer ISS. Repeatable.",
            valueName: "PATH"))
    var paths: [String] = []

    /// What `--trust` loads: the trust store, and the SMART Health Card revocation lists found beside JWKS files
    /// (`crl/<kid>.json` for each key with a `crlVersion`).
    struct Material {
        var store = TrustStore()
        var revocationLists: [SHCRevocationList] = []
    }

    /// Loads every file into one trust store.
    func loadTrustStore() throws -> TrustStore {
        try load().store
    }

    /// Loads every file: certificates and JWK sets into the trust store, and revocation lists beside the JWK sets.
    func load() throws -> Material {
        var material = Material()
        for argument in paths {
            var path = argument
            var issuer: String?
            if !FileManager.default.fileExists(atPath: argument), let equals = argument.firstIndex(of: "="),
                equals != argument.startIndex
            {
                issuer = String(argument[..<equals])
                path = String(argument[argument.index(after: equals)...])
            }
            let data = Array(try InputSource.read(path))
            let firstNonSpace = data.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
            if firstNonSpace == UInt8(ascii: "{") {
                do {
                    material.store.add(try JWKSet(data: data), issuer: issuer)
                } catch {
                    throw CommandError.io("expected a JWKS in \(path): \(error)")
                }
                do {
                    material.revocationLists += try SHCRevocationList.lists(
                        besideJWKSFile: URL(fileURLWithPath: path), issuer: issuer)
                } catch {
                    throw CommandError.io("expected readable revocation lists beside \(path): \(error)")
                }
                continue
            }
            guard issuer == nil else {
                throw CommandError.usage("expected a JWKS after ISS= in --trust \(argument), found a certificate file")
            }
            let certificates: [DocumentSignerCertificate]
            do {
                certificates = try TrustMaterialLoader.certificates(from: data)
            } catch {
                throw CommandError.io("expected certificates in \(path): \(error)")
            }
            for certificate in certificates {
                material.store.add(certificate)
                // A CA certificate (a CSCA) also vouches for the barcode signers embedded in VDS-NC seals.
                if let authority = try? SigningAuthority(derEncoded: certificate.derBytes),
                    authority.isCertificateAuthority == true
                {
                    material.store.add(authority: authority)
                }
            }
        }
        return material
    }
}
