import ArgumentParser
import Foundation
import JSON

/// `dvc keys compromise`: marks a document signer compromised through a server (admin): its kid is revoked in every
/// trust list from then on, a new signer takes over if it was the active one, and the certificates it signed are
/// listed (and revoked with `--revoke`).
struct KeysCompromiseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compromise",
        abstract: "Mark a document signer compromised (through a server, admin token): revoke its kid, list what it signed.",
        discussion: "Exit status 0 marked, 2 refused (unknown kid, marked already) or unreachable.")

    @OptionGroup var server: LotCommand.ServerOptions

    @Option(help: ArgumentHelp("The document signer's kid (GET /api/v1/trust/certificates).", valueName: "KID"))
    var kid: String

    @Option(help: "Why (1 to 200 characters; no personal data).")
    var reason: String

    @Flag(help: "Revoke every certificate the key signed.")
    var revoke = false

    @Flag(help: "Print the server's JSON.")
    var json = false

    func run() async throws {
        let body = JSONSerializer.serialize(.object(["kid": .string(kid), "reason": .string(reason), "revoke": .bool(revoke)]))
        let answer = try await server.client().send("POST", "/api/v1/keys/compromise", body: Data(body))
        guard answer.status == 200 else {
            throw CommandError.io("expected the key to be marked compromised (200), found \(answer.status): \(answer.problem)")
        }
        if json {
            OutputWriter.write(JSONSerializer.serializeToString(answer.json, style: .pretty) + "\n")
            return
        }
        let certificates = answer.json["certificates"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let revoked = Set(answer.json["revoked"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        var text = "Marked \(kid) compromised: \(certificates.count) certificates signed, \(revoked.count) revoked now"
        if let replacement = answer.json["replacedBy"]?.stringValue { text += "; new document signer \(replacement)" }
        OutputWriter.write(text + "\n")
        for certificate in certificates {
            OutputWriter.write("  certificate \(certificate)\(revoked.contains(certificate) ? " (revoked)" : "")\n")
        }
    }
}
