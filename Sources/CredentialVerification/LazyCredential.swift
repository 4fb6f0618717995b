import CodedErrors
import Synchronization
import VaccinationRecord

/// The canonical record of a verified payload, built on first use.
///
/// Verification itself (the checks) does not need the record; a verifier that only asks "valid?" does not pay
/// for mapping the payload into it. The first access of ``VerificationResult/credential`` (or of its JSON)
/// runs the mapping once; later accesses, from any thread, reuse the result.
final class LazyCredential: Sendable {
    /// The record and what the mapping could not carry over.
    struct Mapping: Sendable {
        var record: VaccinationRecord?
        var warnings: [GenericCodedError]
    }

    private enum State: Sendable {
        case pending(@Sendable () -> Mapping)
        case mapped(Mapping)
    }

    private let state: Mutex<State>

    init(_ map: @escaping @Sendable () -> Mapping) {
        state = Mutex(.pending(map))
    }

    init(_ mapping: Mapping) {
        state = Mutex(.mapped(mapping))
    }

    var mapping: Mapping {
        state.withLock { state in
            switch state {
            case .mapped(let mapping):
                return mapping
            case .pending(let map):
                let mapping = map()
                state = .mapped(mapping)
                return mapping
            }
        }
    }
}
