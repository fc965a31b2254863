package jgrad.cli.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Times one region as the peers' report.py does: wall seconds, cores this process kept busy
 * (cpu_over_wall) and cores other processes kept busy meanwhile (other_cores, from /proc/stat), so
 * that a run disturbed by the shared machine can be recognised.
 */
public final class Timer {
    private long wall0;
    private double cpu0, machine0;
    double seconds, cpuOverWall, otherCores;

    void start() {
        machine0 = machineBusySeconds();
        cpu0 = processCpuSeconds();
        wall0 = System.nanoTime();
    }

    void stop() {
        seconds = (System.nanoTime() - wall0) / 1e9;
        double cpu = processCpuSeconds() - cpu0;
        otherCores = Math.max(0, (machineBusySeconds() - machine0 - cpu) / seconds);
        cpuOverWall = cpu / seconds;
    }

    /** The timing keys of a result line. */
    void into(Map<String, Object> result) {
        result.put("seconds", seconds);
        result.put("cpu_over_wall", Math.round(cpuOverWall * 1000) / 1000.0);
        result.put("other_cores", Math.round(otherCores * 1000) / 1000.0);
    }

    static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** Busy CPU-seconds of the whole machine (user, nice, system, irq, softirq, steal at USER_HZ = 100); NaN off Linux. */
    static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) busy += Long.parseLong(f[i]);
            return busy / 100.0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception e) {
            return Double.NaN;
        }
    }
}
