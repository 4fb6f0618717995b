import Crypto
import Foundation
import Issuance
import Registry
import Storage
import TestSupport
import Testing
import TransparencyLog

/// The registry's transparency log on SQLite: every issuance, revocation, lot event and EPCIS event becomes a
/// leaf; signed tree heads; inclusion proofs by index and by payload hash; consistency proofs; the audit, and the
/// audit naming the entry after a row is changed behind the platform's back (with the `sqlite3` program).
@Suite("Registry transparency log on SQLite")
struct TransparencyLogServiceTests {
    static let gtin = "04012345000009"

    /// Issues `count` doses in HC1 and SHC; returns them.
    static func issue(_ count: Int, _ registry: Registry, by principal: Principal) async throws -> [IssuedCertificate] {
        var issued: [IssuedCertificate] = []
        for _ in 0..<count {
            issued.append(
                try await registry.recordVaccination(.init(record: RegistryTests.record(), formats: [.hc1, .shc]), by: principal))
        }
        return issued
    }

    static func sqlite(_ path: String, _ sql: String) throws {
        let output = try ExternalProgram.run(URL(fileURLWithPath: "/usr/bin/sqlite3"), [path, sql])
        #expect(output.status == 0, "\(output.standardError)")
    }

    @Test func everyFactIsLoggedProvableAndAudited() async throws {
        try await RegistryTests.withRegistry { registry, token, _, masterKey in
            let admin = try #require(try await registry.authenticate(bearer: token.text))
            let issued = try await Self.issue(3, registry, by: admin)
            _ = try await registry.revoke(certificateID: issued[1].id, reason: "issued in error", by: admin)
            try await registry.store.append(
                LotEvent(
                    gtin: Self.gtin, lot: "L/1", kind: .recall, status: "recalled", reasonCode: "LOT_RECALLED", detail: "recall",
                    principalID: admin.id, createdAt: Date()))

            let log = try await registry.openTransparencyLog()
            let head = try await log.integrate()
            #expect(head.size == 8)
            #expect(head.keyID == log.keyID)
            let root = try #require(MerkleHash(bytes: head.root))
            #expect(TreeHead(size: head.size, root: root, timestamp: head.timestamp).verify(signature: head.signature, key: log.publicKey))
            #expect(try await log.integrate() == head)  // nothing new: the same head

            // By index, every leaf.
            for index in 0..<head.size {
                let proof = try await log.inclusionProof(leafIndex: index)
                #expect(proof.treeSize == 8)
                let leafHash = try #require(MerkleHash(bytes: proof.leaf.leafHash))
                #expect(MerkleProofVerifier.verifyInclusion(leafHash: leafHash, leafIndex: index, treeSize: 8, proof: proof.path, root: root))
            }
            // By the hash of a QR payload a verifier holds.
            let text = try #require(issued[2].payloads.first { $0.format == .shc }?.text)
            let proofs = try await log.inclusionProofs(contentHash: Array(SHA256.hash(data: Data(text.utf8))))
            #expect(proofs.count == 1)
            #expect(proofs[0].leaf.subject == "\(issued[2].id.uuidString.lowercased())/shc")
            let entry = try LogEntry(encoded: proofs[0].leaf.entry)
            #expect(entry.kind == .issuance)
            #expect(entry.contentHash == LogEntry.payloadHash(text))
            await #expect(throws: RegistryError.self) { try await log.inclusionProofs(contentHash: Array(repeating: 0, count: 32)) }
            await #expect(throws: TransparencyLogError.self) { try await log.inclusionProof(leafIndex: 8) }
            let kinds = try await log.leaves(from: 0, to: 100).map(\.kind)
            #expect(kinds == Array(repeating: "issuance", count: 6) + ["revocation", "lotStatus"])

            // The log grows; the new head is consistent with the old one.
            _ = try await Self.issue(2, registry, by: admin)
            let grown = try await log.integrate()
            #expect(grown.size == 12)
            let proof = try await log.consistencyProof(from: 8, to: 12)
            #expect(
                MerkleProofVerifier.verifyConsistency(
                    oldSize: 8, newSize: 12, oldRoot: root, newRoot: try #require(MerkleHash(bytes: grown.root)), proof: proof))
            #expect(try await log.treeHeads().map(\.size) == [8, 12])

            // A second start (a replica) finds the same key and tree.
            let again = try await Registry.open(store: registry.store, masterKey: masterKey, configuration: registry.configuration)
            let reopened = try await again.registry.openTransparencyLog()
            #expect(reopened.keyID == log.keyID)
            #expect(reopened.size == 12)
            #expect(try await reopened.root(size: 8) == root)

            let report = try await registry.auditLog()
            #expect(report.leafCount == 12)
            #expect(report.treeHeadCount == 2)
            #expect(report.root.bytes == grown.root)
            #expect(report.queuedCount == 0)
        }
    }

    /// A changed or deleted row, of a fact or of the log itself, fails the audit with the entry named.
    @Test(arguments: TamperCase.allCases)
    func tamperingFailsTheAuditNamingTheEntry(tamper: TamperCase) async throws {
        try await RegistryTests.withRegistry { registry, token, path, _ in
            let admin = try #require(try await registry.authenticate(bearer: token.text))
            let issued = try await Self.issue(2, registry, by: admin)
            _ = try await registry.revoke(certificateID: issued[0].id, reason: "issued in error", by: admin)
            try await registry.store.append(
                LotEvent(
                    gtin: Self.gtin, lot: "L1", kind: .recall, status: "recalled", reasonCode: "LOT_RECALLED", detail: "recall",
                    principalID: admin.id, createdAt: Date()))
            let log = try await registry.openTransparencyLog()
            try await log.integrate()
            #expect(try await registry.auditLog().leafCount == 6)

            let second = issued[1].id.uuidString.lowercased()
            let first = issued[0].id.uuidString.lowercased()
            try Self.sqlite(path, tamper.sql(first: first, second: second))
            do {
                _ = try await registry.auditLog()
                Issue.record("expected the audit to fail after \(tamper)")
            } catch let error as RegistryError {
                #expect(error.errorCode == tamper.code, "\(error.message)")
                #expect(error.message.contains(tamper.named(first: first, second: second)), "\(error.message)")
            }
        }
    }

    /// Ways to change the database behind the platform's back.
    enum TamperCase: String, CaseIterable, CustomTestStringConvertible {
        case certificateIssueTime, sealedPayload, payloadDeleted, revocationReason, lotEventStatus, leafEntry, leafDeleted, lastLeafDeleted
        case treeHeadRoot

        var testDescription: String { rawValue }

        func sql(first: String, second: String) -> String {
            switch self {
            case .certificateIssueTime: "UPDATE certificates SET issued_at = issued_at + 1 WHERE id = '\(second)'"
            case .sealedPayload:
                "UPDATE certificate_payloads SET sealed_payload = (SELECT sealed_payload FROM certificate_payloads WHERE certificate_id = '\(first)' AND format = 'shc') WHERE certificate_id = '\(second)' AND format = 'shc'"
            case .payloadDeleted: "DELETE FROM certificate_payloads WHERE certificate_id = '\(second)' AND format = 'hc1'"
            case .revocationReason: "UPDATE revocations SET reason = 'changed' WHERE certificate_id = '\(first)'"
            case .lotEventStatus: "UPDATE lot_events SET status = 'ok'"
            case .leafEntry: "UPDATE log_leaves SET entry = (SELECT entry FROM log_leaves WHERE leaf_index = 0) WHERE leaf_index = 1"
            case .leafDeleted: "DELETE FROM log_leaves WHERE leaf_index = 2"
            case .lastLeafDeleted: "DELETE FROM log_leaves WHERE leaf_index = 5"
            case .treeHeadRoot: "UPDATE log_tree_heads SET root = zeroblob(32)"
            }
        }

        var code: RegistryError.Code {
            switch self {
            case .certificateIssueTime, .sealedPayload, .revocationReason, .lotEventStatus, .leafEntry: .logEntryMismatch
            case .payloadDeleted: .logSourceMissing
            case .leafDeleted: .logLeafMissing
            case .lastLeafDeleted, .treeHeadRoot: .logTreeHeadMismatch
            }
        }

        /// What the message must name.
        func named(first: String, second: String) -> String {
            switch self {
            case .certificateIssueTime: "log leaf 2 (issuance \(second)/hc1)"
            case .sealedPayload: "log leaf 3 (issuance \(second)/shc)"
            case .payloadDeleted: "log leaf 2 (issuance \(second)/hc1)"
            case .revocationReason: "log leaf 4 (revocation \(first))"
            case .lotEventStatus: "log leaf 5 (lotStatus 04012345000009/L1)"
            case .leafEntry: "log leaf 1 (issuance \(first)/shc)"
            case .leafDeleted: "log leaf 2"
            case .lastLeafDeleted, .treeHeadRoot: "tree head of size 6"
            }
        }
    }
}
