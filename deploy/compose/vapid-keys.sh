#!/usr/bin/env bash
# Prints a fresh VAPID key pair for web push as two lines, base64url without padding:
#   NOTIFICATION_VAPID_PUBLIC_KEY=<65-byte uncompressed P-256 point, 87 characters>
#   NOTIFICATION_VAPID_PRIVATE_KEY=<32-byte private scalar, 43 characters>
# Every notification replica must share one pair (browsers subscribed with its public key), so a
# deployment makes it once and keeps it with its secrets. Needs only openssl.
set -euo pipefail
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
pem="$(openssl ecparam -name prime256v1 -genkey -noout 2>/dev/null)"
# The DER of an EC private key starts 30 77 02 01 01 04 20: the 32-byte scalar follows.
private="$(printf '%s\n' "$pem" | openssl ec -outform DER 2>/dev/null | tail -c +8 | head -c 32 | b64url)"
# The DER of the public key ends with the 65-byte uncompressed point (04 || X || Y).
public="$(printf '%s\n' "$pem" | openssl ec -pubout -outform DER 2>/dev/null | tail -c 65 | b64url)"
[[ ${#public} -eq 87 && ${#private} -eq 43 ]] || { echo "could not make a VAPID key pair" >&2; exit 1; }
echo "NOTIFICATION_VAPID_PUBLIC_KEY=$public"
echo "NOTIFICATION_VAPID_PRIVATE_KEY=$private"
