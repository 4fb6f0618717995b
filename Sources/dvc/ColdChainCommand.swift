import ArgumentParser
import ColdChain
import Foundation
import JSON

/// `dvc coldchain`: cold-chain analytics on temperature records (no network, no storage).
struct ColdChainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coldchain",
        abstract: "Analyze vaccine cold-chain temperature records.",
        subcommands: [Analyze.self]
    )

    /// `dvc coldchain analyze [--profile P] [--vvm V] [--json] [--fail-on-alarm] FILE`.
    struct Analyze: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Range, mean, MKT, WHO/profile alarms and VVM use of one temperature record.",
            discussion: """
                FILE is a CSV with the header time,celsius (ISO 8601 times with offset, in increasing order), a
                Berlinger Fridge-tag 2 L / Ultra Low or Q-tag text export (recognised by its first line Device:,
                times read as UTC, a gap longer than twice the logging interval cuts an excursion), or - for standard
                input. Reading i holds until reading i+1; an excursion runs from the first out-of-range reading to
                the next in-range one (or the last reading) and alarms when its minutes reach the rule's. Profiles:
                2-8 (heat > +8.0 C for 600 min, freeze <= -0.5 C for 60 min, WHO 30DTR), minus-25-15 and
                minus-90-60 (beyond either limit for 60 min). MKT uses dH/R = 10000 K. See docs/COLDCHAIN.md.
                --json prints {readings, start, end, minC, maxC, meanC, mktC, alarms: [{kind, start, end, minutes}],
                vvm: {type, usedPercent} | null} with UTC times.
                Exit status: 0 analyzed (alarms are reported in the output), 1 an alarm with --fail-on-alarm,
                2 usage, I/O or input error.
                """
        )

        @Option(help: ArgumentHelp("Storage profile: 2-8, minus-25-15 or minus-90-60.", valueName: "PROFILE"))
        var profile = "2-8"

        @Option(help: ArgumentHelp("Charge the record to a calculated VVM: VVM2, VVM7, VVM14 or VVM30.", valueName: "TYPE"))
        var vvm: String?

        @Flag(help: "Print the result as JSON.")
        var json = false

        @Flag(help: "Exit with status 1 when the record raises an alarm.")
        var failOnAlarm = false

        @Argument(help: ArgumentHelp("The record: a time,celsius CSV or a Berlinger export, or - for standard input.", valueName: "FILE"))
        var file: String

        func run() async throws {
            guard let storage = TemperatureProfile.preset(named: profile) else {
                let names = TemperatureProfile.presets.map(\.name).joined(separator: ", ")
                throw CommandError.usage("expected --profile \(names), found \(profile)")
            }
            var calculatedVVM: CalculatedVVM?
            if let vvm {
                guard let category = VVMCategory(rawValue: vvm.uppercased()) else {
                    throw CommandError.usage("expected --vvm VVM2, VVM7, VVM14 or VVM30, found \(vvm)")
                }
                calculatedVVM = CalculatedVVM(category: category)
            }
            let data = try InputSource.read(file)
            guard let text = String(data: data, encoding: .utf8) else {
                throw CommandError.io("expected UTF-8 text input, found other bytes")
            }
            let readings: [TemperatureReading]
            var maxHold: TimeInterval?
            if BerlingerReader.looksLikeExport(text) {
                let export = try BerlingerReader().read(text: text)
                guard !export.readings.isEmpty else {
                    throw ColdChainError(
                        .noReadings,
                        "expected a Berlinger export with logged readings (Data:), found daily summaries only")
                }
                readings = export.readings
                maxHold = export.maxHold
            } else {
                readings = try TemperatureCSVReader().read(text: text)
            }
            let analysis = try ColdChainAnalysis.analyze(
                readings, profile: storage, vvm: calculatedVVM, maxHold: maxHold)
            if json {
                OutputWriter.write(JSONSerializer.serialize(analysis.json, style: .pretty) + [UInt8(ascii: "\n")])
            } else {
                OutputWriter.write(Self.text(analysis))
            }
            OutputWriter.flush()
            if failOnAlarm, !analysis.alarms.isEmpty { throw ExitCode(1) }
        }

        /// The human-readable summary (the same figures as the JSON form).
        static func text(_ analysis: ColdChainAnalysis) -> String {
            let json = analysis.json
            func string(_ key: String) -> String { json[key]?.stringValue ?? "?" }
            func celsius(_ key: String) -> String {
                guard let value = json[key]?.doubleValue else { return "?" }
                return String(format: "%.2f C", value)
            }
            var lines = [
                "readings: \(analysis.readings), \(string("start")) to \(string("end"))",
                "profile:  \(analysis.profile.name)",
                "min \(celsius("minC")), max \(celsius("maxC")), mean \(celsius("meanC")), MKT \(celsius("mktC"))",
            ]
            let alarms = json["alarms"]?.arrayValue ?? []
            if alarms.isEmpty {
                lines.append("alarms:   none")
            } else {
                lines.append("alarms:   \(alarms.count)")
                for alarm in alarms {
                    let kind = alarm["kind"]?.stringValue ?? "?"
                    let minutes = alarm["minutes"]?.doubleValue ?? 0
                    let start = alarm["start"]?.stringValue ?? "?"
                    let end = alarm["end"]?.stringValue ?? "?"
                    lines.append("  \(kind) \(start) to \(end) (\(String(format: "%.0f", minutes)) min)")
                }
            }
            if let type = json["vvm"]?["type"]?.stringValue, let used = json["vvm"]?["usedPercent"]?.doubleValue {
                lines.append("vvm:      \(type) \(String(format: "%.2f", used)) % used")
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
