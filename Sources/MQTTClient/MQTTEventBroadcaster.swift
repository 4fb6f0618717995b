import Synchronization

/// Fans client events out to every stream returned by ``MQTTClient/events()``; safe from any thread.
final class MQTTEventBroadcaster: Sendable {
    private struct State {
        var subscribers: [Int: AsyncStream<MQTTClient.Event>.Continuation] = [:]
        var nextKey = 0
        var finished = false
    }

    private let state = Mutex(State())

    /// A new stream of the events from now on (already finished if the client stopped).
    func subscribe() -> AsyncStream<MQTTClient.Event> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: MQTTClient.Event.self, bufferingPolicy: .bufferingNewest(1_000))
        let key: Int? = state.withLock { state in
            guard !state.finished else { return nil }
            state.nextKey += 1
            state.subscribers[state.nextKey] = continuation
            return state.nextKey
        }
        guard let key else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: key) }
        }
        return stream
    }

    /// Sends an event to every subscriber.
    func send(_ event: MQTTClient.Event) {
        let subscribers = state.withLock { Array($0.subscribers.values) }
        for subscriber in subscribers { subscriber.yield(event) }
    }

    /// Ends every stream.
    func finish() {
        let subscribers = state.withLock { state in
            state.finished = true
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers { subscriber.finish() }
    }
}
