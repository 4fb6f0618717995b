import ArgumentParser
import Foundation
import HTTPAPI
import Hummingbird
import Logging
import MQTTClient
import Registry
import ServiceLifecycle

/// `dvc serve`: the OpenDVC server (issuer, verifier and registry over HTTP).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the OpenDVC server: record vaccinations, issue, verify and revoke certificates over HTTP.",
        discussion: """
            SQLite in --data DIR by default; PostgreSQL with --database URL (several servers may share one database; \
            give them the same DVC_MASTER_KEY). On first start the server creates the issuer's keys (sealed with the \
            master key), or imports them with --import-keys DIR, and prints the first admin token once. Stops gracefully on SIGTERM and SIGINT: requests \
            already accepted are answered first.
            """
    )

    @OptionGroup var store: StoreOptions

    @OptionGroup var broker: MQTTOptions

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port, printed at start).")
    var port: Int = 8080

    @Option(help: "Largest accepted request body in bytes (413 above).")
    var maxBodyBytes: Int = 1 << 20

    @Option(help: "Largest accepted bulk file (POST /api/v1/bulk) in bytes.")
    var maxBulkBytes: Int = 32 << 20

    @Option(
        help: ArgumentHelp(
            "On first start, use the CSCA and DSC in DIR (csca.pem, csca.key.pem, dsc.pem, dsc.key.pem, as dvc keys generate writes them) instead of generated keys; refused when the store already has keys.",
            valueName: "DIR"))
    var importKeys: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    func run() async throws {
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw CommandError.usage("expected --log-level trace, debug, info, notice, warning, error or critical, found another value")
        }
        guard (0...65_535).contains(port), maxBodyBytes > 0, maxBulkBytes > 0 else {
            throw CommandError.usage("expected --port 0 to 65535 and a positive --max-body-bytes, found others")
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "dvc")
        let host = self.host
        let description = store.storeDescription
        let importing = try importKeys.map { try IssuerKeyImport(directory: $0) }
        try await store.withStore(logger: logger) { platform, masterKey in
            let (registry, firstToken) = try await Registry.open(
                store: platform, masterKey: masterKey, configuration: store.registryConfiguration(port: port), importing: importing)
            if importKeys != nil {
                OutputWriter.write("Imported the issuer keys (CSCA and DSC) from \(importKeys ?? "")\n")
            }
            if let firstToken {
                OutputWriter.write("First admin token (shown once, keep it safe): \(firstToken.text)\n")
            }
            let metrics = ServerMetrics()
            let transparencyLog = try await registry.openTransparencyLog()
            try await transparencyLog.integrate()
            let router = APIServer.router(
                registry: registry,
                options: APIOptions(maxBodyBytes: maxBodyBytes, maxBulkBytes: maxBulkBytes, transparencyLog: transparencyLog),
                metrics: metrics, logger: logger)
            var services: [any Service] = [
                BulkWorkerService(registry: registry, metrics: metrics), RevocationRefreshService(registry: registry),
                LogIntegrationService(log: transparencyLog, logger: logger),
            ]
            if let configuration = try broker.configuration(defaultClientID: "dvc-serve", subscribe: true) {
                let handler = MQTTTelemetryHandler(registry: registry, metrics: metrics, logger: logger)
                services.append(try MQTTClient(configuration: configuration, logger: logger) { try await handler.handle($0) })
                OutputWriter.write("Telemetry over MQTT: subscribing to \(MQTTOptions.telemetryFilter) on \(configuration.host):\(configuration.port)\n")
            }
            let app = Application(
                router: router, configuration: .init(address: .hostname(host, port: port), serverName: "OpenDVC"),
                services: services,
                onServerRunning: { channel in
                    let bound = channel.localAddress?.port ?? 0
                    OutputWriter.write(
                        "OpenDVC listening on http://\(host):\(bound) (\(description)); API description at /openapi.json\n")
                },
                logger: logger)
            try await app.runService()
        }
    }
}
