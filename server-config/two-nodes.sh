#!/usr/bin/env bash
# Two Herald nodes, one PostgreSQL database, one standalone broker (docs/scaling-out.md).
# Build first, once, on PostgreSQL, for the runtime you want:
#   mvn -Ppostgres -DskipTests install -pl server-config -am                                 (WildFly)
#   mvn -Ppostgres -Dherald.runtime=payara-micro -DskipTests install -pl server-config -am   (Payara Micro)
#   server-config/two-nodes.sh start [wildfly|payara-micro]   node-a on 8080, node-b on 8180, the broker on 61616
#   server-config/two-nodes.sh stop    stops what start started, by process id
#   server-config/two-nodes.sh kill-a  kill -9 of node-a, to watch node-b take the relay over
#   server-config/two-nodes.sh start-a node-a again, after kill-a: it rejoins and stands by
# Each node runs from its own directory, server-config/target/nodes/<node>: on WildFly a base
# directory with messaging-remote-broker.cli applied (log/server.log), on Micro its root (node.log).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
nodes="$here/target/nodes"
broker=(bash "$here/target/broker.sh")
declare -A offset=([node-a]=0 [node-b]=100)

# ready once Herald itself answers: its relay check is there (Micro says UP before it has deployed)
ready() { curl -fs "$1" 2>/dev/null | grep -q '"name":"relay"'; }

start_wildfly() {
    local node=$1 base="$nodes/$1" wildfly
    wildfly=$(ls -d "$here"/target/wildfly-*/ | head -1)
    cp -r "$wildfly/standalone/configuration" "$base/" && mkdir "$base/deployments"
    cp "$here/target/herald.ear" "$base/deployments/"
    printf 'herald.broker.host=127.0.0.1\nherald.broker.port=61616\nherald.broker.password=herald-1\n' >"$base/broker.properties"
    JAVA_OPTS="-Djboss.server.base.dir=$base" "$wildfly/bin/jboss-cli.sh" --resolve-parameter-values \
        --properties="$base/broker.properties" --file="$here/src/main/wildfly/messaging-remote-broker.cli" >"$base/cli.out"
    LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$base/server.pid" setsid "$wildfly/bin/standalone.sh" \
        -c standalone-full.xml -Djboss.server.base.dir="$base" -Djboss.socket.binding.port-offset="${offset[$node]}" \
        -Djboss.node.name="$node" -Djboss.tx.node.id="$node" >"$base/console.out" 2>&1 </dev/null &
    health="http://127.0.0.1:$((9990 + ${offset[$node]}))/health/ready" log="$base/log/server.log"
}

start_micro() {
    local node=$1 base="$nodes/$1" config="$here/target/payara-config"
    setsid java -Xmx512m -Dherald.node.name="$node" -jar "$here/target/payara-micro.jar" \
        --nocluster --port $((8080 + ${offset[$node]})) --rootDir "$base/root" --addLibs "$config/postgresql.jar" \
        --prebootcommandfile "$config/herald-micro-preboot.asadmin" \
        --postbootcommandfile "$config/herald-micro-postboot.asadmin" \
        --deploy "$here/target/herald-micro.war" >"$base/node.log" 2>&1 </dev/null &
    echo $! >"$base/server.pid"
    health="http://127.0.0.1:$((8080 + ${offset[$node]}))/health/ready" log="$base/node.log"
}

start_node() {
    local node=$1 health log
    rm -rf "${nodes:?}/$node" && mkdir -p "$nodes/$node"
    # one signing key for both nodes (made by start): a token from one is valid on the other
    export HERALD_JWT_PRIVATE_KEY MP_JWT_VERIFY_PUBLICKEY
    HERALD_JWT_PRIVATE_KEY=$(cat "$nodes/jwt.pem") MP_JWT_VERIFY_PUBLICKEY=$(cat "$nodes/jwt.pub")
    case "$(cat "$nodes/runtime")" in
        wildfly) start_wildfly "$node" ;;
        payara-micro) start_micro "$node" ;;
    esac
    for _ in $(seq 1 180); do ready "$health" && { echo "$node ready on http://localhost:$((8080 + ${offset[$node]}))"; return; }; sleep 1; done
    echo "$node did not become ready; see $log" >&2; exit 1
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

# Fails unless the runtime's build is there and on PostgreSQL (two nodes need one shared database)
check_build() {
    local build="mvn -Ppostgres -DskipTests install -pl server-config -am"
    case "$1" in
        wildfly)
            local xml; xml=$(ls "$here"/target/wildfly-*/standalone/configuration/standalone-full.xml 2>/dev/null | head -1)
            [ -n "$xml" ] && [ -f "$here/target/herald.ear" ] && grep -q 'jdbc:postgresql' "$xml" ;;
        payara-micro)
            build="mvn -Ppostgres -Dherald.runtime=payara-micro -DskipTests install -pl server-config -am"
            [ -f "$here/target/herald-micro.war" ] && [ -f "$here/target/payara-config/postgresql.jar" ] ;;
        *) echo "runtime: wildfly or payara-micro, not $1" >&2; exit 2 ;;
    esac || { echo "No $1 build on PostgreSQL: $build" >&2; exit 1; }
}

case "${1:-}" in
    start)
        check_build "${2:-wildfly}"
        mkdir -p "$nodes" && echo "${2:-wildfly}" >"$nodes/runtime"
        [ -f "$nodes/jwt.pem" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$nodes/jwt.pem" 2>/dev/null
        openssl pkey -in "$nodes/jwt.pem" -pubout -out "$nodes/jwt.pub"
        if ! (exec 3<>/dev/tcp/127.0.0.1/61616) 2>/dev/null; then
            "${broker[@]}" start && touch "$nodes/broker-started-here"
        fi
        start_node node-a
        start_node node-b
        ;;
    stop)
        stop_node node-b
        stop_node node-a
        if [ -f "$nodes/broker-started-here" ]; then "${broker[@]}" stop && rm -f "$nodes/broker-started-here"; fi
        ;;
    kill-a)
        kill -9 "$(cat "$nodes/node-a/server.pid")" && rm -f "$nodes/node-a/server.pid" && echo "node-a killed"
        ;;
    start-a)
        start_node node-a
        ;;
    *) sed -n '2,11p' "$0"; exit 2 ;;
esac
