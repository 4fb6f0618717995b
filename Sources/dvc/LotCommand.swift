import ArgumentParser
import Foundation
import GS1
import JSON

/// `dvc lot status` and `dvc lot recall`: a vial's lot checked or recalled through a server.
struct LotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lot", abstract: "Check a vaccine lot's cold-chain integrity, or recall it, through a server.",
        subcommands: [Status.self, Recall.self])

    /// The server and token options every lot command takes.
    struct ServerOptions: ParsableArguments {
        @Option(help: ArgumentHelp("The server's base URL.", valueName: "URL"))
        var server: String = "http://127.0.0.1:8080"

        @Option(help: ArgumentHelp("A bearer token (or the DVC_TOKEN environment variable).", valueName: "TOKEN"))
        var token: String?

        func client() throws -> BulkClient {
            guard let token = token ?? ProcessInfo.processInfo.environment["DVC_TOKEN"] else {
                throw CommandError.usage("expected --token or DVC_TOKEN, found neither")
            }
            return BulkClient(server: server, token: token)
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A lot's status (ok, warning, compromised, expired, recalled) with the findings behind it.",
            discussion: """
                Give the vial's scan (GS1 DataMatrix data with GS separators or a ]d2 prefix, the human-readable \
                form (01)...(10)..., or a GS1 Digital Link URI), or --gtin and --lot. Exit status 0 when the lot may be \
                used (ok, warning), 1 when it may not (compromised, expired, recalled), 2 on a usage or I/O error.
                """)

        @OptionGroup var server: ServerOptions

        @Option(help: "The GTIN (8 to 14 digits).")
        var gtin: String?

        @Option(help: "The lot (batch) number.")
        var lot: String?

        @Flag(help: "Print the server's JSON.")
        var json = false

        @Argument(help: ArgumentHelp("What the scanner read from the vial.", valueName: "SCAN"))
        var scan: String?

        func run() async throws {
            let (gtin, lot) = try LotCommand.lotIdentity(scan: scan, gtin: gtin, lot: lot)
            let answer = try await server.client().send("GET", "/api/v1/lots/\(gtin)/\(LotCommand.pathComponent(lot))/status")
            guard answer.status == 200 else {
                throw CommandError.io("expected the lot's status (200), found \(answer.status): \(answer.problem)")
            }
            if json {
                OutputWriter.write(JSONSerializer.serializeToString(answer.json, style: .pretty) + "\n")
            } else {
                OutputWriter.write(LotCommand.summary(answer.json))
            }
            let status = answer.json["status"]?.stringValue ?? ""
            if ["compromised", "expired", "recalled"].contains(status) { throw ExitCode(1) }
        }
    }

    struct Recall: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recall a lot (admin): list every certificate and holder vaccinated from it, optionally revoke them.")

        @OptionGroup var server: ServerOptions

        @Option(help: "Why (1 to 200 characters; no personal data).")
        var reason: String

        @Flag(help: "Revoke every certificate issued from the lot.")
        var revoke = false

        @Flag(help: "Print the server's JSON.")
        var json = false

        @Argument(help: ArgumentHelp("The GTIN.", valueName: "GTIN"))
        var gtin: String

        @Argument(help: ArgumentHelp("The lot number.", valueName: "LOT"))
        var lot: String

        func run() async throws {
            let body = JSONSerializer.serialize(.object(["reason": .string(reason), "revoke": .bool(revoke)]))
            let answer = try await server.client().send(
                "POST", "/api/v1/lots/\(gtin)/\(LotCommand.pathComponent(lot))/recall", body: Data(body))
            guard answer.status == 200 else {
                throw CommandError.io("expected the recall to be recorded (200), found \(answer.status): \(answer.problem)")
            }
            if json {
                OutputWriter.write(JSONSerializer.serializeToString(answer.json, style: .pretty) + "\n")
                return
            }
            let vaccinations = answer.json["vaccinations"]?.arrayValue ?? []
            OutputWriter.write("Recalled GTIN \(gtin) lot \(lot): \(vaccinations.count) vaccinations, \(answer.json["revoked"]?.integerValue ?? 0) certificates revoked\n")
            for vaccination in vaccinations {
                let certificate = vaccination["certificateID"]?.stringValue ?? "none"
                let state = vaccination["revoked"] == .bool(true) ? "revoked" : "valid"
                OutputWriter.write(
                    "  holder \(vaccination["holderID"]?.stringValue ?? "?") dose \(vaccination["dose"]?.integerValue ?? 0) on \(vaccination["date"]?.stringValue ?? "?"): certificate \(certificate) (\(state))\n")
            }
        }
    }

    /// GTIN and lot from a scan or the options.
    static func lotIdentity(scan: String?, gtin: String?, lot: String?) throws -> (gtin: String, lot: String) {
        if let scan {
            let trimmed = scan.trimmingCharacters(in: .whitespacesAndNewlines)
            let elements: GS1ElementString
            do {
                if trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://") {
                    elements = try GS1DigitalLink.parse(trimmed).elementString
                } else {
                    elements = try GS1ElementString.parse(trimmed)
                }
            } catch {
                // Both parsers throw GS1Error only (typed throws).
                throw CommandError.usage(
                    "expected a GS1 DataMatrix scan or Digital Link with AIs 01 and 10, found: \(error.code) \(error.message)")
            }
            guard let gtin = elements.gtin, let lot = elements.lot else {
                throw CommandError.usage("expected a scan with a GTIN (AI 01) and a lot (AI 10), found one without")
            }
            return (gtin.digits, lot)
        }
        guard let gtin, let lot else {
            throw CommandError.usage("expected a SCAN argument, or --gtin and --lot, found neither")
        }
        return (gtin, lot)
    }

    static func pathComponent(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    /// The status in a few lines for people.
    static func summary(_ json: JSONValue) -> String {
        var text = "GTIN \(json["gtin"]?.stringValue ?? "?") lot \(json["lot"]?.stringValue ?? "?"): \(json["status"]?.stringValue ?? "?")"
        if let expiry = json["expiry"]?.stringValue { text += " (expires \(expiry))" }
        if json["known"] == .bool(false) { text += " (lot not known to the server)" }
        text += "\n"
        for finding in json["findings"]?.arrayValue ?? [] {
            text += "  \(finding["status"]?.stringValue ?? "?"): \(finding["description"]?.stringValue ?? "")\n"
        }
        let watches = json["watches"]?.arrayValue ?? []
        let devices = Set(watches.compactMap { $0["deviceID"]?.stringValue })
        text += "  watched by \(devices.count) devices over \(json["custodySteps"]?.integerValue ?? 0) custody steps\n"
        return text
    }
}
