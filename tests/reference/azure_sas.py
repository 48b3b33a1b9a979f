#!/usr/bin/env python3
"""Independent Azure IoT Hub SAS token for a device, for Andon's tests.

Follows Microsoft's "Control access to IoT Hub with shared access signatures"
(https://learn.microsoft.com/azure/iot-hub/authenticate-authorize-sas, section "Security
token structure" and its Python example): the string to sign is the URL-encoded resource URI,
a newline and the expiry (seconds since the epoch); the signature is the base64 of the
HMAC-SHA256 of that string keyed with the base64-decoded device key; the token is
    SharedAccessSignature sr={URL-encoded resource URI}&sig={URL-encoded signature}&se={expiry}
with resource URI {host}/devices/{device id}. Written from the documentation with the Python
standard library only (hmac, hashlib, base64, urllib), not from Andon's code.

usage: azure_sas.py HOST DEVICE_ID BASE64_KEY EXPIRY_S   -> prints the token
"""
import base64
import hashlib
import hmac
import sys
import urllib.parse


def sas_token(host: str, device_id: str, key_b64: str, expiry: int) -> str:
    resource = urllib.parse.quote_plus(f"{host}/devices/{device_id}")
    to_sign = f"{resource}\n{expiry}".encode("utf-8")
    digest = hmac.new(base64.b64decode(key_b64), to_sign, hashlib.sha256).digest()
    signature = urllib.parse.quote_plus(base64.b64encode(digest).decode("ascii"))
    return f"SharedAccessSignature sr={resource}&sig={signature}&se={expiry}"


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.stderr.write(__doc__)
        sys.exit(2)
    print(sas_token(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])))
