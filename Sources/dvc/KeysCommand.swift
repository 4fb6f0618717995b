import ArgumentParser
import Foundation
import Trust

/// `dvc keys`: signing keys and certificates.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Manage issuer signing keys and certificates.",
        subcommands: [Generate.self]
    )

    /// `dvc keys generate --out DIR`.
    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a P-256 signing CA (CSCA) and a document signer certificate (DSC).",
            discussion: """
                Writes csca.pem, csca.key.pem, dsc.pem and dsc.key.pem into DIR. Private keys are PKCS#8 PEM
                files created with mode 0600. The DSC carries the EU DCC Extended Key Usage for the chosen types.
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
            let setup = try IssuerSigningSetup.generate(
                country: country, organization: organization, cscaValidityDays: cscaDays, dscValidityDays: dscDays,
                types: typeSet, now: Date())
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                throw CommandError.io("expected to create the folder \(out), found it impossible")
            }
            try setup.write(to: out, overwrite: force)
            let kid = try TrustMaterialLoader.certificates(from: Array(setup.dscCertificatePEM.utf8)).first
                .map { Data($0.kid).base64EncodedString() } ?? "?"
            print("Wrote \(out)/csca.pem, csca.key.pem, dsc.pem, dsc.key.pem (DSC kid \(kid))")
        }
    }
}
