#!/usr/bin/env bash
# Installs the Debian packages and Python modules the tests use, when they are missing.
#   zbar-tools  zbarimg: an independent QR decoder (EU DCC picture-decode conformance)
#   qrencode    libqrencode's encoder: bit-exact QR matrices to compare with (QR tests)
#   libqrencode-dev: the QR benchmark's baseline (Benchmarks/run.sh)
#   pycose, cbor2, base45: an independent HC1 verifier (interoperability test)
#   zxing-cpp, segno: a second QR decoder, and a QR encoder for matrices, penalty scores and versions
#   libsqlite3-dev: the system SQLite that GRDB links (embedded storage)
#   sqlite3: the command-line shell, to change stored rows behind the server's back (transparency-log tamper tests)
#   postgresql: a throw-away PostgreSQL server for the storage conformance suite (scripts/postgres-test-cluster.sh)
#   openapi-spec-validator: checks the server's OpenAPI 3.1 document
#   schemathesis: a property-based run against a live server (no request may get a 5xx)
#   jwcrypto: an independent JWS verifier (SMART Health Cards); cryptography: independent ECDSA and X.509
#     checks (ICAO VDS-NC)
#   mosquitto, mosquitto-clients: a real MQTT broker (and mosquitto_pub) for the MQTT client tests
set -euo pipefail

need_apt=()
command -v zbarimg >/dev/null || need_apt+=(zbar-tools)
command -v qrencode >/dev/null || need_apt+=(qrencode)
[ -f /usr/include/qrencode.h ] || need_apt+=(libqrencode-dev)
[ -f /usr/include/sqlite3.h ] || need_apt+=(libsqlite3-dev)
[ -x /usr/bin/sqlite3 ] || need_apt+=(sqlite3)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
command -v mosquitto >/dev/null || [ -x /usr/sbin/mosquitto ] || need_apt+=(mosquitto)
command -v mosquitto_pub >/dev/null || need_apt+=(mosquitto-clients)
if ((${#need_apt[@]})); then
  echo "== installing Debian packages: ${need_apt[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# pycose 1.1.0 expects cbor2 to decode arrays as lists; cbor2 6 returns tuples, hence the pin.
python_modules=("pycose==1.1.0" "cbor2==5.9.0" "base45==0.4.4" "jsonschema" "cryptography" "zxing-cpp==3.1.1" "segno==1.6.6" "jwcrypto==1.6.1" "openapi-spec-validator==0.9.0" "schemathesis==4.32.5")
if ! python3 -c "import pycose, cbor2, base45, jsonschema, cryptography, zxingcpp, segno, jwcrypto, openapi_spec_validator, schemathesis; from importlib.metadata import version; assert version('cbor2').startswith('5.'); assert version('schemathesis') == '4.32.5'" 2>/dev/null; then
  echo "== installing Python modules: ${python_modules[*]}"
  python3 -m pip install -q --root-user-action=ignore "${python_modules[@]}"
fi
