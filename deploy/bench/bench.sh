#!/usr/bin/env bash
# siyu-mall benchmark: deploy/bench/bench.sh [scenario…]
# scenarios: startup resources db-raw gateway gateway-nio catalog-read event-lag order-place hot-sku backlog wallet-debit (default: all)
# Runs against the stack of deploy/local/mall.sh (starting it if needed; the gateway is restarted with rate limits
# off so the load is not throttled). Results: deploy/bench/results/<timestamp>/{summary.json,summary.md,gatling/}.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH="$ROOT/deploy/bench"
RUN="$ROOT/deploy/local/.run"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JCMD="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"
GATEWAY="http://127.0.0.1:${MALL_GATEWAY_PORT:-8080}"
MEMBER="http://127.0.0.1:${MALL_MEMBER_PORT:-8081}"
SECONDS_PER_RUN="${BENCH_SECONDS:-20}"
USERS="${BENCH_USERS:-32}"
BUYERS="${BENCH_BUYERS:-2000}"
HOT_STOCK="${BENCH_HOT_STOCK:-100}"
ADMIN_PASSWORD="${MALL_ADMIN_PASSWORD:-admin123}"
SMS_CODE="${MALL_SMS_FIXED_CODE:-123456}"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$BENCH/results/$STAMP"
JSONL="$OUT/scenarios.jsonl"
ALL=(startup resources db-raw gateway gateway-nio catalog-read event-lag order-place hot-sku backlog wallet-debit)
SCENARIOS=("$@"); [ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=("${ALL[@]}")
mkdir -p "$OUT/gatling"
: >"$JSONL"

log() { printf '\n▶ %s\n' "$*"; }
wants() { local s; for s in "${SCENARIOS[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }
now_ms() { date +%s%3N; }

stop_service() {  # $1: service name; graceful, waits until it is gone
  local pid_file="$RUN/$1.pid"
  if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    kill -TERM "$(cat "$pid_file")"; while kill -0 "$(cat "$pid_file")" 2>/dev/null; do sleep 0.2; done
  fi
}

restart_gateway() {  # $1: extra JVM options
  stop_service gateway-service
  MALL_GATEWAY_RATE_LIMITS_ENABLED=false \
    MALL_SERVICE_JAVA_OPTS="-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k ${1:-}" \
    "$ROOT/deploy/local/mall.sh" up >"$OUT/mall-up-gateway.log" 2>&1
}

# member-service limits SMS codes and logins per client IP; the harness logs in many members from this host
export MALL_MEMBER_AUTH_EXEMPT_IPS="${MALL_MEMBER_AUTH_EXEMPT_IPS-127.0.0.1,0:0:0:0:0:0:0:1}"
log "build the harness"
(cd "$ROOT" && ./mvnw -q -B -f deploy/bench/pom.xml test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
CP="$BENCH/target/classes:$(cat "$BENCH/target/classpath.txt")"
measure() { "$JAVA" -Xmx256m -cp "$CP" com.siyu.mall.bench.Measure "$@"; }

if [ -z "$(ls "$RUN"/*.pid 2>/dev/null)" ]; then
  log "start the stack (cold)"
  t0=$(now_ms)
  MALL_GATEWAY_RATE_LIMITS_ENABLED=false "$ROOT/deploy/local/mall.sh" up | tee "$OUT/mall-up.log"
  echo "$(( ($(now_ms) - t0) / 1000 ))" >"$OUT/stack-seconds"
else
  MALL_GATEWAY_RATE_LIMITS_ENABLED=false "$ROOT/deploy/local/mall.sh" up >"$OUT/mall-up.log"
fi
log "restart the gateway with rate limits off"
restart_gateway ""
# a member-service started by hand (without the exemption above) would refuse the harness's many logins
if ! tr '\0' '\n' <"/proc/$(cat "$RUN/member-service.pid")/environ" 2>/dev/null | grep -q '^MALL_MEMBER_AUTH_EXEMPT_IPS='; then
  log "restart member-service with MALL_MEMBER_AUTH_EXEMPT_IPS=$MALL_MEMBER_AUTH_EXEMPT_IPS"
  stop_service member-service
  "$ROOT/deploy/local/mall.sh" up >>"$OUT/mall-up.log" 2>&1
fi

# JFR on a service during a load run; the summary (where the CPU went) goes into the results and summary.md
jfr_start() { "$JCMD" "$(cat "$RUN/$1.pid")" JFR.start name=bench settings=profile filename="$OUT/$1.jfr" >/dev/null 2>&1 || true; }
jfr_stop() {
  "$JCMD" "$(cat "$RUN/$1.pid")" JFR.stop name=bench >/dev/null 2>&1 || true
  [ -f "$OUT/$1.jfr" ] && "$JAVA" -cp "$CP" com.siyu.mall.bench.Profile "$OUT/$1.jfr" "$1" "$OUT/profile-$1.md" >/dev/null || true
}

gatling() {  # $1 scenario name, $2 simulation, rest: -D options
  local name=$1 sim=$2; shift 2
  (cd "$ROOT" && ./mvnw -q -B -f deploy/bench/pom.xml gatling:test -Dgatling.simulationClass="com.siyu.mall.bench.$sim" \
     -Dgatling.resultsFolder="$OUT/gatling" "$@") >"$OUT/$name.console.log" 2>&1 || true
  case "$name" in warmup*) return 0 ;; esac  # warm-ups load the JIT and caches; they are not results
  measure gatling "$name" "$OUT/$name.console.log" "$JSONL" >/dev/null
  grep -E "request count|99th|mean throughput" "$OUT/$name.console.log" | head -3 || true
}

if wants startup; then
  log "startup: each service's start time"
  measure startup "$RUN" "$JSONL" >/dev/null
fi
if wants resources; then
  log "resources: idle (10 s)"
  measure resources idle 10 "$RUN" "$JSONL" >/dev/null
fi
if wants db-raw; then
  log "db-raw: conditional stock updates on one row over JDBC ($SECONDS_PER_RUN s, 8 threads)"
  measure db-raw "$SECONDS_PER_RUN" 8 "$JSONL" | grep -E "throughput|p99"
fi
if wants gateway; then
  log "gateway: the same endpoint direct and through the gateway ($USERS clients, $SECONDS_PER_RUN s each)"
  gatling gateway-direct ThroughputSimulation -Dbench.url="$MEMBER/.well-known/jwks.json" -Dbench.users="$USERS" -Dbench.seconds="$SECONDS_PER_RUN"
  gatling gateway ThroughputSimulation -Dbench.url="$GATEWAY/.well-known/jwks.json" -Dbench.users="$USERS" -Dbench.seconds="$SECONDS_PER_RUN"
  gmax=$(grep '"scenario":"gateway"' "$JSONL" | sed -E 's/.*"throughputPerSec":([0-9.]+).*/\1/' | cut -d. -f1)
  ghalf=$(( gmax / 2 > 0 ? gmax / 2 : 1 ))
  log "gateway at half load: $ghalf requests/s, direct and through the gateway"
  gatling gateway-direct-half ThroughputSimulation -Dbench.url="$MEMBER/.well-known/jwks.json" -Dbench.rate="$ghalf" -Dbench.seconds="$SECONDS_PER_RUN"
  gatling gateway-half ThroughputSimulation -Dbench.url="$GATEWAY/.well-known/jwks.json" -Dbench.rate="$ghalf" -Dbench.seconds="$SECONDS_PER_RUN"
fi
if wants gateway-nio; then
  log "gateway-nio: the gateway with -Dreactor.netty.native=false"
  restart_gateway "-Dreactor.netty.native=false"
  gatling gateway-nio ThroughputSimulation -Dbench.url="$GATEWAY/.well-known/jwks.json" -Dbench.users="$USERS" -Dbench.seconds="$SECONDS_PER_RUN"
  restart_gateway ""
fi
if wants catalog-read || wants order-place || wants hot-sku || wants event-lag || wants backlog; then
  log "prepare data (products, $USERS+ members)"
  "$JAVA" -Xmx256m -cp "$CP" com.siyu.mall.bench.Prepare "$OUT/data" "$GATEWAY" "$MEMBER" "$ADMIN_PASSWORD" "$SMS_CODE" 200 "$HOT_STOCK"
  prop() { grep "^$1=" "$OUT/data/products.properties" | cut -d= -f2; }
fi
if wants catalog-read; then
  log "catalog-read: product detail through the gateway, cache on"
  gatling catalog-read ThroughputSimulation -Dbench.url="$GATEWAY/api/v1/products/$(prop roomySpu)" -Dbench.users="$USERS" -Dbench.seconds="$SECONDS_PER_RUN"
  log "catalog-read-nocache: the same with catalog-service restarted with MALL_CATALOG_CACHE_ENABLED=false"
  stop_service catalog-service
  MALL_CATALOG_CACHE_ENABLED=false "$ROOT/deploy/local/mall.sh" up >"$OUT/mall-up-nocache.log" 2>&1
  gatling catalog-read-nocache ThroughputSimulation -Dbench.url="$GATEWAY/api/v1/products/$(prop roomySpu)" -Dbench.users="$USERS" -Dbench.seconds="$SECONDS_PER_RUN"
  stop_service catalog-service
  "$ROOT/deploy/local/mall.sh" up >>"$OUT/mall-up-nocache.log" 2>&1
fi
if wants event-lag; then
  log "warm-up: 5 orders/s for 10 s (not recorded), so idle figures are not first-call compiles and cold caches"
  gatling warmup-orders OrderPlaceSimulation -Dbench.data="$OUT/data" -Dbench.rate=5 -Dbench.seconds=10
  log "event-lag idle: 5 orders/s for $SECONDS_PER_RUN s"
  from=$(now_ms)
  gatling order-idle OrderPlaceSimulation -Dbench.data="$OUT/data" -Dbench.rate=5 -Dbench.seconds="$SECONDS_PER_RUN"
  sleep 2
  measure event-lag event-lag-idle "$from" "$(now_ms)" "$JSONL" | grep -E "p50|p99"
fi
if wants order-place; then
  log "order-place at the maximum: $USERS members ordering back to back, resources sampled meanwhile"
  from=$(now_ms)
  measure resources order-place 15 "$RUN" "$JSONL" >/dev/null &
  sampler=$!
  jfr_start order-service; jfr_start catalog-service
  gatling order-place-max-http OrderPlaceSimulation -Dbench.data="$OUT/data" -Dbench.users="$USERS" -Dbench.seconds="$SECONDS_PER_RUN"
  jfr_stop order-service; jfr_stop catalog-service
  wait $sampler || true
  sleep 3
  to=$(now_ms)
  measure orders order-place-max "$OUT/data/skus.csv" "$from" "$to" "$JSONL" | grep -E "acceptedPerSec|p99"
  measure event-lag event-lag-load "$from" "$to" "$JSONL" | grep -E "p50|p99"
  max=$(grep '"order-place-max"' "$JSONL" | sed -E 's/.*"acceptedPerSec":([0-9.]+).*/\1/' | cut -d. -f1)
  half=$(( max / 2 > 0 ? max / 2 : 1 ))
  log "order-place at half the maximum: $half orders/s"
  from=$(now_ms)
  gatling order-place-half-http OrderPlaceSimulation -Dbench.data="$OUT/data" -Dbench.rate="$half" -Dbench.seconds="$SECONDS_PER_RUN"
  sleep 3
  measure orders order-place-half "$OUT/data/skus.csv" "$from" "$(now_ms)" "$JSONL" | grep -E "acceptedPerSec|p99"
fi
if wants hot-sku; then
  log "hot-sku: $BUYERS buyers race for $HOT_STOCK units"
  gatling hot-sku-http HotSkuSimulation -Dbench.data="$OUT/data" -Dbench.sku="$(prop hotSku)" -Dbench.buyers="$BUYERS"
  sleep 5
  measure hot-sku "$(prop hotSku)" "$HOT_STOCK" "$JSONL" | grep -E "oversold|decisionsPerSec|everyUnitSold"
  log "reserve-burst: $BUYERS OrderCreated events for one SKU with $HOT_STOCK units straight onto the topic"
  measure reserve-burst "$GATEWAY" "$(prop adminToken)" "$BUYERS" "$HOT_STOCK" "$JSONL" | grep -E "oversold|decisionsPerSec|everyUnitSold"
fi
if wants backlog; then
  BACKLOG="${BENCH_BACKLOG:-10000}"
  log "backlog: order-service restarted with its relay paused, $BACKLOG OrderCreated rows queued in its outbox, relay resumed"
  stop_service order-service
  MALL_OUTBOX_RELAY_ENABLED=false "$ROOT/deploy/local/mall.sh" up >"$OUT/mall-up-backlog.log" 2>&1
  measure backlog-fill "$GATEWAY" "$(prop adminToken)" "$BACKLOG" "$OUT/backlog.txt"
  stop_service order-service
  resumed=$(now_ms)
  "$ROOT/deploy/local/mall.sh" up >>"$OUT/mall-up-backlog.log" 2>&1
  measure backlog-drain "$OUT/backlog.txt" "$resumed" "$JSONL" | grep -E "PerSec|drainSeconds"
fi
if wants wallet-debit; then
  log "wallet-debit: one wallet, 16 threads debiting 1 fen per order through member-service ($SECONDS_PER_RUN s)"
  measure wallet-debit "$MEMBER" "$SMS_CODE" "$SECONDS_PER_RUN" 16 "$JSONL" | grep -E "throughputPerSec|p99|balanceConsistent"
fi

machine="Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $("$JAVA" -version 2>&1 | head -1), everything (DB, Kafka, 6 services, load generator) on one machine."
if [ -f "$OUT/stack-seconds" ]; then
  sed -i "s/\"scenario\":\"startup\"/\"scenario\":\"startup\",\"stackSeconds\":$(cat "$OUT/stack-seconds")/" "$JSONL"
fi
log "report"
"$JAVA" -cp "$CP" com.siyu.mall.bench.Report "$OUT" "$machine"
for profile in "$OUT"/profile-*.md; do
  [ -f "$profile" ] && { printf '\n'; cat "$profile"; } >>"$OUT/summary.md"
done
# latest.md (shown in the README) is a full run's table; a run of some scenarios leaves it alone
[ $# -eq 0 ] && cp "$OUT/summary.md" "$BENCH/results/latest.md"
echo "results: $OUT (Gatling HTML reports under gatling/)"
