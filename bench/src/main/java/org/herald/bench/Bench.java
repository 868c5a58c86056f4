package org.herald.bench;

import java.nio.file.Path;
import java.util.Arrays;

/** Entry point of the bench tools: {@code Bench <command> --key value ...}. Called by bench/run. */
public final class Bench {

    private Bench() {}

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.println(
                    "usage: Bench run|probe|facts|sample|raw-import|two-hop|drain|pipeline|order|kill-round|kill-verify|http|report --key value ...");
            System.exit(2);
        }
        Args args = new Args(Arrays.copyOfRange(argv, 1, argv.length));
        switch (argv[0]) {
            case "run" -> {
                try {
                    BenchRun.run(args, Path.of(System.getProperty("bench.dir", "bench")));
                } catch (IllegalStateException e) { // a step failed: its message names the file that says why
                    BenchRun.log("FAILED: %s", e.getMessage());
                    System.exit(1);
                }
            }
            case "probe" -> Probe.run(args);
            case "sample" -> ProcSampler.runStandalone(args);
            case "raw-import" -> RawImport.run(args);
            case "facts" -> Facts.run(args);
            case "two-hop" -> TwoHop.run(args);
            case "drain" -> Drain.run(args);
            case "pipeline" -> Pipeline.run(args);
            case "order" -> SequencedOrder.run(args);
            case "kill-round" -> KillRound.run(args);
            case "kill-verify" -> KillVerify.run(args);
            case "http" -> HttpLoad.run(args);
            case "report" -> Report.run(args);
            default -> {
                System.err.println("unknown command " + argv[0]);
                System.exit(2);
            }
        }
        System.exit(0);
    }
}
