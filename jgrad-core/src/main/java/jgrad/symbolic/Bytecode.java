package jgrad.symbolic;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.INIT_NAME;
import static java.lang.constant.ConstantDescs.MTD_void;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * A {@link Program} turned into JVM bytecode (JDK's {@code java.lang.classfile}, no dependency): one
 * hidden class whose loop over the points evaluates every instruction in local variables, so the JIT
 * keeps the whole formula in CPU registers and inlines Math.exp/sin/cos. Same operations in the same
 * order as the interpreter, so the results are bit-identical to it.
 */
final class Bytecode {
    private Bytecode() {}

    private static final ClassDesc CD_MATH = ClassDesc.of("java.lang.Math");
    private static final ClassDesc CD_PROGRAM = ClassDesc.of(Program.class.getName());
    private static final MethodTypeDesc D_D = MethodTypeDesc.of(CD_double, CD_double);
    private static final MethodTypeDesc DD_D = MethodTypeDesc.of(CD_double, CD_double, CD_double);
    private static final MethodTypeDesc DI_D = MethodTypeDesc.of(CD_double, CD_double, CD_int);
    // run(double[][] in, double[][] out, int from, int to)
    private static final MethodTypeDesc RUN = MethodTypeDesc.of(CD_void, CD_double.arrayType(2), CD_double.arrayType(2), CD_int, CD_int);
    private static final int IN = 1, OUT = 2, FROM = 3, TO = 4, I = 5, ARRAYS = 6;

    /** A method has at most 64 KB of code, and an instruction takes up to about 16 bytes: longer programs are interpreted. */
    static final int MAX_INSTRUCTIONS = 3_000;

    static Program.Kernel generate(Program p) {
        ClassDesc name = ClassDesc.of(Program.class.getPackageName() + ".GeneratedKernel");
        byte[] bytes = ClassFile.of().build(name, cb -> cb
                .withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC)
                .withInterfaceSymbols(ClassDesc.of(Program.Kernel.class.getName()))
                .withMethodBody(INIT_NAME, MTD_void, ClassFile.ACC_PUBLIC,
                        b -> b.aload(0).invokespecial(CD_Object, INIT_NAME, MTD_void).return_())
                .withMethodBody("run", RUN, ClassFile.ACC_PUBLIC, b -> body(b, p)));
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return (Program.Kernel) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("could not generate the evaluator: " + e, e);
        }
    }

    private static void body(CodeBuilder b, Program p) {
        int vars = p.variables(), outs = p.outputs();
        int doubles = ARRAYS + vars + outs; // first slot of the double registers, two slots each
        for (int v = 0; v < vars; v++) { // double[] x_v = in[v]
            b.aload(IN).loadConstant(v).aaload().astore(ARRAYS + v);
        }
        for (int k = 0; k < outs; k++) {
            b.aload(OUT).loadConstant(k).aaload().astore(ARRAYS + vars + k);
        }
        Label top = b.newLabel(), end = b.newLabel();
        b.iload(FROM).istore(I).labelBinding(top);
        b.iload(I).iload(TO).if_icmpge(end);
        for (int v = 0; v < vars; v++) {
            b.aload(ARRAYS + v).iload(I).daload().dstore(doubles + 2 * v);
        }
        for (Program.Instr in : p.code()) {
            load(b, p, in.a(), doubles);
            switch (in.op()) {
                case ADD, SUB, MUL, DIV -> {
                    load(b, p, in.b(), doubles);
                    switch (in.op()) {
                        case ADD -> b.dadd();
                        case SUB -> b.dsub();
                        case MUL -> b.dmul();
                        default -> b.ddiv();
                    }
                }
                case SQUARE -> b.dup2().dmul();
                case CUBE -> { // a*a*a in the interpreter's order: (a*a)*a
                    b.dup2().dup2().dmul().dmul();
                }
                case POWI -> b.loadConstant(in.n()).invokestatic(CD_PROGRAM, "powi", DI_D);
                case POW, MAX, MIN -> {
                    load(b, p, in.b(), doubles);
                    b.invokestatic(CD_MATH, in.op().name().toLowerCase(java.util.Locale.ROOT), DD_D);
                }
                case SIGMOID, HEAVISIDE -> b.invokestatic(CD_PROGRAM, in.op().name().toLowerCase(java.util.Locale.ROOT), D_D);
                case SQRT, EXP, LOG, SIN, COS, TAN, TANH, ABS -> b.invokestatic(CD_MATH, in.op().name().toLowerCase(java.util.Locale.ROOT), D_D);
                case SIGN -> b.invokestatic(CD_MATH, "signum", D_D);
            }
            b.dstore(doubles + 2 * in.dst());
        }
        for (int k = 0; k < outs; k++) {
            b.aload(ARRAYS + vars + k).iload(I);
            load(b, p, p.output(k), doubles);
            b.dastore();
        }
        b.iinc(I, 1).goto_(top).labelBinding(end).return_();
    }

    private static void load(CodeBuilder b, Program p, int register, int doubles) {
        if (p.isConstant(register)) {
            b.loadConstant(p.constant(register));
        } else {
            b.dload(doubles + 2 * register);
        }
    }
}
