import Foundation
import HTTPTypes
import Hummingbird
import JSON
import Registry

/// The handlers of the operations; each reads what it needs, calls the registry and writes JSON.
struct APIHandlers: Sendable {
    typealias Handler = @Sendable (Request, APIRequestContext) async throws -> Response

    let registry: Registry
    let options: APIOptions
    let metrics: ServerMetrics

    func handler(for operation: APIOperation) -> Handler {
        switch operation {
        case .health: health
        case .metrics: { _, _ in Self.response(.ok, bytes: metrics.text(), contentType: "text/plain; version=0.0.4") }
        case .openAPI: { _, _ in Self.json(.ok, OpenAPIDocument.make()) }
        case .keySet: { _, _ in Self.json(.ok, registry.keySet, contentType: "application/jwk-set+json") }
        case .trustCertificates: { _, _ in Self.json(.ok, TrustMaterialJSON.certificates(registry.trustCertificates)) }
        case .recordVaccination: recordVaccination
        case .certificate: certificate
        case .certificateQR: certificateQR
        case .revokeCertificate: revokeCertificate
        case .verify: verify
        case .submitBulk: submitBulk
        case .bulkJob: bulkJob
        case .bulkRows: bulkRows
        case .registerDevice: registerDevice
        case .devices: listDevices
        case .device: deviceDetail
        case .placeDevice: placeDevice
        case .ingestTelemetry: ingestTelemetry
        case .captureEPCIS: captureEPCIS
        case .epcisEvents: epcisEvents
        case .lotStatus: lotStatus
        case .recallLot: recallLot
        case .logTreeHead: logTreeHead
        case .logTreeHeads: logTreeHeads
        case .logInclusionProof: logInclusionProof
        case .logConsistencyProof: logConsistencyProof
        case .logEntries: logEntries
        case .trustAnchors: trustAnchors
        case .trustList: trustList
        case .revocationSnapshot: revocationSnapshot
        case .revocationDelta: revocationDelta
        case .compromiseKey: compromiseKey
        case .suspendCertificate: suspendCertificate
        }
    }

    func health(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        do {
            _ = try await registry.store.principalCount()
            return Self.json(.ok, ["status": "ok", "database": "ok"])
        } catch {
            return Self.json(.serviceUnavailable, ["status": "degraded", "database": "unreachable"])
        }
    }

    // MARK: Reading requests

    /// The request body as JSON, within the size limit.
    func body(_ request: Request) async throws -> JSONValue {
        try parse(try await bodyBytes(request))
    }

    /// The request body's bytes: 413 above the limit (by `Content-Length` before reading, or while reading).
    func bodyBytes(_ request: Request, limit: Int? = nil) async throws -> ByteBuffer {
        let limit = limit ?? options.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw Problem(.contentTooLarge, code: "PAYLOAD_TOO_LARGE", detail: "expected a body of at most \(limit) bytes, found \(length)")
        }
        var request = request
        return try await request.collectBody(upTo: limit)
    }

    /// Bytes parsed as JSON: 400 with the parser's code.
    func parse(_ bytes: ByteBuffer) throws -> JSONValue {
        do {
            return try JSONParser.parse(bytes.readableBytesView, options: .init(maxBytes: options.maxBodyBytes, maxDepth: 32))
        } catch let error as JSONError {
            throw Problem(.badRequest, error)
        }
    }

    /// The `{id}` path parameter as a UUID.
    static func id(_ context: APIRequestContext) throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else {
            throw Problem(.notFound, code: "CERTIFICATE_NOT_FOUND", detail: "expected a certificate id (a UUID) in the path, found another value")
        }
        return id
    }

    // MARK: Writing responses

    static func json(_ status: HTTPResponse.Status, _ value: JSONValue, contentType: String = "application/json", headers: HTTPFields = [:]) -> Response {
        response(status, bytes: JSONSerializer.serialize(value), contentType: contentType, headers: headers)
    }

    static func response(_ status: HTTPResponse.Status, bytes: [UInt8], contentType: String, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
