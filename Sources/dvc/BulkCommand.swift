import ArgumentParser
import Foundation
import JSON

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `dvc bulk issue FILE`: submits a CSV or FHIR Bundle of vaccinations to a server and follows the job to its end.
struct BulkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulk", abstract: "Bulk issuance through a server.", subcommands: [Issue.self])

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Submit a CSV (columns: docs/API.md) or a FHIR Bundle of Immunizations and follow the job.",
            discussion: """
                Shows a progress bar on a terminal and plain progress lines otherwise; prints the failed rows with \
                their error at the end. The job runs on the server: interrupting this command does not stop it, and \
                a server restarted mid-job resumes it (each row is issued once).
                """)

        @Option(help: ArgumentHelp("The server's base URL.", valueName: "URL"))
        var server: String = "http://127.0.0.1:8080"

        @Option(help: ArgumentHelp("A bearer token of an issuer or admin (or the DVC_TOKEN environment variable).", valueName: "TOKEN"))
        var token: String?

        @Option(help: "Formats to issue every row in, comma separated: hc1, shc, vds, vc.")
        var formats: String = "hc1"

        @Argument(help: ArgumentHelp("The CSV file or FHIR Bundle (JSON), or - for standard input.", valueName: "FILE"))
        var file: String

        func run() async throws {
            guard let token = token ?? ProcessInfo.processInfo.environment["DVC_TOKEN"] else {
                throw CommandError.usage("expected --token or DVC_TOKEN (an issuer's bearer token), found neither")
            }
            let client = BulkClient(server: server, token: token)
            let body = try InputSource.read(file)
            // A body whose first non-space byte is `{` is a FHIR Bundle.
            let isJSON = body.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "{")
            let submitted = try await client.send(
                "POST", "/api/v1/bulk?formats=\(formats)", body: body, contentType: isJSON ? "application/fhir+json" : "text/csv")
            guard submitted.status == 202, let id = submitted.json["id"]?.stringValue else {
                throw CommandError.io("expected the server to accept the job (202), found \(submitted.status): \(submitted.problem)")
            }
            let progress = ProgressDisplay(isTerminal: isatty(2) == 1)
            var job = submitted.json
            while true {
                progress.show(job)
                if job["status"]?.stringValue == "done" { break }
                try await Task.sleep(for: .milliseconds(500))
                let answer = try await client.send("GET", "/api/v1/bulk/\(id)")
                guard answer.status == 200 else {
                    throw CommandError.io("expected the job's progress (200), found \(answer.status): \(answer.problem)")
                }
                job = answer.json
            }
            progress.finish()
            let failed = try await client.send("GET", "/api/v1/bulk/\(id)/rows?status=failed")
            for row in failed.json.arrayValue ?? [] {
                let code = row["error"]?["code"]?.stringValue ?? "?"
                let field = row["error"]?["field"]?.stringValue.map { " (\($0))" } ?? ""
                OutputWriter.write("row \(row["row"]?.integerValue ?? 0): \(code)\(field)\n")
            }
            let issued = job["issuedRows"]?.integerValue ?? 0
            let total = job["totalRows"]?.integerValue ?? 0
            OutputWriter.write("Job \(id): \(issued) of \(total) rows issued, \(job["failedRows"]?.integerValue ?? 0) failed\n")
        }
    }
}

/// A minimal JSON-over-HTTP client for the server.
struct BulkClient {
    let server: String
    let token: String

    struct Answer {
        let status: Int
        let json: JSONValue
        /// The problem's code and detail, for messages.
        var problem: String { "\(json["code"]?.stringValue ?? "") \(json["detail"]?.stringValue ?? "")" }
    }

    func send(_ method: String, _ path: String, body: Data? = nil, contentType: String = "application/json") async throws -> Answer {
        guard let url = URL(string: server.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + path) else {
            throw CommandError.usage("expected --server as a URL like http://127.0.0.1:8080, found another value")
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        let (data, response): (Data, URLResponse)
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw CommandError.io("expected the server at \(server) to answer, found no connection")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return Answer(status: status, json: (try? JSONParser.parse(Array(data))) ?? .null)
    }
}

/// Progress on standard error: a redrawn bar on a terminal, one line per change otherwise.
final class ProgressDisplay {
    let isTerminal: Bool
    private var last = ""

    init(isTerminal: Bool) { self.isTerminal = isTerminal }

    func show(_ job: JSONValue) {
        let total = max(1, job["totalRows"]?.integerValue ?? 1)
        let issued = job["issuedRows"]?.integerValue ?? 0
        let failed = job["failedRows"]?.integerValue ?? 0
        let done = issued + failed
        let text: String
        if isTerminal {
            let width = 30
            let filled = Int(done * Int64(width) / total)
            text = "\r[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(done)/\(total) (\(failed) failed)"
        } else {
            text = "progress \(done)/\(total) issued \(issued) failed \(failed)\n"
        }
        guard text != last else { return }
        last = text
        FileHandle.standardError.write(Data(text.utf8))
    }

    func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
