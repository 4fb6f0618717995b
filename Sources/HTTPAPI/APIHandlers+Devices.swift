import Crypto
import Foundation
import Hummingbird
import JOSE
import JSON
import Registry
import Storage
import Telemetry

extension APIHandlers {
    /// `POST /api/v1/devices` (admin): `{"id", "kind": "logger"|"tracker"|"gateway", "publicKey": PEM or base64url
    /// X9.63 point, "profile"?: "2-8", "label"?, "location"?}`. 201 with the device; 409 when the id is taken.
    func registerDevice(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        guard case .object(let body) = try await body(request) else {
            throw Problem(.badRequest, code: "DEVICE_INVALID", detail: "expected a JSON object, found another value")
        }
        guard let id = body["id"]?.stringValue else {
            throw Problem(.badRequest, code: "DEVICE_INVALID", detail: "expected an id string, found none", field: "id")
        }
        guard let kindText = body["kind"]?.stringValue, let kind = Device.Kind(rawValue: kindText) else {
            throw Problem(.badRequest, code: "DEVICE_INVALID", detail: "expected kind logger, tracker or gateway, found another value", field: "kind")
        }
        guard let keyText = body["publicKey"]?.stringValue, let key = Self.publicKey(keyText) else {
            throw Problem(
                .badRequest, code: "DEVICE_INVALID",
                detail: "expected publicKey as a PEM P-256 public key or a base64url X9.63 point, found none or another value",
                field: "publicKey")
        }
        for member in ["profile", "label", "location"] where body[member] != nil && body[member]?.stringValue == nil {
            throw Problem(.badRequest, code: "DEVICE_INVALID", detail: "expected \(member) to be a string, found another value", field: member)
        }
        let registration = Registry.DeviceRegistration(
            id: id, kind: kind, publicKey: key, profile: body["profile"]?.stringValue ?? "2-8",
            label: body["label"]?.stringValue ?? "", location: body["location"]?.stringValue)
        do {
            let device = try await registry.register(registration)
            let report = try await registry.deviceReport(id: device.id)
            return Self.json(.created, DeviceJSON.make(report), headers: [.location: "/api/v1/devices/\(device.id)"])
        } catch let error as RegistryError {
            throw Problem(.badRequest, error)
        } catch let error as StorageError where error.errorCode == .duplicate {
            throw Problem(.conflict, code: "DEVICE_EXISTS", detail: "expected a new device id, found one registered")
        }
    }

    /// `GET /api/v1/devices`: every device, by id.
    func listDevices(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let devices = try await registry.store.devices()
        return Self.json(.ok, .array(devices.map { DeviceJSON.device($0) }))
    }

    /// `GET /api/v1/devices/{deviceID}`.
    func deviceDetail(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        do {
            return Self.json(.ok, DeviceJSON.make(try await registry.deviceReport(id: try Self.deviceID(context))))
        } catch let error as RegistryError where error.errorCode == .deviceNotFound {
            throw Problem(.notFound, error)
        }
    }

    /// `POST /api/v1/devices/{deviceID}/placements` (admin): `{"location", "since"?: RFC 3339 time}`.
    func placeDevice(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let id = try Self.deviceID(context)
        guard case .object(let body) = try await body(request), let location = body["location"]?.stringValue else {
            throw Problem(.badRequest, code: "DEVICE_INVALID", detail: "expected an object with a location string, found none", field: "location")
        }
        var since: Date?
        if let value = body["since"] {
            guard let text = value.stringValue, let date = Self.rfc3339(text) else {
                throw Problem(.badRequest, code: "DEVICE_INVALID", detail: "expected since as an RFC 3339 time, found another value", field: "since")
            }
            since = date
        }
        do {
            let placement = try await registry.place(deviceID: id, at: location, since: since)
            return Self.json(.created, DeviceJSON.placement(placement))
        } catch let error as RegistryError where error.errorCode == .deviceNotFound {
            throw Problem(.notFound, error)
        } catch let error as RegistryError {
            throw Problem(.badRequest, error)
        } catch let error as StorageError where error.errorCode == .duplicate {
            throw Problem(.conflict, code: "PLACEMENT_EXISTS", detail: "expected a new placement time for the device, found one at that time")
        }
    }

    /// `POST /api/v1/telemetry`: the body is a device's COSE_Sign1 batch (`application/cose`). 200 with the outcome
    /// for a stored batch and for a retry of one (`"result": "duplicate"`); 409 for a replay, 422 for clock skew;
    /// 400, 401 (bad signature), 403 (unknown or disabled device) or 413 when the batch cannot be verified.
    func ingestTelemetry(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let bytes = try await bodyBytes(request, limit: registry.telemetry.limits.maxMessageSize)
        let result: TelemetryIngestResult
        do {
            result = try await registry.telemetry.ingest(Array(buffer: bytes), transport: .http)
        } catch let error as TelemetryError {
            metrics.telemetry(transport: "http", reason: error.code)
            throw Problem(Self.status(for: error), error, field: error.field)
        }
        metrics.telemetry(transport: "http", reason: result.reason, storedReadings: result.outcome == .stored ? result.readings : 0)
        switch result.outcome {
        case .stored, .duplicate:
            return Self.json(.ok, DeviceJSON.ingest(result))
        case .rejected:
            let detail =
                result.reason == TelemetryAdmissionReason.clockSkew.rawValue
                ? "expected times no later than the server's clock plus its tolerance, found a later one"
                : "expected a new sequence number for the device, found one already used or outside the replay window"
            throw Problem(result.reason == TelemetryAdmissionReason.clockSkew.rawValue ? .unprocessableContent : .conflict, code: result.reason, detail: detail)
        }
    }

    static func status(for error: TelemetryError) -> HTTPResponse.Status {
        switch error.errorCode {
        case .tooLarge: .contentTooLarge
        case .unknownDevice: .forbidden
        case .badSignature: .unauthorized
        default: .badRequest
        }
    }

    /// The `{deviceID}` path parameter.
    static func deviceID(_ context: APIRequestContext) throws -> String {
        guard let text = context.parameters.get("deviceID"), let id = text.removingPercentEncoding, (1...64).contains(id.utf8.count) else {
            throw Problem(.notFound, code: "DEVICE_NOT_FOUND", detail: "expected a device id in the path, found another value")
        }
        return id
    }

    /// A P-256 public key from PEM (SubjectPublicKeyInfo) or a base64url X9.63 point.
    static func publicKey(_ text: String) -> P256.Signing.PublicKey? {
        if text.contains("-----BEGIN") { return try? P256.Signing.PublicKey(pemRepresentation: text) }
        guard text.utf8.count <= 200, let bytes = try? Base64URL.decode(text) else { return nil }
        return try? P256.Signing.PublicKey(x963Representation: bytes)
    }

    static func rfc3339(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
