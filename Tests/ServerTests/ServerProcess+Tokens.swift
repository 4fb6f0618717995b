import Foundation
import TestSupport

extension ServerProcess {
    /// Creates a principal with `role` through `dvc admin token create` on the server's store (while the server
    /// runs) and returns its bearer token.
    func createToken(role: String) async throws -> String {
        let executable = launch.executable
        let arguments = ["admin", "token", "create"] + storeArguments + ["--role", role, "--name", "server-test-\(role)"]
        let environment = self.environment
        let output = try await Self.detached { try ExternalProgram.run(executable, arguments, environment: environment) }
        let token = output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        guard output.status == 0, token.hasPrefix("dvc_") else {
            throw ServerProcessError(
                "dvc admin token create --role \(role) failed with status \(output.status): \(output.standardError.suffix(800))")
        }
        return token
    }

    /// Runs blocking work (a child process) off the cooperative thread pool.
    static func detached<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
