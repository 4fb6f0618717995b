import ArgumentParser
import Foundation
import Logging
import Registry
import Storage

/// `dvc admin`: principals of the server.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin", abstract: "Administer the server's principals.", subcommands: [Token.self])

    /// `dvc admin token create --role ROLE`.
    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "API tokens.", subcommands: [Create.self])

        struct Create: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Create a principal and print its bearer token once (only its hash is stored).")

            @OptionGroup var store: StoreOptions

            @Option(help: "The role: admin, issuer, verifier, device or analyst.")
            var role: String

            @Option(help: "A label for audit records (not personal data).")
            var name: String = "principal"

            func run() async throws {
                guard let role = Principal.Role(rawValue: role) else {
                    throw CommandError.usage("expected --role admin, issuer, verifier, device or analyst, found another value")
                }
                try await store.withStore(logger: Logger(label: "dvc")) { platform, masterKey in
                    let (registry, firstToken) = try await Registry.open(
                        store: platform, masterKey: masterKey, configuration: store.registryConfiguration(port: 8080))
                    // On a new data folder this was the first start: its admin token is shown here, once.
                    if let firstToken {
                        OutputWriter.write("First admin token (shown once, keep it safe): \(firstToken.text)\n")
                    }
                    let token = try await registry.createToken(role: role, name: name)
                    OutputWriter.write(token.text + "\n")
                }
            }
        }
    }
}
