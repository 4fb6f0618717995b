import Foundation
import JSON

/// The analysis of one temperature record: range, mean and mean kinetic temperature, the alarms of a
/// ``TemperatureProfile`` and, optionally, the share of a VVM's life used.
public struct ColdChainAnalysis: Sendable, Hashable {
    /// The number of readings.
    public var readings: Int
    /// The time of the first reading.
    public var start: Date
    /// The time of the last reading.
    public var end: Date
    /// The lowest reading.
    public var minC: Double
    /// The highest reading.
    public var maxC: Double
    /// The mean of the readings, each weighted equally.
    public var meanC: Double
    /// The mean kinetic temperature, each reading weighted equally.
    public var mktC: Double
    /// The profile whose alarms were evaluated.
    public var profile: TemperatureProfile
    /// One evaluation per alarm rule of the profile, in the profile's order.
    public var evaluations: [AlarmEvaluation]
    /// The calculated VVM used, if one was asked for.
    public var vvm: CalculatedVVM?
    /// The fraction of the VVM's life used (nil without a VVM).
    public var vvmUsedFraction: Double?

    /// The alarmed excursions of all rules, ordered by start (heat before freeze on equal starts).
    public var alarms: [Excursion] {
        evaluations.flatMap(\.alarms).sorted {
            $0.start != $1.start ? $0.start < $1.start : $0.kind == .heat && $1.kind == .freeze
        }
    }

    /// Analyzes a record.
    ///
    /// - Parameters:
    ///   - readings: readings in strictly increasing time order (as the readers return them).
    ///   - profile: the storage range and its alarm rules.
    ///   - vvm: a calculated VVM to charge the record to, or nil.
    ///   - maxHold: the longest time one reading holds (see ``AlarmRule/evaluate(_:maxHold:)``), or nil.
    ///   - mktActivationEnergyOverR: ΔH/R for the MKT (USP <1079>: 10000 K).
    /// - Throws: ``ColdChainError`` `COLDCHAIN_NO_READINGS` for an empty record, `COLDCHAIN_TIME_ORDER` when the
    ///   readings are not strictly increasing in time, `COLDCHAIN_TEMPERATURE_OUT_OF_RANGE` for a temperature
    ///   outside ``TemperatureReading/plausibleRange``.
    public static func analyze(
        _ readings: [TemperatureReading], profile: TemperatureProfile = .refrigerated, vvm: CalculatedVVM? = nil,
        maxHold: TimeInterval? = nil,
        mktActivationEnergyOverR: Double = MeanKineticTemperature.defaultActivationEnergyOverR
    ) throws -> ColdChainAnalysis {
        guard let first = readings.first, let last = readings.last else {
            throw ColdChainError(.noReadings, "expected at least one temperature reading, found none")
        }
        var minC = first.celsius
        var maxC = first.celsius
        var sum = 0.0
        for (index, reading) in readings.enumerated() {
            guard TemperatureReading.plausibleRange.contains(reading.celsius) else {
                throw ColdChainError(
                    .temperatureOutOfRange,
                    "expected reading \(index + 1) within \(TemperatureReading.plausibleRange), found \(reading.celsius)")
            }
            if index > 0, reading.time <= readings[index - 1].time {
                throw ColdChainError(.timeOrder, "expected reading \(index + 1) later than the one before it")
            }
            minC = Swift.min(minC, reading.celsius)
            maxC = Swift.max(maxC, reading.celsius)
            sum += reading.celsius
        }
        guard let mktC = MeanKineticTemperature.celsius(
            of: readings, activationEnergyOverR: mktActivationEnergyOverR)
        else {
            throw ColdChainError(.invalidParameter, "expected a positive finite MKT activation energy")
        }
        return ColdChainAnalysis(
            readings: readings.count, start: first.time, end: last.time, minC: minC, maxC: maxC,
            meanC: sum / Double(readings.count), mktC: mktC, profile: profile,
            evaluations: profile.alarms.map { $0.evaluate(readings, maxHold: maxHold) },
            vvm: vvm, vvmUsedFraction: vvm?.usedFraction(readings, maxHold: maxHold))
    }

    /// The result in the `dvc coldchain analyze --json` form:
    /// `{readings, start, end, minC, maxC, meanC, mktC, alarms: [{kind, start, end, minutes}], vvm}`, times as
    /// UTC ISO 8601 (`2024-01-31T08:00:00Z`), temperatures and minutes rounded to 4 and 3 decimals, `vvm`
    /// `{type, usedPercent}` or null.
    public var json: JSONValue {
        let alarmValues: [JSONValue] = alarms.map { alarm in
            .object([
                "kind": .string(alarm.kind.rawValue),
                "start": .string(CivilTime.formatUTC(alarm.start)),
                "end": .string(CivilTime.formatUTC(alarm.end)),
                "minutes": .double(Self.rounded(alarm.minutes, places: 3)),
            ])
        }
        var vvmValue = JSONValue.null
        if let vvm, let vvmUsedFraction {
            vvmValue = .object([
                "type": .string(vvm.category.rawValue),
                "usedPercent": .double(Self.rounded(vvmUsedFraction * 100, places: 4)),
            ])
        }
        return .object([
            "readings": .integer(Int64(readings)),
            "start": .string(CivilTime.formatUTC(start)),
            "end": .string(CivilTime.formatUTC(end)),
            "minC": .double(Self.rounded(minC, places: 4)),
            "maxC": .double(Self.rounded(maxC, places: 4)),
            "meanC": .double(Self.rounded(meanC, places: 4)),
            "mktC": .double(Self.rounded(mktC, places: 4)),
            "alarms": .array(alarmValues),
            "vvm": vvmValue,
        ])
    }

    /// Rounds half away from zero to a number of decimal places (and turns -0 into 0).
    static func rounded(_ value: Double, places: Int) -> Double {
        let scale = pow(10.0, Double(places))
        let result = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
        return result == 0 ? 0 : result
    }
}
