package org.herald.bench;

/** {@code facts}: what the bench's server runs on, read from the server ({@link ServerFacts}), into phases/server.json. */
final class Facts {

    private Facts() {}

    static void run(Args args) throws Exception {
        PhaseContext ctx = new PhaseContext(args);
        try (ServerJmx jmx = ctx.jmx()) {
            var facts = ServerFacts.read(jmx);
            JsonFiles.write(ctx.phases().resolve("server.json"), facts);
            System.out.println("server: " + facts.getString("runtime") + ", database "
                    + facts.getJsonObject("database").getString("connection_url") + ", " + facts.getString("jvm"));
        }
    }
}
