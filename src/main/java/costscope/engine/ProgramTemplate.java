package costscope.engine;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandles;

/**
 * The code of a {@link Programs fixed program}: up to {@link #SIZE} steps run in order, then the rest of the program.
 * This class is never loaded as itself; {@link Programs} defines hidden copies of its bytes, one per stretch of a
 * program, each with its steps as class data. The steps then sit in {@code static final} fields, constants to the JIT
 * compiler, so each call below goes to one known step and is inlined, where a loop over an array of steps makes one call
 * site for every kind of step (a megamorphic call, never inlined). No code is generated: every copy runs these bytes,
 * and a scenario file supplies data only.
 */
final class ProgramTemplate implements CompiledScenario.Step {
    /** Steps per copy. */
    static final int SIZE = 24;

    private static final CompiledScenario.Step S0;
    private static final CompiledScenario.Step S1;
    private static final CompiledScenario.Step S2;
    private static final CompiledScenario.Step S3;
    private static final CompiledScenario.Step S4;
    private static final CompiledScenario.Step S5;
    private static final CompiledScenario.Step S6;
    private static final CompiledScenario.Step S7;
    private static final CompiledScenario.Step S8;
    private static final CompiledScenario.Step S9;
    private static final CompiledScenario.Step S10;
    private static final CompiledScenario.Step S11;
    private static final CompiledScenario.Step S12;
    private static final CompiledScenario.Step S13;
    private static final CompiledScenario.Step S14;
    private static final CompiledScenario.Step S15;
    private static final CompiledScenario.Step S16;
    private static final CompiledScenario.Step S17;
    private static final CompiledScenario.Step S18;
    private static final CompiledScenario.Step S19;
    private static final CompiledScenario.Step S20;
    private static final CompiledScenario.Step S21;
    private static final CompiledScenario.Step S22;
    private static final CompiledScenario.Step S23;
    /** The rest of the program (the next copy), or nothing. */
    private static final CompiledScenario.Step NEXT;

    static {
        CompiledScenario.Step[] d;
        try {
            d = MethodHandles.classData(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, CompiledScenario.Step[].class);
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
        // the class data: SIZE steps (unused ones are Programs.NOTHING) and the rest of the program
        S0 = d[0];
        S1 = d[1];
        S2 = d[2];
        S3 = d[3];
        S4 = d[4];
        S5 = d[5];
        S6 = d[6];
        S7 = d[7];
        S8 = d[8];
        S9 = d[9];
        S10 = d[10];
        S11 = d[11];
        S12 = d[12];
        S13 = d[13];
        S14 = d[14];
        S15 = d[15];
        S16 = d[16];
        S17 = d[17];
        S18 = d[18];
        S19 = d[19];
        S20 = d[20];
        S21 = d[21];
        S22 = d[22];
        S23 = d[23];
        NEXT = d[SIZE];
    }

    @Override
    public void run(double[] s) {
        S0.run(s);
        S1.run(s);
        S2.run(s);
        S3.run(s);
        S4.run(s);
        S5.run(s);
        S6.run(s);
        S7.run(s);
        S8.run(s);
        S9.run(s);
        S10.run(s);
        S11.run(s);
        S12.run(s);
        S13.run(s);
        S14.run(s);
        S15.run(s);
        S16.run(s);
        S17.run(s);
        S18.run(s);
        S19.run(s);
        S20.run(s);
        S21.run(s);
        S22.run(s);
        S23.run(s);
        NEXT.run(s);
    }
}
