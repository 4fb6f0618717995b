import CredentialVerification
import JSON

/// Compares DCC JSON the way the test data needs: member order ignored, numbers by value, and
/// date-time strings as instants (issuers write `sc`/`dr` with any precision and offset form, and
/// some encode them as CBOR tag-0 date-times).
enum DGCJSONComparison {
    static func equivalent(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            return x.members.allSatisfy { member in y[member.key].map { equivalent(member.value, $0) } ?? false }
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy(equivalent)
        case (.string(let x), .string(let y)):
            if x == y { return true }
            guard x.contains("T"), y.contains("T"), let dx = Timestamp.parse(x), let dy = Timestamp.parse(y) else {
                return false
            }
            return abs(dx.timeIntervalSince(dy)) < 0.001
        default:
            return a.isEquivalent(to: b)
        }
    }
}
