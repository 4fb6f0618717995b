import ColdChain

/// Judges a lot's integrity from its custody, the devices that watched it and their excursions, its expiry and
/// recall state (rules in docs/COLDCHAIN.md, "Lot custody and integrity"). Pure: times are milliseconds since 1970.
///
/// - Custody step *i* holds `[time_i, time_{i+1})`, the last until `now`. A device placement *j* holds
///   `[since_j, since_{j+1})`, the last until `now`. While a placement is at one of a step's locations the device
///   watches the lot: the intersection is a ``LotWatch``.
/// - An excursion of a device is clipped to each stretch the device watched without interruption; if the clipped
///   minutes reach the minutes of the device's alarm rule (same kind, same threshold when known) it is an alarm
///   (`compromised`), else an excursion (`warning`).
/// - `LOT_UNMONITORED` (`warning`): a stretch of at least ``unmonitoredMinutes`` within one custody interval that no
///   device watched (a whole interval without any device is one such stretch).
/// - `LOT_EXPIRED` when the expiry day (usable through that day, UTC) is before `now`'s UTC day; `LOT_RECALLED`.
/// - The status is the most severe: recalled > compromised > expired > warning > ok.
///
/// Cost: sorting the placements per device and the watches, one pass over the excursions with a binary search in
/// the watching device's coverage; spans at the lot's locations only are intersected with the custody intervals.
public struct LotIntegrityEvaluator: Sendable {
    /// The shortest unwatched stretch of custody reported as `LOT_UNMONITORED`, in minutes (default 60).
    public var unmonitoredMinutes: Double

    /// An evaluator with the default settings.
    public init() {
        self.unmonitoredMinutes = 60
    }

    /// Evaluates one lot.
    ///
    /// - Parameters:
    ///   - custody: the lot's custody steps in time order (steps with equal times keep their order).
    ///   - placements: the whole placement histories of the candidate devices, in any order.
    ///   - excursions: those devices' excursions.
    ///   - alarmRules: the single-mode alarm rules per device id (from its profile); a device missing here uses those of
    ///     ``ColdChain/TemperatureProfile/refrigerated``; cumulative rules are ignored.
    ///   - expiry: the expiry date `YYYY-MM-DD`, usable through that day (UTC); when nil, the latest expiry found in the
    ///     custody steps is used. An invalid date is ignored.
    ///   - recalled: whether the lot is recalled.
    ///   - now: the evaluation time.
    public func evaluate(
        custody: [CustodyStep], placements: [DevicePlacementSpan], excursions: [DeviceExcursion],
        alarmRules: [String: [AlarmRule]], expiry: String?, recalled: Bool, now: Int64
    ) -> LotEvaluation {
        let steps = custody.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
            .map(\.element)
        var findings: [LotFinding] = []
        if recalled { findings.append(LotFinding(code: LotFinding.recalled, status: .recalled)) }
        if let date = expiry ?? steps.last(where: { $0.expiry != nil })?.expiry, let day = ISODay.dayNumber(date),
            day < ISODay.dayNumber(milliseconds: now)
        {
            findings.append(LotFinding(code: LotFinding.expired, status: .expired, start: (day + 1) * ISODay.milliseconds))
        }
        var watches: [LotWatch] = []
        if !steps.isEmpty {
            let coverage = CustodyCoverage(
                steps: steps, placements: placements, now: now, unmonitoredMilliseconds: unmonitoredMinutes * 60_000)
            watches = coverage.watches
            findings += coverage.unmonitored
            findings += excursionFindings(excursions, coverage: coverage.byDevice, alarmRules: alarmRules)
        }
        findings = Self.ordered(findings)
        let status = findings.map(\.status).max { $0.severity < $1.severity } ?? .ok
        return LotEvaluation(status: status, findings: findings, watches: watches)
    }

    /// Findings by start (none first), device id (none first), code and end (none first), then input order.
    /// Sorts integer keys (device ids and codes replaced by their rank): tens of thousands of findings (a month of
    /// short excursions on 1,000 devices) sort in about a millisecond, where comparing the findings themselves took
    /// more than the database reads of a lot status.
    static func ordered(_ findings: [LotFinding]) -> [LotFinding] {
        let devices = Array(Set(findings.compactMap(\.deviceID))).sorted()
        var deviceRank: [String: Int] = [:]
        for (rank, device) in devices.enumerated() { deviceRank[device] = rank }
        let codes = Array(Set(findings.map(\.code))).sorted()
        var codeRank: [String: Int] = [:]
        for (rank, code) in codes.enumerated() { codeRank[code] = rank }
        var keys: [(Int, Int64, Int, Int, Int64, Int)] = []
        keys.reserveCapacity(findings.count)
        for (index, finding) in findings.enumerated() {
            keys.append(
                (
                    finding.start == nil ? 0 : 1, finding.start ?? 0, finding.deviceID.flatMap { deviceRank[$0] } ?? -1,
                    codeRank[finding.code] ?? 0, finding.end ?? Int64.min, index
                ))
        }
        keys.sort(by: <)
        return keys.map { findings[$0.5] }
    }

    /// The single-mode rules of a device without its own.
    static let defaultRules = TemperatureProfile.refrigerated.alarms.filter { $0.mode == .single }

    /// Clips every excursion of a watching device to its uninterrupted watch stretches. An alarm-length clipped
    /// excursion is a finding of its own; the shorter ones are summarised per device and kind (a month of daily
    /// door openings on 1,000 fridges would otherwise be 30,000 findings).
    func excursionFindings(
        _ excursions: [DeviceExcursion], coverage: [String: [CustodyCoverage.Stretch]], alarmRules: [String: [AlarmRule]]
    ) -> [LotFinding] {
        var findings: [LotFinding] = []
        // Short excursions of the current device, by kind (heat, freeze).
        var summaries: [AlarmRule.Kind: LotFinding] = [:]
        // A device's excursions come together (the store orders them by device): look its coverage and rules up
        // once per run, and emit its summaries when the run ends.
        var runDevice: String?
        var runStretches: [CustodyCoverage.Stretch]?
        var runRules: [AlarmRule] = Self.defaultRules
        func flush() {
            for kind in AlarmRule.Kind.allCases { if let summary = summaries[kind] { findings.append(summary) } }
            summaries = [:]
        }
        for item in excursions.indices {
            if excursions[item].deviceID != runDevice {
                flush()
                runDevice = excursions[item].deviceID
                runStretches = coverage[excursions[item].deviceID]
                runRules = alarmRules[excursions[item].deviceID] ?? Self.defaultRules
            }
            guard let stretches = runStretches else { continue }
            let excursion = excursions[item].excursion
            let deviceID = excursions[item].deviceID
            guard excursion.start <= excursion.end else { continue }
            let instant = excursion.start == excursion.end
            // The first stretch ending after the excursion starts.
            var low = 0
            var high = stretches.count
            while low < high {
                let middle = (low + high) / 2
                if stretches[middle].to <= excursion.start { low = middle + 1 } else { high = middle }
            }
            var index = low
            while index < stretches.count, stretches[index].from <= excursion.end {
                let stretch = stretches[index]
                index += 1
                let start = max(excursion.start, stretch.from)
                let end = min(excursion.end, stretch.to)
                guard start < end || (instant && stretch.from <= excursion.start) else { continue }
                let minutes = (Double(end) - Double(start)) / 60_000
                let rule = Self.rule(for: excursion, rules: runRules)
                if let rule, minutes >= rule.minutes {
                    findings.append(
                        LotFinding(
                            code: excursion.kind == .heat ? LotFinding.heatAlarm : LotFinding.freezeAlarm, status: .compromised,
                            deviceID: deviceID, start: start, end: end, minutes: minutes, extremeC: excursion.extremeC))
                    continue
                }
                guard var summary = summaries[excursion.kind] else {
                    summaries[excursion.kind] = LotFinding(
                        code: excursion.kind == .heat ? LotFinding.heatExcursion : LotFinding.freezeExcursion, status: .warning,
                        deviceID: deviceID, start: start, end: end, minutes: minutes, extremeC: excursion.extremeC,
                        occurrences: 1, totalMinutes: minutes)
                    continue
                }
                summary.start = min(summary.start ?? start, start)
                summary.end = max(summary.end ?? end, end)
                summary.minutes = max(summary.minutes ?? minutes, minutes)
                summary.extremeC =
                    excursion.kind == .heat
                    ? max(summary.extremeC ?? excursion.extremeC, excursion.extremeC)
                    : min(summary.extremeC ?? excursion.extremeC, excursion.extremeC)
                summary.occurrences = (summary.occurrences ?? 0) + 1
                summary.totalMinutes = (summary.totalMinutes ?? 0) + minutes
                summaries[excursion.kind] = summary
            }
        }
        flush()
        return findings
    }

    /// The single-mode rule an excursion was tracked under: same kind and threshold, else the first of its kind.
    static func rule(for excursion: TrackedExcursion, rules: [AlarmRule]) -> AlarmRule? {
        var first: AlarmRule?
        for rule in rules where rule.mode == .single && rule.kind == excursion.kind {
            if let threshold = excursion.thresholdC, rule.thresholdC == threshold { return rule }
            if first == nil { first = rule }
        }
        return first
    }
}
