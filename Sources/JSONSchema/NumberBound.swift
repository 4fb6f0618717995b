import JSON

/// A `minimum`/`maximum` (or exclusive) limit, compared exactly against integers and doubles.
struct NumberBound: Sendable, Hashable {
    enum Number: Sendable, Hashable {
        case integer(Int64)
        case double(Double)
    }

    let limit: Number
    let exclusive: Bool

    /// The limit as written in a message ("1", "0.5").
    var text: String {
        switch limit {
        case .integer(let integer): return String(integer)
        case .double(let double): return String(JSONSerializer.serializeToString(.double(double), style: .canonical))
        }
    }

    /// Whether `value` is at or above (`exclusive`: above) the limit.
    func admitsAsMinimum(_ value: JSONValue) -> Bool {
        guard let order = Self.compare(value, limit) else { return true }
        return exclusive ? order > 0 : order >= 0
    }

    /// Whether `value` is at or below (`exclusive`: below) the limit.
    func admitsAsMaximum(_ value: JSONValue) -> Bool {
        guard let order = Self.compare(value, limit) else { return true }
        return exclusive ? order < 0 : order <= 0
    }

    /// -1, 0 or 1 as `value` is below, at or above `limit`; `nil` if `value` is not a number.
    static func compare(_ value: JSONValue, _ limit: Number) -> Int? {
        switch (value, limit) {
        case (.integer(let a), .integer(let b)): return a < b ? -1 : a == b ? 0 : 1
        case (.double(let a), .double(let b)): return a < b ? -1 : a == b ? 0 : 1
        case (.integer(let a), .double(let b)): return -compare(b, a)
        case (.double(let a), .integer(let b)): return compare(a, b)
        default: return nil
        }
    }

    /// Exact comparison of a double with an integer (converting the integer to a double could round it).
    static func compare(_ double: Double, _ integer: Int64) -> Int {
        if double.isNaN { return 1 }
        if double >= 9_223_372_036_854_775_808.0 { return 1 }
        if double < -9_223_372_036_854_775_808.0 { return -1 }
        let truncated = double.rounded(.towardZero)
        let whole = Int64(truncated)
        if whole != integer { return whole < integer ? -1 : 1 }
        let fraction = double - truncated
        return fraction < 0 ? -1 : fraction > 0 ? 1 : 0
    }
}
