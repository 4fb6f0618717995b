import BenchmarkRecords
import Crypto
import Foundation
import JOSE
import JSON
import SMARTHealthCards
import VaccinationRecord
import Verifier

extension VerificationStages {
    /// What `spread(_:)` measures with.
    struct Setup {
        let key: P256.Signing.PrivateKey
        /// A verifier that trusts `key`.
        let verifier: Verifier
        /// A verifier with an empty trust store: every check but the signature runs.
        let withoutKeys: Verifier
        let now: Date
        /// Issues one record as the QR text of a SMART Health Card.
        let issue: (VaccinationRecord) throws -> String
    }

    /// One card verified over and over against 500 distinct cards in turn (`BenchmarkRecords.distinct`, as FormatsBenchmark issues them): the bare
    /// verify of their signed bytes, the verification without the signature, and the whole verification, three
    /// rounds each way, best of 7 inside each. A single card lets the branch predictors learn its data, and a
    /// whole verification costs more than its parts measured alone: the spread shows both.
    static func spread(_ setup: Setup) throws {
        let texts = try BenchmarkRecords.distinct(count: 500).map(setup.issue)
        let jwsList = try texts.map { try CompactJWS(parsing: SHCNumericQR.assemble([$0[...]]).jws) }
        let signatures = try jwsList.map { try P256.Signing.ECDSASignature(rawRepresentation: $0.signature) }
        let publicKey = setup.key.publicKey
        print("SMART Health Cards: one card against 500 distinct cards, µs per verification")
        print("")
        print("| measurement | µs |")
        print("|---|---:|")
        for round in 0..<6 {
            let spread = round % 2 == 1
            let label = spread ? "500 cards" : "one card"
            var turn = 0
            // The card of the next turn: always the first, or each of the 500 in turn.
            func next() -> Int {
                turn += 1
                return spread ? turn % texts.count : 0
            }
            try time("bare P-256 verify, \(label)", 1_000) {
                let index = next()
                return bareVerify(publicKey, signatures[index], jwsList[index].signingInput) ? 1 : 0
            }
            try time("verification without the signature, \(label)", 3_000) {
                setup.withoutKeys.verify(texts[next()], at: setup.now).errors.count
            }
            try time("whole verification, \(label)", 1_000) { setup.verifier.verify(texts[next()], at: setup.now).errors.count }
        }
    }

    /// The bare verify, out of line so that profiles show it as one function.
    @inline(never)
    static func bareVerify(_ key: P256.Signing.PublicKey, _ signature: P256.Signing.ECDSASignature, _ input: [UInt8]) -> Bool {
        key.isValidSignature(signature, for: input)
    }
}
