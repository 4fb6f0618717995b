/// Lets at most ``limit`` server starts run at once (the others wait their turn).
actor StartGate {
    static let limit = 3
    static let shared = StartGate()

    private var available = StartGate.limit
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            available += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
