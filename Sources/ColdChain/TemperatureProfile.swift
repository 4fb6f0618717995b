/// A storage temperature range with its alarm rules, as a product label (version) prescribes it.
///
/// Three presets cover the usual ranges; a label with other figures builds its own profile with
/// ``init(name:minC:maxC:alarms:)``.
public struct TemperatureProfile: Sendable, Hashable {
    /// A short name, for example `2-8`.
    public var name: String
    /// The lowest in-range temperature in degrees Celsius.
    public var minC: Double
    /// The highest in-range temperature in degrees Celsius.
    public var maxC: Double
    /// The alarm rules applied to a record under this profile.
    public var alarms: [AlarmRule]

    /// A profile; requires finite bounds with `minC <= maxC`.
    public init(name: String, minC: Double, maxC: Double, alarms: [AlarmRule]) throws {
        guard minC.isFinite, maxC.isFinite, minC <= maxC else {
            throw ColdChainError(.invalidParameter, "expected finite profile bounds with min <= max, found \(minC)...\(maxC)")
        }
        self.name = name
        self.minC = minC
        self.maxC = maxC
        self.alarms = alarms
    }

    private init(preset name: String, minC: Double, maxC: Double, alarms: [AlarmRule]) {
        self.name = name
        self.minC = minC
        self.maxC = maxC
        self.alarms = alarms
    }

    /// Whether a temperature lies within the storage range (bounds included).
    public func contains(_ celsius: Double) -> Bool { celsius >= minC && celsius <= maxC }

    /// +2 to +8 °C (routine EPI vaccines, thawed mRNA vaccines) with the WHO 30DTR alarms:
    /// heat above +8.0 °C for 600 continuous minutes, freeze at or below -0.5 °C for 60 continuous minutes.
    public static let refrigerated = TemperatureProfile(
        preset: "2-8", minC: 2, maxC: 8, alarms: WHOAlarms.thirtyDayRecorder)

    /// -25 to -15 °C (OPV, freezer storage of some mRNA vaccines): alarms above -15.0 °C and below -25.0 °C,
    /// each for 60 continuous minutes (OpenDVC default, as deployed freezer loggers are configured).
    public static let frozen = TemperatureProfile(
        preset: "minus-25-15", minC: -25, maxC: -15,
        alarms: [
            AlarmRule(uncheckedKind: .heat, thresholdC: -15, boundary: .exclusive, minutes: 60, mode: .single),
            AlarmRule(uncheckedKind: .freeze, thresholdC: -25, boundary: .exclusive, minutes: 60, mode: .single),
        ])

    /// -90 to -60 °C (ultra-low storage, e.g. Comirnaty): alarms above -60.0 °C and below -90.0 °C, each for
    /// 60 continuous minutes, as a Berlinger Fridge-tag Ultra Low is configured.
    public static let ultraLow = TemperatureProfile(
        preset: "minus-90-60", minC: -90, maxC: -60,
        alarms: [
            AlarmRule(uncheckedKind: .heat, thresholdC: -60, boundary: .exclusive, minutes: 60, mode: .single),
            AlarmRule(uncheckedKind: .freeze, thresholdC: -90, boundary: .exclusive, minutes: 60, mode: .single),
        ])

    /// The presets, by their command-line names.
    public static let presets: [TemperatureProfile] = [refrigerated, frozen, ultraLow]

    /// The preset with a command-line name (`2-8`, `minus-25-15`, `minus-90-60`), or nil.
    public static func preset(named name: String) -> TemperatureProfile? {
        presets.first { $0.name == name }
    }
}
