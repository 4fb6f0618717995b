import Registry
import ServiceLifecycle

/// Reads revocations made by other replicas into this server's verifier every `interval` (a revocation made
/// here counts at once).
struct RevocationRefreshService: Service {
    let registry: Registry
    var interval: Duration = .seconds(2)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                try? await registry.refreshRevocations()
            }
        }
    }
}
