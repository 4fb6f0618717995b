import ArgumentParser
import Foundation
import Trust

/// `--trust PATH` (repeatable): X.509 certificates (PEM, DER or one line of base64 DER).
struct TrustOptions: ParsableArguments {
    @Option(
        name: .customLong("trust"),
        help: ArgumentHelp(
            "A trusted certificate file (PEM, DER or one line of base64 DER); repeatable.",
            valueName: "PATH"))
    var paths: [String] = []

    /// Loads every file into one trust store.
    func loadTrustStore() throws -> TrustStore {
        var store = TrustStore()
        for argument in paths {
            var path = argument
            if let equals = argument.firstIndex(of: "="), !FileManager.default.fileExists(atPath: argument) {
                // ISS=PATH binds a JWKS to an issuer (SMART Health Cards); X.509 files need no binding.
                path = String(argument[argument.index(after: equals)...])
            }
            let data = try InputSource.read(path)
            if data.first == UInt8(ascii: "{") {
                throw CommandError.usage("expected an X.509 certificate in \(path), found JSON (JWKS trust needs SMART Health Card support)")
            }
            do {
                for certificate in try TrustMaterialLoader.certificates(from: Array(data)) {
                    store.add(certificate)
                }
            } catch {
                throw CommandError.io("expected certificates in \(path): \(error)")
            }
        }
        return store
    }
}
