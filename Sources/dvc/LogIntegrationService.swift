import Foundation
import Logging
import Registry
import ServiceLifecycle

/// Moves the transparency log's queued entries into the log and publishes a signed tree head every `interval`
/// (the log's maximum merge delay); replicas take turns in the store.
struct LogIntegrationService: Service {
    let log: TransparencyLogService
    let logger: Logger
    var interval: Duration = .seconds(1)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                do {
                    try await log.integrate()
                } catch {
                    // Codes only: the error names tables and sizes, never data.
                    logger.warning("transparency log integration failed", metadata: ["error": "\(type(of: error))"])
                }
            }
        }
    }
}
