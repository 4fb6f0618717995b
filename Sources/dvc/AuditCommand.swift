import ArgumentParser
import Foundation
import Logging
import Registry

/// `dvc audit`: recomputes the transparency log from storage and checks every signed tree head it published.
///
/// Exit status 0 when everything matches, 1 when the audit finds a difference (the error names the entry: leaf
/// index, kind and subject, or the tree head's size), 2 for usage or I/O errors.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit the transparency log: re-derive every leaf from its source row, recompute the tree, check every signed tree head.",
        discussion: """
            Reads the server's store (--data DIR, or --database URL) with the master key (DVC_MASTER_KEY, else \
            DIR/master.key), which opens the sealed payloads to hash them. A row changed or deleted directly in the \
            database makes the audit fail with LOG_ENTRY_MISMATCH, LOG_SOURCE_MISSING, LOG_LEAF_MISSING or \
            LOG_TREE_HEAD_MISMATCH, naming the entry.
            """)

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() async throws {
        let failure: RegistryError? = try await store.withStore(logger: Logger(label: "dvc")) { platform, masterKey in
            let (registry, _) = try await Registry.open(
                store: platform, masterKey: masterKey, configuration: store.registryConfiguration(port: 8080))
            do {
                let report = try await registry.auditLog()
                if json {
                    OutputWriter.write(
                        "{\"result\":\"ok\",\"leaves\":\(report.leafCount),\"treeHeads\":\(report.treeHeadCount),"
                            + "\"root\":\"\(report.root)\",\"queued\":\(report.queuedCount)}\n")
                } else {
                    OutputWriter.write(
                        "audit ok: \(report.leafCount) leaves, \(report.treeHeadCount) signed tree heads, root \(report.root)"
                            + (report.queuedCount > 0 ? ", \(report.queuedCount) entries queued (not yet in the log)" : "") + "\n")
                }
                return nil
            } catch let error as RegistryError where Self.auditCodes.contains(error.errorCode) {
                return error
            }
        }
        guard let failure else { return }
        if json {
            OutputWriter.write("{\"result\":\"failed\",\"code\":\"\(failure.code)\",\"message\":\(Self.quoted(failure.message))}\n")
        }
        FileHandle.standardError.write(Data("audit failed: \(failure.code): \(failure.message)\n".utf8))
        throw ExitCode(1)
    }

    /// The codes of a failed audit (anything else is an I/O or usage error, status 2).
    static let auditCodes: Set<RegistryError.Code> = [.logEntryMismatch, .logSourceMissing, .logLeafMissing, .logTreeHeadMismatch]

    /// `text` as a JSON string (the message has no personal data, but may hold quotes from a lot number).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
