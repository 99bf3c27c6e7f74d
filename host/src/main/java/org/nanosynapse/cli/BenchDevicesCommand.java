package org.nanosynapse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nanosynapse.device.DeviceBenchmark;
import org.nanosynapse.device.NonIdealities;
import org.nanosynapse.device.ParameterSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nanosynapse bench devices}: pulse updates per second, 1 thread and all cores, noise off and on. */
@Command(
    name = "devices",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Pulse updates per second on a device population, on 1 thread and on all cores, noise off and on.",
      "A pulse counts when the device's new resistance is stored. Noise on = 15 %% device-to-device spread of R0,"
          + " R1, a, R_init plus 10 %% cycle-to-cycle pulse noise (one Gaussian draw per pulse)."
    })
public final class BenchDevicesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--devices", paramLabel = "N", defaultValue = "1000000",
      description = "Population size (default: ${DEFAULT-VALUE}).")
  int devices;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "2",
      description = "Measured time per case, s (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "1",
      description = "Unmeasured warm-up per case, s (default: ${DEFAULT-VALUE}).")
  double warmupSeconds;

  @Option(names = "--threads", paramLabel = "T", split = ",",
      description = "Thread counts to measure (default: 1 and the number of cores).")
  List<Integer> threads;

  @Option(names = "--workload", paramLabel = "W", split = ",", defaultValue = "REPEATED_SET,ALTERNATING",
      description = "REPEATED_SET (steady training), ALTERNATING (SET/RESET every sweep) (default: ${DEFAULT-VALUE}).")
  List<DeviceBenchmark.Workload> workloads;

  @Option(names = "--param-set", paramLabel = "NAME|FILE", defaultValue = "groningen-2021",
      description = "Parameter set (default: ${DEFAULT-VALUE}).")
  String paramSet;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format.")
  String format;

  @Override
  public Integer call() throws Exception {
    ParameterSet parameters = ParameterSetArgument.resolve(paramSet);
    if (devices < 1) {
      throw new BadInputException("devices: must be >= 1, got " + devices);
    }
    if (!(seconds > 0) || !(warmupSeconds >= 0) || seconds > 600 || warmupSeconds > 600) {
      throw new BadInputException("seconds: measured and warm-up times must be in (0, 600] s");
    }
    if (!format.equals("text") && !format.equals("json")) {
      throw new BadInputException("format: must be text or json, got '" + format + "'");
    }
    int cores = Runtime.getRuntime().availableProcessors();
    List<Integer> threadCounts = threads == null ? (cores > 1 ? List.of(1, cores) : List.of(1)) : threads;
    for (int t : threadCounts) {
      if (t < 1) {
        throw new BadInputException("threads: must be >= 1, got " + t);
      }
    }
    NonIdealities on = NonIdealities.PUBLISHED.withPulseNoise(0.1);
    PrintWriter out = spec.commandLine().getOut();
    List<DeviceBenchmark.Result> results = new ArrayList<>();
    if (format.equals("text")) {
      out.println("Mpulses/s = wall clock, all threads; /thr = per thread; /cpu-s = per second of CPU time received"
          + " (per-core speed); cpu-share = CPU time received / (threads x wall time).");
      out.printf(Locale.ROOT, "bench devices: %d devices (%s), %d cores, %.1f s per case after %.1f s warm-up%n",
          devices, parameters.name(), cores, seconds, warmupSeconds);
      out.printf(Locale.ROOT, "%-6s %-13s %7s %12s %14s %16s %10s%n", "noise", "workload", "threads",
          "Mpulses/s", "Mpulses/s/thr", "Mpulses/cpu-s", "cpu-share");
      out.flush();
    }
    for (DeviceBenchmark.Workload w : workloads) {
      for (String label : List.of("off", "on")) {
        for (int t : threadCounts) {
          DeviceBenchmark.Result r = DeviceBenchmark.run(parameters, label.equals("on") ? on : NonIdealities.NONE,
              label, w, devices, t, warmupSeconds, seconds, 1);
          results.add(r);
          if (format.equals("text")) {
            out.printf(Locale.ROOT, "%-6s %-13s %7d %12.1f %14.1f %16.1f %9.0f%%%n", label, w, t,
                r.pulsesPerSecond() / 1e6, r.pulsesPerSecond() / 1e6 / t, r.pulsesPerCpuSecond() / 1e6,
                100 * r.cpuSeconds() / (r.seconds() * t));
            out.flush();
          }
        }
      }
    }
    if (format.equals("json")) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("devices", devices);
      m.put("cores", cores);
      m.put("noise_on", "15 % device-to-device spread (R0, R1, a, R_init) + 10 % cycle-to-cycle pulse noise");
      m.put("results", results);
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
    }
    out.flush();
    return NanoSynapse.EXIT_OK;
  }
}
