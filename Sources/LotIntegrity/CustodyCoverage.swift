/// Which devices watched a lot when: custody intervals intersected with device placements (a sweep per location over
/// the spans at the lot's locations only), merged into watches and per-device stretches, plus the unwatched stretches.
struct CustodyCoverage {
    /// A half-open time stretch `[from, to)`.
    struct Stretch: Hashable {
        var from: Int64
        var to: Int64
    }

    /// A device's placement span at one of the lot's locations.
    private struct Span {
        var deviceID: String
        var stretch: Stretch
    }

    /// One placement of a device: index into the lot's locations (-1 when elsewhere) and input order for ties.
    private struct Placement {
        var since: Int64
        var location: Int
        var order: Int
    }

    /// The watches, merged per device and location, ordered by start, device, location.
    private(set) var watches: [LotWatch] = []
    /// Per device, its watch stretches merged across locations, ordered.
    private(set) var byDevice: [String: [Stretch]] = [:]
    /// `LOT_UNMONITORED` findings.
    private(set) var unmonitored: [LotFinding] = []

    init(steps: [CustodyStep], placements: [DevicePlacementSpan], now: Int64, unmonitoredMilliseconds: Double) {
        // Custody intervals (clipped to now) and the lot's locations.
        var intervals: [(stretch: Stretch, locations: [String])] = []
        for index in steps.indices {
            let to = min(index + 1 < steps.count ? steps[index + 1].time : now, now)
            if steps[index].time < to { intervals.append((Stretch(from: steps[index].time, to: to), steps[index].locations)) }
        }
        let locations = Array(Set(intervals.flatMap(\.locations))).sorted()
        var locationIndex: [String: Int] = [:]
        for (index, location) in locations.enumerated() { locationIndex[location] = index }

        // Placement histories per device; locations normalised once per distinct text. A device's placements usually
        // come together, so a run of them is collected before it is stored under the device.
        var normalised: [String: Int] = [:]
        var histories: [String: [Placement]] = [:]
        var runDevice: String?
        var run: [Placement] = []
        func flush() {
            if let runDevice, !run.isEmpty { histories[runDevice, default: []] += run }
            run.removeAll(keepingCapacity: true)
        }
        for order in placements.indices {
            let location = placements[order].location
            let index: Int
            if let known = normalised[location] {
                index = known
            } else {
                index = locationIndex[CustodyExtractor.normaliseLocation(location)] ?? -1
                normalised[location] = index
            }
            if placements[order].deviceID != runDevice {
                flush()
                runDevice = placements[order].deviceID
            }
            run.append(Placement(since: placements[order].since, location: index, order: order))
        }
        flush()
        var spans: [[Span]] = Array(repeating: [], count: locations.count)
        for (deviceID, unsorted) in histories where unsorted.contains(where: { $0.location >= 0 }) {
            let history = unsorted.sorted { $0.since != $1.since ? $0.since < $1.since : $0.order < $1.order }
            for index in history.indices where history[index].location >= 0 {
                let to = min(index + 1 < history.count ? history[index + 1].since : now, now)
                if history[index].since < to {
                    spans[history[index].location].append(
                        Span(deviceID: deviceID, stretch: Stretch(from: history[index].since, to: to)))
                }
            }
        }

        // Intersections, and the stretches of each interval no device watched.
        var raw: [LotWatch] = []
        for interval in intervals {
            var covered: [Stretch] = []
            for location in interval.locations {
                guard let index = locationIndex[location] else { continue }
                for span in spans[index] {
                    let from = max(interval.stretch.from, span.stretch.from)
                    let to = min(interval.stretch.to, span.stretch.to)
                    guard from < to else { continue }
                    raw.append(LotWatch(deviceID: span.deviceID, location: location, from: from, to: to))
                    covered.append(Stretch(from: from, to: to))
                }
            }
            for gap in Self.gaps(in: interval.stretch, covered: covered)
            where Double(gap.to) - Double(gap.from) >= unmonitoredMilliseconds {
                unmonitored.append(
                    LotFinding(
                        code: LotFinding.unmonitored, status: .warning, start: gap.from, end: gap.to,
                        minutes: (Double(gap.to) - Double(gap.from)) / 60_000))
            }
        }

        // Watches merged per device and location where they touch (consecutive custody steps at one place).
        raw.sort { a, b in
            if a.deviceID != b.deviceID { return a.deviceID < b.deviceID }
            if a.location != b.location { return a.location < b.location }
            return a.from < b.from
        }
        var merged: [LotWatch] = []
        for watch in raw {
            if var last = merged.last, last.deviceID == watch.deviceID, last.location == watch.location,
                last.to >= watch.from
            {
                last.to = max(last.to, watch.to)
                merged[merged.count - 1] = last
            } else {
                merged.append(watch)
            }
        }
        // Per device, stretches merged across locations (a lot moved between two places the device covered).
        var perDevice: [String: [Stretch]] = [:]
        for watch in merged { perDevice[watch.deviceID, default: []].append(Stretch(from: watch.from, to: watch.to)) }
        for (deviceID, list) in perDevice {
            var stretches: [Stretch] = []
            for stretch in list.sorted(by: { $0.from != $1.from ? $0.from < $1.from : $0.to < $1.to }) {
                if let last = stretches.last, last.to >= stretch.from {
                    stretches[stretches.count - 1].to = max(last.to, stretch.to)
                } else {
                    stretches.append(stretch)
                }
            }
            byDevice[deviceID] = stretches
        }
        watches = merged.sorted { a, b in
            if a.from != b.from { return a.from < b.from }
            if a.deviceID != b.deviceID { return a.deviceID < b.deviceID }
            return a.location < b.location
        }
    }

    /// The parts of `whole` not covered by any of `covered`.
    static func gaps(in whole: Stretch, covered: [Stretch]) -> [Stretch] {
        var gaps: [Stretch] = []
        var cursor = whole.from
        for stretch in covered.sorted(by: { $0.from < $1.from }) {
            if stretch.from > cursor { gaps.append(Stretch(from: cursor, to: stretch.from)) }
            cursor = max(cursor, stretch.to)
        }
        if cursor < whole.to { gaps.append(Stretch(from: cursor, to: whole.to)) }
        return gaps
    }
}
