#!/usr/bin/env bash
# Writes deploy/.env from deploy/.env.example with a fresh random value for every secret.
# Usage: deploy/compose/make-env.sh [output file]   (default deploy/.env; never overwritten)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$here/.env}"
[[ -e "$out" ]] && { echo "$out exists; not overwriting it" >&2; exit 1; }
secret() { head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }
umask 077
vapid="$(bash "$here/compose/vapid-keys.sh")"
while IFS= read -r line; do
  case "$line" in
    POSTGRES_PASSWORD= | RABBITMQ_PASSWORD= | REDIS_PASSWORD= | AUTH_KEY_ENCRYPTION_KEY= | OPS_TOKEN= | NOTIFICATION_SIGNING_SECRET=) echo "${line}$(secret)" ;;
    NOTIFICATION_VAPID_PUBLIC_KEY= | NOTIFICATION_VAPID_PRIVATE_KEY=) grep "^${line}" <<<"$vapid" ;;
    ADMIN_PASSWORD=) echo "${line}A1!$(secret)" ;;
    *) echo "$line" ;;
  esac
done <"$here/.env.example" >"$out"
echo "wrote $out (mode 0600); the administrator is $(grep '^ADMIN_EMAIL=' "$out" | cut -d= -f2-), password in the file"
