import ColdChain
import Foundation
import Testing

/// MKT, the calculated VVM and the stability budget.
@Suite struct StabilityTests {
    /// By hand for [5, 25] °C: exp(-10000/278.15) = 2.43400e-16 and exp(-10000/298.15) = 2.71451e-15; their mean
    /// 1.478956e-15; -ln of it = 34.147440; 10000 / 34.147440 = 292.847721 K = 19.697721 °C.
    @Test func mktAgainstHandComputedValues() throws {
        let value = try #require(MeanKineticTemperature.celsius([5, 25]))
        #expect(abs(value - 19.697721) < 1e-5)
        #expect(abs(try #require(MeanKineticTemperature.celsius([4, 4, 4, 30]))  - 18.856148) < 1e-5)
        #expect(abs(try #require(MeanKineticTemperature.celsius([-20, -20, -15])) - -17.904477) < 1e-5)
        // Weights equal to repetition counts give the same value.
        let weighted = try #require(MeanKineticTemperature.celsius(weighted: [(4, 3), (30, 1)]))
        #expect(abs(weighted - 18.856148) < 1e-5)
        // A constant record's MKT is that temperature; MKT is never below the arithmetic mean.
        #expect(abs(try #require(MeanKineticTemperature.celsius([-70, -70])) - -70) < 1e-9)
        #expect(MeanKineticTemperature.celsius([]) == nil)
        #expect(MeanKineticTemperature.celsius([-300]) == nil)
        #expect(abs(MeanKineticTemperature.activationEnergyOverR(kilojoulesPerMole: 83.144) - 10_000) < 1e-9)
    }

    @Test func mktStaysFiniteAtExtremes() throws {
        let value = try #require(MeanKineticTemperature.celsius([-200, 200]))
        #expect(value.isFinite && value > 0 && value < 200)
    }

    @Test(arguments: VVMCategory.allCases)
    func vvmTableInterpolation(category: VVMCategory) {
        let (first, second) = category.anchors
        // Through both anchors exactly.
        #expect(abs(category.daysToEndPoint(celsius: first.celsius) - first.days) < 1e-9)
        #expect(abs(category.daysToEndPoint(celsius: second.celsius) - second.days) < 1e-9)
        // ln(days) linear in 1/T: halfway in 1/T lies the geometric mean of the anchor days.
        let inverseMid = (1 / (first.celsius + 273.15) + 1 / (second.celsius + 273.15)) / 2
        let mid = 1 / inverseMid - 273.15
        #expect(abs(category.daysToEndPoint(celsius: mid) - (first.days * second.days).squareRoot()) < 1e-9)
        // Warmer is faster.
        #expect(category.daysToEndPoint(celsius: 8) > category.daysToEndPoint(celsius: 9))
    }

    @Test func vvmUsedFromReadings() {
        // VVM2: 24 hours at +37 °C use half the budget (end point after 2 days); the last reading holds nothing.
        let readings = Fixtures.readings([(0, 37), (1440, 5)])
        #expect(abs(CalculatedVVM(category: .vvm2).usedFraction(readings) - 0.5) < 1e-12)
        // With a maximum hold of one hour only one hour counts.
        let limited = CalculatedVVM(category: .vvm2).usedFraction(readings, maxHold: 3600)
        #expect(abs(limited - 1.0 / 48) < 1e-12)
    }

    @Test func stabilityBudgetPerLot() {
        let vvm = CalculatedVVM(category: .vvm7)
        let day37 = Fixtures.readings([(0, 37), (1440, 5)])
        let budgets = StabilityBudget.perLot(
            [("A", day37), ("B", day37), ("A", day37), ("A", day37)], vvm: vvm)
        #expect(budgets.map(\.lot) == ["A", "B"])
        #expect(budgets.map(\.records) == [3, 1])
        #expect(abs(budgets[0].usedFraction - 3.0 / 7) < 1e-12)
        #expect(abs(budgets[1].usedPercent - 100.0 / 7) < 1e-9)
        #expect(!budgets[0].isExhausted)
        var exhausted = StabilityBudget(lot: "C", vvm: vvm)
        for _ in 0..<8 { exhausted.add(day37) }
        #expect(exhausted.isExhausted && exhausted.remainingFraction == 0)
    }
}
