import ArgumentParser
import Foundation

/// `dvc`: the OpenDVC command line for keys, issuing and verifying certificates.
struct DVC: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dvc",
        abstract: "OpenDVC: issue and verify digital vaccination certificates, and run the server.",
        discussion: """
            Exit status: 0 success (or a valid certificate), 1 an invalid certificate, 2 a usage or I/O error.
            """,
        version: "0.1.0",
        subcommands: [KeysCommand.self, IssueCommand.self, VerifyCommand.self, QRCommand.self, ServeCommand.self, AdminCommand.self, BulkCommand.self, ColdChainCommand.self, DeviceCommand.self, LotCommand.self, TrustCommand.self, LogCommand.self, AuditCommand.self]
    )
}

/// Runs `dvc` and maps errors to the documented exit codes: 0 success, 1 invalid certificate,
/// 2 usage or I/O error (swift-argument-parser would use 64 for usage errors).
@main
enum DVCMain {
    static func main() async {
        // The server runs Swift concurrency on its event loop threads (see ServeExecutor).
        if CommandLine.arguments.dropFirst().first == "serve" { ServeExecutor.install() }
        do {
            var command = try DVC.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            if DVC.exitCode(for: error) == .success {
                DVC.exit(withError: error)  // --help, --version: printed by the parser, status 0
            }
            FileHandle.standardError.write(Data((DVC.fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
