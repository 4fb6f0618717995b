import ArgumentParser
import Foundation
import Revocation
import TrustList
import Verifier

/// `dvc trust fetch` and `dvc trust show`: a signed trust list (or revocation snapshot) downloaded once and used
/// offline by `dvc verify --trust-list FILE --revocation FILE --anchor ANCHORS`.
struct TrustCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust", abstract: "Download and inspect signed trust lists and revocation snapshots.",
        subcommands: [Fetch.self, Show.self, TrustImportCommand.self])

    struct Fetch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download a signed trust list or revocation snapshot and keep it in a file.",
            discussion: """
                URL is http://host[:port]/path (for example a server's /api/v1/trust/list or \
                /api/v1/revocation/snapshot) or a local file. With --anchor the signature is checked before anything \
                is written: a refused download leaves FILE as it was. Exit status 0 written, 2 refused or unreachable.
                """)

        @Argument(help: ArgumentHelp("Where to download from.", valueName: "URL"))
        var url: String

        @Option(help: ArgumentHelp("The file to write.", valueName: "FILE"))
        var out: String

        @Option(
            name: .customLong("anchor"),
            help: ArgumentHelp("The trust-anchor keys (JWKS) that must have signed it. Repeatable.", valueName: "FILE"))
        var anchorPaths: [String] = []

        func run() async throws {
            let bytes = try await Self.download(url)
            var options = try TrustOptions.parse([])
            options.anchorPaths = anchorPaths
            let anchors = try options.anchors()
            let summary = try SignedDocumentSummary(bytes, anchors: anchors.isEmpty ? nil : anchors, now: Date())
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw CommandError.io("expected to write \(out), failed: \(error.localizedDescription)")
            }
            OutputWriter.write("Wrote \(out) (\(bytes.count) bytes): \(summary.headline)\n")
            OutputWriter.flush()
        }

        /// The bytes at `url`: over plain HTTP, or from a file.
        static func download(_ url: String) async throws -> [UInt8] {
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else { return Array(try InputSource.read(url)) }
            guard let components = URLComponents(string: url), components.scheme == "http", let host = components.host else {
                throw CommandError.usage("expected an http:// URL or a file (https is not supported by dvc's client), found \(url)")
            }
            var path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
            if let query = components.percentEncodedQuery { path += "?" + query }
            let response = try await PlainHTTPClient(host: host, port: components.port ?? 80).get(path)
            guard response.status == 200 else {
                throw CommandError.io("expected 200 from \(host), found \(response.status)")
            }
            return Array(response.body.readableBytesView)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print what a signed trust list or revocation snapshot holds.",
            discussion: "Without --anchor the signature is not checked (and the output says so).")

        @Argument(help: ArgumentHelp("The file (from dvc trust fetch).", valueName: "FILE"))
        var file: String

        @Option(
            name: .customLong("anchor"),
            help: ArgumentHelp("The trust-anchor keys (JWKS) to check the signature with. Repeatable.", valueName: "FILE"))
        var anchorPaths: [String] = []

        func run() async throws {
            var options = try TrustOptions.parse([])
            options.anchorPaths = anchorPaths
            let anchors = try options.anchors()
            let summary = try SignedDocumentSummary(
                Array(try InputSource.read(file)), anchors: anchors.isEmpty ? nil : anchors, now: Date())
            OutputWriter.write(summary.text)
            OutputWriter.flush()
        }
    }
}
