import ArgumentParser
import Crypto
import Foundation
import JSON
import Logging
import Registry
import TransparencyLog

/// `dvc log`: the transparency log of a server's store: publish a signed tree head, prove that an entry is in
/// the log, verify such a proof offline.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "The transparency log: publish tree heads, prove and verify inclusion.",
        subcommands: [Publish.self, Prove.self, Verify.self])

    /// `dvc log publish`: integrates the queued entries and signs a tree head for the new size.
    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move queued entries into the log and publish a signed tree head (printed as JSON).")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.withStore(logger: Logger(label: "dvc")) { platform, masterKey in
                let (registry, _) = try await Registry.open(
                    store: platform, masterKey: masterKey, configuration: store.registryConfiguration(port: 8080))
                let head = try await registry.openTransparencyLog().integrate()
                OutputWriter.write(JSONSerializer.serializeToString(LogJSON.treeHead(head)) + "\n")
            }
        }
    }

    /// `dvc log prove`: an inclusion proof from the store, self-contained (leaf, path, signed head, log key).
    struct Prove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the inclusion proof of a leaf (by index, or by the payload text it logs) in the latest signed tree head.")

        @OptionGroup var store: StoreOptions

        @Option(help: "The leaf index.")
        var index: Int?

        @Option(help: ArgumentHelp("A certificate payload (QR text), or - for standard input: proves its issuance entry.", valueName: "TEXT"))
        var payload: String?

        func run() async throws {
            guard (index == nil) != (payload == nil) else { throw CommandError.usage("expected exactly one of --index and --payload") }
            var text = payload
            if payload == "-" {
                text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
            try await store.withStore(logger: Logger(label: "dvc")) { platform, masterKey in
                let (registry, _) = try await Registry.open(
                    store: platform, masterKey: masterKey, configuration: store.registryConfiguration(port: 8080))
                let log = try await registry.openTransparencyLog()
                let proof: LogInclusionProof
                if let index {
                    proof = try await log.inclusionProof(leafIndex: index)
                } else {
                    proof = try await log.inclusionProofs(contentHash: LogEntry.payloadHash(text ?? "").bytes)[0]
                }
                let head = try await log.treeHead(size: proof.treeSize)
                OutputWriter.write(
                    JSONSerializer.serializeToString(LogJSON.inclusionProof(proof, treeHead: head, publicKey: log.publicKey), style: .pretty)
                        + "\n")
            }
        }
    }

    /// `dvc log verify`: checks a proof offline.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check an inclusion proof offline: leaf hash, path to the signed root, tree head signature. Exit 1 when it fails.")

        @Argument(help: ArgumentHelp("The proof (JSON from dvc log prove or GET /api/v1/log/proof/inclusion), or - for standard input.", valueName: "FILE"))
        var file: String

        @Option(help: ArgumentHelp("The log's public key to require (X9.63 hex), as published by the log.", valueName: "HEX"))
        var logKey: String?

        func run() throws {
            let data: Data
            do {
                data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw CommandError.io("expected a readable proof file, found none at the path")
            }
            var pinned: P256.Signing.PublicKey?
            if let logKey {
                guard let bytes = LogJSON.bytes(.string(logKey)), let key = try? P256.Signing.PublicKey(x963Representation: bytes) else {
                    throw CommandError.usage("expected --log-key as the hex of an X9.63 P-256 public key")
                }
                pinned = key
            }
            let json = try JSONParser.parse(Array(data))
            do {
                let entry = try LogJSON.verifyInclusion(json, pinnedKey: pinned)
                OutputWriter.write("proof ok: \(entry.kind) \(entry.subject) at \(entry.time), content hash \(entry.contentHash)\n")
            } catch let error as RegistryError {
                FileHandle.standardError.write(Data("proof invalid: \(error.code): \(error.message)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
