#!/usr/bin/env bash
# After-measurement candidate (code change, measured on a COPY of the EAR only):
# JsonEventFormat resolves jakarta.json's provider once instead of on every
# Json.createObjectBuilder()/createReader()/createValue() (each call runs a
# ServiceLoader scan of the deployment's jars under jboss-modules).
#
#   server/patches/ear-json-provider.sh <in.ear> <out.ear>
# then: bench/run --ear <out.ear> ...
set -euo pipefail
IN="$(realpath "$1")"; OUT="$(realpath -m "$2")"
BENCH="$(cd "$(dirname "$0")/../.." && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
W="$BENCH/target/ear-patch"
rm -rf "$W"; mkdir -p "$W/ear" "$W/src" "$W/classes"
(cd "$W/ear" && unzip -q "$IN")
SRC="$W/src/JsonEventFormat.java"
cp "$ROOT/events/src/main/java/org/herald/events/json/JsonEventFormat.java" "$SRC"
python3 - "$SRC" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
s = s.replace("public final class JsonEventFormat implements EventFormat {\n",
              "public final class JsonEventFormat implements EventFormat {\n\n"
              "    /** Resolved once: Json.createXxx() looks the provider up (ServiceLoader) on every call. */\n"
              "    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();\n", 1)
for a in ("createObjectBuilder(", "createReader(", "createValue("):
    s = s.replace("Json." + a, "JSON." + a)
open(p, "w").write(s)
PY
grep -q 'JSON.createReader' "$SRC" || { echo "patch did not apply" >&2; exit 1; }
CP="$W/ear/lib/*:$BENCH/target/lib/jakarta.json-api-2.1.3.jar"
javac -q 2>/dev/null || true
javac --release 17 -nowarn -d "$W/classes" -cp "$CP" "$SRC"
cp "$W/ear/lib/events.jar" "$W/events.jar"
(cd "$W/classes" && jar uf "$W/events.jar" org/herald/events/json/JsonEventFormat*.class)
cp "$W/events.jar" "$W/ear/lib/events.jar"
rm -f "$OUT"
(cd "$W/ear" && zip -q -r -X "$OUT" .)
echo "patched EAR: $OUT"
