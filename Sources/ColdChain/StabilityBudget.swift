import Foundation

/// The share of a lot's stability budget used so far: the calculated VVM fraction summed over every
/// temperature record the lot went through (each fridge, freezer or shipment along its way).
public struct StabilityBudget: Sendable, Hashable {
    /// The lot (batch) number.
    public let lot: String
    /// The calculated VVM that measures the budget.
    public let vvm: CalculatedVVM
    /// The fraction used so far (1 = end point reached).
    public private(set) var usedFraction: Double = 0
    /// The number of records added.
    public private(set) var records = 0

    /// An unused budget for a lot.
    public init(lot: String, vvm: CalculatedVVM) {
        self.lot = lot
        self.vvm = vvm
    }

    /// Adds the record of one stretch of the lot's journey.
    public mutating func add(_ readings: [TemperatureReading], maxHold: TimeInterval? = nil) {
        usedFraction += vvm.usedFraction(readings, maxHold: maxHold)
        records += 1
    }

    /// The share used in percent.
    public var usedPercent: Double { usedFraction * 100 }

    /// The fraction left, never below zero.
    public var remainingFraction: Double { Swift.max(0, 1 - usedFraction) }

    /// Whether the VVM end point is reached (the lot must be discarded).
    public var isExhausted: Bool { usedFraction >= 1 }

    /// Budgets per lot from records tagged with their lot, in order of each lot's first record.
    public static func perLot(
        _ records: [(lot: String, readings: [TemperatureReading])], vvm: CalculatedVVM,
        maxHold: TimeInterval? = nil
    ) -> [StabilityBudget] {
        var budgets: [StabilityBudget] = []
        var positions: [String: Int] = [:]
        for record in records {
            let position: Int
            if let existing = positions[record.lot] {
                position = existing
            } else {
                position = budgets.count
                positions[record.lot] = position
                budgets.append(StabilityBudget(lot: record.lot, vvm: vvm))
            }
            budgets[position].add(record.readings, maxHold: maxHold)
        }
        return budgets
    }
}
