import Hummingbird
import JSON
import Registry
import Revocation

/// What verifiers download to work offline (public): the platform's trust-anchor keys, the signed trust list and
/// the signed revocation snapshot and deltas. The anchor is the transparency log's key, so these routes need the
/// log (503 `LOG_NOT_ENABLED` without one).
extension APIHandlers {
    /// `GET /api/v1/trust/anchors`: the trust-anchor keys as a JWKS.
    func trustAnchors(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        Self.json(.ok, try transparencyLog().anchorKeySet, contentType: "application/jwk-set+json")
    }

    /// `GET /api/v1/trust/list`: the trust list as a compact JWS signed by the anchor.
    func trustList(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let signed = try await transparencyLog().signedTrustList(registry: registry)
        return Self.response(.ok, bytes: signed, contentType: "application/jose")
    }

    /// `GET /api/v1/revocation/snapshot`: every revocation, as a COSE_Sign1 by the anchor.
    func revocationSnapshot(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let signed = try await transparencyLog().signedRevocationSnapshot(registry: registry)
        return Self.response(.ok, bytes: signed, contentType: "application/cose")
    }

    /// `GET /api/v1/revocation/delta?since=V`: the change since version V; 204 when V is current, 400 when V is
    /// missing, not a number or above the current version.
    func revocationDelta(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let log = try transparencyLog()
        guard let text = request.uri.queryParameters["since"], let since = UInt64(String(text)) else {
            throw Problem(
                .badRequest, code: "REVOCATION_QUERY_INVALID", detail: "expected since as a snapshot version (an integer), found none",
                field: "since")
        }
        let signed: [UInt8]?
        do {
            signed = try await log.signedRevocationDelta(registry: registry, since: since)
        } catch let error as RevocationError {
            throw Problem(.badRequest, error, field: "since")
        }
        guard let signed else { return Response(status: .noContent) }
        return Self.response(.ok, bytes: signed, contentType: "application/cose")
    }
}

extension APIHandlers {
    /// `POST /api/v1/keys/compromise` (admin): `{"kid", "reason", "revoke"?: false}`. Answers the kid, the
    /// certificates it signed, those revoked now, and the new signer's kid when it was the active one; 404
    /// `KEY_NOT_FOUND`, 409 `KEY_COMPROMISED`, 400 for a bad body.
    func compromiseKey(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        guard let principal = context.principal else { throw Problem.unauthenticated() }
        guard case .object(let body) = try await body(request), let kid = body["kid"]?.stringValue, !kid.isEmpty else {
            throw Problem(.badRequest, code: "KEY_COMPROMISE_INVALID", detail: "expected a kid (a document signer's key id), found none", field: "kid")
        }
        guard let reason = body["reason"]?.stringValue else {
            throw Problem(.badRequest, code: "KEY_COMPROMISE_INVALID", detail: "expected a reason of 1 to 200 characters, found none", field: "reason")
        }
        var revoke = false
        if let value = body["revoke"] {
            guard case .bool(let flag) = value else {
                throw Problem(.badRequest, code: "KEY_COMPROMISE_INVALID", detail: "expected revoke to be true or false, found another value", field: "revoke")
            }
            revoke = flag
        }
        let report: KeyCompromiseReport
        do {
            report = try await registry.compromiseKey(keyID: kid, reason: reason, revoke: revoke, by: principal)
        } catch let error as RegistryError {
            switch error.errorCode {
            case .keyNotFound: throw Problem(.notFound, error, field: "kid")
            case .keyCompromised: throw Problem(.conflict, error, field: "kid")
            default: throw Problem(.badRequest, error)
            }
        }
        for _ in report.revoked { metrics.revoked() }
        var answer: JSONObject = [
            "kid": .string(report.keyID),
            "certificates": .array(report.certificates.map { .string($0.uuidString.lowercased()) }),
            "revoked": .array(report.revoked.map { .string($0.uuidString.lowercased()) }),
        ]
        if let replacedBy = report.replacedBy { answer["replacedBy"] = .string(replacedBy) }
        return Self.json(.ok, .object(answer))
    }
}
