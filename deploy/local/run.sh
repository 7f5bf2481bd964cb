#!/usr/bin/env bash
# Runs Wellkeep on this machine with its embedded defaults: a real Keycloak on port 8180 (its distribution comes
# from Maven Central and is unpacked under .data/keycloak) and the app in Quarkus dev mode on port 8080, with an
# H2 database in .data/h2 and the demo accounts. Both are started side by side and stopped together on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/../.."

data_dir="$PWD/.data"
export WELLKEEP_DATA_DIR="$data_dir"
mkdir -p "$data_dir/logs"

echo "Wellkeep: building (the first run also fetches Keycloak)..."
./mvnw -B -q -DskipTests test-compile

java -cp target/test-classes app.wellkeep.testsupport.KeycloakServer >"$data_dir/logs/keycloak-launcher.log" 2>&1 &
keycloak_pid=$!

# Tell people where to go once the app answers (Keycloak and the app start in parallel).
(
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null http://localhost:8080/q/health/ready 2>/dev/null; then
      cat <<'BANNER'

  Wellkeep is ready at http://localhost:8080

  Demo sign-ins (DEV-ONLY passwords, never use them anywhere else):
    patients  maya / maya-dev-only    tom / tom-dev-only
    coach     sam / sam-dev-only
    admin     alex / alex-dev-only
  Keycloak admin console: http://localhost:8180 (kcadmin / kcadmin-dev-only)

  Press Ctrl-C to stop Wellkeep and Keycloak.
BANNER
      exit 0
    fi
    kill -0 "$keycloak_pid" 2>/dev/null || { echo "Keycloak stopped; see $data_dir/logs/keycloak.log" >&2; exit 1; }
    sleep 1
  done
) &
banner_pid=$!

./mvnw -B quarkus:dev -Ddebug=false -Dquarkus.test.continuous-testing=disabled -Dquarkus.analytics.disabled=true &
app_pid=$!

# Background jobs of a script ignore Ctrl-C, so the script stops them itself, whichever way it is stopped.
stopping=0
stop_all() {
  [ "$stopping" = 1 ] && return
  stopping=1
  echo "Stopping Wellkeep and Keycloak..."
  kill "$banner_pid" "$app_pid" "$keycloak_pid" 2>/dev/null || true
  wait "$app_pid" "$keycloak_pid" 2>/dev/null || true
}
trap stop_all INT TERM EXIT
wait "$app_pid"
