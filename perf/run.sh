#!/usr/bin/env bash
# Runs one load-test scenario against a fresh Civis server and appends its summary to perf/RESULTS.md.
#
#   perf/run.sh demographic|otp|fingerprint|kyc|enrollment|oidc
#
# Settings (environment): POPULATION (10000) residents to seed; MODEL closed|open (closed); USERS
# (64, closed model); RATE (200 arrivals/s, open model); DURATION (60 s measured) and WARMUP (10 s);
# RESIDENTS (0 = all) to cycle over only the first N seeded residents; PRESIGN (requests signed
# before injection; default: enough for the run at the expected rate); PUBLIC_PORT, ADMIN_PORT,
# HZ_PORT, SMS_PORT (18080, 18081, 15701, 18090: clear of a `./civis serve` on the defaults);
# COLLECT (oidc only, 45 s) how long sign-ins pool codes for the token burst, 0 for no burst;
# ID_TOKEN_ALG (oidc only, RS256) the ID token algorithm the client registers: RS256, PS256 or ES256;
# SERVER_JAVA_OPTS for the server's JVM (a million residents with fingerprints need -Xmx10g or
# more: their auth cache holds about 3.5 GB live); GALLERY (fingerprint only, default false) true to have
# the server hold the 1:N fingerprint gallery as an enrollment node does, false to run it as an
# auth-only node (CIVIS_BIO_GALLERY=false), which is what serves fingerprint auth in production.
# CIVIS_DB_DURABILITY=relaxed runs the server without synchronous commits (the summary says so), to
# measure what durable commits cost. The data directory (seeded once per population) is
# perf/target/data-<POPULATION>[-fp]; Gatling's HTML report stays in perf/target/gatling/.
set -euo pipefail

scenario="${1:-}"
case "$scenario" in
  demographic) simulation=DemographicAuthSimulation ;;
  otp) simulation=OtpSimulation ;;
  fingerprint) simulation=FingerprintAuthSimulation ;;
  kyc) simulation=KycSimulation ;;
  enrollment) simulation=EnrollmentSimulation ;;
  oidc) simulation=OidcSignInSimulation ;;
  *) echo "usage: perf/run.sh demographic|otp|fingerprint|kyc|enrollment|oidc" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
population="${POPULATION:-10000}"
model="${MODEL:-closed}"
duration="${DURATION:-60}"
warmup="${WARMUP:-10}"
public_port="${PUBLIC_PORT:-18080}"
admin_port="${ADMIN_PORT:-18081}"
sms_port="${SMS_PORT:-18090}"
jar="$root/auth-server/target/civis-server.jar"

seed_flags=()
data_dir="$root/perf/target/data-$population"
if [ "$scenario" = fingerprint ]; then
  seed_flags=(--with-fingerprints)
  data_dir="$data_dir-fp"
fi

say() { printf 'perf: %s\n' "$*" >&2; }

# 1. Build when the server jar is missing or older than the sources (as ./civis does).
if [ ! -f "$jar" ] || [ -n "$(find "$root/pom.xml" "$root"/*/pom.xml "$root"/*/src/main -newer "$jar" -print -quit)" ]; then
  say "building the server..."
  mvn -B -q -Dstyle.color=never -DskipTests -pl auth-server -am package >&2
fi

export CIVIS_DATA_DIR="$data_dir"
export CIVIS_LOG_LEVEL="${CIVIS_LOG_LEVEL:-WARN}"

# 2. Seed (resumable: a seeded data directory takes seconds).
say "seeding $population residents into ${data_dir#"$root"/}..."
java -jar "$jar" seed --count "$population" "${seed_flags[@]}"

# 3. A fresh server on the data directory, on its own ports and Hazelcast cluster.
server_env=(
  CIVIS_PUBLIC_PORT="$public_port" CIVIS_ADMIN_PORT="$admin_port" CIVIS_HZ_PORT="${HZ_PORT:-15701}"
  CIVIS_HZ_CLUSTER_NAME="perf-$$"
)
label="$scenario"
if [ "$scenario" = fingerprint ]; then
  server_env+=(CIVIS_BIO_GALLERY="${GALLERY:-false}")
  [ "${GALLERY:-false}" = true ] && label="fingerprint, gallery node" || label="fingerprint, auth-only node"
fi
# Commits are durable unless the run says otherwise; the summary names the mode either way.
label="$label, ${CIVIS_DB_DURABILITY:-durable} commits"
if [ "$scenario" = otp ] || [ "$scenario" = oidc ]; then
  # The simulation plays the SMS gateway; every code of the run must be allowed to go out.
  server_env+=(CIVIS_OTP_CHANNEL=webhook CIVIS_OTP_WEBHOOK_URL="http://127.0.0.1:$sms_port/sms" CIVIS_OTP_MAX_REQUESTS=1000)
fi
if [ "$scenario" = oidc ]; then
  label="$label, ID tokens ${ID_TOKEN_ALG:-RS256}"
  # The issuer the client assertions name as their audience: the address the simulation calls.
  server_env+=(CIVIS_PUBLIC_BASE_URL="http://127.0.0.1:$public_port")
  # Every simulated browser comes from 127.0.0.1: the per-address code budget (10 per 15 minutes,
  # shared with the resident API) would stop the run after ten sign-ins.
  server_env+=(CIVIS_RESIDENT_OTP_PER_ADDRESS=100000)
fi
server_log="$root/perf/target/server-$scenario.log"
env "${server_env[@]}" java ${SERVER_JAVA_OPTS:-} -jar "$jar" serve >"$server_log" 2>&1 &
server_pid=$!
stop_server() {
  if kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"   # a clean stop writes the last auth transactions
    wait "$server_pid" || true
  fi
}
trap stop_server EXIT
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$public_port/health/ready" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { say "the server did not start; see $server_log"; exit 1; }
  sleep 1
done
curl -fs "http://127.0.0.1:$public_port/health/ready" >/dev/null || { say "the server is not ready; see $server_log"; exit 1; }
# The server fills its auth cache in the background; measure the steady state, not the first touches.
say "waiting for the auth cache to be warm..."
warm_started=$(date +%s)
until curl -fs "http://127.0.0.1:$public_port/health/ready" | grep -q '"warm":true'; do
  kill -0 "$server_pid" 2>/dev/null || { say "the server stopped; see $server_log"; exit 1; }
  sleep 2
done
say "auth cache warm after $(( $(date +%s) - warm_started )) s"

# The enrollment scenario calls the admin API as a registrar: a token from the development issuer
# in the data directory, which the server on embedded defaults trusts (development only).
operator_token=()
if [ "$scenario" = enrollment ]; then
  operator_token=(-Dcivis.operatorToken="$(java -jar "$jar" operator-token --role registrar --minutes 480)")
fi
# The OpenID scenario registers its relying party (a partner with an oidc policy) as a partner admin.
if [ "$scenario" = oidc ]; then
  operator_token=(-Dcivis.operatorToken="$(java -jar "$jar" operator-token --role partner-admin --minutes 480)")
fi

# 4. The scenario, through the Gatling plugin (the reactor builds perf's dependencies first).
load_average="$(cut -d' ' -f1-3 /proc/loadavg)"
say "running $simulation ($model) for ${warmup}+${duration} s, then the baseline..."
mvn -B -Dstyle.color=never -pl perf -am gatling:test dependency:build-classpath \
  -Dgatling.simulationClass="org.civis.perf.gatling.$simulation" \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test \
  -Dcivis.dataDir="$data_dir" \
  -Dcivis.publicUrl="http://127.0.0.1:$public_port" -Dcivis.adminUrl="http://127.0.0.1:$admin_port" \
  -Dcivis.model="$model" -Dcivis.users="${USERS:-64}" -Dcivis.rate="${RATE:-200}" \
  -Dcivis.duration="$duration" -Dcivis.warmup="$warmup" -Dcivis.residents="${RESIDENTS:-0}" \
  -Dcivis.smsPort="$sms_port" -Dcivis.collectSeconds="${COLLECT:-45}" -Dcivis.idTokenAlg="${ID_TOKEN_ALG:-RS256}" ${PRESIGN:+-Dcivis.presign="$PRESIGN"} "${operator_token[@]}" >"$root/perf/target/gatling-$scenario.log" 2>&1 \
  || { say "the Gatling run failed; see perf/target/gatling-$scenario.log"; exit 1; }

# 5. Stop the server cleanly, then count what it recorded and write the summary.
stop_server
trap - EXIT
simulation_prefix="$(printf '%s' "$simulation" | tr '[:upper:]' '[:lower:]')-"
java -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener \
  -cp "$root/perf/target/test-classes:$root/perf/target/classes:$(cat "$root/perf/target/test-classpath.txt")" \
  org.civis.perf.report.RunSummary "$root/perf/RESULTS.md" "$root/perf/target/gatling" "$simulation_prefix" \
  "$data_dir" "$label" "$population" "$duration" "$load_average" "${SERVER_JAVA_OPTS:-}"
