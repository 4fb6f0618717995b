import Hummingbird
import JSON
import Registry
import Storage
import TransparencyLog

/// The transparency log routes (`/api/v1/log/...`, public): signed tree heads, inclusion proofs by leaf index or
/// by content hash, consistency proofs and leaves. The log is ``APIOptions/transparencyLog``; without one every
/// route answers 503 `LOG_NOT_ENABLED`.
extension APIHandlers {
    /// The most leaves one `GET /api/v1/log/entries` returns.
    static let maximumLogEntries = 1_000

    /// `GET /api/v1/log/tree-head`: the latest signed tree head with the log's public key.
    func logTreeHead(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let log = try transparencyLog()
        guard let head = try await log.latestTreeHead() else {
            throw Problem(.notFound, code: "LOG_TREE_HEAD_NOT_FOUND", detail: "expected a published tree head, found none yet")
        }
        guard case .object(var object) = LogJSON.treeHead(head) else { return Self.json(.ok, LogJSON.treeHead(head)) }
        object["logPublicKey"] = .string(LogJSON.hex(Array(log.publicKey.x963Representation)))
        return Self.json(.ok, .object(object))
    }

    /// `GET /api/v1/log/tree-heads`: every published head, by size.
    func logTreeHeads(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let log = try transparencyLog()
        return Self.json(
            .ok,
            .object([
                "logPublicKey": .string(LogJSON.hex(Array(log.publicKey.x963Representation))),
                "treeHeads": .array(try await log.treeHeads().map(LogJSON.treeHead)),
            ]))
    }

    /// `GET /api/v1/log/proof/inclusion?index=N|hash=HEX[&size=N]`: a self-contained inclusion proof (the first
    /// leaf with the content hash when asked by hash) in the tree of `size` (default: the latest head).
    func logInclusionProof(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let log = try transparencyLog()
        let index = try Self.logInteger(request, "index")
        let hashText = request.uri.queryParameters["hash"].map(String.init)
        let size = try Self.logInteger(request, "size")
        guard (index == nil) != (hashText == nil) else {
            throw Problem(.badRequest, code: "LOG_QUERY_INVALID", detail: "expected exactly one of index and hash", field: "index")
        }
        let proof: LogInclusionProof
        do {
            if let index {
                proof = try await log.inclusionProof(leafIndex: index, treeSize: size)
            } else {
                guard let hash = LogJSON.bytes(hashText.map(JSONValue.string)), hash.count == 32 else {
                    throw Problem(.badRequest, code: "LOG_QUERY_INVALID", detail: "expected hash as 64 hex digits, found another value", field: "hash")
                }
                proof = try await log.inclusionProofs(contentHash: hash, treeSize: size)[0]
            }
        } catch let error as TransparencyLogError {
            throw Problem(error.errorCode == .indexOutOfRange ? .notFound : .badRequest, error)
        } catch let error as RegistryError {
            throw Problem(.notFound, error)
        }
        let head = try await log.treeHead(size: proof.treeSize)
        return Self.json(.ok, LogJSON.inclusionProof(proof, treeHead: head, publicKey: log.publicKey))
    }

    /// `GET /api/v1/log/proof/consistency?from=M[&to=N]`: the consistency proof between two tree sizes (`to`
    /// defaults to the latest head).
    func logConsistencyProof(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let log = try transparencyLog()
        guard let from = try Self.logInteger(request, "from") else {
            throw Problem(.badRequest, code: "LOG_QUERY_INVALID", detail: "expected from, a tree size, found none", field: "from")
        }
        var to = try Self.logInteger(request, "to")
        do {
            if to == nil { to = try await log.latestTreeHead()?.size }
            guard let to else {
                throw Problem(.notFound, code: "LOG_TREE_HEAD_NOT_FOUND", detail: "expected a published tree head, found none yet")
            }
            let path = try await log.consistencyProof(from: from, to: to)
            return Self.json(.ok, LogJSON.consistencyProof(from: from, to: to, path: path))
        } catch let error as TransparencyLogError {
            throw Problem(.badRequest, error)
        }
    }

    /// `GET /api/v1/log/entries?start=M&end=N`: the leaves `start..<end` (at most ``maximumLogEntries``).
    func logEntries(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let log = try transparencyLog()
        let start = try Self.logInteger(request, "start") ?? 0
        let end = try Self.logInteger(request, "end") ?? (start + Self.maximumLogEntries)
        guard end >= start else {
            throw Problem(.badRequest, code: "LOG_QUERY_INVALID", detail: "expected end >= start, found end \(end) below start \(start)", field: "end")
        }
        let leaves = try await log.leaves(from: start, to: min(end, start + Self.maximumLogEntries))
        return Self.json(.ok, .object(["entries": .array(leaves.map(LogJSON.leaf))]))
    }

    func transparencyLog() throws -> TransparencyLogService {
        guard let log = options.transparencyLog else {
            throw Problem(.serviceUnavailable, code: "LOG_NOT_ENABLED", detail: "expected a transparency log on this server, found none configured")
        }
        return log
    }

    /// A non-negative integer query parameter (at most 2^53), or nil when absent.
    private static func logInteger(_ request: Request, _ name: String) throws -> Int? {
        guard let text = request.uri.queryParameters[Substring(name)] else { return nil }
        guard text.utf8.count <= 16, let value = Int(String(text)), value >= 0, value <= 1 << 53 else {
            throw Problem(.badRequest, code: "LOG_QUERY_INVALID", detail: "expected \(name) as a non-negative integer, found another value", field: name)
        }
        return value
    }
}
