package jgrad.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import jgrad.cli.Main;
import jgrad.cli.UserException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every number of a model file is checked on load, and a checksum catches what a check cannot. */
class ModelIntegrityTest {
    @TempDir Path dir;
    private String classes, numbers;

    @BeforeEach
    void train() throws Exception {
        StringBuilder csv = new StringBuilder("a,b,y,v\n");
        for (int i = 0; i < 40; i++) csv.append(i % 7).append(',').append(i % 3 == 0 ? "u" : "w").append(',').append(i % 2 == 0 ? "x" : "z").append(',').append(i * 0.5).append('\n');
        Files.writeString(dir.resolve("d.csv"), csv);
        var out = new java.io.PrintWriter(java.io.Writer.nullWriter());
        assertEquals(0, Main.run(out, out, "train", "--data", dir.resolve("d.csv").toString(), "--target", "y", "--epochs", "2", "--out", dir.resolve("c.json").toString()));
        assertEquals(0, Main.run(out, out, "train", "--data", dir.resolve("d.csv").toString(), "--target", "v", "--epochs", "2", "--out", dir.resolve("n.json").toString()));
        classes = Files.readString(dir.resolve("c.json"));
        numbers = Files.readString(dir.resolve("n.json"));
    }

    private String fails(String json) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, json);
        String e = assertThrows(UserException.class, () -> ModelFile.read(f)).getMessage();
        assertTrue(e.startsWith(f.toString()), "names the file: " + e);
        return e;
    }

    private void loads(String json) throws Exception {
        Path f = dir.resolve("ok.json");
        Files.writeString(f, json);
        ModelFile.read(f);
    }

    @Test
    void oneFlippedBitInAWeightIsCaught() throws Exception {
        int at = classes.indexOf("\"weight\" : [[") + 14;
        while (!Character.isDigit(classes.charAt(at)) || classes.charAt(at) == '0') at++;
        String flipped = classes.substring(0, at) + (char) (classes.charAt(at) ^ 1) + classes.substring(at + 1);
        assertTrue(fails(flipped).contains("checksum does not match the content: the file was changed or damaged after it was saved"));
    }

    /** As a version 1 file, which has no checksum: only the checks stand between it and a wrong model. */
    private static String v1(String json) {
        return json.replace("\"version\" : 2", "\"version\" : 1").replaceAll(",\\s*\"checksum\" : \"[^\"]*\"", "");
    }

    @Test
    void biasesOffsetsAndTargetScaleAreCheckedInFilesWithoutChecksum() throws Exception {
        assertTrue(fails(v1(classes.replaceFirst("\"bias\" : \\[[^,\\]]+", "\"bias\" : [1e999"))).contains("layer 1 (linear) has a non-finite bias Infinity"));
        String nan = fails(v1(classes.replaceFirst("\"bias\" : \\[[^,\\]]+", "\"bias\" : [\"NaN\"")));
        assertTrue(nan.contains("non-finite bias NaN") || nan.contains("field 'layers[0].bias[0]' has the wrong type"), nan);
        assertTrue(fails(v1(numbers.replaceFirst("(\"target\" : \\{[^}]*\"scale\" : )", "$1-"))).contains("the target has scale -"));
        assertTrue(fails(v1(numbers.replaceFirst("(\"target\" : \\{[^}]*\"offset\" : )[^,\\n]+", "$11e999"))).contains("target offset is Infinity"));
        assertTrue(fails(v1(classes.replaceFirst("\"offset\" : [^,\\n]+", "\"offset\" : 1e999"))).contains("offset of feature 'a' is Infinity"));
        assertTrue(fails(numbers.replaceFirst("(\"target\" : \\{[^}]*\"scale\" : )", "$1-")).contains("checksum does not match"), "and with one, the checksum");
    }

    @Test
    void exactlyOneDocumentWithAnIntegerVersionAndUniqueNames() throws Exception {
        assertTrue(fails(classes + "garbage").contains("corrupt model file"));
        assertTrue(fails(classes + classes).contains("corrupt model file"));
        assertTrue(fails(classes.replace("\"version\" : 2", "\"version\" : \"2\"")).contains("field 'version' has the wrong type"));
        assertTrue(fails(classes.replace("\"version\" : 2", "\"version\" : 2.5")).contains("field 'version' has the wrong type"));
        assertTrue(fails(ModelFileTest.signed(classes.replace("[\"x\",\"z\"]", "[\"x\",\"x\"]"))).contains("the target has the class 'x' twice"));
        assertTrue(fails(classes.replace("\"format\" : \"jgrad-model\",", "\"format\" : \"jgrad-model\", \"format\" : \"jgrad-model\",")).contains("corrupt model file"));
    }

    @Test
    void oldFilesWithoutChecksumStillLoadNewOnesMustHaveIt() throws Exception {
        String old = v1(classes).replaceAll(",\\s*\"fill\" : [^,\\n]+", "");
        assertFalse(old.contains("checksum"));
        loads(old);
        assertTrue(fails(classes.replaceAll(",\\s*\"checksum\" : \"[^\"]*\"", "")).contains("has no checksum"));
        loads(classes.replace(" : ", ":").replace("\n", "\n\n    ")); // re-indented: same content, same checksum
    }

    @Test
    void aSaveRemovesTheTemporaryFilesOfKilledSaves() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        Path killed = dir.resolve(".c.json.jgrad-" + done.pid() + "-1a2b.tmp");
        Path running = dir.resolve(".c.json.jgrad-" + ProcessHandle.current().pid() + "-3c4d.tmp");
        Path someoneElses = dir.resolve(".c.json.other.tmp");
        for (Path p : new Path[] {killed, running, someoneElses}) Files.writeString(p, "half a model");
        ModelFile.write(ModelFile.read(dir.resolve("c.json")), dir.resolve("c.json"));
        assertFalse(Files.exists(killed), "the dead writer's leftover is removed");
        assertTrue(Files.exists(running) && Files.exists(someoneElses), "a live writer's file and unrelated files stay");
    }
}
