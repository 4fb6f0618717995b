import ColdChain
import LotIntegrity
import Testing

/// The evaluator: watches, clipping, alarm minutes per rule, expiry, recall, unmonitored custody.
@Suite struct LotIntegrityEvaluatorTests {
    /// 2024-01-01T00:00:00Z.
    static let t0: Int64 = 1_704_067_200_000
    static let hour: Int64 = 3_600_000
    static let minute: Int64 = 60_000
    static func at(hours: Double) -> Int64 { t0 + Int64((hours * 3_600_000).rounded()) }

    static let lot = LotIdentity(gtin: "04012345123456", lot: "998877")
    static let fridgeA = "urn:epc:id:sgln:4012345.00005.0"
    static let fridgeADL = "https://id.gs1.org/414/4012345000054"
    static let fridgeB = "urn:epc:id:sgln:4012345.00006.0"
    static let shipment = "urn:epc:id:sscc:0614141.1234567890"

    static func step(_ hours: Double, _ locations: [String], inTransit: Bool = false, expiry: String? = nil) -> CustodyStep {
        CustodyStep(lot: lot, time: at(hours: hours), locations: locations, inTransit: inTransit, expiry: expiry)
    }

    static func place(_ device: String, _ location: String, _ hours: Double) -> DevicePlacementSpan {
        DevicePlacementSpan(deviceID: device, location: location, since: at(hours: hours))
    }

    static func heat(_ device: String, _ from: Double, _ to: Double, max: Double = 12, threshold: Double? = 8,
                     open: Bool = false) -> DeviceExcursion {
        DeviceExcursion(
            deviceID: device,
            excursion: TrackedExcursion(
                kind: .heat, start: at(hours: from), end: at(hours: to), isOpen: open, extremeC: max, thresholdC: threshold))
    }

    static func freeze(_ device: String, _ from: Double, _ to: Double, min: Double = -2) -> DeviceExcursion {
        DeviceExcursion(
            deviceID: device,
            excursion: TrackedExcursion(
                kind: .freeze, start: at(hours: from), end: at(hours: to), isOpen: false, extremeC: min, thresholdC: -0.5))
    }

    static func evaluate(
        _ custody: [CustodyStep], _ placements: [DevicePlacementSpan], _ excursions: [DeviceExcursion] = [],
        rules: [String: [AlarmRule]] = [:], expiry: String? = nil, recalled: Bool = false, now: Double = 48
    ) -> LotEvaluation {
        LotIntegrityEvaluator().evaluate(
            custody: custody, placements: placements, excursions: excursions, alarmRules: rules, expiry: expiry,
            recalled: recalled, now: at(hours: now))
    }

    static func codes(_ evaluation: LotEvaluation) -> [String] { evaluation.findings.map(\.code) }

    // MARK: Watches and clipping

    @Test func shortExcursionsAreSummarisedPerDeviceAndKindAlarmsAreNot() {
        let evaluation = Self.evaluate(
            [Self.step(0, [Self.fridgeA])], [Self.place("logger-1", Self.fridgeA, 0)],
            [
                Self.heat("logger-1", 2, 2.5, max: 9), Self.heat("logger-1", 5, 6, max: 11), Self.heat("logger-1", 10, 21),
                Self.freeze("logger-1", 30, 30.25), Self.heat("logger-1", 40, 40.5, max: 10),
            ])
        #expect(evaluation.status == .compromised)
        let heat = evaluation.findings.filter { $0.code == LotFinding.heatExcursion }
        #expect(heat.count == 1, "three short heat excursions make one summary")
        #expect(heat.first?.occurrences == 3)
        #expect(heat.first?.minutes == 60, "the longest")
        #expect(heat.first?.totalMinutes == 120)
        #expect(heat.first?.start == Self.at(hours: 2))
        #expect(heat.first?.end == Self.at(hours: 40.5))
        #expect(heat.first?.extremeC == 11)
        #expect(evaluation.findings.filter { $0.code == LotFinding.heatAlarm }.map(\.minutes) == [660], "an alarm stays its own finding")
        #expect(evaluation.findings.filter { $0.code == LotFinding.freezeExcursion }.first?.occurrences == 1)
    }

    @Test func excursionIsClippedToTheWatch() {
        // The device watches fridge A from 10 h to 20 h, then moves to B; a 20 h heat excursion from 5 h to 25 h.
        let placements = [Self.place("D1", Self.fridgeB, 20), Self.place("D1", Self.fridgeADL, 10)]
        let evaluation = Self.evaluate([Self.step(0, [Self.fridgeA])], placements, [Self.heat("D1", 5, 25, max: 14)])
        #expect(evaluation.watches == [LotWatch(deviceID: "D1", location: Self.fridgeADL, from: Self.at(hours: 10), to: Self.at(hours: 20))])
        #expect(evaluation.findings == [
            LotFinding(code: "LOT_UNMONITORED", status: .warning, start: Self.t0, end: Self.at(hours: 10), minutes: 600),
            // Clipped to exactly 600 minutes: reaches the WHO 30DTR heat alarm.
            LotFinding(code: "LOT_HEAT_ALARM", status: .compromised, deviceID: "D1", start: Self.at(hours: 10),
                       end: Self.at(hours: 20), minutes: 600, extremeC: 14),
            LotFinding(code: "LOT_UNMONITORED", status: .warning, start: Self.at(hours: 20), end: Self.at(hours: 48), minutes: 1680),
        ])
        #expect(evaluation.status == .compromised)
        // One minute less of watch: an excursion, not an alarm.
        let shorter = Self.evaluate(
            [Self.step(0, [Self.fridgeA])],
            [Self.place("D1", Self.fridgeA, 10 + 1.0 / 60), Self.place("D1", Self.fridgeB, 20)], [Self.heat("D1", 5, 25)])
        #expect(shorter.findings.filter { $0.deviceID != nil }.map(\.code) == ["LOT_HEAT_EXCURSION"])
        #expect(shorter.findings.first { $0.deviceID != nil }?.minutes == 599)
        #expect(shorter.status == .warning)
    }

    @Test func clippingAtCustodyBoundaries() {
        // The lot arrives at A at 10 h and leaves for B at 20 h; the device stays at A the whole time.
        let custody = [Self.step(10, [Self.fridgeA]), Self.step(20, [Self.fridgeB])]
        let placements = [Self.place("D1", Self.fridgeA, 0), Self.place("D2", Self.fridgeB, 0)]
        let evaluation = Self.evaluate(custody, placements, [Self.heat("D1", 0, 30), Self.heat("D2", 19, 21)])
        #expect(evaluation.watches == [
            LotWatch(deviceID: "D1", location: Self.fridgeADL, from: Self.at(hours: 10), to: Self.at(hours: 20)),
            LotWatch(deviceID: "D2", location: "https://id.gs1.org/414/4012345000061", from: Self.at(hours: 20), to: Self.at(hours: 48)),
        ])
        let found = evaluation.findings.map { ($0.code, $0.deviceID, $0.start, $0.end) }
        #expect(found.count == 2)
        #expect(found[0] == ("LOT_HEAT_ALARM", "D1", Self.at(hours: 10), Self.at(hours: 20)))
        #expect(found[1] == ("LOT_HEAT_EXCURSION", "D2", Self.at(hours: 20), Self.at(hours: 21)))
    }

    @Test func deviceMovedAwayBeforeTheExcursion() {
        let placements = [Self.place("D1", Self.fridgeA, 0), Self.place("D1", Self.fridgeB, 10)]
        let evaluation = Self.evaluate([Self.step(0, [Self.fridgeA])], placements, [Self.heat("D1", 12, 30)])
        #expect(Self.codes(evaluation) == ["LOT_UNMONITORED"])
        #expect(evaluation.findings.first?.start == Self.at(hours: 10) && evaluation.findings.first?.end == Self.at(hours: 48))
        #expect(evaluation.status == .warning)
    }

    @Test func devicePlacedAfterTheExcursionEnded() {
        let evaluation = Self.evaluate([Self.step(0, [Self.fridgeA])], [Self.place("D1", Self.fridgeA, 0.5)], [Self.heat("D1", 0, 0.5)])
        #expect(Self.codes(evaluation).isEmpty)  // the 30-minute gap at the start is below the hour
        #expect(evaluation.status == .ok)
    }

    @Test func twoDevicesAtOneLocation() {
        let placements = [Self.place("D2", Self.fridgeA, 0), Self.place("D1", Self.fridgeA, 0)]
        let excursions = [
            Self.heat("D2", 5, 7), Self.heat("D1", 5, 7), Self.freeze("D2", 30, 31.5, min: -3), Self.heat("D3", 1, 40),
        ]
        let evaluation = Self.evaluate([Self.step(0, [Self.fridgeA])], placements, excursions)
        #expect(evaluation.watches.map(\.deviceID) == ["D1", "D2"])
        #expect(evaluation.findings.map { "\($0.code) \($0.deviceID ?? "-")" } == [
            "LOT_HEAT_EXCURSION D1", "LOT_HEAT_EXCURSION D2", "LOT_FREEZE_ALARM D2",
        ])
        #expect(evaluation.findings.last?.minutes == 90 && evaluation.findings.last?.extremeC == -3)
        #expect(evaluation.status == .compromised)
    }

    @Test func consecutiveStepsAtOnePlaceDoNotSplitAnExcursion() {
        // Received at A at 0 h, inspected (still at A) at 8 h: a 10 h excursion across the step is one alarm.
        let custody = [Self.step(0, [Self.fridgeA]), Self.step(8, [Self.fridgeADL])]
        let evaluation = Self.evaluate(custody, [Self.place("D1", Self.fridgeA, 0)], [Self.heat("D1", 3, 13)])
        #expect(evaluation.watches.count == 1)
        #expect(Self.codes(evaluation) == ["LOT_HEAT_ALARM"])
        #expect(evaluation.findings.first?.minutes == 600)
    }

    @Test func shipmentWatchedByALoggerInTheContainer() {
        let custody = [Self.step(0, [Self.fridgeA]), Self.step(10, [Self.shipment], inTransit: true), Self.step(30, [Self.fridgeB])]
        let placements = [
            Self.place("F1", Self.fridgeA, -100), Self.place("L1", Self.fridgeA, -100), Self.place("L1", Self.shipment, 9.5),
            Self.place("L1", Self.fridgeB, 30.5), Self.place("F2", Self.fridgeB, -100),
        ]
        let evaluation = Self.evaluate(custody, placements, [Self.heat("L1", 20, 40, threshold: nil)])
        // L1 watches in transit (10..30 h); at B from 30.5 h it watches again; F2 watches B from 30 h.
        #expect(evaluation.watches.map(\.deviceID) == ["F1", "L1", "L1", "F2", "L1"])
        // Clipped to the transit (20..30 h: 600 min, an alarm) and to the watch at B (30.5..40 h: 570 min).
        #expect(evaluation.findings.map(\.code) == ["LOT_HEAT_ALARM", "LOT_HEAT_EXCURSION"])
        #expect(evaluation.findings.map(\.minutes) == [600, 570])
        #expect(Self.codes(Self.evaluate(custody, placements.filter { $0.deviceID != "L1" })) == ["LOT_UNMONITORED"])
    }

    // MARK: Alarm rules

    @Test func alarmMinutesComeFromTheDeviceRules() throws {
        let custody = [Self.step(0, [Self.fridgeA])]
        let placements = [Self.place("D1", Self.fridgeA, 0), Self.place("D2", Self.fridgeA, 0)]
        let excursions = [Self.heat("D1", 1, 3), Self.heat("D2", 1, 3), Self.freeze("D1", 10, 11), Self.freeze("D2", 10, 10 + 59.0 / 60)]
        let quick = try AlarmRule(kind: .heat, thresholdC: 8, boundary: .exclusive, minutes: 120)
        let evaluation = Self.evaluate(custody, placements, excursions, rules: ["D1": [quick, WHOAlarms.freeze]])
        #expect(evaluation.findings.map { "\($0.code) \($0.deviceID ?? "-")" } == [
            "LOT_HEAT_ALARM D1",  // 120 min reach D1's own 120-minute rule
            "LOT_HEAT_EXCURSION D2",  // D2 has no rules given: the 30DTR 600 minutes
            "LOT_FREEZE_ALARM D1",  // exactly 60 minutes
            "LOT_FREEZE_EXCURSION D2",  // 59 minutes
        ])
    }

    @Test func theRuleWithTheExcursionsThresholdApplies() throws {
        let rules = [
            try AlarmRule(kind: .heat, thresholdC: 8, boundary: .exclusive, minutes: 600),
            try AlarmRule(kind: .heat, thresholdC: 25, boundary: .exclusive, minutes: 60),
            try AlarmRule(kind: .heat, thresholdC: 8, boundary: .exclusive, minutes: 30, mode: .cumulative),
        ]
        let custody = [Self.step(0, [Self.fridgeA])]
        let placements = [Self.place("D1", Self.fridgeA, 0)]
        let above25 = Self.evaluate(custody, placements, [Self.heat("D1", 1, 3, max: 30, threshold: 25)], rules: ["D1": rules])
        #expect(Self.codes(above25) == ["LOT_HEAT_ALARM"])
        let above8 = Self.evaluate(custody, placements, [Self.heat("D1", 1, 3, threshold: 8)], rules: ["D1": rules])
        #expect(Self.codes(above8) == ["LOT_HEAT_EXCURSION"])
        let unknown = Self.evaluate(custody, placements, [Self.heat("D1", 1, 3, threshold: nil)], rules: ["D1": rules])
        #expect(Self.codes(unknown) == ["LOT_HEAT_EXCURSION"])  // the first heat rule: 600 minutes
        let noRules = Self.evaluate(custody, placements, [Self.heat("D1", 1, 30)], rules: ["D1": []])
        #expect(Self.codes(noRules) == ["LOT_HEAT_EXCURSION"])
    }

    @Test func openAndInstantExcursions() {
        let custody = [Self.step(0, [Self.fridgeA])]
        let placements = [Self.place("D1", Self.fridgeA, 0)]
        let open = Self.evaluate(custody, placements, [Self.heat("D1", 40, 47, open: true)])
        #expect(Self.codes(open) == ["LOT_HEAT_EXCURSION"] && open.findings.first?.minutes == 420)
        let instant = Self.evaluate(custody, placements, [Self.heat("D1", 47, 47, open: true)])
        #expect(Self.codes(instant) == ["LOT_HEAT_EXCURSION"] && instant.findings.first?.minutes == 0)
    }

    // MARK: Expiry, recall, status

    @Test func expiryBoundaryDay() {
        let lastInstant: Int64 = 1_706_745_599_999  // 2024-01-31T23:59:59.999Z
        func evaluate(_ now: Int64, expiry: String?, custody: [CustodyStep] = []) -> LotEvaluation {
            LotIntegrityEvaluator().evaluate(
                custody: custody, placements: [], excursions: [], alarmRules: [:], expiry: expiry, recalled: false, now: now)
        }
        #expect(evaluate(lastInstant, expiry: "2024-01-31").status == .ok)
        let expired = evaluate(lastInstant + 1, expiry: "2024-01-31")
        #expect(expired.status == .expired)
        #expect(expired.findings == [LotFinding(code: "LOT_EXPIRED", status: .expired, start: lastInstant + 1)])
        #expect(evaluate(lastInstant + 1, expiry: "2024-02-01").status == .ok)
        #expect(evaluate(lastInstant + 1, expiry: "2024-1-31").status == .ok)  // not a date: ignored
        #expect(evaluate(lastInstant + 1, expiry: "2023-02-29").status == .ok)
        #expect(evaluate(-1, expiry: "1969-12-31").status == .ok)  // before 1970: floor division
        #expect(evaluate(0, expiry: "1969-12-31").status == .expired)
        #expect(evaluate(lastInstant + 1, expiry: "2000-02-29").status == .expired)
        // Without an explicit expiry, the custody's (ILMD) expiry applies.
        let custody = [CustodyStep(lot: Self.lot, time: 0, locations: [], inTransit: false, expiry: "2024-01-31")]
        #expect(evaluate(lastInstant + 1, expiry: nil, custody: custody).status == .expired)
        #expect(evaluate(lastInstant + 1, expiry: "2024-12-31", custody: custody).findings.map(\.code) == ["LOT_UNMONITORED"])
    }

    @Test func statusPrecedence() {
        let custody = [Self.step(0, [Self.fridgeA])]
        let placements = [Self.place("D1", Self.fridgeA, 0)]
        let alarm = [Self.heat("D1", 1, 20)]
        let nowHours = 48.0  // 2024-01-03
        #expect(Self.evaluate(custody, placements, alarm, expiry: "2024-01-01", recalled: true, now: nowHours).status == .recalled)
        let all = Self.evaluate(custody, placements, alarm, expiry: "2024-01-01", recalled: true, now: nowHours)
        #expect(Self.codes(all) == ["LOT_RECALLED", "LOT_HEAT_ALARM", "LOT_EXPIRED"])
        #expect(Self.evaluate(custody, placements, alarm, expiry: "2024-01-01", now: nowHours).status == .compromised)
        #expect(Self.evaluate(custody, placements, [Self.heat("D1", 1, 2)], expiry: "2024-01-01", now: nowHours).status == .expired)
        #expect(Self.evaluate(custody, placements, [Self.heat("D1", 1, 2)], now: nowHours).status == .warning)
        #expect(Self.evaluate(custody, placements, now: nowHours).status == .ok)
        #expect(LotStatus.allCases.sorted { $0.severity < $1.severity } == [.ok, .warning, .expired, .compromised, .recalled])
    }

    // MARK: Unmonitored custody

    @Test func unmonitoredGapsOfAnHourOrMore() {
        let placements = [Self.place("D1", Self.fridgeA, 0)]
        // A at 0..10 h (watched), B at 10..11 h (no device at B: exactly 60 minutes), A again 11..(11 h 59 min).
        let custody = [Self.step(0, [Self.fridgeA]), Self.step(10, [Self.fridgeB]), Self.step(11, [Self.fridgeA])]
        let evaluation = Self.evaluate(custody, placements, now: 11 + 59.0 / 60)
        #expect(evaluation.findings == [
            LotFinding(code: "LOT_UNMONITORED", status: .warning, start: Self.at(hours: 10), end: Self.at(hours: 11), minutes: 60)
        ])
        // 59 minutes unwatched are not reported.
        let short = [Self.step(0, [Self.fridgeA]), Self.step(10, [Self.fridgeB]), Self.step(10 + 59.0 / 60, [Self.fridgeA])]
        let placementsA = [Self.place("D1", Self.fridgeA, 0)]
        #expect(Self.evaluate(short, placementsA, now: 20).findings.isEmpty)
        // A custody interval with no device at all is reported once, whole.
        let none = Self.evaluate([Self.step(0, [Self.fridgeA]), Self.step(5, [Self.fridgeB])], [], now: 8)
        #expect(none.findings.map { [$0.start, $0.end] } == [[Self.t0, Self.at(hours: 5)], [Self.at(hours: 5), Self.at(hours: 8)]])
        #expect(none.watches.isEmpty && none.status == .warning)
    }

    @Test func emptyCustody() {
        let placements = [Self.place("D1", Self.fridgeA, 0)]
        let excursions = [Self.heat("D1", 1, 30)]
        let ok = Self.evaluate([], placements, excursions)
        #expect(ok == LotEvaluation(status: .ok, findings: [], watches: []))
        #expect(Self.codes(Self.evaluate([], placements, excursions, recalled: true)) == ["LOT_RECALLED"])
        #expect(Self.codes(Self.evaluate([], placements, excursions, expiry: "2023-12-31")) == ["LOT_EXPIRED"])
    }

    @Test func stepsAfterNowAndUnsortedCustody() {
        let custody = [Self.step(30, [Self.fridgeB]), Self.step(0, [Self.fridgeA])]  // given out of order
        let placements = [Self.place("D1", Self.fridgeA, 0), Self.place("D2", Self.fridgeB, 0)]
        let evaluation = Self.evaluate(custody, placements, [Self.heat("D2", 25, 35)], now: 20)
        #expect(evaluation.watches.map(\.deviceID) == ["D1"])
        #expect(evaluation.watches.first?.to == Self.at(hours: 20))
        #expect(evaluation.findings.isEmpty)
    }
}
