import Synchronization

/// A value of a verification result built on first use: the canonical record, the format's payload tree.
///
/// Verification itself (the checks) needs neither; a verifier that only asks "valid?" does not pay for them.
/// The first access runs the closure once; later accesses, from any thread, reuse its value.
final class LazyValue<Value: Sendable>: Sendable {
    private enum State: Sendable {
        case pending(@Sendable () -> Value)
        case made(Value)
    }

    private let state: Mutex<State>

    /// A value made by `make` on first access.
    init(_ make: @escaping @Sendable () -> Value) {
        state = Mutex(.pending(make))
    }

    /// A value already at hand.
    init(value: Value) {
        state = Mutex(.made(value))
    }

    var value: Value {
        state.withLock { state in
            switch state {
            case .made(let value):
                return value
            case .pending(let make):
                let value = make()
                state = .made(value)
                return value
            }
        }
    }
}
