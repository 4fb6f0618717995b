import Prometheus
import Synchronization

/// The server's Prometheus metrics, each registered once (the registry refuses a name registered twice with
/// different help). Labels carry route patterns, methods, statuses, formats and results: never ids or data.
public final class ServerMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    static let latencyBuckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
    ]

    /// Creates the metrics in a new registry.
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
    }

    /// Counts a finished request and records its duration.
    func request(route: String, method: String, status: Int, duration: Duration) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "dvc", subsystem: "http", metricName: "requests", unitName: "total", helpText: "HTTP requests by route pattern, method and status"),
            labels: [("route", route), ("method", method), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "dvc", subsystem: "http", metricName: "request_duration", unitName: "seconds", helpText: "HTTP request latency by route pattern and method"),
            labels: [("route", route), ("method", method)], buckets: Self.latencyBuckets
        ).record(duration)
    }

    /// Counts issued certificates by format.
    public func issued(format: String, count: Int = 1) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "dvc", subsystem: "certificates", metricName: "issued", unitName: "total", helpText: "Certificates issued by format"),
            labels: [("format", format)]
        ).increment(by: Int64(count))
    }

    /// Counts a verification by format and result.
    func verified(format: String, valid: Bool) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "dvc", subsystem: "verifications", metricName: "results", unitName: "total", helpText: "Verifications by format and result"),
            labels: [("format", format), ("result", valid ? "valid" : "invalid")]
        ).increment()
    }

    /// Counts a revocation.
    func revoked() {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "dvc", subsystem: "certificates", metricName: "revoked", unitName: "total", helpText: "Certificates revoked"),
            labels: []
        ).increment()
    }

    /// Counts a telemetry batch by transport and the stable reason of its outcome (`TELEMETRY_ACCEPTED`,
    /// `TELEMETRY_DUPLICATE`, `TELEMETRY_BAD_SIGNATURE`, ...), and its readings when it was stored.
    public func telemetry(transport: String, reason: String, storedReadings: Int = 0) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "dvc", subsystem: "telemetry", metricName: "batches", unitName: "total",
                helpText: "Telemetry batches by transport and reason code"),
            labels: [("transport", transport), ("reason", reason)]
        ).increment()
        if storedReadings > 0 {
            registry.makeCounter(
                descriptor: MetricNameDescriptor(
                    namespace: "dvc", subsystem: "telemetry", metricName: "readings", unitName: "total",
                    helpText: "Temperature readings stored by transport"),
                labels: [("transport", transport)]
            ).increment(by: Int64(storedReadings))
        }
    }

    /// The Prometheus text exposition.
    public func text() -> [UInt8] { registry.emitToBuffer() }
}
