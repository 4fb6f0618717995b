import CredentialVerification
import Foundation
import JSON
import Verifier

/// Verifies one payload per line on every core and writes JSON Lines in input order.
struct BatchVerification {
    let verifier: Verifier
    let time: Date
    /// Lines verified per round; output is written after each round.
    let blockSize = 4096

    /// Returns true when every payload is valid.
    func run(_ text: Substring) -> Bool {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let last = lines.last, last.isEmpty { lines.removeLast() }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 64))
        let sessions = Sessions((0..<workers).map { _ in verifier.makeSession() })
        var allValid = true
        var start = 0
        while start < lines.count {
            let block = Array(lines[start..<min(start + blockSize, lines.count)])
            let outputs = Outputs(count: workers)
            let perWorker = (block.count + workers - 1) / workers
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let session = sessions.items[worker]
                var bytes: [UInt8] = []
                var valid = true
                let from = worker * perWorker
                let to = min(from + perWorker, block.count)
                if from < to {
                    bytes.reserveCapacity((to - from) * 1024)
                    for line in block[from..<to] {
                        var payload = line
                        if payload.last == "\r" { payload.removeLast() }
                        let result = session.verify(payload, at: time)
                        valid = valid && result.isValid
                        JSONSerializer.serialize(result.json, style: .compact, into: &bytes)
                        bytes.append(UInt8(ascii: "\n"))
                    }
                }
                outputs.set(worker, bytes: bytes, valid: valid)
            }
            for worker in 0..<workers {
                OutputWriter.write(outputs.bytes(worker))
                allValid = allValid && outputs.valid(worker)
            }
            start += blockSize
        }
        return allValid
    }
}

/// One verification session per worker; each worker touches only its own index.
private final class Sessions: @unchecked Sendable {
    let items: [VerificationSession]
    init(_ items: [VerificationSession]) { self.items = items }
}

/// Per-worker output slots. Each worker writes only its own slot, and the caller reads after
/// `concurrentPerform` returns, so no two threads touch the same memory. Raw storage avoids the
/// dynamic exclusivity check a shared array property would trip.
private final class Outputs: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<(bytes: [UInt8], valid: Bool)>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: ([], true))
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, bytes: [UInt8], valid: Bool) { storage[index] = (bytes, valid) }
    func bytes(_ index: Int) -> [UInt8] { storage[index].bytes }
    func valid(_ index: Int) -> Bool { storage[index].valid }
}
