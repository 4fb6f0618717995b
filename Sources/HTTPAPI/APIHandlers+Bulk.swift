import CredentialVerification
import Foundation
import HTTPTypes
import Hummingbird
import Issuance
import JSON
import Registry
import Storage

extension APIHandlers {
    /// `POST /api/v1/bulk?formats=hc1,shc[&country=DE]` with a CSV body (`text/csv`) or a FHIR Bundle
    /// (`application/fhir+json` or `application/json`; with no or another content type, a body starting with `{` is
    /// taken as FHIR): 202 with the job; the rows are issued in the background (and after a restart, where the job stopped).
    func submitBulk(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        guard let principal = context.principal else { throw Problem.unauthenticated() }
        let formatList = request.uri.queryParameters["formats"].map(String.init) ?? "hc1"
        let formats = try Self.formats(.array(formatList.split(separator: ",").map { .string(String($0)) }))
        let kind = Self.bulkKind(request.headers[.contentType])
        let country = request.uri.queryParameters["country"].map(String.init)
        let bytes = Array(buffer: try await bodyBytes(request, limit: options.maxBulkBytes))
        let job: BulkJob
        do {
            switch kind ?? Self.sniffBulkKind(bytes) {
            case .fhir: job = try await registry.submitBulk(fhir: bytes, formats: formats, country: country, by: principal)
            case .csv: job = try await registry.submitBulk(csv: bytes, formats: formats, by: principal)
            }
        } catch let error as BulkInputError {
            throw Problem(.badRequest, error)
        } catch let error as RegistryError {
            throw Problem(.badRequest, error)
        }
        return Self.json(.accepted, BulkJSON.job(job), headers: [.location: "/api/v1/bulk/\(job.id.uuidString.lowercased())"])
    }

    /// The input kind a `Content-Type` names (parameters such as `charset` aside); nil without one or for another
    /// media type (`curl --data-binary` sends `application/x-www-form-urlencoded`), which is then sniffed.
    static func bulkKind(_ contentType: String?) -> BulkJob.Kind? {
        let mediaType = contentType?.split(separator: ";", maxSplits: 1).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        switch mediaType {
        case "text/csv": return .csv
        case "application/fhir+json", "application/json": return .fhir
        default: return nil
        }
    }

    /// FHIR when the first byte that is not white space is `{`, else CSV.
    static func sniffBulkKind(_ bytes: [UInt8]) -> BulkJob.Kind {
        bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "{") ? .fhir : .csv
    }

    /// `GET /api/v1/bulk/{id}`.
    func bulkJob(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        Self.json(.ok, BulkJSON.job(try await ownJob(context)))
    }

    /// `GET /api/v1/bulk/{id}/rows?status=pending|issued|failed`.
    func bulkRows(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let job = try await ownJob(context)
        var status: BulkRow.Status?
        if let text = request.uri.queryParameters["status"] {
            guard let value = BulkRow.Status(rawValue: String(text)) else {
                throw Problem(.badRequest, code: "STATUS_INVALID", detail: "expected status pending, issued or failed, found another value", field: "status")
            }
            status = value
        }
        return Self.json(.ok, .array(try await registry.bulkRows(jobID: job.id, status: status).map(BulkJSON.row)))
    }

    /// The job of the path, if it is the caller's (an admin sees every job).
    private func ownJob(_ context: APIRequestContext) async throws -> BulkJob {
        let notFound = Problem(.notFound, code: "BULK_JOB_NOT_FOUND", detail: "expected a bulk job with the id, found none")
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text), let job = try await registry.bulkJob(id: id),
            let principal = context.principal, principal.role == .admin || job.principalID == principal.id
        else { throw notFound }
        return job
    }
}

/// The JSON of bulk jobs and rows.
enum BulkJSON {
    static func job(_ job: BulkJob) -> JSONValue {
        let id = job.id.uuidString.lowercased()
        return [
            "id": .string(id), "status": .string(job.status.rawValue), "formats": .array(job.formats.map { .string($0.rawValue) }),
            "totalRows": .integer(Int64(job.totalRows)), "issuedRows": .integer(Int64(job.issuedRows)),
            "failedRows": .integer(Int64(job.failedRows)), "createdAt": .string(Timestamp.format(job.createdAt)),
            "updatedAt": .string(Timestamp.format(job.updatedAt)), "rows": .string("/api/v1/bulk/\(id)/rows"),
        ]
    }

    static func row(_ row: BulkRow) -> JSONValue {
        var object: JSONObject = ["row": .integer(Int64(row.number)), "status": .string(row.status.rawValue)]
        object["certificateId"] = row.certificateID.map { .string($0.uuidString.lowercased()) }
        if let code = row.errorCode {
            var error: JSONObject = ["code": .string(code)]
            error["field"] = row.errorField.map(JSONValue.string)
            object["error"] = .object(error)
        }
        return .object(object)
    }
}
