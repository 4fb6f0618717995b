import CodedErrors
import Foundation
import HTTPTypes
import Hummingbird
import JSON
import Storage

/// An RFC 9457 problem details response (`application/problem+json`) with the stable error code of OpenDVC.
///
/// `{"type": "https://opendvc.org/problems/<code>", "title", "status", "code", "detail", "field"?}`; the detail
/// says what was expected and found, never personal data.
public struct Problem: HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    public let code: String
    public let detail: String
    /// The JSON path of the offending request field, when one is to blame.
    public let field: String?
    /// Extra response headers (for example `WWW-Authenticate` on 401).
    public var headers: HTTPFields = [:]

    /// Creates a problem.
    public init(_ status: HTTPResponse.Status, code: String, detail: String, field: String? = nil) {
        self.status = status
        self.code = code
        self.detail = detail
        self.field = field
    }

    /// A problem from a coded error.
    public init(_ status: HTTPResponse.Status, _ error: some CodedError, field: String? = nil) {
        self.init(status, code: error.code, detail: error.message, field: field)
    }

    public var json: JSONValue {
        var object = JSONObject()
        object["type"] = .string("https://opendvc.org/problems/\(code.lowercased().replacingOccurrences(of: "_", with: "-"))")
        object["title"] = .string(status.reasonPhrase)
        object["status"] = .integer(Int64(status.code))
        object["code"] = .string(code)
        object["detail"] = .string(detail)
        object["field"] = field.map(JSONValue.string)
        return .object(object)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: JSONSerializer.serialize(json))))
    }

    static func unauthenticated() -> Problem {
        var problem = Problem(.unauthorized, code: "UNAUTHENTICATED", detail: "expected a valid bearer token in Authorization, found none or an invalid one")
        problem.headers[.wwwAuthenticate] = "Bearer"
        return problem
    }

    static func forbidden(_ role: String) -> Problem {
        Problem(.forbidden, code: "FORBIDDEN", detail: "expected a principal with a role allowed on this route, found role \(role)")
    }

    /// A storage failure: 503 when the database is unreachable, else 500 (the code says which).
    static func storage(_ error: StorageError) -> Problem {
        Problem(error.errorCode == .unavailable ? .serviceUnavailable : .internalServerError, error)
    }

    static func notFound() -> Problem {
        Problem(.notFound, code: "NOT_FOUND", detail: "expected a route of the API (see /openapi.json), found none for this method and path")
    }
}
