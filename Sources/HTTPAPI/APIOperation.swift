import HTTPTypes
import Storage

/// Every operation of the API: its method, path, the roles that may call it (none: public), and its summary.
/// The router, the role checks and the OpenAPI document are all made from this table.
public enum APIOperation: String, CaseIterable, Sendable {
    case health
    case metrics
    case openAPI
    case keySet
    case trustCertificates
    case recordVaccination
    case certificate
    case certificateQR
    case revokeCertificate
    case verify
    case submitBulk
    case bulkJob
    case bulkRows
    case registerDevice
    case devices
    case device
    case placeDevice
    case ingestTelemetry
    case captureEPCIS
    case epcisEvents
    case lotStatus
    case recallLot
    case logTreeHead
    case logTreeHeads
    case logInclusionProof
    case logConsistencyProof
    case logEntries
    case trustAnchors
    case trustList
    case revocationSnapshot
    case revocationDelta
    case compromiseKey
    case suspendCertificate

    /// The HTTP method.
    public var method: HTTPRequest.Method {
        switch self {
        case .recordVaccination, .revokeCertificate, .verify, .submitBulk, .registerDevice, .placeDevice, .ingestTelemetry,
            .captureEPCIS, .recallLot, .compromiseKey, .suspendCertificate:
            .post
        default: .get
        }
    }

    /// The path, with `{parameter}` placeholders.
    public var path: String {
        switch self {
        case .health: "/health"
        case .metrics: "/metrics"
        case .openAPI: "/openapi.json"
        case .keySet: "/.well-known/jwks.json"
        case .trustCertificates: "/api/v1/trust/certificates"
        case .recordVaccination: "/api/v1/vaccinations"
        case .certificate: "/api/v1/certificates/{id}"
        case .certificateQR: "/api/v1/certificates/{id}/qr"
        case .revokeCertificate: "/api/v1/certificates/{id}/revoke"
        case .verify: "/api/v1/verify"
        case .submitBulk: "/api/v1/bulk"
        case .bulkJob: "/api/v1/bulk/{id}"
        case .bulkRows: "/api/v1/bulk/{id}/rows"
        case .registerDevice, .devices: "/api/v1/devices"
        case .device: "/api/v1/devices/{deviceID}"
        case .placeDevice: "/api/v1/devices/{deviceID}/placements"
        case .ingestTelemetry: "/api/v1/telemetry"
        case .captureEPCIS: "/api/v1/epcis/capture"
        case .epcisEvents: "/api/v1/epcis/events"
        case .lotStatus: "/api/v1/lots/{gtin}/{lot}/status"
        case .recallLot: "/api/v1/lots/{gtin}/{lot}/recall"
        case .logTreeHead: "/api/v1/log/tree-head"
        case .logTreeHeads: "/api/v1/log/tree-heads"
        case .logInclusionProof: "/api/v1/log/proof/inclusion"
        case .logConsistencyProof: "/api/v1/log/proof/consistency"
        case .logEntries: "/api/v1/log/entries"
        case .trustAnchors: "/api/v1/trust/anchors"
        case .trustList: "/api/v1/trust/list"
        case .revocationSnapshot: "/api/v1/revocation/snapshot"
        case .revocationDelta: "/api/v1/revocation/delta"
        case .compromiseKey: "/api/v1/keys/compromise"
        case .suspendCertificate: "/api/v1/certificates/{id}/suspend"
        }
    }

    /// The roles allowed; nil for a public operation (no token needed).
    public var roles: Set<Principal.Role>? {
        switch self {
        // Telemetry is authenticated by the device's signature over the batch, not by a bearer token.
        case .health, .openAPI, .keySet, .trustCertificates, .ingestTelemetry: nil
        case .metrics: [.admin, .analyst]
        case .recordVaccination, .certificate, .certificateQR: [.admin, .issuer, .device]
        case .revokeCertificate, .suspendCertificate, .submitBulk, .bulkJob, .bulkRows: [.admin, .issuer]
        case .verify: [.admin, .issuer, .device, .verifier]
        case .registerDevice, .placeDevice, .recallLot, .compromiseKey: [.admin]
        case .devices, .device: [.admin, .analyst]
        case .captureEPCIS: [.admin, .issuer]
        case .epcisEvents: [.admin, .issuer, .analyst]
        case .lotStatus: [.admin, .issuer, .device, .analyst]
        // The transparency log is public: anyone may check what was logged.
        case .logTreeHead, .logTreeHeads, .logInclusionProof, .logConsistencyProof, .logEntries: nil
        // What verifiers download to work offline is public; fetching it reveals nothing about a certificate.
        case .trustAnchors, .trustList, .revocationSnapshot, .revocationDelta: nil
        }
    }

    /// One line for the OpenAPI document.
    public var summary: String {
        switch self {
        case .health: "Liveness and database reachability"
        case .metrics: "Prometheus metrics: requests, latencies, certificates issued, verifications by result"
        case .openAPI: "This API's OpenAPI 3.1 document"
        case .keySet: "The issuer's public keys as a JWKS (SMART Health Cards and W3C VC issuer keys)"
        case .trustCertificates: "The issuer's CSCA and document signer certificates (PEM), active and retired"
        case .recordVaccination: "Record a dose from a canonical record and issue its certificate in the requested formats"
        case .certificate: "A certificate's payloads and revocation state"
        case .certificateQR: "A certificate's QR code in one format, as SVG or PNG"
        case .revokeCertificate: "Revoke a certificate (every format)"
        case .verify: "Verify a payload of any format; the same JSON as dvc verify --json"
        case .submitBulk: "Submit a CSV of vaccinations (docs/API.md lists the columns) or a FHIR Bundle of Immunizations; each row is issued once, in the background"
        case .bulkJob: "A bulk job's progress"
        case .bulkRows: "A bulk job's rows with their certificate or error"
        case .registerDevice: "Register a logger, tracker or gateway with its P-256 public key, temperature profile and location"
        case .devices: "Every registered device"
        case .device: "A device with its placements, recent excursions and highest sequence number"
        case .placeDevice: "Move a device to a location (an SGLN, GIAI or SSCC as URN or GS1 Digital Link) from a time on"
        case .ingestTelemetry: "A device's signed telemetry batch (COSE_Sign1 over CBOR, docs/TELEMETRY.md); authenticated by its signature"
        case .captureEPCIS: "Capture an EPCIS 2.0 JSON-LD document: events stored by CBV 2.0 event hash, lots and custody derived"
        case .epcisEvents: "Query captured EPCIS events (by lot, event type, business step, time) as an EPCISQueryDocument"
        case .lotStatus: "A lot's integrity: ok, warning, compromised, expired or recalled, with findings, watching devices and history"
        case .recallLot: "Recall a lot: list every certificate and holder vaccinated from it, optionally revoke those certificates"
        case .logTreeHead: "The transparency log's latest signed tree head (ES256) with the log's public key"
        case .logTreeHeads: "Every signed tree head the transparency log published, by size"
        case .logInclusionProof: "An inclusion proof of a log leaf, by index or by content hash (SHA-256 of a QR payload), with its signed tree head"
        case .logConsistencyProof: "A consistency proof between two sizes of the transparency log (RFC 9162)"
        case .logEntries: "Leaves of the transparency log by index range: kind, subject, time, content hash (no personal data)"
        case .trustAnchors: "The platform's trust-anchor keys (JWKS): they sign the trust list, the revocation data and the log's tree heads"
        case .trustList: "The signed trust list (compact JWS, docs/TRUST-LIST.md): issuers, CSCA and DSC certificates, SHC/VC keys, VDS-NC CAs"
        case .revocationSnapshot: "The signed offline revocation snapshot (COSE_Sign1, docs/REVOCATION.md); version V holds the first V revocations"
        case .revocationDelta: "The signed change from a snapshot version to the current one (COSE_Sign1); 204 when the version is current"
        case .compromiseKey: "Mark a document signer compromised: its kid is revoked in every trust list from now on, a new signer takes over if it was active, and the certificates it signed are listed (and revoked with revoke: true)"
        case .suspendCertificate: "Suspend a certificate (every format) until a time: it fails verification until then, online and in the next revocation snapshot, and passes again after"
        }
    }
}
