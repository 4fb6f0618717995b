import Foundation
import ICAOVDSNC
import JSON
import TestSupport
import Testing
import Trust

/// An OpenDVC seal checked by an independent implementation: Python's `cryptography` for X.509 and ECDSA, and
/// an RFC 8785 canonicalisation written in the script itself (not the Swift one). Missing Python modules fail
/// the test; they never skip it.
@Suite("VDS-NC interoperability with Python cryptography")
struct VDSNCPythonInteropTests {
    /// Reads a seal and a CSCA (PEM), canonicalises `data` (RFC 8785), checks that the CSCA issued the embedded
    /// barcode signer certificate and that `sigvl` (raw r || s, base64url) verifies with its key.
    static let script = #"""
        import base64, json, math, sys
        from cryptography import x509
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import ec, utils

        def jcs_number(value):
            if isinstance(value, bool):
                return "true" if value else "false"
            if isinstance(value, int):
                if abs(value) > 2 ** 53:
                    value = float(value)
                else:
                    return str(value)
            if math.isnan(value) or math.isinf(value):
                raise ValueError("NaN and Infinity are not JSON")
            if value == 0:
                return "0"
            if value.is_integer() and abs(value) < 1e21:
                return str(int(value))
            text = repr(value)
            if "e" in text:
                mantissa, exponent = text.split("e")
                exponent = int(exponent)
                if -7 < exponent < 21:
                    return format(value, "f").rstrip("0").rstrip(".")
                return mantissa.rstrip("0").rstrip(".") + "e" + ("+" if exponent > 0 else "-") + str(abs(exponent))
            return text

        def jcs_string(text):
            out = ['"']
            for ch in text:
                code = ord(ch)
                if ch == '"':
                    out.append('\\"')
                elif ch == '\\':
                    out.append('\\\\')
                elif code < 0x20:
                    named = {8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r"}
                    out.append(named.get(code, "\\u%04x" % code))
                else:
                    out.append(ch)
            out.append('"')
            return "".join(out)

        def jcs(value):
            if value is None:
                return "null"
            if isinstance(value, (bool, int, float)):
                return jcs_number(value)
            if isinstance(value, str):
                return jcs_string(value)
            if isinstance(value, list):
                return "[" + ",".join(jcs(item) for item in value) + "]"
            keys = sorted(value.keys(), key=lambda key: key.encode("utf-16-be"))
            return "{" + ",".join(jcs_string(key) + ":" + jcs(value[key]) for key in keys) + "}"

        def b64url(text):
            return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))

        seal = json.load(open(sys.argv[1], encoding="utf-8"))
        csca = x509.load_pem_x509_certificate(open(sys.argv[2], "rb").read())
        canonical = jcs(seal["data"]).encode("utf-8")
        bsc = x509.load_der_x509_certificate(b64url(seal["sig"]["cer"]))
        result = {"canonical": canonical.decode("utf-8"), "alg": seal["sig"]["alg"]}
        result["issuer_matches"] = bsc.issuer == csca.subject
        try:
            csca.public_key().verify(bsc.signature, bsc.tbs_certificate_bytes, ec.ECDSA(bsc.signature_hash_algorithm))
            result["chain"] = True
        except InvalidSignature:
            result["chain"] = False
        raw = b64url(seal["sig"]["sigvl"])
        half = len(raw) // 2
        der = utils.encode_dss_signature(int.from_bytes(raw[:half], "big"), int.from_bytes(raw[half:], "big"))
        try:
            bsc.public_key().verify(der, canonical, ec.ECDSA(hashes.SHA256()))
            result["signature"] = True
        except InvalidSignature:
            result["signature"] = False
        result["signature_length"] = len(raw)
        result["name"] = seal["data"]["msg"]["pid"]["n"]
        print(json.dumps(result))
        """#

    struct Output {
        let status: Int32
        let json: JSONValue?
        let errors: String
    }

    func runPython(seal: String, fixture: VDSNCFixture) throws -> Output {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-vdsnc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scriptPath = folder.appendingPathComponent("verify_vdsnc.py")
        let sealPath = folder.appendingPathComponent("seal.json")
        let cscaPath = folder.appendingPathComponent("csca.pem")
        try Self.script.write(to: scriptPath, atomically: true, encoding: .utf8)
        try seal.write(to: sealPath, atomically: true, encoding: .utf8)
        try fixture.setup.cscaCertificatePEM.write(to: cscaPath, atomically: true, encoding: .utf8)
        let output = try ExternalProgram.python([scriptPath.path, sealPath.path, cscaPath.path])
        return Output(status: output.status, json: try? JSONParser.parse(Array(output.standardOutputData)), errors: output.standardError)
    }

    @Test func pythonVerifiesAnOpenDVCSeal() throws {
        let fixture = try VDSNCFixture()
        let text = try fixture.issue(try VDSNCFixture.vaccination(family: "Ødegård", given: "Åse Željka"))
        let output = try runPython(seal: text, fixture: fixture)
        #expect(output.status == 0, "\(output.errors)")
        let result = try #require(output.json)
        #expect(result["issuer_matches"] == .bool(true))
        #expect(result["chain"] == .bool(true))
        #expect(result["signature"] == .bool(true))
        #expect(result["signature_length"] == .integer(64))
        #expect(result["alg"] == "ES256")
        #expect(result["name"] == "OEDEGAARD  AASE ZELJKA")
        // The two canonicalisations agree byte for byte.
        let seal = try VDSNCSeal(text: text[...])
        #expect(result["canonical"]?.stringValue == String(decoding: seal.signedBytes, as: UTF8.self))
    }

    @Test func pythonRejectsATamperedSeal() throws {
        let fixture = try VDSNCFixture()
        let text = try fixture.issue(try VDSNCFixture.vaccination())
        let tampered = text.replacingOccurrences(of: "\"seq\":2", with: "\"seq\":3")
        #expect(tampered != text)
        let output = try runPython(seal: tampered, fixture: fixture)
        #expect(output.status == 0, "\(output.errors)")
        #expect(output.json?["chain"] == .bool(true))
        #expect(output.json?["signature"] == .bool(false))
    }

    @Test func pythonRejectsAnotherCSCA() throws {
        let fixture = try VDSNCFixture()
        let other = try VDSNCFixture()
        let output = try runPython(seal: try other.issue(try VDSNCFixture.vaccination()), fixture: fixture)
        #expect(output.status == 0, "\(output.errors)")
        #expect(output.json?["chain"] == .bool(false))
        #expect(output.json?["signature"] == .bool(true))
    }
}
