import Crypto
import JSON
import Storage
import TransparencyLog

/// The JSON of the transparency log, shared by the API (`/api/v1/log/...`) and `dvc log`: tree heads, leaves,
/// inclusion proofs (self-contained: leaf, path, signed head and the log's public key) and consistency proofs.
/// Bytes are lower-case hex.
public enum LogJSON {
    /// `{"size", "root", "timestamp", "signature", "keyID"}`.
    public static func treeHead(_ head: StoredTreeHead) -> JSONValue {
        .object([
            "size": .integer(Int64(head.size)), "root": .string(hex(head.root)), "timestamp": .integer(head.timestamp),
            "signature": .string(hex(head.signature)), "keyID": .string(head.keyID),
        ])
    }

    /// `{"index", "kind", "subject", "entry", "leafHash"}`, with the decoded `time` and `contentHash` when the
    /// entry reads.
    public static func leaf(_ leaf: LogLeaf) -> JSONValue {
        var object: JSONObject = [
            "index": .integer(Int64(leaf.index)), "kind": .string(leaf.kind), "subject": .string(leaf.subject),
            "entry": .string(hex(leaf.entry)), "leafHash": .string(hex(leaf.leafHash)),
        ]
        if let entry = try? LogEntry(encoded: leaf.entry) {
            object["time"] = .integer(entry.time)
            object["contentHash"] = .string(entry.contentHash.description)
        }
        return .object(object)
    }

    /// An inclusion proof with the signed head of its tree size and the log's public key (X9.63, hex), checkable
    /// offline with ``verifyInclusion(_:pinnedKey:)``.
    public static func inclusionProof(
        _ proof: LogInclusionProof, treeHead: StoredTreeHead?, publicKey: P256.Signing.PublicKey
    ) -> JSONValue {
        var object: JSONObject = [
            "leaf": leaf(proof.leaf), "treeSize": .integer(Int64(proof.treeSize)),
            "path": .array(proof.path.map { .string($0.description) }),
            "logPublicKey": .string(hex(Array(publicKey.x963Representation))),
        ]
        if let treeHead { object["treeHead"] = LogJSON.treeHead(treeHead) }
        return .object(object)
    }

    /// `{"from", "to", "path"}`.
    public static func consistencyProof(from: Int, to: Int, path: [MerkleHash]) -> JSONValue {
        .object(["from": .integer(Int64(from)), "to": .integer(Int64(to)), "path": .array(path.map { .string($0.description) })])
    }

    /// Checks an ``inclusionProof(_:treeHead:publicKey:)`` document offline: the leaf hash is the entry's, the
    /// path leads to the signed head's root at the head's size, and the head's signature verifies with the log
    /// key (`pinnedKey` when given: the document's own key must then be that one). Returns the proved entry.
    ///
    /// - Throws: ``RegistryError`` `LOG_PROOF_INVALID` naming the first check that fails.
    public static func verifyInclusion(_ json: JSONValue, pinnedKey: P256.Signing.PublicKey? = nil) throws -> LogEntry {
        func invalid(_ message: String) -> RegistryError { RegistryError(.logProofInvalid, message) }
        guard case .object(let document) = json, case .object(let leaf)? = document["leaf"],
            case .object(let head)? = document["treeHead"], case .array(let pathValues)? = document["path"],
            let entryBytes = bytes(leaf["entry"]), let leafIndex = integer(leaf["index"]),
            let treeSize = integer(document["treeSize"]), let headSize = integer(head["size"]),
            let root = bytes(head["root"]).flatMap({ MerkleHash(bytes: $0) }), let timestamp = integer(head["timestamp"]),
            let signature = bytes(head["signature"]), let keyBytes = bytes(document["logPublicKey"])
        else { throw invalid("expected an inclusion proof with leaf, path, treeSize, treeHead and logPublicKey, found another shape") }
        guard pathValues.count <= 64 else { throw invalid("expected a path of at most 64 hashes, found \(pathValues.count)") }
        let path = try pathValues.map { value in
            guard let hash = bytes(value).flatMap({ MerkleHash(bytes: $0) }) else { throw invalid("expected 32-byte hex hashes in path") }
            return hash
        }
        let entry: LogEntry
        do {
            entry = try LogEntry(encoded: entryBytes)
        } catch {
            throw invalid("expected the leaf's entry to be a log entry, found other bytes")
        }
        guard let key = try? P256.Signing.PublicKey(x963Representation: keyBytes) else {
            throw invalid("expected logPublicKey to be an X9.63 P-256 public key, found other bytes")
        }
        if let pinnedKey, pinnedKey.x963Representation != key.x963Representation {
            throw invalid("expected the proof to name the pinned log key, found another key")
        }
        guard treeSize == headSize else { throw invalid("expected the proof's tree size \(treeSize) to be the head's, found \(headSize)") }
        guard TreeHead(size: Int(headSize), root: root, timestamp: timestamp).verify(signature: signature, key: key) else {
            throw invalid("expected the tree head's signature to verify with the log key, found it does not")
        }
        if let stated = bytes(leaf["leafHash"]), stated != MerkleHashing.leafHash(entryBytes).bytes {
            throw invalid("expected the leaf hash to be the hash of the entry, found another")
        }
        guard
            MerkleProofVerifier.verifyInclusion(
                leafHash: MerkleHashing.leafHash(entryBytes), leafIndex: Int(leafIndex), treeSize: Int(treeSize), proof: path,
                root: root)
        else { throw invalid("expected the path to lead from leaf \(leafIndex) to the signed root of size \(treeSize), found it does not") }
        return entry
    }

    /// Lower-case hex.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes of a hex string value (at most 4,096 bytes), or nil.
    public static func bytes(_ value: JSONValue?) -> [UInt8]? {
        guard case .string(let text)? = value, text.utf8.count % 2 == 0, text.utf8.count <= 8_192 else { return nil }
        var bytes: [UInt8] = []
        var high: UInt8?
        for digit in text.utf8 {
            let nibble: UInt8
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = digit - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let value = high {
                bytes.append(value << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    private static func integer(_ value: JSONValue?) -> Int64? {
        guard case .integer(let number)? = value, number >= 0 else { return nil }
        return number
    }
}
