import JSON
import SMARTHealthCards
import Testing

/// The messages and their order pinned for a bundle that draws every kind of finding of the single-pass
/// ``SHCBundleValidator`` (empty values first, then `fullUrl`, then per resource: references, common checks,
/// CodeableConcept/Coding findings, Patient and Immunization checks).
@Suite("SMART Health Cards: FHIR bundle findings")
struct SHCBundleValidatorTests {
    static let bundle = """
        {"resourceType":"Bundle","type":"collection","entry":[
         {"fullUrl":"resource:0","resource":{"resourceType":"Patient","id":"x",
          "name":[{"family":"A","given":[""]}],"birthDate":"1960-01","gender":"m"}},
         {"fullUrl":"resource:1","resource":{"resourceType":"Immunization","meta":{"security":[{"code":"IAL1.2","display":"d"}]},
          "status":"completed","vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"207","display":"M"}],"text":"C"},
          "patient":{"reference":"resource:0"},"occurrenceDateTime":"2021-01-01","performer":[{"actor":{"display":"X"}}],"lotNumber":"1"}},
         {"fullUrl":"resource:1","resource":{"resourceType":"Observation","subject":{"reference":"resource:9"},"code":{"coding":[]}}},
         {"fullUrl":"resource:01","resource":{"resourceType":"Immunization","meta":"x","status":"completed",
          "vaccineCode":{"coding":[{"system":"s","code":"c"}],"text":"t"},"patient":{"reference":"Patient/1"},"occurrenceString":"x"}}
        ]}
        """

    @Test func findingsInOrder() throws {
        let findings = SHCBundleValidator().validate(try JSONParser.parse(Array(Self.bundle.utf8)))
        #expect(findings.errors.map(\.message) == [
            "expected no empty string at Bundle.entry[0].resource.name[0].given[0], found one",
            "expected no empty array at Bundle.entry[2].resource.code.coding, found one",
            "expected Bundle.entry[2].fullUrl to be unique, found a repeat",
            "expected Bundle.entry[3].fullUrl to be resource:N, found another value",
            "expected Bundle.entry[1].resource.meta.security to be codings with system and code only, found others",
            "expected Bundle.entry[3].resource.patient.reference to be resource:N naming an entry, found another value",
        ])
        // Entry 3's meta is not an object: its CodeableConcept.text goes unreported, as before the single pass.
        #expect(findings.warnings.map(\.message) == [
            "expected no Bundle.entry[0].resource.id (data minimisation), found one",
            "expected no Bundle.entry[0].resource.gender (Patient keeps name and birthDate only), found one",
            "expected no CodeableConcept.text at Bundle.entry[1].resource.vaccineCode (data minimisation), found one",
            "expected no Coding.display at Bundle.entry[1].resource.vaccineCode.coding[0] (data minimisation), found one",
            "expected Bundle.entry[2].resource.subject.reference to be resource:N naming an entry, found another value",
            "expected Bundle.entry[3].resource.meta to be an object holding security only, found another JSON type",
        ])
    }

    /// More than 32 entries switch the `fullUrl` bookkeeping from a list to a set: repeats and references still resolve.
    @Test func manyEntries() throws {
        var entries = (0..<40).map { index in
            JSONValue.object(["fullUrl": .string("resource:\(index)"), "resource": .object(["resourceType": .string("Patient")])])
        }
        entries.append(.object(["fullUrl": .string("resource:39"), "resource": .object([
            "resourceType": .string("Observation"), "subject": .object(["reference": .string("resource:40")]),
            "focus": .object(["reference": .string("resource:7")]),
        ])]))
        let findings = SHCBundleValidator().validate(.object(["resourceType": .string("Bundle"), "entry": .array(entries)]))
        #expect(findings.errors.map(\.message) == ["expected Bundle.entry[40].fullUrl to be unique, found a repeat"])
        #expect(findings.warnings.map(\.message) == [
            "expected Bundle.entry[40].resource.subject.reference to be resource:N naming an entry, found another value"
        ])
    }

    /// Paths deeper than a verified payload can be (a bundle built in code is not depth-limited): the walk's path
    /// grows past the verifier's 64 levels and every step is spelled.
    @Test func deepPathsAreSpelled() throws {
        var nested = JSONValue.string("")
        for level in 0..<150 { nested = level.isMultiple(of: 2) ? .array([nested]) : .object(["k": nested]) }
        let resource = JSONValue.object(["resourceType": .string("Observation"), "value": nested])
        let bundle = JSONValue.object([
            "resourceType": .string("Bundle"),
            "entry": .array([.object(["fullUrl": .string("resource:0"), "resource": resource])]),
        ])
        let findings = SHCBundleValidator().validate(bundle)
        let steps = (0..<150).reversed().map { $0.isMultiple(of: 2) ? "[0]" : ".k" }.joined()
        #expect(findings.errors.map(\.message) == ["expected no empty string at Bundle.entry[0].resource.value\(steps), found one"])
    }
}
