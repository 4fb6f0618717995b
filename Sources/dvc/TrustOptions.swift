import ArgumentParser
import Foundation
import JOSE
import Trust

/// `--trust PATH` and `--trust ISS=PATH` (repeatable): X.509 certificates or JWK sets.
struct TrustOptions: ParsableArguments {
    @Option(
        name: .customLong("trust"),
        help: ArgumentHelp(
            "A trusted certificate (PEM, DER or one line of base64 DER) or JWKS file; ISS=PATH binds a JWKS to issuer ISS. Repeatable.",
            valueName: "PATH"))
    var paths: [String] = []

    /// Loads every file into one trust store.
    func loadTrustStore() throws -> TrustStore {
        var store = TrustStore()
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
                    store.add(try JWKSet(data: data), issuer: issuer)
                } catch {
                    throw CommandError.io("expected a JWKS in \(path): \(error)")
                }
                continue
            }
            guard issuer == nil else {
                throw CommandError.usage("expected a JWKS after ISS= in --trust \(argument), found a certificate file")
            }
            do {
                for certificate in try TrustMaterialLoader.certificates(from: data) {
                    store.add(certificate)
                }
            } catch {
                throw CommandError.io("expected certificates in \(path): \(error)")
            }
        }
        return store
    }
}
