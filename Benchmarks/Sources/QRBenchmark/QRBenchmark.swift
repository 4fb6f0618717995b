import CQRencodeHarness
import Foundation
import QRCode
import QRRendering

/// Measures OpenDVC's QR encoder next to libqrencode (through the CQRencodeHarness C target) on the two
/// certificate payloads of Issue 3, and the renderers, on one core.
///
/// Usage: QRBenchmark [--seconds S]   (S: seconds per measurement round, default 0.5; 5 interleaved rounds)
@main
struct QRBenchmark {
    static func main() throws {
        var seconds = 0.5
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let index = arguments.firstIndex(of: "--seconds"), index + 1 < arguments.count,
            let value = Double(arguments[index + 1])
        {
            seconds = value
        }
        let payloads = Payload.all()
        print("QR encoding, one core, release build; each figure is the median of 5 rounds of \(seconds) s, OpenDVC and libqrencode interleaved.")
        print("")
        print("| payload | level | version (OpenDVC / libqrencode) | OpenDVC symbols/s | µs each | libqrencode symbols/s | µs each | libqrencode ÷ OpenDVC time |")
        print("|---|---|---|---:|---:|---:|---:|---:|")
        for payload in payloads {
            let options = QRCode.Options(errorCorrection: payload.level)
            let ours = try QRCode(encoding: payload.text, options: options)
            let theirs = payload.text.withCString { cqr_encode($0, Int32(payload.levelIndex), nil) }
            guard theirs > 0 else { throw BenchmarkFailure(message: "libqrencode failed on \(payload.name)") }
            var oursRates: [Double] = []
            var theirRates: [Double] = []
            for _ in 0..<5 {
                oursRates.append(rate(seconds: seconds) {
                    var sum = 0
                    for _ in 0..<20 { sum &+= (try? QRCode(encoding: payload.text, options: options))?.mask ?? 0 }
                    return (20, sum)
                })
                theirRates.append(rate(seconds: seconds) {
                    let sum = payload.text.withCString { cqr_encode_repeatedly($0, Int32(payload.levelIndex), 20) }
                    return (20, sum)
                })
            }
            let oursRate = median(oursRates)
            let theirRate = median(theirRates)
            print("| \(payload.name) | \(payload.level.rawValue) | \(ours.version) / \(theirs) | \(format(oursRate, 0)) | \(format(1e6 / oursRate, 1)) | \(format(theirRate, 0)) | \(format(1e6 / theirRate, 1)) | \(format(oursRate / theirRate, 2)) |")
        }
        print("")
        print("Rendering, one core (the symbol is encoded once, except in the last row of each payload; PNG: zlib through compress-nio with the run-length strategy):")
        print("")
        print("| payload | form | per second | µs each | output bytes |")
        print("|---|---|---:|---:|---:|")
        for payload in payloads {
            let code = try QRCode(encoding: payload.text, options: .init(errorCorrection: payload.level))
            let forms: [(String, () throws -> Int)] = [
                ("PNG 1-bit, 4 px/module", { try QRRenderer.png(code, moduleSize: 4).count }),
                ("PNG 8-bit, 4 px/module", { try QRRenderer.png(code, moduleSize: 4, bitDepth: .eight).count }),
                ("SVG", { QRRenderer.svg(code).utf8.count }),
                ("terminal", { QRRenderer.terminal(code).utf8.count }),
            ]
            for (name, body) in forms {
                let bytes = try body()
                var rates: [Double] = []
                for _ in 0..<5 {
                    rates.append(rate(seconds: seconds) {
                        var sum = 0
                        for _ in 0..<5 { sum &+= (try? body()) ?? 0 }
                        return (5, sum)
                    })
                }
                let value = median(rates)
                print("| \(payload.name) | \(name) | \(format(value, 0)) | \(format(1e6 / value, 1)) | \(bytes) |")
            }
            var rates: [Double] = []
            for _ in 0..<5 {
                rates.append(rate(seconds: seconds) {
                    var sum = 0
                    for _ in 0..<5 {
                        if let code = try? QRCode(encoding: payload.text, options: .init(errorCorrection: payload.level)) {
                            sum &+= (try? QRRenderer.png(code))?.count ?? 0
                        }
                    }
                    return (5, sum)
                })
            }
            let value = median(rates)
            print("| \(payload.name) | encode + PNG 1-bit | \(format(value, 0)) | \(format(1e6 / value, 1)) | |")
        }
    }

    /// Items per second of `body` (which returns the items it did and a value to keep alive) over `seconds`.
    static func rate(seconds: Double, _ body: () -> (Int, Int)) -> Double {
        var items = 0
        var sink = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let deadline = start + UInt64(seconds * 1e9)
        var now = start
        repeat {
            let (count, value) = body()
            items += count
            sink &+= value
            now = DispatchTime.now().uptimeNanoseconds
        } while now < deadline
        if sink == Int.min { print("") }
        return Double(items) / (Double(now - start) / 1e9)
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    static func format(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
