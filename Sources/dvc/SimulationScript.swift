import Foundation

/// What `dvc device simulate` generates: readings every `interval` seconds from `start`, around +5 °C with a
/// deterministic wobble, and scripted excursions on chosen devices.
struct SimulationScript: Sendable {
    /// One scripted excursion: a fixed temperature from `offsetMinutes` after the start for `minutes`.
    struct Excursion: Sendable, Hashable {
        var temperature: Double
        var offsetMinutes: Int
        var minutes: Int

        /// Parses `heat@OFFSET+MINUTES[=CELSIUS]` or `freeze@OFFSET+MINUTES[=CELSIUS]` (heat 12 °C and freeze
        /// -3 °C by default).
        init(_ text: String) throws {
            let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
            guard parts.count == 2, ["heat", "freeze"].contains(parts[0]) else {
                throw CommandError.usage("expected --excursion heat@OFFSET+MINUTES[=CELSIUS] or freeze@..., found another value")
            }
            let valueParts = parts[1].split(separator: "=", maxSplits: 1).map(String.init)
            let window = valueParts[0].split(separator: "+").map { Int($0) }
            guard window.count == 2, let offset = window[0], let minutes = window[1], offset >= 0, minutes > 0 else {
                throw CommandError.usage("expected --excursion minutes as OFFSET+MINUTES (whole numbers), found another value")
            }
            var temperature = parts[0] == "heat" ? 12.0 : -3.0
            if valueParts.count == 2 {
                guard let value = Double(valueParts[1]), (-200...150).contains(value) else {
                    throw CommandError.usage("expected an excursion temperature from -200 to 150 C, found another value")
                }
                temperature = value
            }
            self.temperature = temperature
            self.offsetMinutes = offset
            self.minutes = minutes
        }
    }

    var start: Int64
    var intervalSeconds: Int
    var readingsPerBatch: Int
    var batches: Int
    var excursions: [Excursion]

    /// The time of reading `index` (0-based over the whole run), in ms.
    func time(_ index: Int) -> Int64 { start + Int64(index) * Int64(intervalSeconds) * 1000 }

    /// The temperature of reading `index` on device `device`, in centi-degrees: a scripted excursion when one
    /// covers the time and the device has excursions, else +5 °C with a small wobble.
    func centiCelsius(_ index: Int, device: Int, withExcursions: Bool) -> Int32 {
        if withExcursions {
            let minute = Int64(index) * Int64(intervalSeconds) / 60
            for excursion in excursions where minute >= excursion.offsetMinutes && minute < excursion.offsetMinutes + excursion.minutes {
                return Int32((excursion.temperature * 100).rounded())
            }
        }
        let wobble = sin(Double(index) / 12 + Double(device)) * 80
        return Int32(500 + wobble.rounded())
    }

    /// A tracker's position at reading `index`: a straight route north-east from 46.2 N 6.1 E, 1e-7 degrees.
    func position(_ index: Int, device: Int) -> (latitude: Int32, longitude: Int32) {
        let step = Int32(clamping: index * 2_000)
        return (462_000_000 + Int32(device) * 10_000 + step, 61_000_000 + step)
    }
}
