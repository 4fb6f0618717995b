import ColdChain
import Foundation
import JSON
import Testing

/// Runs every case of `coldchain/vectors.json`. Sections outside this target are listed in
/// `VECTORS-DEVIATIONS.md` and in ``outOfScope``; any other unknown section fails the test.
@Suite struct VectorsConformanceTests {
    /// Sections not handled by the ColdChain target (see VECTORS-DEVIATIONS.md).
    static let outOfScope: Set<String> = ["_about", "gs1"]

    static let handled: Set<String> = [
        "mkt", "mkt_real_device", "vvm_two_point", "vvm_nexleaf", "vvm_budget_profile", "who_alarm_rules",
    ]

    @Test func everySectionIsHandledOrListedAsADeviation() throws {
        let vectors = try Fixtures.vectors()
        for key in vectors.keys {
            #expect(Self.handled.contains(key) || Self.outOfScope.contains(key), "unhandled vectors.json section \(key)")
        }
        #expect(Self.handled.isSubset(of: Set(vectors.keys)))
    }

    @Test func meanKineticTemperatureCases() throws {
        let cases = try #require(try Fixtures.vectors()["mkt"]?.arrayValue)
        #expect(cases.count == 6)
        for item in cases {
            let name = item["name"]?.stringValue ?? "?"
            var temperatures: [Double] = []
            if let list = item["temps_c"]?.arrayValue {
                temperatures = try list.map { try Fixtures.number($0) }
            } else {
                let compact = try #require(item["compact"]?.arrayValue, "\(name)")
                for pair in compact {
                    let parts = try #require(pair.arrayValue)
                    let count = try #require(parts.last?.integerValue)
                    temperatures += Array(repeating: try Fixtures.number(parts.first), count: Int(count))
                }
            }
            #expect(Double(temperatures.count) == (try Fixtures.number(item["n"])), "\(name)")
            let mean = temperatures.reduce(0, +) / Double(temperatures.count)
            #expect(abs(mean - (try Fixtures.number(item["arithmetic_mean_c"]))) < 0.0001, "\(name)")
            let mkt = try #require(MeanKineticTemperature.celsius(temperatures), "\(name)")
            #expect(abs(mkt - (try Fixtures.number(item["mkt_c"]))) < 0.0001, "\(name): \(mkt)")
            // The same through the analysis of an hourly series.
            let analysis = try ColdChainAnalysis.analyze(Fixtures.series(temperatures))
            #expect(abs(analysis.mktC - mkt) < 1e-9, "\(name)")
            #expect(abs(analysis.meanC - mean) < 1e-9, "\(name)")
        }
    }

    @Test func meanKineticTemperatureOfRealQTagRecords() throws {
        let section = try #require(try Fixtures.vectors()["mkt_real_device"]?.objectValue)
        var checked = 0
        for member in section.members where member.key != "source" {
            let expected = member.value
            let path = try #require(
                Fixtures.berlingerFiles.first { $0.hasSuffix("/\(member.key).txt") }, "no file for \(member.key)")
            let export = try Fixtures.berlinger(path)
            #expect(Double(export.readings.count) == (try Fixtures.number(expected["n"])), "\(member.key)")
            #expect(Double(try #require(export.loggingIntervalMinutes)) == (try Fixtures.number(expected["interval_min"])))
            #expect(export.summary?.mktC == (try Fixtures.number(expected["device_MKT"])), "\(member.key)")
            let fileEnergy = try #require(export.mktActivationEnergyKJPerMole)
            let withFileEnergy = try #require(MeanKineticTemperature.celsius(
                of: export.readings,
                activationEnergyOverR: MeanKineticTemperature.activationEnergyOverR(kilojoulesPerMole: fileEnergy)))
            #expect(abs(withFileEnergy - (try Fixtures.number(expected["computed_mkt_dH83.0"]))) < 0.0005,
                    "\(member.key): \(withFileEnergy)")
            let withDefault = try #require(MeanKineticTemperature.celsius(of: export.readings))
            #expect(abs(withDefault - (try Fixtures.number(expected["computed_mkt_dHR10000"]))) < 0.0005,
                    "\(member.key): \(withDefault)")
            if let deviceEnergy = expected["device_MKT_energy_kJ"] {
                #expect(export.mktActivationEnergyKJPerMole == (try Fixtures.number(deviceEnergy)))
            }
            checked += 1
        }
        #expect(checked == 2)
    }

    @Test func twoPointVVMCases() throws {
        let section = try #require(try Fixtures.vectors()["vvm_two_point"]?.objectValue)
        #expect(section.count == VVMCategory.allCases.count)
        for member in section.members {
            let category = try #require(VVMCategory(rawValue: member.key), "unknown VVM \(member.key)")
            let anchors = try #require(member.value["anchors_days"]?.arrayValue)
            let expectedAnchors = try anchors.map { pair -> (Double, Double) in
                let parts = try #require(pair.arrayValue)
                return (try Fixtures.number(parts.first), try Fixtures.number(parts.last))
            }
            #expect(expectedAnchors.count == 2)
            #expect(expectedAnchors.first?.0 == category.anchors.first.celsius)
            #expect(expectedAnchors.first?.1 == category.anchors.first.days)
            #expect(expectedAnchors.last?.0 == category.anchors.second.celsius)
            #expect(expectedAnchors.last?.1 == category.anchors.second.days)
            let energy = try Fixtures.number(member.value["Ea_over_R_K"])
            #expect(abs(category.activationEnergyOverR - energy) < 0.05, "\(member.key): \(category.activationEnergyOverR)")
            let kiloJoules = category.activationEnergyOverR * MeanKineticTemperature.gasConstant / 1000
            #expect(abs(kiloJoules - (try Fixtures.number(member.value["Ea_kJ_per_mol"]))) < 0.05)
            let table = try #require(member.value["days_to_endpoint"]?.objectValue)
            for point in table.members {
                let celsius = try #require(Double(point.key))
                let days = CalculatedVVM(category: category).daysToEndPoint(celsius: celsius)
                #expect(abs(days - (try Fixtures.number(point.value))) < 0.006, "\(member.key) at \(point.key): \(days)")
            }
        }
    }

    @Test func nexleafVVMCases() throws {
        let section = try #require(try Fixtures.vectors()["vvm_nexleaf"]?.objectValue)
        #expect(section.count == VVMCategory.allCases.count)
        for member in section.members {
            let category = try #require(VVMCategory(rawValue: member.key), "unknown VVM \(member.key)")
            let vvm = CalculatedVVM(category: category, model: .nexleaf)
            #expect(vvm.nexleafConstants.rateFactorPerDay == (try Fixtures.number(member.value["A_per_day"])))
            #expect(vvm.nexleafConstants.energyOverR == (try Fixtures.number(member.value["E_over_R_K"])))
            let table = try #require(member.value["days_to_endpoint"]?.objectValue)
            for point in table.members {
                let days = vvm.daysToEndPoint(celsius: try #require(Double(point.key)))
                #expect(abs(days - (try Fixtures.number(point.value))) < 0.006, "\(member.key) at \(point.key): \(days)")
            }
        }
    }

    @Test func vvmBudgetProfile() throws {
        let section = try #require(try Fixtures.vectors()["vvm_budget_profile"])
        let segments = try #require(section["segments_hours_tempC"]?.arrayValue).map { pair in
            let parts = try #require(pair.arrayValue)
            return (hours: try Fixtures.number(parts.first), celsius: try Fixtures.number(parts.last))
        }
        // The same profile as a reading series: one reading per segment start, and a closing reading.
        var points: [(minute: Double, celsius: Double)] = []
        var minute = 0.0
        for segment in segments {
            points.append((minute, segment.celsius))
            minute += segment.hours * 60
        }
        points.append((minute, 5))
        let readings = Fixtures.readings(points)
        let results = try #require(section["result"]?.objectValue)
        #expect(results.count == VVMCategory.allCases.count)
        for member in results.members {
            let category = try #require(VVMCategory(rawValue: member.key))
            for (model, key) in [(CalculatedVVM.Model.twoPoint, "two_point_fraction"), (.nexleaf, "nexleaf_fraction")] {
                let expected = try Fixtures.number(member.value[key])
                let vvm = CalculatedVVM(category: category, model: model)
                #expect(abs(vvm.usedFraction(segments: segments) - expected) < 0.00006, "\(member.key) \(key)")
                #expect(abs(vvm.usedFraction(readings) - expected) < 0.00006, "\(member.key) \(key) series")
                var budget = StabilityBudget(lot: "LOT-1", vvm: vvm)
                budget.add(readings)
                #expect(abs(budget.usedPercent - expected * 100) < 0.006)
            }
        }
    }

    @Test func whoAlarmRules() throws {
        let section = try #require(try Fixtures.vectors()["who_alarm_rules"]?.objectValue)
        #expect(section.count == 4)
        for member in section.members {
            switch member.key {
            case "30DTR_heat", "30DTR_freeze":
                let rule = member.key == "30DTR_heat" ? WHOAlarms.heat : WHOAlarms.freeze
                #expect(rule.thresholdC == (try Fixtures.number(member.value["threshold_c"])))
                #expect(rule.minutes == (try Fixtures.number(member.value["minutes"])))
                let op = try #require(member.value["op"]?.stringValue)
                #expect(op.hasPrefix(rule.comparisonOperator + " ") || op == rule.comparisonOperator + " ",
                        "\(member.key): \(op) vs \(rule.comparisonOperator)")
                #expect(member.value["mode"]?.stringValue?.hasPrefix("single") == true && rule.mode == .single)
            case "shipping_indicator_type1", "shipping_indicator_type2":
                let indicator = member.key.hasSuffix("1") ? ShippingIndicatorRule.type1 : ShippingIndicatorRule.type2
                let rows = try #require(member.value.arrayValue)
                #expect(rows.count == indicator.rules.count)
                for (row, rule) in zip(rows, indicator.rules) {
                    let parts = try #require(row.arrayValue)
                    #expect(parts.count == 4)
                    #expect(parts[0].stringValue == rule.comparisonOperator, "\(member.key)")
                    #expect(try Fixtures.number(parts[1]) == rule.thresholdC)
                    #expect(try Fixtures.number(parts[2]) == rule.minutes)
                    #expect(parts[3].stringValue == rule.mode.rawValue)
                }
            default:
                Issue.record("unhandled who_alarm_rules case \(member.key)")
            }
        }
    }
}
