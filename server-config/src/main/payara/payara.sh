#!/usr/bin/env bash
# Herald on Payara Server 6 with the standalone Artemis broker.
#   payara.sh provision   recreate the "herald" domain and apply herald-resources.asadmin and herald-server.asadmin (the build does this)
#   payara.sh start       start the broker and the domain
#   payara.sh deploy      deploy (or redeploy) herald.ear
#   payara.sh stop        stop the domain and the broker
#   payara.sh run         start, deploy, follow the server log until Ctrl-C, then stop
#   payara.sh home        print the Payara installation's directory
# The build writes this script to server-config/target/payara-config with its directory filled in and
# attaches it (type sh, classifier payara): the system tests take it from there, as an artifact.
set -euo pipefail
target='@project.build.directory@'
payara_home="$target/payara6"
domain=herald
commands="$target/payara-config"
postgresql_jar="$commands/postgresql.jar"
ear="$target/herald.ear"
broker=(bash "$target/broker.sh")
asadmin="$payara_home/bin/asadmin"
log="$payara_home/glassfish/domains/$domain/logs/server.log"

provision() {
    "$asadmin" stop-domain "$domain" >/dev/null 2>&1 || true
    "$asadmin" delete-domain "$domain" >/dev/null 2>&1 || true
    "$asadmin" create-domain --nopassword=true "$domain"
    if [ -f "$postgresql_jar" ]; then cp "$postgresql_jar" "$payara_home/glassfish/domains/$domain/lib/"; fi
    "$asadmin" start-domain "$domain"
    local out
    out=$(for file in herald-resources.asadmin herald-server.asadmin; do
        "$asadmin" multimode --file "$commands/$file" 2>&1 || true
    done)
    echo "$out"
    "$asadmin" stop-domain "$domain"
    # multimode goes on after a failed command: fail the build ourselves
    if echo "$out" | grep -q "failed\."; then echo "Some resource commands failed (see above)" >&2; exit 1; fi
}

start() {
    "${broker[@]}" start
    "$asadmin" start-domain "$domain"
}

deploy() {
    "$asadmin" deploy --force=true --name herald "$ear"
    for _ in $(seq 1 120); do
        # before Herald is deployed, readiness is UP with no checks: wait for Herald's own
        curl -fs http://localhost:8080/health/ready 2>/dev/null | grep -q '"database"' \
            && { echo "Herald is ready: http://localhost:8080/api"; return 0; }
        sleep 1
    done
    echo "Herald did not become ready; see $log" >&2
    return 1
}

stop() {
    "$asadmin" stop-domain "$domain" || true
    "${broker[@]}" stop
}

run() {
    # Ctrl-C reaches Maven too, which then ends without waiting for the stop: neither its TERM,
    # nor writing to its closed output (SIGPIPE), nor the terminal closing (SIGHUP) may cut it short
    trap 'trap "" INT TERM PIPE HUP; stop' EXIT
    trap 'exit 130' INT TERM
    start
    deploy
    echo "Admin console: http://localhost:4848 (user admin, no password). Ctrl-C stops Herald and the broker."
    tail -n 0 -F "$log"
}

case "${1:-}" in
    provision | start | deploy | stop | run) "$1" ;;
    home) echo "$payara_home" ;;
    *) echo "usage: $0 provision|start|deploy|stop|run|home" >&2; exit 2 ;;
esac
