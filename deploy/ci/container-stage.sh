#!/usr/bin/env bash
# The container stage of CI (called by .ci/run; runnable alone from the repository root):
#   1. a private Docker engine, the Debian base (debootstrap, kept between runs) with this
#      machine's Node, stand-ins for the postgres/rabbitmq/redis images;
#   2. the mercato image built on that base; one container run read-only as non-root, healthy;
#      the web image (--target web) likewise, answering the shop's 503 page with no API behind it;
#   3. the Compose stack (with the web app) up from nothing, one order placed and confirmed
#      through its gateway, the storefront's home page through it,
#      torn down with its volumes;
#   4. the Helm chart linted, rendered and validated; the rendered gateway and a service run
#      under `podman kube play` until they answer /readyz;
# then everything it started is stopped and removed (engine, bridges, pods).
# Timings of each step are printed; the whole stage takes about a minute warm.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
# shellcheck source=lib.sh
source "$ROOT/deploy/ci/lib.sh"

PROJECT="mercato-ci-$$"
IMAGE=localhost/mercato:ci
WEB_IMAGE=localhost/mercato-web:ci
ENV_FILE="$WORK/compose.env"
t0=$SECONDS
step() { printf '\n--> %s (at %ss)\n' "$*" "$((SECONDS - t0))"; }

cleanup() {
  local code=$?
  set +e
  if [[ -f "$ENV_FILE" ]] && docker info >/dev/null 2>&1; then
    [[ $code -ne 0 ]] && compose -p "$PROJECT" -f deploy/compose.yaml --env-file "$ENV_FILE" logs --tail 40 >&2 2>/dev/null
    compose -p "$PROJECT" -f deploy/compose.yaml --env-file "$ENV_FILE" down -v --remove-orphans >/dev/null 2>&1
  fi
  bash "$ROOT/deploy/ci/chart-check.sh" --cleanup-only >/dev/null 2>&1
  stop_dockerd
  rm -f "$ENV_FILE"
  exit $code
}
trap cleanup EXIT

step "packages"
ensure_packages

step "engine"
start_dockerd

step "base images (debootstrap cached in $WORK)"
build_base_images
for t in postgres rabbitmq redis; do
  docker build -q --network host --target "$t" -t "localhost/stand-in-$t:ci" deploy/ci/stand-ins >/dev/null
done

step "build the mercato image on the local base"
build_start=$SECONDS
docker build -q --network host -f deploy/Dockerfile --build-arg BASE_IMAGE=localhost/node:20-bookworm -t "$IMAGE" . >/dev/null
log "built in $((SECONDS - build_start)) s; $(docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%.0f MB", $1/1e6}')"

step "run one container: read-only root, non-root, healthy"
net="$PROJECT-single"
docker network create "$net" >/dev/null
# The gateway alone needs every upstream's URL (it refuses to guess); they need not answer for
# it to be live and healthy.
upstream_env=()
for s in auth user catalog inventory order payment review notification; do
  upstream_env+=(-e "${s^^}_URL=http://$s:8080")
done
docker run -d --name "$PROJECT-gateway" --network "$net" --read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges \
  -e SERVICE=gateway "${upstream_env[@]}" "$IMAGE" >/dev/null
user="$(docker inspect -f '{{.Config.User}}' "$PROJECT-gateway")"
[[ "$user" == 10001:10001 ]] || die "the image runs as $user, not 10001:10001"
pid1="$(docker exec "$PROJECT-gateway" cat /proc/1/cmdline | tr '\0' ' ')"
[[ "$pid1" == tini* ]] || die "PID 1 is not tini: $pid1"
for ((i = 0; i < 60; i++)); do
  health="$(docker inspect -f '{{.State.Health.Status}}' "$PROJECT-gateway")"
  [[ "$health" == healthy ]] && break
  sleep 0.5
done
[[ "$health" == healthy ]] || { docker logs "$PROJECT-gateway" >&2; die "the gateway container is $health"; }
docker exec "$PROJECT-gateway" sh -c 'touch /app/x 2>/dev/null' && die "the root filesystem is writable"
stop_start=$SECONDS
docker stop -t 20 "$PROJECT-gateway" >/dev/null
code="$(docker inspect -f '{{.State.ExitCode}}' "$PROJECT-gateway")"
[[ "$code" == 0 ]] || die "the gateway exited $code on SIGTERM (tini should pass it on)"
log "healthy as $user under $pid1; SIGTERM → exit 0 in $((SECONDS - stop_start)) s"
docker rm "$PROJECT-gateway" >/dev/null
docker network rm "$net" >/dev/null

step "the web image: its own server, read-only root, non-root"
build_start=$SECONDS
docker build -q --network host -f deploy/Dockerfile --target web --build-arg BASE_IMAGE=localhost/node:20-bookworm -t "$WEB_IMAGE" . >/dev/null
log "built in $((SECONDS - build_start)) s; $(docker image inspect -f '{{.Size}}' "$WEB_IMAGE" | awk '{printf "%.0f MB", $1/1e6}')"
# No gateway behind it: every page needs the API, so the shop's server (apps/web/server.mjs)
# answers its own 503 page with Retry-After where Next alone would answer a bare 500.
docker run -d --name "$PROJECT-web" --read-only --tmpfs /tmp --tmpfs /app/apps/web/.next/cache --cap-drop ALL --security-opt no-new-privileges \
  -e API_URL=http://127.0.0.1:1/api/v1 "$WEB_IMAGE" >/dev/null
user="$(docker inspect -f '{{.Config.User}}' "$PROJECT-web")"
[[ "$user" == 10001:10001 ]] || die "the web image runs as $user, not 10001:10001"
for ((i = 0; i < 90; i++)); do
  health="$(docker inspect -f '{{.State.Health.Status}}' "$PROJECT-web")"
  [[ "$health" == healthy ]] && break
  sleep 0.5
done
[[ "$health" == healthy ]] || { docker logs "$PROJECT-web" >&2; die "the web container is $health"; }
answer="$(docker exec "$PROJECT-web" node -e "fetch('http://127.0.0.1:3000/').then(async (r) => console.log(r.status, r.headers.get('retry-after'), /<h1>[^<]+<\/h1>/.exec(await r.text())?.[0]))")"
[[ "$answer" == "503 5 <h1>"* ]] || { docker logs --tail 20 "$PROJECT-web" >&2; die "the web container answered '$answer' with the API down, not the shop's 503 page"; }
stop_start=$SECONDS
docker stop -t 20 "$PROJECT-web" >/dev/null
code="$(docker inspect -f '{{.State.ExitCode}}' "$PROJECT-web")"
[[ "$code" == 0 ]] || die "the web container exited $code on SIGTERM"
log "healthy as $user; with the API down: $answer; SIGTERM → exit 0 in $((SECONDS - stop_start)) s"
docker rm "$PROJECT-web" >/dev/null

step "Compose: up from nothing"
rm -f "$ENV_FILE"
bash deploy/compose/make-env.sh "$ENV_FILE" >/dev/null
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
cat >>"$ENV_FILE" <<EOF
MERCATO_IMAGE=$IMAGE
POSTGRES_IMAGE=localhost/stand-in-postgres:ci
RABBITMQ_IMAGE=localhost/stand-in-rabbitmq:ci
REDIS_IMAGE=localhost/stand-in-redis:ci
MERCATO_WEB_IMAGE=$WEB_IMAGE
WEB_URL=http://web:3000
GATEWAY_PUBLISH=127.0.0.1:$port
PUBLIC_URL=http://127.0.0.1:$port
LOG_LEVEL=warn
PAYMENT_SANDBOX=true
EOF
# With the web app (profile web), which the gateway sends every path outside /api/v1.
export COMPOSE_PROFILES=web
up_start=$SECONDS
compose -p "$PROJECT" -f deploy/compose.yaml --env-file "$ENV_FILE" up -d --quiet-pull >"$WORK/compose-up.log" 2>&1 || {
  tail -n 20 "$WORK/compose-up.log" >&2
  compose -p "$PROJECT" -f deploy/compose.yaml --env-file "$ENV_FILE" ps >&2
  for s in gateway auth user catalog inventory order payment review notification web; do
    docker logs --tail 15 "$(compose -p "$PROJECT" -f deploy/compose.yaml --env-file "$ENV_FILE" ps -q "$s" 2>/dev/null | head -n 1)" 2>&1 | sed "s/^/$s: /" >&2 || true
  done
  die "docker-compose up failed"
}
log "every container healthy in $((SECONDS - up_start)) s; gateway on 127.0.0.1:$port"

step "Compose: one order through the gateway"
admin_email="$(grep '^ADMIN_EMAIL=' "$ENV_FILE" | cut -d= -f2-)"
admin_password="$(grep '^ADMIN_PASSWORD=' "$ENV_FILE" | cut -d= -f2-)"
node deploy/ci/smoke-checkout.mjs "http://127.0.0.1:$port" "$admin_email" "$admin_password"
# /metrics is on its own port, which Compose does not publish; the gateway does not route it.
status="$(node -e "fetch('http://127.0.0.1:$port/metrics').then(r=>console.log(r.status),()=>console.log('refused'))")"
[[ "$status" == 404 ]] || die "GET /metrics through the gateway answered $status, not 404"
# The storefront's home page through the gateway, rendered by the web container from the API.
home="$(node -e "fetch('http://127.0.0.1:$port/').then(async (r) => console.log(r.status, r.headers.get('content-type'), /<html lang=\"en\"/.test(await r.text())), () => console.log('refused'))")"
[[ "$home" == "200 text/html"*" true" ]] || die "GET / through the gateway answered '$home', not the storefront's page"
log "the storefront's home page through the gateway: $home"

step "Compose: down"
compose -p "$PROJECT" -f deploy/compose.yaml --env-file "$ENV_FILE" down -v --remove-orphans >/dev/null 2>&1

step "Helm chart: lint, render, validate, podman kube play"
bash deploy/ci/chart-check.sh --image "$IMAGE"

step "done in $((SECONDS - t0)) s"
