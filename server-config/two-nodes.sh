#!/usr/bin/env bash
# Two Herald nodes on WildFly, one PostgreSQL database, one standalone broker
# (docs/scaling-out.md). Build first, once, on PostgreSQL:
#   mvn -Ppostgres -DskipTests install -pl server-config -am
#   server-config/two-nodes.sh start   node-a on 8080/9990, node-b on 8180/10090, the broker on 61616
#   server-config/two-nodes.sh stop    stops what start started, by process id
#   server-config/two-nodes.sh kill-a  kill -9 of node-a, to watch node-b take the relay over
#   server-config/two-nodes.sh start-a node-a again, after kill-a: it rejoins and stands by
# Each node runs from its own base directory, server-config/target/nodes/<node>,
# with messaging-remote-broker.cli applied; logs in <base>/log/server.log.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
wildfly=$(ls -d "$here"/target/wildfly-*/ 2>/dev/null | head -1)
nodes="$here/target/nodes"
broker="$here/../jms-config/broker.sh"
ear="$here/../ear/target/herald.ear"
declare -A offset=([node-a]=0 [node-b]=100)

ready() { curl -fs "http://127.0.0.1:$((9990 + $1))/health/ready" >/dev/null 2>&1; }

start_node() {
    local node=$1 base="$nodes/$1"
    rm -rf "$base" && mkdir -p "$base"
    cp -r "$wildfly/standalone/configuration" "$base/" && mkdir "$base/deployments" && cp "$ear" "$base/deployments/"
    printf 'herald.broker.host=127.0.0.1\nherald.broker.port=61616\nherald.broker.password=herald-1\n' >"$base/broker.properties"
    JAVA_OPTS="-Djboss.server.base.dir=$base" "$wildfly/bin/jboss-cli.sh" --resolve-parameter-values \
        --properties="$base/broker.properties" --file="$here/src/main/wildfly/messaging-remote-broker.cli" >"$base/cli.out"
    HERALD_JWT_PRIVATE_KEY="$(cat "$nodes/jwt.pem")" MP_JWT_VERIFY_PUBLICKEY="$(cat "$nodes/jwt.pub")" \
    LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$base/server.pid" setsid "$wildfly/bin/standalone.sh" \
        -c standalone-full.xml -Djboss.server.base.dir="$base" -Djboss.socket.binding.port-offset="${offset[$node]}" \
        -Djboss.node.name="$node" -Djboss.tx.node.id="$node" >"$base/console.out" 2>&1 </dev/null &
    for _ in $(seq 1 180); do ready "${offset[$node]}" && { echo "$node ready on http://localhost:$((8080 + ${offset[$node]}))"; return; }; sleep 1; done
    echo "$node did not become ready; see $base/log/server.log" >&2; exit 1
}

stop_node() {
    local pidfile="$nodes/$1/server.pid"
    [ -f "$pidfile" ] || return 0
    local pid; pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
    echo "$1 stopped"
}

case "${1:-}" in
    start)
        [ -n "$wildfly" ] && [ -f "$ear" ] || { echo "No provisioned WildFly or EAR: mvn -Ppostgres -DskipTests install -pl server-config -am" >&2; exit 1; }
        grep -q 'jdbc:postgresql' "$wildfly/standalone/configuration/standalone-full.xml" \
            || { echo "The provisioned WildFly is on H2: build it with -Ppostgres (two nodes need one shared database)" >&2; exit 1; }
        mkdir -p "$nodes"
        # one signing key for both nodes: a token from one is valid on the other
        [ -f "$nodes/jwt.pem" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$nodes/jwt.pem" 2>/dev/null
        openssl pkey -in "$nodes/jwt.pem" -pubout -out "$nodes/jwt.pub"
        if ! (exec 3<>/dev/tcp/127.0.0.1/61616) 2>/dev/null; then
            "$broker" start && touch "$nodes/broker-started-here"
        fi
        start_node node-a
        start_node node-b
        ;;
    stop)
        stop_node node-b
        stop_node node-a
        if [ -f "$nodes/broker-started-here" ]; then "$broker" stop && rm -f "$nodes/broker-started-here"; fi
        ;;
    kill-a)
        kill -9 "$(cat "$nodes/node-a/server.pid")" && rm -f "$nodes/node-a/server.pid" && echo "node-a killed"
        ;;
    start-a)
        start_node node-a
        ;;
    *) sed -n '2,10p' "$0"; exit 2 ;;
esac
