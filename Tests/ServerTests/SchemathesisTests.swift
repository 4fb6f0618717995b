import Foundation
import JSON
import TestSupport
import Testing

/// A property-based run of schemathesis (PyPI, pinned in scripts/install-test-dependencies.sh) against a live
/// server, from its own `/openapi.json`, once with a token of every role: no request may get a 5xx answer.
@Suite("Schemathesis")
struct SchemathesisTests {
    static let roles = ["admin", "issuer", "verifier", "device", "analyst"]

    /// Runs the schemathesis command line in this Python (no dependency on a `schemathesis` script on PATH), in the
    /// folder given as the first argument: schemathesis keeps a `.schemathesis` cache in its working folder.
    static let launcher =
        "import os, sys; os.chdir(sys.argv.pop(1)); from schemathesis.cli import schemathesis; sys.argv[0] = 'schemathesis'; sys.exit(schemathesis())"

    @Test("schemathesis finds no server error with a token of any role")
    func noServerErrors() async throws {
        let version = try await ServerProcess.detached {
            try ExternalProgram.python(["-c", "import schemathesis; print(schemathesis.__version__)"])
        }
        try #require(version.status == 0, "schemathesis is missing (scripts/install-test-dependencies.sh): \(version.standardError.suffix(500))")
        try #require(version.standardOutput.hasPrefix("4."), "expected schemathesis 4.x, found \(version.standardOutput)")

        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let admin = try #require(server.firstAdminToken)
        var tokens = ["admin": admin]
        for role in Self.roles where role != "admin" {
            tokens[role] = try await server.createToken(role: role)
        }
        let workFolder = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-schemathesis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workFolder) }
        for role in Self.roles {
            let token = try #require(tokens[role])
            let arguments = [
                "-c", Self.launcher, workFolder.path, "run", "\(server.baseURL)/openapi.json", "--header", "Authorization: Bearer \(token)",
                "--checks", "not_a_server_error", "--seed", "20261130", "--max-examples", "25", "--workers", "1",
                "--generation-database", "none", "--request-timeout", "30", "--no-color",
            ]
            let output = try await ServerProcess.detached { try ExternalProgram.python(arguments) }
            let text = output.standardOutput + output.standardError
            // The summary (and the failures before it) without the token.
            let summary = String(text.replacingOccurrences(of: token, with: "<token>").suffix(6000))
            #expect(output.status == 0, "schemathesis as \(role) found failures (exit \(output.status)):\n\(summary)")
            #expect(text.contains("passed") && !text.contains("Server error"), "schemathesis as \(role):\n\(summary)")
        }
        let serverErrors = server.standardError.split(separator: "\n").filter { $0.contains(" status=5") }
        #expect(serverErrors.isEmpty, "5xx in the request log: \(serverErrors.prefix(5))")
    }
}
