import CredentialVerification
import Foundation
import JSON
import LotIntegrity
import Registry
import Storage

/// The JSON of lot status reports, recalls and lot history.
enum LotJSON {
    /// The most findings a status response lists.
    static let maximumFindings = 100

    static func status(_ report: LotStatusReport) -> JSONValue {
        var object = JSONObject()
        object["gtin"] = .string(report.gtin)
        object["lot"] = .string(report.lot)
        object["status"] = .string(report.status.rawValue)
        object["expiry"] = report.record?.expiry.map(JSONValue.string) ?? .null
        object["known"] = .bool(report.record != nil)
        object["custodySteps"] = .integer(Int64(report.custodySteps))
        // The most severe first; at most 100 (a lot watched by 1,000 devices for a month can have tens of thousands
        // of short excursions), with the total.
        let findings = report.evaluation.findings.enumerated().sorted {
            ($0.element.status.severity, -$0.offset) > ($1.element.status.severity, -$1.offset)
        }.map(\.element)
        object["findings"] = .array(findings.prefix(Self.maximumFindings).map(finding))
        object["findingsTotal"] = .integer(Int64(findings.count))
        object["watches"] = .array(
            report.evaluation.watches.map {
                .object([
                    "deviceID": .string($0.deviceID), "location": .string($0.location), "from": .string(time($0.from)),
                    "to": .string(time($0.to)),
                ])
            })
        object["history"] = .array(report.history.map(event))
        object["evaluatedAt"] = .string(Timestamp.format(report.evaluatedAt))
        return .object(object)
    }

    static func finding(_ finding: LotFinding) -> JSONValue {
        var object = JSONObject()
        object["code"] = .string(finding.code)
        object["status"] = .string(finding.status.rawValue)
        object["deviceID"] = finding.deviceID.map(JSONValue.string)
        object["start"] = finding.start.map { .string(time($0)) }
        object["end"] = finding.end.map { .string(time($0)) }
        object["minutes"] = finding.minutes.map(JSONValue.double)
        object["extremeC"] = finding.extremeC.map(JSONValue.double)
        object["occurrences"] = finding.occurrences.map { .integer(Int64($0)) }
        object["totalMinutes"] = finding.totalMinutes.map(JSONValue.double)
        object["description"] = .string(Registry.describe(finding))
        return .object(object)
    }

    static func event(_ event: LotEvent) -> JSONValue {
        var object = JSONObject()
        object["kind"] = .string(event.kind.rawValue)
        object["status"] = .string(event.status)
        object["reasonCode"] = .string(event.reasonCode)
        object["detail"] = .string(event.detail)
        object["principalID"] = event.principalID.map { .string($0.uuidString.lowercased()) }
        object["at"] = .string(Timestamp.format(event.createdAt))
        return .object(object)
    }

    static func recall(_ result: Registry.LotRecallResult) -> JSONValue {
        .object([
            "status": status(result.report),
            "revoked": .integer(Int64(result.revoked.count)),
            "vaccinations": .array(
                result.vaccinations.map {
                    .object([
                        "eventID": .string($0.event.id.uuidString.lowercased()),
                        "holderID": .string($0.event.holderID.uuidString.lowercased()),
                        "certificateID": $0.certificateID.map { .string($0.uuidString.lowercased()) } ?? .null,
                        "date": .string($0.event.date),
                        "dose": .integer(Int64($0.event.dose)),
                        "revoked": .bool($0.isRevoked),
                    ])
                }),
        ])
    }

    static func time(_ milliseconds: Int64) -> String {
        Timestamp.format(milliseconds: milliseconds)
    }
}
