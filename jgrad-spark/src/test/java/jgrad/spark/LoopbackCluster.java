package jgrad.spark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark standalone cluster on 127.0.0.1: one master and {@code workers} workers of one core each,
 * as child JVMs on this JVM's class path, on ephemeral ports. The workers start executors from the
 * same class path ({@code SPARK_HOME} is an empty stand-in: no Spark distribution is needed).
 */
public final class LoopbackCluster implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final Path home;
    final String master;

    public LoopbackCluster(int workers, String workerMemory) throws IOException {
        home = Files.createTempDirectory("jgrad-spark-cluster");
        Files.createDirectories(home.resolve("jars"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        master = "spark://127.0.0.1:" + port;
        processes.add(start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", "0"));
        for (int w = 0; w < workers; w++) {
            processes.add(start("worker" + w, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port", "0", "--webui-port", "0",
                    "--cores", "1", "--memory", workerMemory, "--work-dir", home.resolve("work" + w).toString(), master));
        }
    }

    private Process start(String name, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        cmd.addAll(opens());
        cmd.addAll(List.of("-Dspark.master.rest.enabled=false", "-Dspark.ui.enabled=true", "-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(home.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        return pb.start();
    }

    /** The --add-opens this JVM was started with (surefire's argLine), for the children and their executors. */
    static List<String> opens() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-modules") || a.startsWith("--enable-native-access") || a.startsWith("--sun-misc")
                        || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty"))
                .toList();
    }

    /** A driver in this JVM on the cluster, with {@code cores} executor cores; waits (bounded) until they have registered. */
    public SparkSession session(int cores, String executorMemory) throws InterruptedException {
        SparkSession s = SparkSession.builder().master(master).appName("jgrad-spark cluster").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1").config("spark.ui.enabled", false).config("spark.cores.max", cores)
                .config("spark.executor.cores", 1).config("spark.executor.memory", executorMemory)
                .config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .config("spark.executor.extraJavaOptions", String.join(" ", opens()) + " -Djgrad.threads=1")
                .config("spark.sql.shuffle.partitions", cores).config("spark.ui.showConsoleProgress", false).getOrCreate();
        s.sparkContext().setLogLevel("ERROR");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (s.sparkContext().statusTracker().getExecutorInfos().length < cores + 1) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("executors did not register within 90 s; see the logs in " + home);
            Thread.sleep(200);
        }
        return s;
    }

    @Override
    public void close() {
        closeProcesses();
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    private void closeProcesses() {
        for (Process p : processes.reversed()) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
