import ArgumentParser
import Crypto
import Foundation
import JOSE
import JSON
import Logging
import Registry
import Trust

/// `dvc keys`: signing keys and certificates.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Manage issuer signing keys and certificates.",
        subcommands: [Generate.self, Rotate.self, KeysCompromiseCommand.self]
    )

    /// `dvc keys generate --out DIR`.
    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a P-256 signing CA (CSCA) and a document signer certificate (DSC).",
            discussion: """
                Writes csca.pem, csca.key.pem, dsc.pem and dsc.key.pem into DIR, and jwks.json: the DSC's public key
                as a JWK set (kid = RFC 7638 thumbprint, use sig, alg ES256) to publish at the issuer URL of SHC and
                VC credentials. Private keys are PKCS#8 PEM files created with mode 0600. The DSC carries the EU DCC
                Extended Key Usage for the chosen types.
                """
        )

        @Option(help: ArgumentHelp("Folder for the key and certificate files (created if missing).", valueName: "DIR"))
        var out: String

        @Option(help: "ISO 3166-1 alpha-2 country of the issuer (XX marks a test issuer).")
        var country = "XX"

        @Option(help: "Organization name in both certificates.")
        var organization = "OpenDVC Test Issuer"

        @Option(help: "Certificate types the DSC may sign: comma-separated vaccination,test,recovery.")
        var types = "vaccination"

        @Option(help: "DSC validity in days.")
        var dscDays = 365

        @Option(help: "CSCA validity in days.")
        var cscaDays = 3650

        @Flag(help: "Replace existing key files in DIR.")
        var force = false

        func run() async throws {
            var typeSet = Set<HealthCertificateType>()
            for name in types.split(separator: ",") {
                guard let type = HealthCertificateType(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw CommandError.usage("expected --types from vaccination,test,recovery, found \(name)")
                }
                typeSet.insert(type)
            }
            // Validity starts five minutes back, in whole seconds: certificates hold whole seconds, and a verifier
            // whose clock is a little behind must not see a fresh certificate as not yet valid.
            let start = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 300).rounded(.down))
            let setup = try IssuerSigningSetup.generate(
                country: country, organization: organization, cscaValidityDays: cscaDays, dscValidityDays: dscDays,
                types: typeSet, now: start)
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                throw CommandError.io("expected to create the folder \(out), found it impossible")
            }
            try setup.write(to: out, overwrite: force)
            let jwks = Self.publicKeySet(setup.dscPrivateKey.publicKey)
            guard FileManager.default.createFile(atPath: "\(out)/jwks.json", contents: Data(jwks.utf8)) else {
                throw CommandError.io("expected to write \(out)/jwks.json, found it impossible")
            }
            let kid = try TrustMaterialLoader.certificates(from: Array(setup.dscCertificatePEM.utf8)).first
                .map { Data($0.kid).base64EncodedString() } ?? "?"
            print("Wrote \(out)/csca.pem, csca.key.pem, dsc.pem, dsc.key.pem, jwks.json (DSC kid \(kid))")
        }
    }
}

extension KeysCommand.Generate {
    /// `{"keys": [JWK]}` for a P-256 public key, the kid being the key's RFC 7638 thumbprint.
    static func publicKeySet(_ key: P256.Signing.PublicKey) -> String {
        let jwk = JWK.signingKeyJSON(for: key)
        return JSONSerializer.serializeToString(.object(["keys": .array([.object(jwk)])]), style: .pretty) + "\n"
    }
}

extension KeysCommand {
    /// `dvc keys rotate`: a new document signer for the server's issuer.
    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rotate the server's document signer (DSC) under its CSCA.",
            discussion: "The old DSC is retired: it signs nothing new but stays published, so certificates it signed keep verifying. Running servers pick the new key up when restarted.")

        @OptionGroup var store: StoreOptions

        @Option(help: "Validity of the new DSC in days.")
        var days: Int = 365

        func run() async throws {
            try await store.withStore(logger: Logger(label: "dvc")) { platform, masterKey in
                let (registry, _) = try await Registry.open(
                    store: platform, masterKey: masterKey, configuration: store.registryConfiguration(port: 8080))
                let key = try await registry.rotateDocumentSigner(validityDays: days)
                OutputWriter.write("New document signer \(key.keyID), valid until \(key.notAfter)\n")
            }
        }
    }
}
