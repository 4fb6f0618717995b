#!/usr/bin/env python3
"""Independent HC1 verifier for OpenDVC's interoperability test (pycose, cbor2, base45, cryptography, jsonschema).

Usage: verify_hc1.py PAYLOAD_FILE DSC_PEM SCHEMA_JSON
Prints one JSON object: {"signature": bool, "kid_matches": bool, "schema_errors": [...], "iss", "exp", "iat", "dcc"}.
Exit status 0 when the signature verifies, the kid matches the certificate and the DCC is schema-valid; 1 otherwise.
"""
import hashlib
import json
import sys
import zlib

import base45
import cbor2
import jsonschema
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pycose.keys import EC2Key
from pycose.messages import Sign1Message

payload_path, pem_path, schema_path = sys.argv[1:4]
text = open(payload_path, encoding="ascii").read().strip()
assert text.startswith("HC1:"), "missing HC1: prefix"
cose = zlib.decompress(base45.b45decode(text[4:]))
message = Sign1Message.decode(cose)

certificate = x509.load_pem_x509_certificate(open(pem_path, "rb").read())
der = certificate.public_bytes(serialization.Encoding.DER)
numbers = certificate.public_key().public_numbers()
message.key = EC2Key(crv="P_256", x=numbers.x.to_bytes(32, "big"), y=numbers.y.to_bytes(32, "big"))
try:
    signature = message.verify_signature()
except Exception:
    signature = False

kid = message.phdr.get(4) or message.uhdr.get(4)
if kid is None:
    from pycose.headers import KID
    kid = message.phdr.get(KID) or message.uhdr.get(KID)
kid_matches = kid == hashlib.sha256(der).digest()[:8]

claims = cbor2.loads(message.payload)
dcc = claims[-260][1]
schema = json.load(open(schema_path, encoding="utf-8"))
validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
schema_errors = [f"{'/'.join(map(str, error.path))}: {error.message}" for error in validator.iter_errors(dcc)]

result = {
    "signature": bool(signature),
    "kid_matches": kid_matches,
    "schema_errors": schema_errors,
    "iss": claims.get(1),
    "exp": claims.get(4),
    "iat": claims.get(6),
    "dcc": dcc,
}
print(json.dumps(result, ensure_ascii=False))
sys.exit(0 if signature and kid_matches and not schema_errors else 1)
