#!/usr/bin/env bash
# siyu-mall fault drills: deploy/bench/faults.sh [catalog-kill|order-kill|kafka-outage|db-outage]… (default: all)
# Each drill runs under a steady order load through the gateway, injects the fault, recovers with
# `deploy/local/mall.sh up`, then checks the invariants and prints PASS/FAIL with figures.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH="$ROOT/deploy/bench"
RUN="$ROOT/deploy/local/.run"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
GATEWAY="http://127.0.0.1:${MALL_GATEWAY_PORT:-8080}"
MEMBER="http://127.0.0.1:${MALL_MEMBER_PORT:-8081}"
RATE="${FAULT_RATE:-10}"
OUT="$BENCH/results/faults-$(date -u +%Y%m%dT%H%M%SZ)"
ALL=(catalog-kill order-kill kafka-outage db-outage)
DRILLS=("$@"); [ ${#DRILLS[@]} -gt 0 ] || DRILLS=("${ALL[@]}")
mkdir -p "$OUT"

# member-service limits SMS codes and logins per client IP; the harness logs in many members from this host
export MALL_MEMBER_AUTH_EXEMPT_IPS="${MALL_MEMBER_AUTH_EXEMPT_IPS-127.0.0.1,0:0:0:0:0:0:0:1}"
log() { printf '\n▶ %s\n' "$*"; }
mall() { MALL_GATEWAY_RATE_LIMITS_ENABLED=false "$ROOT/deploy/local/mall.sh" "$@"; }
pid_of() { cat "$RUN/$1.pid"; }

(cd "$ROOT" && ./mvnw -q -B -f deploy/bench/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
CP="$BENCH/target/classes:$(cat "$BENCH/target/classpath.txt")"
mall up >"$OUT/mall-up.log" 2>&1 || { echo "stack did not start: $OUT/mall-up.log"; exit 1; }
# a member-service started by hand (without the exemption above) would refuse the drills' many logins
if ! tr '\0' '\n' <"/proc/$(pid_of member-service)/environ" 2>/dev/null | grep -q '^MALL_MEMBER_AUTH_EXEMPT_IPS='; then
  kill -TERM "$(pid_of member-service)"; while kill -0 "$(pid_of member-service)" 2>/dev/null; do sleep 0.2; done
  mall up >>"$OUT/mall-up.log" 2>&1
fi

results=()
for drill in "${DRILLS[@]}"; do
  dir="$OUT/$drill"; mkdir -p "$dir"
  log "$drill: fresh SKUs and members, $RATE orders/s"
  "$JAVA" -Xmx256m -cp "$CP" com.siyu.mall.bench.Prepare "$dir/data" "$GATEWAY" "$MEMBER" "${MALL_ADMIN_PASSWORD:-admin123}" \
    "${MALL_SMS_FIXED_CODE:-123456}" 50 1 >/dev/null
  "$JAVA" -Xmx128m -cp "$CP" com.siyu.mall.bench.SteadyLoad "$GATEWAY" "$dir/data" "$RATE" "$dir/stop" "$dir/load.log" &
  load=$!
  sleep 10
  case "$drill" in
    catalog-kill)
      log "kill -9 catalog-service mid-load"; kill -9 "$(pid_of catalog-service)"; sleep 10
      mall up >"$dir/recover.log" 2>&1 ;;
    order-kill)
      log "kill -9 order-service mid-load (relay mid-batch)"; kill -9 "$(pid_of order-service)"; sleep 10
      mall up >"$dir/recover.log" 2>&1 ;;
    kafka-outage)
      log "stop the Kafka broker for 60 s (orders must still be accepted: the outbox buffers)"
      kill -TERM "$(pid_of kafka)"; sleep 60
      mall up >"$dir/recover.log" 2>&1 ;;
    db-outage)
      log "stop the database for 30 s (requests must fail fast with 503, then recover by themselves)"
      kill -TERM "$(pid_of mariadb)"; sleep 30
      mall up >"$dir/recover.log" 2>&1 ;;
  esac
  sleep 10
  touch "$dir/stop"; wait $load
  log "$drill: invariants"
  if "$JAVA" -Xmx128m -cp "$CP" com.siyu.mall.bench.Invariants "$dir/load.log" "$dir/data/skus.csv" 10000000 60 | tee "$dir/invariants.txt"; then
    results+=("$drill PASS")
  else
    results+=("$drill FAIL")
  fi
done

log "summary"
printf '%s\n' "${results[@]}" | tee "$OUT/summary.txt"
grep -q FAIL "$OUT/summary.txt" && exit 1 || exit 0
