import Foundation

/// The line-by-line state of ``BerlingerReader``: the open sections (by indentation) and what was read so far.
struct BerlingerParseState {
    private struct Section {
        var indent: Int
        var name: String
    }

    private struct DayDraft {
        var date: String?
        var minC: Double?
        var maxC: Double?
        var meanC: Double?
        var alarms: [BerlingerExport.DayAlarm] = []
        var line: Int
    }

    private struct LimitDraft {
        var index: Int
        var type: Int?
        var thresholdC: Double?
        var minutes: Double?
        var line: Int
    }

    let utcOffsetSeconds: Int
    private var sections: [Section] = []
    private var device: String?
    private var serial: String?
    private var loggingInterval: Int?
    private var mktEnergy: Double?
    private var limits: [LimitDraft] = []
    private var days: [DayDraft] = []
    private var summary: BerlingerExport.Summary?
    private var events: [BerlingerExport.AlarmEvent] = []
    private var readings: [TemperatureReading] = []
    private var missingReadings = 0
    private var sawDataHeader = false

    init(utcOffsetSeconds: Int) {
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    // MARK: Lines

    mutating func consume(_ line: Substring, lineNumber: Int) throws {
        if lineNumber == 1 {
            var first = line
            if first.hasPrefix("\u{FEFF}") { first = first.dropFirst() }
            guard first.hasPrefix("Device:") else {
                throw malformed(lineNumber, "a first line Device: ...", found: first)
            }
        }
        if line.utf8.first == UInt8(ascii: "\t") {
            try consumeTabRow(line, lineNumber: lineNumber)
            return
        }
        let indent = line.prefix { $0 == " " }.count
        let content = line.dropFirst(indent)
        if content.utf8.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return }
        while let last = sections.last, last.indent >= indent { sections.removeLast() }
        let fields = try Self.fields(of: content, lineNumber: lineNumber)
        if fields.count == 1, fields[0].value.isEmpty {
            sections.append(Section(indent: indent, name: String(fields[0].key)))
            if sections.count == 2, sections[0].name == "Hist" {
                days.append(DayDraft(line: lineNumber))
            }
            if sections.count == 3, sections[0].name == "Conf", sections[1].name == "Alarm",
               let index = Int(sections[2].name)
            {
                limits.append(LimitDraft(index: index, line: lineNumber))
            }
            return
        }
        try handle(fields, path: sections.map(\.name), lineNumber: lineNumber)
    }

    private static func fields(of content: Substring, lineNumber: Int) throws -> [(key: Substring, value: Substring)] {
        var result: [(key: Substring, value: Substring)] = []
        for piece in content.split(separator: ", ", omittingEmptySubsequences: false) {
            if piece.hasSuffix(":") {
                result.append((piece.dropLast(), piece.dropLast().suffix(0)))
            } else if let range = piece.range(of: ": ") {
                result.append((piece[..<range.lowerBound], piece[range.upperBound...]))
            } else {
                throw ColdChainError(
                    .berlingerMalformed,
                    "expected Key: value pairs on line \(lineNumber), found \(TemperatureCSVReader.excerpt(piece))")
            }
            guard result.count <= 16 else {
                throw ColdChainError(.berlingerMalformed, "expected at most 16 fields on line \(lineNumber), found more")
            }
        }
        return result
    }

    private mutating func handle(
        _ fields: [(key: Substring, value: Substring)], path: [String], lineNumber: Int
    ) throws {
        switch path.count {
        case 0:
            for field in fields where field.key == "Device" { device = String(field.value.prefix(80)) }
        case 1 where path[0] == "Conf":
            for field in fields {
                switch field.key {
                case "Serial": serial = String(field.value.prefix(40))
                case "Logging Interval": loggingInterval = try count(field.value, "Logging Interval", lineNumber)
                case "MKT Energy": mktEnergy = try number(field.value, "MKT Energy", lineNumber)
                default: break
                }
            }
        case 3 where path[0] == "Conf" && path[1] == "Alarm":
            guard var limit = limits.last else { return }
            for field in fields {
                switch field.key {
                case "Type": limit.type = try count(field.value, "Type", lineNumber)
                case "T AL": limit.thresholdC = try number(field.value, "T AL", lineNumber)
                case "t AL": limit.minutes = Double(try count(field.value, "t AL", lineNumber))
                default: break
                }
            }
            limits[limits.count - 1] = limit
        case 2 where path[0] == "Hist":
            guard var day = days.last else { return }
            for field in fields {
                switch field.key {
                case "Date":
                    guard CivilTime.parseDay(field.value) != nil else {
                        throw malformed(lineNumber, "Date as yyyy-MM-dd", found: field.value)
                    }
                    day.date = String(field.value)
                case "Min T": day.minC = try number(field.value, "Min T", lineNumber)
                case "Max T": day.maxC = try number(field.value, "Max T", lineNumber)
                case "Avrg T": day.meanC = try number(field.value, "Avrg T", lineNumber)
                default: break
                }
            }
            days[days.count - 1] = day
        case 4 where path[0] == "Hist" && path[2] == "Alarm":
            guard var day = days.last, let index = Int(path[3]) else { return }
            var alarm = BerlingerExport.DayAlarm(index: index, accumulatedMinutes: 0, activatedAtMinute: nil)
            for field in fields {
                switch field.key {
                case "t Acc": alarm.accumulatedMinutes = try count(field.value, "t Acc", lineNumber)
                case "TS A":
                    guard let minute = CivilTime.parseClock(field.value) else {
                        throw malformed(lineNumber, "TS A as hh:mm", found: field.value)
                    }
                    alarm.activatedAtMinute = minute
                default: break
                }
            }
            day.alarms.append(alarm)
            days[days.count - 1] = day
        case 1 where path[0] == "Res":
            var result = summary ?? BerlingerExport.Summary()
            for field in fields {
                switch field.key {
                case "Min T": result.minC = try number(field.value, "Min T", lineNumber)
                case "Max T": result.maxC = try number(field.value, "Max T", lineNumber)
                case "Avrg T": result.meanC = try number(field.value, "Avrg T", lineNumber)
                case "MKT": result.mktC = try number(field.value, "MKT", lineNumber)
                default: break
                }
            }
            summary = result
        case 3 where path[0] == "Res" && path[1] == "Alarm":
            guard let index = Int(path[2]) else { return }
            var event = BerlingerExport.AlarmEvent(index: index)
            for field in fields {
                switch field.key {
                case "TS S": event.start = try optionalTime(field.value, "TS S", lineNumber)
                case "t A": event.minutes = try count(field.value, "t A", lineNumber)
                case "TS A": event.activatedAt = try optionalTime(field.value, "TS A", lineNumber)
                case "TS E": event.end = try optionalTime(field.value, "TS E", lineNumber)
                default: break
                }
            }
            events.append(event)
        default:
            break
        }
    }

    private mutating func consumeTabRow(_ line: Substring, lineNumber: Int) throws {
        guard sections.count == 1, sections[0].name == "Data" else { return }  // e.g. the Marker: table header
        let columns = TextLines.split(Substring(line.utf8.dropFirst()), on: UInt8(ascii: "\t"), maxPieces: 8)
        if !sawDataHeader {
            guard columns.first == "yyyy-MM-dd hh:mm" else {
                throw malformed(lineNumber, "the Data: header yyyy-MM-dd hh:mm", found: columns[0])
            }
            sawDataHeader = true
            return
        }
        guard columns.count >= 2, columns.count <= 3 else {  // (maxPieces 8 keeps longer rows detectable)
            throw ColdChainError(
                .berlingerMalformed,
                "expected 2 or 3 tab-separated columns (time, temperature, flag) on line \(lineNumber), found \(columns.count)")
        }
        guard let time = CivilTime.parseLoggerDateTime(columns[0], offsetSeconds: utcOffsetSeconds) else {
            throw malformed(lineNumber, "a time yyyy-MM-dd hh:mm", found: columns[0])
        }
        if let previous = readings.last, time <= previous.time {
            throw ColdChainError(
                .timeOrder, "expected the time on line \(lineNumber) to be later than the reading before, found it is not")
        }
        if columns[1].hasPrefix("--") {
            missingReadings += 1
            return
        }
        guard let celsius = DecimalText.parse(columns[1]), TemperatureReading.plausibleRange.contains(celsius) else {
            throw malformed(lineNumber, "a temperature in °C within \(TemperatureReading.plausibleRange)", found: columns[1])
        }
        readings.append(TemperatureReading(time: time, celsius: celsius))
    }

    // MARK: Result

    func finish() throws -> BerlingerExport {
        guard let device else {
            throw ColdChainError(.berlingerMalformed, "expected a Device: line, found none")
        }
        let isQTag = !device.contains("Fridge-tag")
        var alarmLimits: [BerlingerExport.AlarmLimit] = []
        for draft in limits {
            let kindAndMode: (AlarmRule.Kind, AlarmRule.Mode)?
            if isQTag || draft.type != nil {
                switch draft.type {
                case 1: kindAndMode = (.freeze, .single)
                case 2: kindAndMode = (.heat, .single)
                case 3: kindAndMode = (.freeze, .cumulative)
                case 4: kindAndMode = (.heat, .cumulative)
                case 0, nil: kindAndMode = nil
                case let other?:
                    throw ColdChainError(
                        .berlingerMalformed, "expected alarm Type 0...4 on line \(draft.line), found \(other)")
                }
            } else {
                switch draft.index {
                case 0: kindAndMode = (.freeze, .single)
                case 1: kindAndMode = (.heat, .single)
                default:
                    throw ColdChainError(
                        .berlingerMalformed, "expected Fridge-tag alarm 0 or 1 on line \(draft.line), found \(draft.index)")
                }
            }
            guard let (kind, mode) = kindAndMode else { continue }
            guard let threshold = draft.thresholdC, let minutes = draft.minutes else {
                throw ColdChainError(
                    .berlingerMalformed, "expected T AL and t AL for the alarm on line \(draft.line), found them missing")
            }
            guard minutes > 0 else {
                throw ColdChainError(
                    .berlingerMalformed, "expected t AL above 0 for the alarm on line \(draft.line), found 0")
            }
            let rule = AlarmRule(
                uncheckedKind: kind, thresholdC: threshold, boundary: .exclusive, minutes: minutes, mode: mode)
            alarmLimits.append(BerlingerExport.AlarmLimit(index: draft.index, rule: rule))
        }
        var exportDays: [BerlingerExport.Day] = []
        for draft in days {
            guard let date = draft.date else {
                throw ColdChainError(.berlingerMalformed, "expected a Date: in the history day on line \(draft.line), found none")
            }
            exportDays.append(BerlingerExport.Day(
                date: date, minC: draft.minC, maxC: draft.maxC, meanC: draft.meanC, alarms: draft.alarms))
        }
        return BerlingerExport(
            device: device, serial: serial, loggingIntervalMinutes: loggingInterval,
            mktActivationEnergyKJPerMole: mktEnergy, alarmLimits: alarmLimits, days: exportDays, summary: summary,
            alarmEvents: events, readings: readings, missingReadings: missingReadings)
    }

    // MARK: Values

    private func number(_ value: Substring, _ key: String, _ lineNumber: Int) throws -> Double {
        guard let number = DecimalText.parse(value) else {
            throw malformed(lineNumber, "\(key) as a decimal number", found: value)
        }
        return number
    }

    private func count(_ value: Substring, _ key: String, _ lineNumber: Int) throws -> Int {
        guard let count = DecimalText.parseCount(value) else {
            throw malformed(lineNumber, "\(key) as a whole number", found: value)
        }
        return count
    }

    private func optionalTime(_ value: Substring, _ key: String, _ lineNumber: Int) throws -> Date? {
        if value.isEmpty { return nil }
        guard let time = CivilTime.parseLoggerDateTime(value, offsetSeconds: utcOffsetSeconds) else {
            throw malformed(lineNumber, "\(key) as yyyy-MM-dd hh:mm", found: value)
        }
        return time
    }

    private func malformed(_ lineNumber: Int, _ expected: String, found: Substring) -> ColdChainError {
        ColdChainError(
            .berlingerMalformed, "expected \(expected) on line \(lineNumber), found \(TemperatureCSVReader.excerpt(found))")
    }
}
