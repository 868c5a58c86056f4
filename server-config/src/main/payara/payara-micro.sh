#!/usr/bin/env bash
# Herald on Payara Micro 6 (herald-micro.war) with the standalone Artemis broker.
#   payara-micro.sh run    start the broker, run Payara Micro in the foreground until Ctrl-C, then stop the broker
# The post-boot command file deploys the resource adapter and creates the
# resources (Payara Micro runs post-boot commands before --deploy archives).
# The build writes this script to server-config/target/payara-config with its directory filled in.
set -euo pipefail
target='@project.build.directory@'
broker=(bash "$target/broker.sh")

case "${1:-}" in
    run)
        # Ctrl-C reaches Maven too, which then ends without waiting for the stop: neither its TERM,
        # nor writing to its closed output (SIGPIPE), nor the terminal closing (SIGHUP) may cut it short
        trap 'trap "" INT TERM PIPE HUP; "${broker[@]}" stop' EXIT
        trap 'exit 130' INT TERM
        "${broker[@]}" start
        echo "Herald on Payara Micro: http://localhost:8080/api, health on http://localhost:8080/health. Ctrl-C stops it and the broker."
        java -jar "$target/payara-micro.jar" --nocluster --port 8080 \
            --prebootcommandfile "$target/payara-config/herald-micro-preboot.asadmin" \
            --postbootcommandfile "$target/payara-config/herald-micro-postboot.asadmin" \
            --deploy "$target/herald-micro.war"
        ;;
    *) echo "usage: $0 run" >&2; exit 2 ;;
esac
