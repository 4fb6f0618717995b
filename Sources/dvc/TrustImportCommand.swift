import ArgumentParser
import Crypto
import Foundation
import JOSE
import JSON
import Trust
import TrustList

/// `dvc trust import`: builds and signs a trust list from imports (an EU gateway DSC/CSCA download, a GDHCN did:web
/// trust-list document), for verifiers of other issuers' certificates. The anchor key is the operator's own.
struct TrustImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Sign a trust list made from EU gateway DSC/CSCA lists and GDHCN did:web documents.",
        discussion: """
            Each FILE is an EU gateway trust-list download (a JSON array of {kid, country, certificateType, rawData, …}) \
            or a did:web DID document with JsonWebKey2020 verification methods. Entries that cannot be used are listed \
            with their reason and left out. The list is signed with --anchor-key (a P-256 private key, PEM) under \
            --anchor-kid; --anchor-jwks writes the matching public JWKS that verifiers pass to --anchor. \
            Exit status 0 written, 2 on a usage or I/O error.
            """)

    @Argument(help: ArgumentHelp("EU gateway lists and DID documents.", valueName: "FILE"))
    var files: [String]

    @Option(help: ArgumentHelp("The trust anchor's P-256 private key (PEM, PKCS #8 or SEC 1).", valueName: "PEM"))
    var anchorKey: String

    @Option(help: ArgumentHelp("The key id verifiers know the anchor by.", valueName: "KID"))
    var anchorKid: String

    @Option(help: ArgumentHelp("Where to write the signed list.", valueName: "FILE"))
    var out: String

    @Option(help: ArgumentHelp("Where to write the anchor's public JWKS.", valueName: "FILE"))
    var anchorJwks: String?

    @Option(help: "The list's sequence number (default: the current Unix time, so each new list is higher).")
    var sequence: UInt64?

    @Option(help: "Hours until the next update (the list is stale after that).")
    var validHours: Int = 24

    func run() async throws {
        guard (1...8_760).contains(validHours) else {
            throw CommandError.usage("expected --valid-hours from 1 to 8760, found \(validHours)")
        }
        let key: P256.Signing.PrivateKey
        do {
            key = try SigningKeyLoader.p256PrivateKey(pem: String(decoding: try InputSource.read(anchorKey), as: UTF8.self))
        } catch let error as CommandError {
            throw error
        } catch {
            throw CommandError.io("expected a P-256 private key in \(anchorKey): \(error)")
        }
        let now = Int64(Date().timeIntervalSince1970)
        var issuers: [TrustListIssuer] = []
        for file in files {
            let bytes = Array(try InputSource.read(file))
            let firstNonSpace = bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
            let imported: TrustListImport
            do {
                if firstNonSpace == UInt8(ascii: "[") {
                    imported = try EUGatewayImport.issuers(fromJSON: bytes, notBefore: 0, notAfter: TrustListImportWindow.latest)
                } else {
                    imported = try DIDTrustListImport.issuers(fromJSON: bytes, notBefore: 0, notAfter: TrustListImportWindow.latest)
                }
            } catch let error as TrustListError {
                throw CommandError.io("expected an EU gateway list or a DID document in \(file), found it refused: \(error)")
            }
            issuers += imported.issuers
            for skipped in imported.skipped {
                OutputWriter.write("\(file): entry \(skipped.index) left out: \(skipped.reason.code): \(skipped.reason.message)\n")
            }
        }
        let list = TrustList(
            sequence: sequence ?? UInt64(now), issuedAt: now, nextUpdate: now + Int64(validHours) * 3_600, issuers: issuers)
        let signed: [UInt8]
        do {
            signed = try SignedTrustList.sign(list, key: key, keyID: anchorKid)
        } catch let error as TrustListError {
            throw CommandError.io("expected a list that can be signed, found it refused: \(error)")
        }
        do {
            try Data(signed).write(to: URL(fileURLWithPath: out), options: .atomic)
            if let anchorJwks {
                let jwks = JSONValue.object(["keys": .array([.object(JWK.signingKeyJSON(for: key.publicKey, keyID: anchorKid))])])
                try Data(JSONSerializer.serialize(jwks, style: .pretty)).write(to: URL(fileURLWithPath: anchorJwks), options: .atomic)
            }
        } catch {
            throw CommandError.io("expected to write \(out), failed: \(error.localizedDescription)")
        }
        let signers = issuers.reduce(0) { $0 + $1.documentSigners.count }
        OutputWriter.write("Wrote \(out): trust list sequence \(list.sequence), \(issuers.count) issuers, \(signers) DSCs\n")
    }
}

/// The window given to imported issuers: always (their certificates' own validity still applies).
enum TrustListImportWindow {
    /// 9999-12-31T23:59:59Z, the latest time a trust list holds.
    static let latest: Int64 = 253_402_300_799
}
