import Foundation
import JSON
import Synchronization
import Testing

/// SIGTERM stops the server gracefully: requests it accepted are answered in full, then it exits with status 0.
@Suite("Graceful shutdown")
struct GracefulShutdownTests {
    /// What the load produced: statuses of the answered requests and the clients that lost the server.
    final class Outcome: Sendable {
        private let state = Mutex((statuses: [Int](), failures: 0, times: [ContinuousClock.Instant]()))

        func answered(_ status: Int) {
            let now = ContinuousClock.now
            state.withLock {
                $0.statuses.append(status)
                $0.times.append(now)
            }
        }
        func failed() { state.withLock { $0.failures += 1 } }
        var statuses: [Int] { state.withLock { $0.statuses } }
        var failures: Int { state.withLock { $0.failures } }
        /// How many answers arrived after `instant`.
        func answers(after instant: ContinuousClock.Instant) -> Int { state.withLock { $0.times.filter { $0 > instant }.count } }
    }

    @Test("SIGTERM under 40 concurrent verifications: every answer is 200, exit status 0 within 30 s")
    func sigtermUnderLoad() async throws {
        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let admin = try #require(server.firstAdminToken)
        let payload = try #require(try await server.issue(token: admin, formats: ["vc"]).payloads["vc"])
        let body = Data(JSONSerializer.serialize(["payload": .string(payload)]))
        let outcome = Outcome()

        // 40 clients, each sending verifications one after another until the server stops answering.
        let load = Task {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        for _ in 0..<500 {
                            do {
                                let answer = try await server.request("POST", "/api/v1/verify", token: admin, body: body)
                                outcome.answered(answer.status)
                            } catch {
                                outcome.failed()
                                return
                            }
                        }
                    }
                }
            }
        }
        // SIGTERM once the load is well under way.
        let deadline = ContinuousClock.now + .seconds(30)
        while outcome.statuses.count < 40 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        let stopping = ContinuousClock.now
        let exit = try await server.terminate(timeout: .seconds(30))
        let stoppedIn = ContinuousClock.now - stopping
        await load.value

        #expect(exit == .init(status: 0, signalled: false), "exit \(exit), stderr: \(server.standardError.suffix(1000))")
        #expect(stoppedIn < .seconds(30))
        let statuses = outcome.statuses
        #expect(statuses.count >= 40, "answered \(statuses.count), failed \(outcome.failures)")
        // Requests in flight when SIGTERM came were answered, not dropped.
        let afterSignal = outcome.answers(after: stopping)
        #expect(afterSignal > 0, "answers after SIGTERM: \(afterSignal) of \(statuses.count)")
        let notOK = statuses.filter { $0 != 200 }
        #expect(notOK.isEmpty, "answers other than 200 during shutdown: \(notOK.prefix(20))")
        // The load ended because the server went away, not because it ran out of iterations.
        #expect(outcome.failures == 40, "clients that saw the server go: \(outcome.failures)")

        await #expect(throws: (any Error).self, "a request after exit cannot connect") {
            _ = try await server.request("POST", "/api/v1/verify", token: admin, body: body)
        }
    }
}
