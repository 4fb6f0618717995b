import Crypto
import Foundation
import Issuance
import JSON
import Storage
import VaccinationRecord

extension Registry {
    /// A request to record one dose and issue its certificate.
    public struct VaccinationRequest: Sendable {
        public var record: VaccinationRecord
        public var formats: [IssuanceFormat]
        /// The site the dose was given at (a device principal's own site, or one the issuer names).
        public var siteID: UUID?
        /// The `Idempotency-Key` header and SHA-256 of the request body, when the client sent a key.
        public var idempotency: (key: String, requestHash: [UInt8])?
        /// An admin's stated reason to record the dose although its lot is compromised, expired or recalled.
        public var lotOverrideReason: String?

        /// Creates a request.
        public init(
            record: VaccinationRecord, formats: [IssuanceFormat], siteID: UUID? = nil,
            idempotency: (key: String, requestHash: [UInt8])? = nil, lotOverrideReason: String? = nil
        ) {
            self.record = record
            self.formats = formats
            self.siteID = siteID
            self.idempotency = idempotency
            self.lotOverrideReason = lotOverrideReason
        }
    }

    /// Records a dose and issues its certificate in the requested formats, in one transaction.
    ///
    /// The registry assigns the identifiers (a UVCI for HC1 and VC, a seal id for VDS-NC, a `rid` for SMART Health
    /// Cards); a `certificate.hcid` in the record is replaced. A retry with the same idempotency key and body gets
    /// the first certificate back (``IssuedCertificate/isReplay``); the same key with another body is
    /// `IDEMPOTENCY_KEY_REUSED`.
    public func recordVaccination(_ request: VaccinationRequest, by principal: Principal, now: Date = Date()) async throws -> IssuedCertificate {
        guard !request.formats.isEmpty, Set(request.formats).count == request.formats.count else {
            throw RegistryError(.formats, "expected one or more distinct formats, found \(request.formats.count) with repeats or none")
        }
        guard let vaccination = request.record.event.vaccination else {
            throw RegistryError(.notAVaccination, "expected a vaccination event, found a \(request.record.event.memberName) event")
        }
        try await checkLot(
            lotNumber: vaccination.lot, productCode: vaccination.brand.code, overrideReason: request.lotOverrideReason,
            by: principal, now: now)
        let holder = try await holder(for: request.record, now: now)
        // A clash of a random identifier with an existing one is possible in principle: new ones are drawn.
        for attempt in 1...3 {
            let prepared = try prepareIssuance(
                request.record, vaccination: vaccination, formats: request.formats, holder: holder, siteID: request.siteID,
                principalID: principal.id, now: now)
            var issuance = prepared.issuance
            issuance.idempotency = request.idempotency.map {
                IdempotentResponse(
                    principalID: principal.id, key: $0.key, requestHash: $0.requestHash, certificateID: issuance.certificate.id,
                    createdAt: now)
            }
            do {
                switch try await store.record(issuance) {
                case .recorded:
                    return prepared.certificate
                case .replayed(let first):
                    guard let replay = try await self.certificate(id: first.certificateID) else {
                        throw RegistryError(.certificateNotFound, "expected the certificate of the first request, found none")
                    }
                    return IssuedCertificate(
                        id: replay.id, issuedAt: replay.issuedAt, expiresAt: replay.expiresAt, payloads: replay.payloads,
                        revocation: replay.revocation, isReplay: true)
                }
            } catch let error as StorageError where error.errorCode == .conflict && request.idempotency != nil {
                throw RegistryError(.idempotencyKeyReused, "expected the Idempotency-Key to name this request, found it used for another body")
            } catch let error as StorageError where error.errorCode == .duplicate && attempt < 3 && error.message.contains("identifier") {
                continue
            }
        }
        throw RegistryError(.formats, "expected fresh identifiers within 3 attempts, found clashes")
    }

    /// Signs `record` in `formats` with fresh identifiers and builds what the store keeps: the event (record
    /// sealed) and the certificate with every payload (sealed). Nothing is stored yet.
    func prepareIssuance(
        _ record: VaccinationRecord, vaccination: RecordVaccination, formats: [IssuanceFormat], holder: Holder,
        siteID: UUID?, principalID: UUID, now: Date
    ) throws -> (issuance: Issuance, certificate: IssuedCertificate) {
        let keyring = state.withLock { $0.keyring }
        let certificateID = UUID()
        let eventID = UUID()
        var record = record
        record.certificate.hcid = nil
        // The UVCI names the issuing country; an issuer set up with the placeholder XX uses the vaccination's.
        let country = ISO3166.alpha2(for: keyring.issuer.country) ?? vaccination.country.description
        let identifiers = try CertificateIdentifiers.generate(country: country)
        let expiresAt = now.addingTimeInterval(configuration.certificateValidity)
        var payloads: [CertificatePayload] = []
        var issuedPayloads: [IssuedCertificate.Payload] = []
        for format in IssuanceFormat.allCases where formats.contains(format) {
            let issued = try CredentialIssuance.issue(
                record, as: format, signer: keyring.signer, identifiers: identifiers, issuedAt: now, expiresAt: expiresAt)
            let identifier = issued.identifier ?? identifiers.uvci ?? certificateID.uuidString
            payloads.append(
                CertificatePayload(
                    format: CertificatePayload.Format(rawValue: format.rawValue)!, identifier: identifier,
                    signingKeyID: keyring.activeSigner.id,
                    sealedPayload: try sealer.seal(Data(issued.text.utf8), context: Self.payloadContext(certificateID, format.rawValue)),
                    payloadHash: Array(SHA256.hash(data: Data(issued.text.utf8)))))
            issuedPayloads.append(IssuedCertificate.Payload(format: format, identifier: identifier, text: issued.text))
        }
        record.certificate.hcid = identifiers.uvci
        let event = VaccinationEvent(
            id: eventID, holderID: holder.id, issuerID: keyring.issuer.id, siteID: siteID, recordedBy: principalID,
            date: vaccination.date.text, dose: vaccination.dose, totalDoses: vaccination.totalDoses,
            vaccineSystem: vaccination.vaccine.system, vaccineCode: vaccination.vaccine.code, lot: vaccination.lot,
            sealedRecord: try sealer.seal(JSONSerializer.serialize(record.json), context: "event:\(eventID.uuidString)"),
            createdAt: now)
        let certificate = StoredCertificate(
            id: certificateID, eventID: eventID, issuerID: keyring.issuer.id, issuedBy: principalID, issuedAt: now,
            expiresAt: expiresAt, payloads: payloads)
        return (
            Issuance(holder: holder, event: event, certificate: certificate),
            IssuedCertificate(id: certificateID, issuedAt: now, expiresAt: expiresAt, payloads: issuedPayloads, revocation: nil, isReplay: false)
        )
    }

    /// The holder for a record: the stored one with the same identifier (by keyed hash), else a new pseudonymous
    /// holder whose personal data is sealed.
    func holder(for record: VaccinationRecord, now: Date) async throws -> Holder {
        var lookupHash: [UInt8]?
        if let identifier = record.identifier {
            let text = "\(identifier.system ?? "")|\(identifier.value)"
            lookupHash = Array(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: holderLookupKey))
            if let lookupHash, let existing = try await store.holder(lookupHash: lookupHash) { return existing }
        }
        let id = UUID()
        var personal = JSONObject()
        personal["name"] = record.json["name"]
        personal["birthDate"] = record.json["birthDate"]
        personal["sex"] = record.json["sex"]
        personal["identifier"] = record.json["identifier"]
        let sealed = try sealer.seal(JSONSerializer.serialize(.object(personal)), context: "holder:\(id.uuidString)")
        return Holder(id: id, lookupHash: lookupHash, sealedPersonalData: sealed, createdAt: now)
    }

    static func payloadContext(_ certificateID: UUID, _ format: String) -> String {
        "payload:\(certificateID.uuidString):\(format)"
    }
}
