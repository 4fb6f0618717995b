import ColdChain
import Foundation
import GS1
import LotIntegrity
import Storage

extension Registry {
    /// Evaluates a lot's integrity now (docs/COLDCHAIN.md, "Lot custody and integrity") and records a status
    /// change in the lot's history when the status differs from the last one recorded.
    ///
    /// - Throws: `LOT_INVALID` for a GTIN without a valid check digit or a lot number of the wrong length.
    public func lotStatus(gtin: String, lot: String, now: Date = Date()) async throws -> LotStatusReport {
        let identity = try Self.lotIdentity(gtin: gtin, lot: lot)
        let record = try await store.lot(gtin: identity.gtin, lot: identity.lot)
        let custody = try await store.custody(gtin: identity.gtin, lot: identity.lot)
        var history = try await store.lotEvents(gtin: identity.gtin, lot: identity.lot)
        let steps = custody.map {
            CustodyStep(
                lot: identity, time: TelemetryIngest.milliseconds($0.time), locations: $0.locations, inTransit: $0.inTransit,
                expiry: nil)
        }
        var placements: [DevicePlacementSpan] = []
        var excursions: [DeviceExcursion] = []
        var rules: [String: [AlarmRule]] = [:]
        if let first = custody.first {
            let locations = Array(Set(custody.flatMap(\.locations))).sorted()
            let stored = try await store.placements(atAnyOf: locations)
            placements = stored.map {
                DevicePlacementSpan(deviceID: $0.deviceID, location: $0.location, since: TelemetryIngest.milliseconds($0.since))
            }
            let deviceIDs = Array(Set(stored.map(\.deviceID))).sorted()
            if !deviceIDs.isEmpty {
                let profiles = try await profiles(of: deviceIDs)
                for id in deviceIDs {
                    let profile = profiles[id].flatMap(TemperatureProfile.preset(named:)) ?? .refrigerated
                    rules[id] = profile.alarms.filter { $0.mode == .single }
                }
                excursions = try await store.excursions(deviceIDs: deviceIDs, from: first.time, to: now).compactMap(Self.deviceExcursion)
            }
        }
        let recalled = history.contains { $0.kind == .recall }
        let evaluation = LotIntegrityEvaluator().evaluate(
            custody: steps, placements: placements, excursions: excursions, alarmRules: rules, expiry: record?.expiry,
            recalled: recalled, now: TelemetryIngest.milliseconds(now))
        if let change = Self.statusChange(evaluation, identity: identity, history: history, now: now) {
            try await store.append(change)
            history.append(change)
        }
        return LotStatusReport(
            gtin: identity.gtin, lot: identity.lot, record: record, evaluation: evaluation, custodySteps: custody.count,
            history: history, evaluatedAt: now)
    }

    /// The profile names of `deviceIDs`, from the cache; all devices are read again when one is missing (a device
    /// registered through another replica).
    func profiles(of deviceIDs: [String]) async throws -> [String: String] {
        let cached = deviceProfiles.withLock { $0 }
        if deviceIDs.allSatisfy({ cached[$0] != nil }) { return cached }
        var fresh: [String: String] = [:]
        for device in try await store.devices() { fresh[device.id] = device.profile }
        deviceProfiles.withLock { $0 = fresh }
        return fresh
    }

    /// The status-change event to record, or nil when the last recorded status is the same (no history and
    /// status ok records nothing).
    static func statusChange(_ evaluation: LotEvaluation, identity: LotIdentity, history: [LotEvent], now: Date) -> LotEvent? {
        let last = history.last { $0.kind != .override }?.status ?? LotStatus.ok.rawValue
        guard last != evaluation.status.rawValue else { return nil }
        let finding = evaluation.findings.first { $0.status == evaluation.status }
        return LotEvent(
            gtin: identity.gtin, lot: identity.lot, kind: .statusChanged, status: evaluation.status.rawValue,
            reasonCode: finding?.code ?? "LOT_OK", detail: finding.map(Self.describe) ?? "no finding remains",
            createdAt: now)
    }

    /// A finding in words for the lot's history: which device, which excursion; never personal data.
    public static func describe(_ finding: LotFinding) -> String {
        var parts = [finding.code]
        if let device = finding.deviceID { parts.append("device \(device)") }
        if let start = finding.start {
            parts.append("from \(Self.isoTime(start))" + (finding.end.map { " to \(Self.isoTime($0))" } ?? ""))
        }
        if let occurrences = finding.occurrences {
            parts.append("\(occurrences) excursions, \(Int((finding.totalMinutes ?? 0).rounded())) min in all")
        }
        if let minutes = finding.minutes { parts.append("\(finding.occurrences == nil ? "" : "longest ")\(Int(minutes.rounded())) min") }
        if let extreme = finding.extremeC { parts.append("extreme \(extreme) C") }
        return parts.joined(separator: ", ")
    }

    static func isoTime(_ milliseconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: TelemetryIngest.date(milliseconds))
    }

    static func deviceExcursion(_ stored: StoredExcursion) -> DeviceExcursion? {
        guard let kind = AlarmRule.Kind(rawValue: stored.kind) else { return nil }
        return DeviceExcursion(
            deviceID: stored.deviceID,
            excursion: TrackedExcursion(
                kind: kind, start: TelemetryIngest.milliseconds(stored.start), end: TelemetryIngest.milliseconds(stored.end),
                isOpen: stored.isOpen, extremeC: stored.extremeC))
    }

    /// A checked lot identity: the GTIN as 14 digits with a valid check digit, the lot 1 to 20 characters.
    public static func lotIdentity(gtin: String, lot: String) throws -> LotIdentity {
        guard let checked = try? GTIN(gtin) else {
            throw RegistryError(.lotInvalid, "expected a GTIN of 8 to 14 digits with a valid check digit, found another value")
        }
        guard (1...20).contains(lot.count), !lot.contains(where: { $0.isNewline }) else {
            throw RegistryError(.lotInvalid, "expected a lot number of 1 to 20 characters, found \(lot.count)")
        }
        return LotIdentity(gtin: checked.digits, lot: lot)
    }
}
