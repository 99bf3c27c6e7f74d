package org.nanosynapse.device;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throughput of pulse updates on a {@link DevicePopulation}: each thread owns a contiguous slice of devices and
 * sweeps it, one pulse per device per sweep, until the time is up. A pulse counts when its device's new resistance
 * has been stored (so it is available to a reader). Used by {@code nanosynapse bench devices}.
 */
public final class DeviceBenchmark {
  private DeviceBenchmark() {}

  /** How pulses are chosen. */
  public enum Workload {
    /** SET pulses at the default amplitude, repeated: the steady state of training (pulse-number cache hits). */
    REPEATED_SET,
    /** SET and RESET alternate every sweep: every pulse recovers n from R (two powers per pulse). */
    ALTERNATING
  }

  /**
   * @param seconds wall time of the measurement, s
   * @param cpuSeconds CPU time the worker threads got, s (on a shared machine less than threads × seconds)
   * @param pulsesPerSecond pulse updates per wall-clock second, all threads together
   * @param pulsesPerCpuSecond pulse updates per second of CPU time actually received: the per-core speed, robust
   *     to other jobs taking cores away (not to their cache and memory-bandwidth use)
   * @param nanosPerPulsePerThread wall time per pulse on one thread, ns
   */
  public record Result(String noise, Workload workload, int threads, int devices, long pulses, double seconds,
      double cpuSeconds, double pulsesPerSecond, double pulsesPerCpuSecond, double nanosPerPulsePerThread) {}

  /** Runs one measurement: {@code warmupS} seconds unmeasured, then {@code measureS} seconds. */
  public static Result run(ParameterSet parameters, NonIdealities noise, String noiseLabel, Workload workload,
      int devices, int threads, double warmupS, double measureS, long seed) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads: must be >= 1, got " + threads);
    }
    DevicePopulation pop = new DevicePopulation(parameters, noise, devices, seed);
    double setV = parameters.defaultAmplitudeV(Polarity.SET);
    double resetV = parameters.hasReset() ? parameters.defaultAmplitudeV(Polarity.RESET) : Double.NaN;
    if (workload == Workload.ALTERNATING && !parameters.hasReset()) {
      throw new IllegalArgumentException("workload: parameter set '" + parameters.name() + "' has no RESET branch");
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "bench-devices");
      t.setDaemon(true);
      return t;
    });
    try {
      long[] cpuNanos = new long[1];
      sweepFor(pool, pop, workload, setV, resetV, threads, warmupS, cpuNanos);
      cpuNanos[0] = 0;
      long start = System.nanoTime();
      long pulses = sweepFor(pool, pop, workload, setV, resetV, threads, measureS, cpuNanos);
      double seconds = (System.nanoTime() - start) * 1e-9;
      double cpuSeconds = cpuNanos[0] * 1e-9;
      return new Result(noiseLabel, workload, threads, devices, pulses, seconds, cpuSeconds, pulses / seconds,
          cpuSeconds > 0 ? pulses / cpuSeconds : Double.NaN, seconds * 1e9 * threads / pulses);
    } finally {
      pool.shutdownNow();
    }
  }

  private static long sweepFor(ExecutorService pool, DevicePopulation pop, Workload workload, double setV,
      double resetV, int threads, double seconds, long[] cpuNanos) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    List<Future<Long>> parts = new ArrayList<>();
    int n = pop.size();
    for (int t = 0; t < threads; t++) {
      int from = (int) ((long) n * t / threads);
      int to = (int) ((long) n * (t + 1) / threads);
      parts.add(pool.submit(() -> {
        long cpu0 = mx.getCurrentThreadCpuTime();
        long pulses = 0;
        int sweep = 0;
        do {
          boolean reset = workload == Workload.ALTERNATING && (sweep & 1) == 1;
          pop.applyPulse(reset ? Polarity.RESET : Polarity.SET, reset ? resetV : setV, from, to);
          pulses += to - from;
          sweep++;
        } while (System.nanoTime() < deadline);
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        synchronized (cpuNanos) {
          cpuNanos[0] += cpu;
        }
        return pulses;
      }));
    }
    long total = 0;
    try {
      for (Future<Long> f : parts) {
        total += f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    return total;
  }
}
