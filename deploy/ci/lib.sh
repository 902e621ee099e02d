# Shared by the container stage's scripts (sourced, not run): a private Docker engine and the
# locally made base image.
#
# The engine runs with its own data root, socket and pid file under $WORK, never touches the
# machine's own Docker setup, and is told not to write firewall rules (--iptables=false: the
# stage publishes ports to 127.0.0.1 only, which docker-proxy serves without NAT). What it does
# make — bridges of its networks — is removed by stop_dockerd.

: "${ROOT:?ROOT must be the repository root}"
WORK="${MERCATO_CONTAINER_WORK:-$ROOT/.cache/containers}"
# Debian's client: the first docker on PATH may be a newer client without an engine.
DOCKER_BIN="${DOCKER_BIN:-/usr/bin/docker}"
COMPOSE_BIN="${COMPOSE_BIN:-/usr/bin/docker-compose}"
RUN_DIR="$WORK/run"
export DOCKER_HOST="unix://$RUN_DIR/docker.sock"
export DOCKER_BUILDKIT=1
export COMPOSE_DOCKER_CLI_BUILD=1

log() { printf '    %s\n' "$*"; }
die() {
  printf '\nCONTAINER STAGE FAILED: %s\n' "$*" >&2
  exit 1
}
docker() { "$DOCKER_BIN" "$@"; }
compose() { "$COMPOSE_BIN" "$@"; }

# Debian packages the stage needs (installed when missing).
ensure_packages() {
  local missing=()
  [[ -x /usr/sbin/dockerd && -x "$DOCKER_BIN" ]] || missing+=(docker.io)
  [[ -x "$COMPOSE_BIN" ]] || missing+=(docker-compose)
  command -v podman >/dev/null 2>&1 || missing+=(podman)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  # podman builds its pause image around catatonit.
  [[ -x /usr/libexec/podman/catatonit || -x /usr/bin/catatonit ]] || missing+=(catatonit)
  if ((${#missing[@]} > 0)); then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# The Debian mirror apt already uses (debootstrap takes the same one): only the active source
# files (*.list, *.sources), only a Debian archive (a path ending in /debian), never the security
# archive or a third-party repository such as a Node.js one.
debian_mirror() {
  local m files=()
  shopt -s nullglob
  files=(/etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources)
  shopt -u nullglob
  if ((${#files[@]})); then
    m="$(grep -hoE '^(URIs:|deb)\s+https?://[^ ]+' "${files[@]}" 2>/dev/null | awk '{print $2}' |
      grep -E '/debian/?$' | grep -v security | head -n 1 || true)"
  fi
  echo "${m:-http://deb.debian.org/debian}"
}

start_dockerd() {
  mkdir -p "$RUN_DIR" "$WORK/docker"
  if [[ -S "$RUN_DIR/docker.sock" ]] && docker info >/dev/null 2>&1; then
    log "engine already running on $RUN_DIR/docker.sock"
    return
  fi
  # A stale pid file from a killed run would stop dockerd from starting.
  rm -f "$RUN_DIR/docker.pid" "$RUN_DIR/docker.sock"
  # A network range of its own, so that a second engine on the machine never picks the same.
  local octet=$((200 + $$ % 40))
  /usr/sbin/dockerd \
    --data-root "$WORK/docker" \
    --exec-root "$RUN_DIR/exec" \
    --pidfile "$RUN_DIR/docker.pid" \
    --host "$DOCKER_HOST" \
    --bridge none \
    --iptables=false \
    --ip-masq=false \
    --default-address-pool "base=10.$octet.0.0/16,size=24" \
    --storage-driver overlay2 \
    >"$RUN_DIR/dockerd.log" 2>&1 &
  local i
  for ((i = 0; i < 120; i++)); do
    docker info >/dev/null 2>&1 && return
    sleep 0.5
  done
  tail -n 30 "$RUN_DIR/dockerd.log" >&2
  die "dockerd did not answer within 60 s"
}

# Stops the engine by its pid and removes the bridges its networks left.
stop_dockerd() {
  [[ -f "$RUN_DIR/docker.pid" ]] || return 0
  local pid
  pid="$(cat "$RUN_DIR/docker.pid")"
  local bridges=()
  if docker info >/dev/null 2>&1; then
    # Containers first (a network in use cannot be removed), then the networks this engine made.
    local ids
    ids="$(docker ps -aq)"
    [[ -n "$ids" ]] && docker rm -f $ids >/dev/null 2>&1 || true
    local net
    for net in $(docker network ls -q --filter type=custom); do
      bridges+=("br-${net:0:12}")
      docker network rm "$net" >/dev/null 2>&1 || true
    done
  fi
  kill "$pid" 2>/dev/null || true
  local i
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -9 "$pid" 2>/dev/null || true
  local br
  for br in "${bridges[@]}"; do
    ip link show "$br" >/dev/null 2>&1 && ip link delete "$br" 2>/dev/null || true
  done
  # Mounts of the overlay driver that a killed engine can leave behind.
  grep -o " $WORK/docker/[^ ]*" /proc/mounts 2>/dev/null | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
  rm -f "$RUN_DIR/docker.pid" "$RUN_DIR/docker.sock"
}

# localhost/debian:bookworm from a minbase debootstrap (the tar is kept between runs), then
# localhost/node:20-bookworm: that base plus this machine's Node and npm, laid out as the
# official Node image lays them out.
build_base_images() {
  local tar="$WORK/debian-bookworm-minbase.tar"
  if [[ ! -s "$tar" ]]; then
    local root="$WORK/rootfs"
    rm -rf "$root"
    log "debootstrap (minbase, bookworm) from $(debian_mirror)"
    debootstrap --variant=minbase --include=tini,ca-certificates bookworm "$root" "$(debian_mirror)" >"$WORK/debootstrap.log" 2>&1 ||
      { tail -n 20 "$WORK/debootstrap.log" >&2; die "debootstrap failed"; }
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
    tar -C "$root" -cf "$tar.part" . && mv "$tar.part" "$tar"
    rm -rf "$root"
  fi
  if ! docker image inspect localhost/debian:bookworm >/dev/null 2>&1; then
    docker import "$tar" localhost/debian:bookworm >/dev/null
  fi
  local node npm_dir ctx
  node="$(readlink -f "$(command -v node)")"
  npm_dir="$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")"
  ctx="$WORK/node-base"
  rm -rf "$ctx" && mkdir -p "$ctx"
  cp "$node" "$ctx/node"
  cp -r "$npm_dir" "$ctx/npm"
  # The machine's trust store: the registry may be reached through a proxy that signs with a CA
  # of its own, which the builds inside this base must trust as the machine does.
  cp /etc/ssl/certs/ca-certificates.crt "$ctx/ca-certificates.crt"
  cat >"$ctx/Dockerfile" <<'EOF'
FROM localhost/debian:bookworm
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node \
 && node --version && npm --version
EOF
  docker build -q --network host -t localhost/node:20-bookworm "$ctx" >/dev/null
}
