#!/usr/bin/env bash
# Herald's standalone Artemis broker (the Payara runtimes' broker, and the one several nodes share).
# The build writes this script to jms-config/target/broker.sh with the paths below filled in, and
# attaches it (type sh): server-config and system-tests take it from there, as an artifact.
#   broker.sh create   create the instance in jms-config/target/broker if absent (the build does this)
#   broker.sh start    start it in the background and wait for port 61616
#   broker.sh stop     stop it
#   broker.sh run      run it in the foreground
#   broker.sh status
# Data lives in jms-config/target/broker/data and survives restarts (not `mvn clean`).
set -euo pipefail
instance='@broker.instance@'
port=61616

listening() { (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; }

case "${1:-}" in
    create)
        if [ ! -d "$instance" ]; then
            '@artemis.home@/bin/artemis' create "$instance" --user herald --password herald-1 --require-login \
                --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor --no-web --silent
            # keep what `create` measured on this disk (perf-journal): the build's broker.xml uses it
            created="$instance/etc/broker.xml"
            {
                echo "herald.broker.journal-type=$(sed -n 's:.*<journal-type>\(.*\)</journal-type>.*:\1:p' "$created")"
                echo "herald.broker.journal-buffer-timeout=$(sed -n 's:.*<journal-buffer-timeout>\(.*\)</journal-buffer-timeout>.*:\1:p' "$created")"
            } > "$instance/journal.properties"
        fi
        # the TLS acceptor's key pair: made here, for this instance only
        keystore="$instance/etc/herald-broker.p12"
        if [ ! -f "$keystore" ]; then
            password='@herald.jms.tls.keystore-password@'
            keytool -genkeypair -alias herald-broker -keyalg RSA -keysize 2048 -validity 825 \
                -dname CN=localhost -ext SAN=dns:localhost,ip:127.0.0.1 \
                -storetype PKCS12 -keystore "$keystore" -storepass "$password" -keypass "$password" -noprompt
        fi
        ;;
    start)
        if listening; then echo "Something already listens on $port"; exit 0; fi
        "$instance/bin/artemis-service" start
        for _ in $(seq 1 60); do listening && { echo "Artemis broker up on tcp://localhost:$port"; exit 0; }; sleep 0.5; done
        echo "Artemis broker did not open port $port; see $instance/log/artemis.log" >&2; exit 1
        ;;
    stop)
        "$instance/bin/artemis-service" stop || true
        for _ in $(seq 1 60); do listening || exit 0; sleep 0.5; done
        echo "Artemis broker still listens on $port" >&2; exit 1
        ;;
    run) exec "$instance/bin/artemis" run ;;
    status) "$instance/bin/artemis-service" status ;;
    *) echo "usage: $0 create|start|stop|run|status" >&2; exit 2 ;;
esac
