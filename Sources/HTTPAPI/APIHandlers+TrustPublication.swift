import Hummingbird
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
        let signed = try transparencyLog().signedTrustList(registry: registry)
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
