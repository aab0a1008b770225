#!/usr/bin/env bash
# siyu-mall local stack: one command starts everything a newcomer needs on a machine with only a JDK 17+.
#   mall.sh up | down | status | logs <service> | demo
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUN="$ROOT/deploy/local/.run"
LOGS="$RUN/logs"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
INFRA_JAR="$ROOT/deploy/local/target/mall-local-exec.jar"
SERVICES=(member-service catalog-service order-service promotion-service distribution-service gateway-service)

export MALL_SMS_FIXED_CODE="${MALL_SMS_FIXED_CODE-123456}"
export MALL_ADMIN_PASSWORD="${MALL_ADMIN_PASSWORD:-admin123}"
MYSQL_PORT="${MALL_LOCAL_MYSQL_PORT:-3306}"
KAFKA_PORT="${MALL_LOCAL_KAFKA_PORT:-9092}"
GATEWAY_PORT="${MALL_GATEWAY_PORT:-8080}"
SERVICE_JAVA_OPTS="${MALL_SERVICE_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k}"

port_of() {
  case "$1" in
    gateway-service) echo "$GATEWAY_PORT" ;;
    member-service) echo "${MALL_MEMBER_PORT:-8081}" ;;
    catalog-service) echo "${MALL_CATALOG_PORT:-8082}" ;;
    order-service) echo "${MALL_ORDER_PORT:-8083}" ;;
    promotion-service) echo "${MALL_PROMOTION_PORT:-8084}" ;;
    distribution-service) echo "${MALL_DISTRIBUTION_PORT:-8085}" ;;
  esac
}

jar_of() { echo "$ROOT/$1/target/$1.jar"; }
pid_file() { echo "$RUN/$1.pid"; }
log() { printf '%s\n' "$*"; }

# running NAME: the process recorded for NAME is alive and is still ours (guards against PID reuse)
running() {
  local f pid
  f=$(pid_file "$1")
  [ -f "$f" ] || return 1
  pid=$(cat "$f")
  kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$2"
}

need_java() {
  command -v "$JAVA" >/dev/null 2>&1 || { log "java not found: install a JDK 17+ (or set JAVA_HOME)"; exit 1; }
}

# builds when a jar is missing or a source changed since the last build (jar mtimes are fixed by reproducible
# builds, so a stamp file records when we built); never under running services, whose jars would change beneath them
build_if_needed() {
  local stamp="$RUN/build.stamp" stale=""
  for m in "${SERVICES[@]}" deploy/local; do
    local jar
    if [ "$m" = deploy/local ]; then jar="$INFRA_JAR"; else jar=$(jar_of "$m"); fi
    if [ ! -f "$jar" ] || [ ! -f "$stamp" ] || [ -n "$(find "$ROOT/$m/src" "$ROOT/$m/pom.xml" "$ROOT/common-lib/src" "$ROOT/pom.xml" -newer "$stamp" -print -quit 2>/dev/null)" ]; then
      stale="$stale $m"
    fi
  done
  [ -n "$stale" ] || return 0
  for svc in "${SERVICES[@]}"; do
    if running "$svc" "$svc.jar"; then
      log "▶ sources changed ($stale) but services are running: not rebuilding under them (mall.sh down, then up)"
      return 0
    fi
  done
  log "▶ building (stale or missing:$stale) — the first build downloads dependencies and takes a few minutes"
  touch "$stamp.next"
  (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
  mv "$stamp.next" "$stamp"
}

start_infra() {
  local name=$1 port=$2 heap=$3
  if running "$name" "mall-local-exec.jar $name"; then
    log "  $name already running (pid $(cat "$(pid_file "$name")"))"
    return
  fi
  # a mariadbd orphaned by a killed launcher still holds the data dir and port
  [ "$name" = mariadb ] && pkill -f -- "--datadir=$RUN/mariadb" 2>/dev/null && sleep 1 || true
  mkdir -p "$RUN/$name"
  : >"$LOGS/$name.log"
  nohup "$JAVA" "$heap" -jar "$INFRA_JAR" "$name" "$port" "$RUN/$name" --durable >>"$LOGS/$name.log" 2>&1 &
  echo $! >"$(pid_file "$name")"
  local waited=0
  until grep -q "^READY $name" "$LOGS/$name.log"; do
    if ! kill -0 "$(cat "$(pid_file "$name")")" 2>/dev/null || [ $waited -ge 120 ]; then
      log "  $name did not start; last log lines:"; tail -20 "$LOGS/$name.log"; exit 1
    fi
    sleep 0.5; waited=$((waited + 1))
  done
  log "  $name ready on 127.0.0.1:$port"
}

start_service() {
  local svc=$1
  if running "$svc" "$svc.jar"; then
    log "  $svc already running (pid $(cat "$(pid_file "$svc")"))"
    return
  fi
  # shellcheck disable=SC2086
  nohup "$JAVA" $SERVICE_JAVA_OPTS -jar "$(jar_of "$svc")" >"$LOGS/$svc.log" 2>&1 &
  echo $! >"$(pid_file "$svc")"
  log "  $svc starting on :$(port_of "$svc") (pid $!)"
}

up() {
  need_java
  mkdir -p "$LOGS"
  build_if_needed
  local started=$SECONDS
  log "▶ infrastructure"
  if [ -z "${MALL_MYSQL_URL:-}" ]; then
    start_infra mariadb "$MYSQL_PORT" -Xmx96m
    export MALL_MYSQL_URL="jdbc:mysql://127.0.0.1:$MYSQL_PORT"
  else
    log "  using MySQL at $MALL_MYSQL_URL"
  fi
  if [ -z "${MALL_KAFKA_BOOTSTRAP:-}" ]; then
    start_infra kafka "$KAFKA_PORT" -Xmx384m
    export MALL_KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
  else
    log "  using Kafka at $MALL_KAFKA_BOOTSTRAP"
  fi
  log "▶ services"
  for svc in "${SERVICES[@]}"; do start_service "$svc"; done
  local probes=()
  for svc in "${SERVICES[@]}"; do probes+=("$svc=http://127.0.0.1:$(port_of "$svc")/actuator/health/readiness"); done
  log "▶ waiting for readiness"
  if ! "$JAVA" -Xmx64m -jar "$INFRA_JAR" wait-ready 240 "${probes[@]}"; then
    log "some services are not ready: see deploy/local/mall.sh logs <service>"; exit 1
  fi
  log "▶ demo catalog"
  "$JAVA" -Xmx64m -jar "$INFRA_JAR" seed "http://127.0.0.1:$GATEWAY_PORT" "$MALL_ADMIN_PASSWORD"
  cat <<MSG

siyu-mall is up in $((SECONDS - started)) s
  gateway      http://127.0.0.1:$GATEWAY_PORT   (public /api/v1, operators /admin/v1)
  admin login  admin / $MALL_ADMIN_PASSWORD     POST /admin/v1/auth/login
  SMS code     ${MALL_SMS_FIXED_CODE:-random, see mall.sh logs member-service}
  try          curl -s http://127.0.0.1:$GATEWAY_PORT/api/v1/products
  walk through deploy/local/mall.sh demo    stop: deploy/local/mall.sh down
MSG
}

stop_process() {
  local name=$1 pattern=$2
  if ! running "$name" "$pattern"; then rm -f "$(pid_file "$name")"; return; fi
  local pid; pid=$(cat "$(pid_file "$name")")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; log "  $name killed"; else log "  $name stopped"; fi
  rm -f "$(pid_file "$name")"
}

down() {
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do stop_process "${SERVICES[$i]}" "${SERVICES[$i]}.jar"; done
  stop_process kafka "mall-local-exec.jar kafka"
  stop_process mariadb "mall-local-exec.jar mariadb"
  pkill -f -- "--datadir=$RUN/mariadb" 2>/dev/null || true
  log "stopped (data kept in deploy/local/.run)"
}

status() {
  need_java
  printf '%-22s %-8s %s\n' PROCESS PID STATE
  for name in mariadb kafka; do
    if running "$name" "mall-local-exec.jar $name"; then printf '%-22s %-8s %s\n' "$name" "$(cat "$(pid_file "$name")")" running
    else printf '%-22s %-8s %s\n' "$name" - stopped; fi
  done
  for svc in "${SERVICES[@]}"; do
    if running "$svc" "$svc.jar"; then
      local state=starting
      "$JAVA" -Xmx32m -jar "$INFRA_JAR" probe "http://127.0.0.1:$(port_of "$svc")/actuator/health/readiness" && state=ready
      printf '%-22s %-8s %s\n' "$svc" "$(cat "$(pid_file "$svc")")" "$state"
    else printf '%-22s %-8s %s\n' "$svc" - stopped; fi
  done
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  logs) [ -n "${2:-}" ] || { log "usage: mall.sh logs <service|mariadb|kafka>"; exit 2; }; tail -n 200 -f "$LOGS/$2.log" ;;
  demo) need_java; "$JAVA" -Xmx64m -jar "$INFRA_JAR" demo "http://127.0.0.1:$GATEWAY_PORT" "$MALL_ADMIN_PASSWORD" ;;
  *) log "usage: deploy/local/mall.sh up | down | status | logs <service> | demo"; exit 2 ;;
esac
