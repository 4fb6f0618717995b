import CredentialVerification
import Foundation
import Hummingbird
import JSON
import Registry
import Storage

extension APIHandlers {
    /// `POST /api/v1/certificates/{id}/suspend` with `{"until": "RFC 3339 time", "reason": "…"}`: suspends the
    /// certificate in every format until then; 400 `SUSPENSION_INVALID`, 404, 409 when revoked or suspended.
    func suspendCertificate(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        guard let principal = context.principal else { throw Problem.unauthenticated() }
        let id = try Self.id(context)
        let body = try await body(request)
        guard let text = body["until"]?.stringValue, let until = Timestamp.parse(text) else {
            throw Problem(.badRequest, code: "SUSPENSION_INVALID", detail: "expected until as an RFC 3339 time, found none or another value", field: "until")
        }
        guard let reason = body["reason"]?.stringValue, (1...200).contains(reason.count) else {
            throw Problem(.badRequest, code: "REASON_INVALID", detail: "expected a reason of 1 to 200 characters, found none or another length", field: "reason")
        }
        let suspension: Suspension
        do {
            suspension = try await registry.suspend(certificateID: id, until: until, reason: reason, by: principal)
        } catch let error as RegistryError {
            switch error.errorCode {
            case .certificateNotFound: throw Problem(.notFound, error)
            case .revoked: throw Problem(.conflict, error)
            default: throw Problem(.badRequest, error, field: "until")
            }
        }
        return Self.json(
            .ok,
            [
                "certificateID": .string(suspension.certificateID.uuidString.lowercased()),
                "until": .string(Timestamp.format(suspension.until)),
                "suspendedAt": .string(Timestamp.format(suspension.suspendedAt)),
            ])
    }
}
