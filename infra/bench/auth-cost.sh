#!/usr/bin/env bash
# The cost of one authenticated call to a running backbone (./run), by way of authenticating:
#   infra/bench/auth-cost.sh [requests]      (default 300)
# For each way an agency system can authenticate (HTTP Basic, and a bearer token where the token issuer runs), it
# makes the same GET sequentially and reports wall-clock latency (p50, p99) and the referrals service's CPU time per
# call, read from /proc before and after. /actuator/health (no authentication) is the baseline. Linux only.
set -euo pipefail
N=${1:-300}
SERVICE=${SERVICE:-http://127.0.0.1:8081}
ISSUER=${ISSUER:-http://127.0.0.1:9000}
PID=$(pgrep -f 'backbone-referrals-.*-exec.jar' | head -1 || true)
[ -n "$PID" ] || { echo "no referrals service running: start ./run first" >&2; exit 1; }
TICKS=$(getconf CLK_TCK)

cpu_ms() { awk -v t="$TICKS" '{print ($14 + $15) * 1000 / t}' "/proc/$PID/stat"; }

measure() { # name, then curl arguments
  local name=$1; shift
  curl -s -o /dev/null "$@" "$SERVICE/api/inbox/shares" || true   # warm up the path
  for _ in $(seq 20); do curl -s -o /dev/null "$@" "$SERVICE/api/inbox/shares"; done
  local before after
  before=$(cpu_ms)
  for _ in $(seq "$N"); do
    curl -s -o /dev/null -w '%{time_total}\n' "$@" "$SERVICE/api/inbox/shares"
  done > "/tmp/auth-cost-$name.txt"
  after=$(cpu_ms)
  sort -n "/tmp/auth-cost-$name.txt" | awk -v n="$N" -v name="$name" -v cpu0="$before" -v cpu1="$after" '
    { t[NR] = $1 * 1000; sum += $1 * 1000 }
    END { printf "%-10s n=%d  p50 %6.1f ms  p99 %6.1f ms  mean %6.1f ms  service CPU %5.1f ms/call\n",
          name, n, t[int(n * 0.5)], t[int(n * 0.99)], sum / n, (cpu1 - cpu0) / n }'
}

echo "$(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $N sequential GET /api/inbox/shares as school-a"
measure basic -u school-a:dev-only-school-a
if TOKEN=$(curl -sf -u school-a:dev-only-school-a -d grant_type=client_credentials "$ISSUER/oauth2/token" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'); then
  measure bearer -H "Authorization: Bearer $TOKEN"
else
  echo "bearer     (no token issuer at $ISSUER)"
fi
# the unauthenticated baseline: same service, no authentication at all
before=$(cpu_ms)
for _ in $(seq "$N"); do curl -s -o /dev/null -w '%{time_total}\n' "$SERVICE/actuator/health"; done > /tmp/auth-cost-none.txt
after=$(cpu_ms)
sort -n /tmp/auth-cost-none.txt | awk -v n="$N" -v cpu0="$before" -v cpu1="$after" '
  { t[NR] = $1 * 1000 } END { printf "%-10s n=%d  p50 %6.1f ms  p99 %6.1f ms  (GET /actuator/health)  service CPU %5.1f ms/call\n",
    "none", n, t[int(n * 0.5)], t[int(n * 0.99)], (cpu1 - cpu0) / n }'
