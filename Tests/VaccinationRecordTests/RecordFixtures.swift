import JSON

/// JSON fixtures of the record format shared by the record tests.
enum RecordFixtures {
    /// The example of the issue that introduced the record format (written in the documented member order).
    static let issueExample = """
        {"name": {"family": "Mustermann", "given": "Erika"}, "birthDate": "1964-08-12",
         "vaccination": {"disease": {"system": "http://snomed.info/sct", "code": "840539006"},
           "vaccine": {"system": "http://snomed.info/sct", "code": "1119349007"},
           "brand": {"system": "https://ec.europa.eu/health/documents/community-register/html/", "code": "EU/1/20/1528"},
           "manufacturer": {"system": "https://spor.ema.europa.eu/v1/organisations", "code": "ORG-100030215"},
           "lot": "FK4578", "date": "2021-06-01", "dose": 2, "totalDoses": 2, "country": "DE"},
         "certificate": {"issuer": "Robert Koch-Institut", "hcid": "URN:UVCI:01:DE:IZ12345A/5CWLU12RNOB9RXSEOP6FG8#W"}}
        """

    /// Every optional element of a vaccination record, in the documented order.
    static let fullVaccination = """
        {"name": {"family": "Đorđević-Müller", "given": "Ana María", "familyTransliterated": "DJORDJEVIC<MUELLER",
                  "givenTransliterated": "ANA<MARIA"},
         "birthDate": "1964-08", "sex": "female", "identifier": {"system": "urn:oid:1.2.3", "value": "X1234567"},
         "vaccination": {"disease": {"system": "http://snomed.info/sct", "code": "840539006", "display": "COVID-19"},
           "vaccine": {"system": "http://id.who.int/icd11/mms", "code": "XM68M6"},
           "brand": {"system": "https://ec.europa.eu/health/documents/community-register/html/", "code": "EU/1/20/1528"},
           "manufacturer": {"system": "https://spor.ema.europa.eu/v1/organisations", "code": "ORG-100030215"},
           "maholder": {"system": "https://spor.ema.europa.eu/v1/organisations", "code": "ORG-100030215"},
           "lot": "FK4578", "date": "2021-06-01", "dose": 1, "totalDoses": 2, "country": "DEU",
           "centre": "Impfzentrum Berlin", "practitioner": {"value": "HCW-42"}, "validFrom": "2021-06-15",
           "nextDose": "2021-07-01"},
         "certificate": {"issuer": "Robert Koch-Institut", "hcid": "URN:UVCI:01:DE:ABC", "kid": "DEsVUSvpFAE=",
           "version": "1.0.0", "period": {"start": "2021-06-01T00:00:00Z", "end": "2022-06-01T00:00:00+02:00"}}}
        """

    static let testRecord = """
        {"name": {"family": "Smith-Jones", "given": "Charles Edward"}, "birthDate": "1964",
         "test": {"disease": {"system": "http://snomed.info/sct", "code": "840539006"},
           "type": {"system": "http://loinc.org", "code": "LP217198-3"}, "name": "ELITe MGB Kit",
           "device": {"system": "https://ec.europa.eu/health/ehealth/dgc/valuesets/covid-19-lab-test-manufacturer-and-name", "code": "1232"},
           "sampleTime": "2021-06-11T17:30:00Z", "resultTime": "2021-06-11T19:00:00.123+02:00",
           "result": {"system": "http://snomed.info/sct", "code": "260415000"}, "centre": "Test Corp, Big City",
           "country": "NL"},
         "certificate": {"issuer": "Ministry of Health Welfare and Sport", "hcid": "URN:UVCI:01:NL:DADFCC47C7334E45A906DB12FD859FB7#1"}}
        """

    static let recoveryRecord = """
        {"name": {"given": "Charles"},
         "recovery": {"disease": {"system": "http://snomed.info/sct", "code": "840539006"}, "firstPositive": "2021-06-01",
           "country": "NL", "validFrom": "2021-06-12", "validUntil": "2021-11-28"},
         "certificate": {"issuer": "Ministry of Health Welfare and Sport", "hcid": "URN:UVCI:01:NL:X#1"}}
        """
}

extension JSONValue {
    /// A copy with the member at `path` (object keys) replaced, or removed when `value` is nil.
    func setting(_ path: [String], to value: JSONValue?) -> JSONValue {
        guard let key = path.first, case .object(var object) = self else { return value ?? self }
        if path.count == 1 {
            object[key] = value
        } else {
            object[key] = (object[key] ?? .object(JSONObject())).setting(Array(path.dropFirst()), to: value)
        }
        return .object(object)
    }
}
