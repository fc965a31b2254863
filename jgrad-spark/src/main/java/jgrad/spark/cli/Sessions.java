package jgrad.spark.cli;

import java.util.List;
import jgrad.cli.Flags;
import jgrad.spark.SparkTrainer;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The Spark session of one command: the master and settings given, else spark-submit's, else all local cores. */
final class Sessions {
    private Sessions() {}

    /** The Spark setting of the fault test hook: "EPOCH,STEP,PARTITION" fails that task's first attempt once. */
    static final String FAIL_ONCE = "spark.jgrad.test.failOnce";

    /** Whether a session was running before this command (a test's, a notebook's): then it is left running. */
    static boolean running() {
        return SparkSession.getDefaultSession().isDefined();
    }

    static SparkSession start(String master, List<String> conf) {
        SparkConf c = new SparkConf(); // picks up spark-submit's settings (spark.* system properties)
        for (String kv : conf) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw Flags.bad("--conf", kv, "KEY=VALUE, e.g. spark.executor.memory=4g");
            c.set(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
        }
        if (master != null) c.setMaster(master);
        else if (!c.contains("spark.master")) c.setMaster("local[*]");
        if (c.get("spark.master").startsWith("local")) {
            c.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            c.setIfMissing("spark.driver.host", "127.0.0.1");
        }
        c.setIfMissing("spark.app.name", "jgrad spark train");
        c.setIfMissing("spark.ui.showConsoleProgress", "false");
        c.setIfMissing("spark.sql.shuffle.partitions", "8");
        SparkSession spark = SparkSession.builder().config(c).getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    static SparkTrainer.FailOnce failOnce(SparkSession spark) {
        if (!spark.conf().contains(FAIL_ONCE)) return null;
        String[] v = spark.conf().get(FAIL_ONCE).split(",");
        return new SparkTrainer.FailOnce(Integer.parseInt(v[0].strip()), Integer.parseInt(v[1].strip()), Integer.parseInt(v[2].strip()));
    }
}
