import CodedErrors
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Issuance
import JSON
import QRCode
import QRRendering
import Registry
import Storage
import VaccinationRecord

extension APIHandlers {
    /// `POST /api/v1/vaccinations`: `{"record": {canonical record}, "formats": ["hc1", "shc"]}` (default `["hc1"]`),
    /// with an optional `Idempotency-Key` header. 201 with the certificate; a retry of the same request gets 200
    /// and `Idempotency-Replayed: true`.
    func recordVaccination(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        guard let principal = context.principal else { throw Problem.unauthenticated() }
        let bytes = try await bodyBytes(request)
        guard case .object(let body) = try parse(bytes), let recordJSON = body["record"] else {
            throw Problem(.badRequest, code: "RECORD_MISSING", detail: "expected an object with a record member, found none", field: "record")
        }
        let record: VaccinationRecord
        do {
            record = try VaccinationRecord(json: recordJSON)
            try record.validate()
        } catch let error as RecordError {
            throw Problem(.badRequest, error, field: "record.\(error.path)")
        }
        let formats = try Self.formats(body["formats"])
        var idempotency: (key: String, requestHash: [UInt8])?
        if let key = request.headers[.idempotencyKey] {
            guard (1...200).contains(key.utf8.count) else {
                throw Problem(.badRequest, code: "IDEMPOTENCY_KEY_INVALID", detail: "expected an Idempotency-Key of 1 to 200 characters, found \(key.utf8.count)")
            }
            idempotency = (key, Array(SHA256.hash(data: Data(buffer: bytes))))
        }
        var lotOverrideReason: String?
        if let value = body["lotOverride"] {
            guard case .object(let override) = value, let reason = override["reason"]?.stringValue else {
                throw Problem(
                    .badRequest, code: "LOT_OVERRIDE_INVALID", detail: "expected lotOverride as an object with a reason string, found another value",
                    field: "lotOverride")
            }
            lotOverrideReason = reason
        }
        let issued: IssuedCertificate
        do {
            issued = try await registry.recordVaccination(
                .init(record: record, formats: formats, siteID: principal.siteID, idempotency: idempotency, lotOverrideReason: lotOverrideReason),
                by: principal)
        } catch let error as RegistryError where error.errorCode == .idempotencyKeyReused {
            throw Problem(.unprocessableContent, error)
        } catch let error as RegistryError where [.lotCompromised, .lotExpired, .lotRecalled].contains(error.errorCode) {
            throw Problem(.unprocessableContent, error, field: "record.vaccination.lot")
        } catch let error as RegistryError where error.errorCode == .lotOverrideForbidden {
            throw Problem(.forbidden, error, field: "lotOverride")
        } catch let error as RegistryError {
            throw Problem(.badRequest, error)
        } catch let error as StorageError {
            throw Problem.storage(error)
        } catch let error as any CodedError {
            // A format's issuer refusing the record (an unmapped code, a field over a format's limit).
            throw Problem(.unprocessableContent, error)
        }
        if !issued.isReplay {
            for payload in issued.payloads { metrics.issued(format: payload.format.rawValue) }
        }
        var headers: HTTPFields = [.location: "/api/v1/certificates/\(issued.id.uuidString.lowercased())"]
        if issued.isReplay { headers[.idempotencyReplayed] = "true" }
        return Self.json(issued.isReplay ? .ok : .created, CertificateJSON.make(issued), headers: headers)
    }

    /// `GET /api/v1/certificates/{id}`.
    func certificate(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        guard let issued = try await registry.certificate(id: try Self.id(context)) else { throw Self.certificateNotFound() }
        return Self.json(.ok, CertificateJSON.make(issued))
    }

    /// `GET /api/v1/certificates/{id}/qr?format=hc1|shc|vds|vc&image=svg|png`.
    func certificateQR(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let formatName = query["format"].map(String.init) ?? "hc1"
        guard let format = IssuanceFormat(rawValue: formatName) else {
            throw Problem(.badRequest, code: "FORMAT_INVALID", detail: "expected format hc1, shc, vds or vc, found another value", field: "format")
        }
        let image = query["image"].map(String.init) ?? "svg"
        guard image == "svg" || image == "png" else {
            throw Problem(.badRequest, code: "IMAGE_INVALID", detail: "expected image svg or png, found another value", field: "image")
        }
        guard let issued = try await registry.certificate(id: try Self.id(context)) else { throw Self.certificateNotFound() }
        guard let payload = issued.payload(format) else {
            throw Problem(.notFound, code: "FORMAT_NOT_ISSUED", detail: "expected the certificate to be issued in \(formatName), found it is not", field: "format")
        }
        let code = try QRCode(encoding: payload.text, options: .init(errorCorrection: format.defaultErrorCorrection))
        if image == "png" {
            return Self.response(.ok, bytes: try QRRenderer.png(code), contentType: "image/png")
        }
        return Self.response(.ok, bytes: Array(QRRenderer.svg(code).utf8), contentType: "image/svg+xml")
    }

    /// `POST /api/v1/certificates/{id}/revoke` with `{"reason": "…"}` (1 to 200 characters).
    func revokeCertificate(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        guard let principal = context.principal else { throw Problem.unauthenticated() }
        let id = try Self.id(context)
        guard let reason = try await body(request)["reason"]?.stringValue, (1...200).contains(reason.count) else {
            throw Problem(.badRequest, code: "REASON_INVALID", detail: "expected a reason of 1 to 200 characters, found none or another length", field: "reason")
        }
        let revocation: Revocation
        do {
            revocation = try await registry.revoke(certificateID: id, reason: reason, by: principal)
        } catch let error as RegistryError where error.errorCode == .certificateNotFound {
            throw Problem(.notFound, error)
        } catch let error as RegistryError where error.errorCode == .revoked {
            throw Problem(.conflict, error)
        }
        metrics.revoked()
        return Self.json(.ok, CertificateJSON.revocation(revocation))
    }

    /// `POST /api/v1/verify` with `{"payload": "…"}`: the JSON of `dvc verify --json`.
    func verify(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        guard let payload = try await body(request)["payload"]?.stringValue else {
            throw Problem(.badRequest, code: "PAYLOAD_MISSING", detail: "expected a payload member with the QR text, found none", field: "payload")
        }
        let result = registry.verify(payload)
        metrics.verified(format: result.format?.rawValue ?? "unknown", valid: result.isValid)
        return Self.json(.ok, result.json)
    }

    static func formats(_ value: JSONValue?) throws -> [IssuanceFormat] {
        guard let value else { return [.hc1] }
        guard let names = value.arrayValue, !names.isEmpty, names.count <= IssuanceFormat.allCases.count else {
            throw Problem(.badRequest, code: "FORMATS_INVALID", detail: "expected formats as a list of hc1, shc, vds, vc, found another value", field: "formats")
        }
        var formats: [IssuanceFormat] = []
        for (index, name) in names.enumerated() {
            guard let format = name.stringValue.flatMap(IssuanceFormat.init(rawValue:)), !formats.contains(format) else {
                throw Problem(.badRequest, code: "FORMATS_INVALID", detail: "expected hc1, shc, vds or vc once each, found another value", field: "formats[\(index)]")
            }
            formats.append(format)
        }
        return formats
    }

    static func certificateNotFound() -> Problem {
        Problem(.notFound, code: "CERTIFICATE_NOT_FOUND", detail: "expected a certificate with the id, found none")
    }
}

extension HTTPField.Name {
    static let idempotencyKey = Self("Idempotency-Key")!
    static let idempotencyReplayed = Self("Idempotency-Replayed")!
}
