import HTTPAPI
import Registry
import ServiceLifecycle

/// Issues the rows of bulk jobs in the background of `dvc serve` (also jobs a previous run left unfinished).
/// On graceful shutdown it stops between rows; a row is stored with its certificate in one transaction, so an
/// interrupted row is simply issued by the next run.
struct BulkWorkerService: Service {
    let registry: Registry
    let metrics: ServerMetrics

    func run() async throws {
        let metrics = self.metrics
        await cancelWhenGracefulShutdown {
            await registry.runBulkWorker { format in metrics.issued(format: format.rawValue) }
        }
    }
}
