#!/usr/bin/env bash
# After-measurement candidate (code change, measured on a COPY of the EAR only):
# one shared Jsonb for JAX-RS. Without a ContextResolver<Jsonb>, RESTEasy's
# JsonBindingProvider builds a new Jsonb (JsonbBuilder.create(): a ServiceLoader
# scan plus an empty class-model cache) for every request body it reads and
# every response it writes. The class added here is the proposed
# web/src/main/java/org/herald/web/SharedJsonb.java.
#
#   server/patches/ear-shared-jsonb.sh <in.ear> <out.ear>
set -euo pipefail
IN="$(realpath "$1")"; OUT="$(realpath -m "$2")"
BENCH="$(cd "$(dirname "$0")/../.." && pwd)"
W="$BENCH/target/ear-patch-jsonb"
rm -rf "$W"; mkdir -p "$W/ear" "$W/war" "$W/src/org/herald/web" "$W/classes"
(cd "$W/ear" && unzip -q "$IN")
(cd "$W/war" && unzip -q "$W/ear/web.war")
cat > "$W/src/org/herald/web/SharedJsonb.java" <<'JAVA'
package org.herald.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** One Jsonb for every request and response: Jsonb is thread-safe and caches its class models. */
@Provider
public class SharedJsonb implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
JAVA
javac --release 17 -nowarn -d "$W/classes" \
    -cp "$HOME/.m2/repository/jakarta/platform/jakarta.jakartaee-api/10.0.0/jakarta.jakartaee-api-10.0.0.jar" \
    "$W/src/org/herald/web/SharedJsonb.java"
mkdir -p "$W/war/WEB-INF/classes/org/herald/web"
cp "$W/classes/org/herald/web/SharedJsonb.class" "$W/war/WEB-INF/classes/org/herald/web/"
rm -f "$W/ear/web.war"
(cd "$W/war" && zip -q -r -X "$W/ear/web.war" .)
rm -f "$OUT"
(cd "$W/ear" && zip -q -r -X "$OUT" .)
echo "patched EAR: $OUT"
