import ArgumentParser
import CredentialVerification
import Foundation
import JSON
import Trust
import Verifier

/// `dvc verify`: checks payloads offline against trusted certificates.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a certificate payload (as a QR scanner returns it) offline.",
        discussion: """
            Exit status: 0 valid, 1 invalid (in --batch mode: at least one invalid), 2 usage or I/O error.
            --json prints {"format", "valid", "checks", "errors", "issuer", "kid", "credential"}.
            """
    )

    @OptionGroup var trust: TrustOptions

    @Option(help: ArgumentHelp("Validation time: ISO 8601 (no offset = UTC) or Unix seconds. Default: now.", valueName: "TIME"))
    var at: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Flag(help: "One payload per line; JSON Lines out, in input order.")
    var batch = false

    @Argument(help: ArgumentHelp("A file holding the payload, or - for standard input (default).", valueName: "INPUT"))
    var input: String?

    func run() async throws {
        let time = try validationTime()
        let verifier = try trust.load(now: time).verifier
        let data = try InputSource.read(input)
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandError.io("expected UTF-8 text input, found other bytes")
        }
        if batch {
            let allValid = BatchVerification(verifier: verifier, time: time).run(text[...])
            OutputWriter.flush()
            if !allValid { throw ExitCode(1) }
            return
        }
        let result = verifier.makeSession().verify(InputSource.strippingOneTrailingNewline(text[...]), at: time)
        if json {
            OutputWriter.write(JSONSerializer.serialize(result.json, style: .pretty) + [UInt8(ascii: "\n")])
        } else {
            OutputWriter.write(VerificationSummary.text(for: result))
        }
        OutputWriter.flush()
        if !result.isValid { throw ExitCode(1) }
    }

    private func validationTime() throws -> Date {
        guard let at else { return Date() }
        guard let date = Timestamp.parse(at) else {
            throw CommandError.usage("expected --at as ISO 8601 (e.g. 2021-06-01T12:00:00+02:00) or Unix seconds, found \(at)")
        }
        return date
    }
}
