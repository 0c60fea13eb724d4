package costscope.engine;

import costscope.model.Distribution;
import costscope.model.Range;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The samples of one uncertain driver: its {@link Range}'s distribution, truncated to the driver's min and max where
 * it gives them. Immutable, so one sampler may be shared by threads.
 *
 * <p>The parameters (the contract):
 * <ul>
 * <li>uniform, triangular, PERT: {@code low} and {@code high} are the ends, {@code mode} the peak (the midpoint when
 * absent; uniform has none). PERT is Beta-PERT with weight 4 on the mode: Beta(alpha, beta) on [low, high] with
 * alpha = 1 + 4 (mode - low) / (high - low), beta = 1 + 4 (high - mode) / (high - low);</li>
 * <li>normal: {@code low} and {@code high} are the 5th and 95th percentiles (mean = (low + high) / 2,
 * sd = (high - low) / (2 x 1.6448536...)), or {@code mean} and {@code sd} are given instead;</li>
 * <li>lognormal: the same on ln(low) and ln(high), so low must be above 0.</li>
 * </ul>
 * A zero-width range ({@code low == high}, or {@code sd == 0}) gives exactly that value in every sample.
 *
 * <p><b>Truncation.</b> With the driver's min and max, a sample is the quantile of u drawn uniformly from
 * [F(min), F(max)] (F the range's own CDF): cut and renormalised, never clipped, so no sample piles up at a bound. To keep
 * full precision in either tail, a probability above the distribution's hand-over point is carried as its complement
 * 1 - F (the survival function), so a range truncated deep in its upper tail still samples accurately.
 *
 * <p><b>Speed.</b> {@link #quantile} costs a few to a few dozen nanoseconds: uniform and triangular are closed forms,
 * normal and lognormal use Wichura's AS 241 (full double precision), and PERT uses inverse-CDF tables built once per
 * sampler (see {@link BetaHalf}: cubic Hermite interpolation in p by octaves, and in t = p^(1/alpha) for the smallest p,
 * error below 1e-11 of the range's width, shown at every interval of both by {@code SamplerTest}).
 */
final class Sampler {
    /** The standard normal's 95th percentile, 1.6448536...: normal and lognormal low and high are P5 and P95. */
    static final double Z95 = -normalLower(0.05);
    /** Intervals of each half of a PERT sampler's inverse-CDF table. */
    static final int TABLE_INTERVALS = 512;

    /** The shape before truncation; null for a zero-width range. */
    private final Shape shape;
    /** The value of a zero-width range. */
    private final double constant;
    /** The truncated support: [max(min, bottom), min(max, top)]. */
    private final double lo;
    private final double hi;
    /** The shape's hand-over probability, F(lo), 1 - F(lo) and F(hi) - F(lo). */
    private final double split;
    private final double pLo;
    private final double sLo;
    private final double mass;

    private Sampler(Shape shape, double constant, double lo, double hi, double pLo, double sLo, double mass) {
        this.shape = shape;
        this.constant = constant;
        this.lo = lo;
        this.hi = hi;
        this.split = shape == null ? 0 : shape.split;
        this.pLo = pLo;
        this.sLo = sLo;
        this.mass = mass;
    }

    /**
     * The sampler of a range, truncated to {@code min} and {@code max} where they are not null.
     *
     * @throws IllegalArgumentException when the parameters do not make a distribution (the message says which:
     *                                  {@link #problem})
     */
    static Sampler of(Range r, Double min, Double max) {
        return build(r, min, max, true);
    }

    /**
     * What is wrong with a range on a driver with this min and max, as a short message naming the field, or null when
     * {@link #of} accepts it. Cheap: it builds no table.
     */
    static String problem(Range r, Double min, Double max) {
        Fault f = fault(r, min, max);
        return f == null ? null : f.message();
    }

    /**
     * What is wrong with a range: the message and the range's field it is about ({@code low}, {@code high},
     * {@code mode}, {@code mean}, {@code sd}, {@code distribution}; null for the range as a whole, such as a range
     * outside the driver's min and max), so that a form can show it at that field.
     */
    record Fault(String field, String message) {
    }

    /** What is wrong with a range on a driver with this min and max ({@link Fault}), or null when {@link #of} accepts it. */
    static Fault fault(Range r, Double min, Double max) {
        try {
            build(r, min, max, false);
            return null;
        } catch (Invalid e) {
            return new Fault(e.field, e.getMessage());
        }
    }

    /**
     * The truncated distribution's quantile at {@code u} in [0, 1): finite, within the driver's min and max,
     * non-decreasing in u (to rounding). (u = 1 gives the upper end.)
     */
    double quantile(double u) {
        if (shape == null) return constant;
        double p = pLo + u * mass;
        double x = shape.at(p <= split, p, Math.max(0, sLo - u * mass));
        return x < lo ? lo : x > hi ? hi : x;
    }

    /** The truncated distribution's CDF: 0 below the lower end (and at it), 1 from the upper end on. */
    double cdf(double x) {
        if (Double.isNaN(x)) return Double.NaN;
        if (shape == null) return x < constant ? 0 : 1;
        if (x <= lo) return 0;
        if (x >= hi) return 1;
        double f = shape.cdf(x);
        double c = f <= split ? (f - pLo) / mass : (sLo - shape.sf(x)) / mass;
        return Math.min(1, Math.max(0, c));
    }

    /**
     * Fills {@code out} with independent samples, one {@code rng.nextDouble()} each (deterministic given its seed; a
     * zero-width range draws none).
     */
    void fill(double[] out, SplittableRandom rng) {
        fill(out, 0, out.length, rng);
    }

    /**
     * Fills {@code out[from..to)} as {@link #fill(double[], SplittableRandom)} does: the uniforms first, then their
     * quantiles in place (two tight loops run faster than one that interleaves the generator and the inverse).
     */
    void fill(double[] out, int from, int to, SplittableRandom rng) {
        if (shape == null) {
            Arrays.fill(out, from, to, constant);
            return;
        }
        for (int i = from; i < to; i++) out[i] = rng.nextDouble();
        if (shape instanceof Pert pert) {   // the common case: its own loop, in Pert
            pert.fill(out, from, to, pLo, sLo, mass, lo, hi);
            return;
        }
        for (int i = from; i < to; i++) out[i] = quantile(out[i]);
    }

    // ------------------------------------------------------------------------------------------- construction

    /** A range the sampler refuses; its message is the user-facing problem, {@code field} the range's field it is about. */
    private static final class Invalid extends IllegalArgumentException {
        final transient String field;

        Invalid(String message) {
            this(null, message);
        }

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    private static Sampler build(Range r, Double min, Double max, boolean tabulate) {
        if (r == null) throw new Invalid("distribution", "no range");
        Distribution d = r.distribution();
        if (d == null) throw new Invalid("distribution", "give a distribution: uniform, triangular, pert, normal or lognormal");
        finite("low", r.low());
        finite("high", r.high());
        finite("mode", r.mode());
        finite("mean", r.mean());
        finite("sd", r.sd());
        finite("the driver's min", min);
        finite("the driver's max", max);
        if (min != null && max != null && min > max) throw new Invalid("the driver's min must be below its max");
        String name = d.name().toLowerCase(java.util.Locale.ROOT);
        Shape shape;
        double constant = Double.NaN;
        switch (d) {
            case UNIFORM, TRIANGULAR, PERT -> {
                if (r.mean() != null || r.sd() != null) {
                    throw new Invalid(r.mean() != null ? "mean" : "sd", article(name) + " range takes low and high, not mean and sd");
                }
                if (d == Distribution.UNIFORM && r.mode() != null) {
                    throw new Invalid("mode", "a uniform range has no mode (triangular and pert have one)");
                }
                double low = need(r.low(), r.high());
                double high = r.high();
                if (high < low) throw new Invalid("high", "high must be above low");
                double mode = r.mode() != null ? r.mode() : 0.5 * low + 0.5 * high;
                if (mode < low || mode > high) throw new Invalid("mode", "mode must be between low and high");
                if (!Double.isFinite(high - low)) throw new Invalid("high", "the range is too wide: high - low must be a finite number");
                if (low == high) {
                    shape = null;
                    constant = low;
                } else if (d == Distribution.UNIFORM) {
                    shape = new Uniform(low, high);
                } else if (d == Distribution.TRIANGULAR) {
                    shape = new Triangular(low, mode, high);
                } else {
                    double w = high - low;
                    double alpha = 1 + 4 * ((mode - low) / w);
                    double beta = 1 + 4 * ((high - mode) / w);
                    shape = new Pert(low, high, alpha, beta, tabulate);
                }
            }
            case NORMAL -> {
                if (r.mode() != null) throw new Invalid("mode", "a normal range has no mode");
                boolean ends = r.low() != null || r.high() != null;
                boolean moments = r.mean() != null || r.sd() != null;
                if (ends == moments || (ends && (r.low() == null || r.high() == null))
                        || (moments && (r.mean() == null || r.sd() == null))) {
                    throw new Invalid(ends && moments ? (r.mean() != null ? "mean" : "sd")
                            : ends ? (r.low() == null ? "low" : "high") : moments ? (r.mean() == null ? "mean" : "sd") : "low",
                            "give low and high, or mean and sd");
                }
                double mean;
                double sd;
                if (ends) {
                    if (r.high() < r.low()) throw new Invalid("high", "high must be above low");
                    if (!Double.isFinite(r.high() - r.low())) {
                        throw new Invalid("high", "the range is too wide: high - low must be a finite number");
                    }
                    mean = 0.5 * r.low() + 0.5 * r.high();
                    sd = (r.high() - r.low()) / (2 * Z95);
                } else {
                    if (r.sd() < 0) throw new Invalid("sd", "sd must be 0 or more");
                    mean = r.mean();
                    sd = r.sd();
                }
                if (sd == 0) {
                    shape = null;
                    constant = ends ? r.low() : mean;
                } else {
                    shape = new Normal(mean, sd);
                }
            }
            case LOGNORMAL -> {
                if (r.mode() != null) throw new Invalid("mode", "a lognormal range has no mode");
                if (r.mean() != null || r.sd() != null) {
                    throw new Invalid(r.mean() != null ? "mean" : "sd",
                            "a lognormal range takes low and high (its 5th and 95th percentiles), not mean and sd");
                }
                double low = need(r.low(), r.high());
                double high = r.high();
                if (high < low) throw new Invalid("high", "high must be above low");
                if (!(low > 0)) throw new Invalid("low", "lognormal needs low above 0");
                if (low == high) {
                    shape = null;
                    constant = low;
                } else {
                    double a = Math.log(low);
                    double b = Math.log(high);
                    shape = new LogNormal(0.5 * a + 0.5 * b, (b - a) / (2 * Z95));
                }
            }
            default -> throw new Invalid("distribution", "unknown distribution " + d);
        }
        String outside = "the range lies outside the driver's min and max";
        if (shape == null) {
            if ((min != null && constant < min) || (max != null && constant > max)) throw new Invalid(outside);
            return new Sampler(null, constant, constant, constant, 0, 1, 1);
        }
        double lo = min == null ? shape.bottom : Math.max(min, shape.bottom);
        double hi = max == null ? shape.top : Math.min(max, shape.top);
        if (!(lo < hi)) throw new Invalid(outside);
        double pLo = shape.cdf(lo);
        double sLo = shape.sf(lo);
        double mass = pLo > shape.split ? sLo - shape.sf(hi) : shape.cdf(hi) - pLo;
        if (!(mass > 0)) throw new Invalid(outside);
        Sampler s = new Sampler(shape, Double.NaN, lo, hi, pLo, sLo, mass);
        if (Double.isInfinite(shape.bottom) || Double.isInfinite(shape.top)) {
            // the extreme quantiles an rng can ask for (u = 0 and the largest double below 1)
            if (!Double.isFinite(s.quantile(0)) || !Double.isFinite(s.quantile(Math.nextDown(1.0)))) {
                throw new Invalid("the range is too wide: its samples would not be finite numbers");
            }
        }
        return s;
    }

    private static void finite(String field, Double v) {
        if (v != null && !Double.isFinite(v)) throw new Invalid(field.startsWith("the ") ? null : field, field + " must be a finite number");
    }

    private static double need(Double low, Double high) {
        if (low == null || high == null) throw new Invalid(low == null ? "low" : "high", "give low and high");
        return low;
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    // ------------------------------------------------------------------------------------------------- shapes

    /**
     * A distribution before truncation. {@code lower(p)} is the quantile at p for p in [0, split]; {@code upper(q)} the
     * quantile at 1 - q for q in [0, 1 - split], each accurate for small arguments (a tail).
     */
    private abstract static class Shape {
        final double split;
        final double bottom;
        final double top;

        Shape(double split, double bottom, double top) {
            this.split = split;
            this.bottom = bottom;
            this.top = top;
        }

        abstract double lower(double p);

        abstract double upper(double q);

        /** The quantile at p (below the hand-over, {@code lower}) or at 1 - q (above it). */
        double at(boolean lower, double p, double q) {
            return lower ? lower(p) : upper(q);
        }

        abstract double cdf(double x);

        /** 1 - cdf(x), accurate where it is small. */
        abstract double sf(double x);
    }

    private static final class Uniform extends Shape {
        private final double a;
        private final double b;
        private final double w;

        /** Hands over at 1: both ends are equally exact here, and one branch is one a random u never mispredicts. */
        Uniform(double a, double b) {
            super(1, a, b);
            this.a = a;
            this.b = b;
            this.w = b - a;
        }

        @Override
        double lower(double p) {
            return a + p * w;
        }

        @Override
        double upper(double q) {
            return b - q * w;
        }

        @Override
        double cdf(double x) {
            return x <= a ? 0 : x >= b ? 1 : (x - a) / w;
        }

        @Override
        double sf(double x) {
            return x <= a ? 1 : x >= b ? 0 : (b - x) / w;
        }
    }

    /** Triangular on [a, b] with peak c: F(x) = (x-a)^2 / ((b-a)(c-a)) up to c, 1 - (b-x)^2 / ((b-a)(b-c)) after. */
    private static final class Triangular extends Shape {
        private final double a;
        private final double c;
        private final double b;
        private final double w;
        /** sqrt((b-a)(c-a)) and sqrt((b-a)(b-c)), each as a product of roots so that neither overflows. */
        private final double kLow;
        private final double kHigh;

        Triangular(double a, double c, double b) {
            super((c - a) / (b - a), a, b);
            this.a = a;
            this.c = c;
            this.b = b;
            this.w = b - a;
            this.kLow = Math.sqrt(w) * Math.sqrt(c - a);
            this.kHigh = Math.sqrt(w) * Math.sqrt(b - c);
        }

        @Override
        double lower(double p) {
            return a + kLow * Math.sqrt(p);
        }

        @Override
        double upper(double q) {
            return b - kHigh * Math.sqrt(q);
        }

        @Override
        double cdf(double x) {
            if (x <= a) return 0;
            if (x >= b) return 1;
            if (x <= c) return ((x - a) / w) * ((x - a) / (c - a));
            return 1 - ((b - x) / w) * ((b - x) / (b - c));
        }

        @Override
        double sf(double x) {
            if (x <= a) return 1;
            if (x >= b) return 0;
            if (x <= c) return 1 - ((x - a) / w) * ((x - a) / (c - a));
            return ((b - x) / w) * ((b - x) / (b - c));
        }
    }

    /**
     * Beta(alpha, beta) on [a, b]: below the hand-over probability V its inverse comes from one table, above it from the
     * mirrored table of Beta(beta, alpha) at 1 - p. V is chosen so that both tables span the same t, V^(1/alpha) =
     * (1 - V)^(1/beta) (0.75 to 0.8 for every PERT shape): each stays well away from its far end (t = 1, where the
     * inverse in t is singular).
     */
    private static final class Pert extends Shape {
        private final double a;
        private final double b;
        private final double w;
        private final double alpha;
        private final double beta;
        private final BetaHalf lowHalf;
        private final BetaHalf highHalf;
        /**
         * Both halves' tables in p ({@link BetaHalf#octaves}) side by side, indexed by side (0 below the hand-over, 1
         * above): {@link #at} picks its half by arithmetic, not a branch, since a random u takes either side
         * unpredictably.
         */
        private final double[] pEnd = new double[2];
        private final double[] origin = new double[2];
        private final double[] toward = new double[2];
        private final double[] c;

        Pert(double a, double b, double alpha, double beta, boolean tabulate) {
            super(pertHandOver(alpha, beta), a, b);
            this.a = a;
            this.b = b;
            this.w = b - a;
            this.alpha = alpha;
            this.beta = beta;
            if (tabulate) {
                double zs = BetaHalf.solve(alpha, beta, Beta.logBeta(alpha, beta), split, 0.5, 0, 1);
                this.lowHalf = new BetaHalf(alpha, beta, TABLE_INTERVALS, split, zs);
                this.highHalf = new BetaHalf(beta, alpha, TABLE_INTERVALS, 1 - split, 1 - zs);
                double[] lowOctaves = lowHalf.octaves();
                double[] highOctaves = highHalf.octaves();
                c = Arrays.copyOf(lowOctaves, 2 * lowOctaves.length);
                System.arraycopy(highOctaves, 0, c, lowOctaves.length, highOctaves.length);
                pEnd[0] = split;
                pEnd[1] = 1 - split;
                origin[0] = a;
                toward[0] = w;
                origin[1] = b;
                toward[1] = -w;   // b + (-w) z is b - w z exactly
            } else {
                this.lowHalf = null;
                this.highHalf = null;
                c = null;
            }
        }

        /**
         * The quantile at p below the hand-over or at 1 - q above it: from the tables in p, the side chosen without a
         * branch; below 2^-{@value BetaHalf#OCTAVES} (about 1 sample in 65,000) from the tables in t ({@link #lower},
         * {@link #upper}).
         */
        @Override
        double at(boolean lower, double p, double q) {
            int side = lower ? 0 : 1;
            long pick = -(long) side;   // all ones above the hand-over
            double x = Double.longBitsToDouble((Double.doubleToRawLongBits(p) & ~pick) | (Double.doubleToRawLongBits(q) & pick));
            if (x > pEnd[side]) x = pEnd[side];   // rounding only; not Math.min, whose NaN and -0.0 rules cost here
            int k = -1 - Math.getExponent(x);   // x in [2^-(k+1), 2^-k)
            if (k >= BetaHalf.OCTAVES) return lower ? lower(p) : upper(q);
            double y = (Double.doubleToRawLongBits(x) & BetaHalf.FRACTION) * BetaHalf.PER_INTERVAL;   // exact
            int i = (int) y;
            double s = y - i;
            int j = ((side * BetaHalf.OCTAVES + k) * BetaHalf.PER_OCTAVE + i) << 2;
            return origin[side] + toward[side] * (c[j] + s * (c[j + 1] + s * (c[j + 2] + s * c[j + 3])));
        }

        /**
         * {@link Sampler#fill}'s loop for a PERT: each uniform u in {@code out[from..to)} replaced by the truncated
         * quantile {@link Sampler#quantile} gives, to the last bit ({@code SamplerTest}). The table lookup of
         * {@link #at} is written out here rather than called: called, the JIT left it out of line on some runs (its
         * rare branch, taken about once in 65,000 samples, made it too large to inline), and the samples took twice as
         * long.
         */
        void fill(double[] out, int from, int to, double pLo, double sLo, double mass, double lo, double hi) {
            for (int i = from; i < to; i++) {
                double u = out[i];
                double p = pLo + u * mass;
                double q = Math.max(0, sLo - u * mass);
                boolean lower = p <= split;
                int side = lower ? 0 : 1;
                long pick = -(long) side;
                double x = Double.longBitsToDouble((Double.doubleToRawLongBits(p) & ~pick) | (Double.doubleToRawLongBits(q) & pick));
                if (x > pEnd[side]) x = pEnd[side];
                int k = -1 - Math.getExponent(x);
                double v;
                if (k >= BetaHalf.OCTAVES) {
                    v = tail(lower, p, q);
                } else {
                    double y = (Double.doubleToRawLongBits(x) & BetaHalf.FRACTION) * BetaHalf.PER_INTERVAL;
                    int t = (int) y;
                    double f = y - t;
                    int j = ((side * BetaHalf.OCTAVES + k) * BetaHalf.PER_OCTAVE + t) << 2;
                    v = origin[side] + toward[side] * (c[j] + f * (c[j + 1] + f * (c[j + 2] + f * c[j + 3])));
                }
                out[i] = v < lo ? lo : v > hi ? hi : v;
            }
        }

        /** Below 2^-{@value BetaHalf#OCTAVES}: the tables in t (a call of its own, out of the loop's way). */
        private double tail(boolean lower, double p, double q) {
            return lower ? lower(p) : upper(q);
        }

        @Override
        double lower(double p) {
            return a + w * lowHalf.at(p);
        }

        @Override
        double upper(double q) {
            return b - w * highHalf.at(q);
        }

        @Override
        double cdf(double x) {
            if (x <= a) return 0;
            if (x >= b) return 1;
            return regularizedBeta((x - a) / w, alpha, beta);
        }

        @Override
        double sf(double x) {
            if (x <= a) return 1;
            if (x >= b) return 0;
            return regularizedBeta((b - x) / w, beta, alpha);
        }
    }

    private static final class Normal extends Shape {
        private final double mean;
        private final double sd;

        Normal(double mean, double sd) {
            super(0.5, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            this.mean = mean;
            this.sd = sd;
        }

        @Override
        double lower(double p) {
            return mean + sd * normalLower(p);
        }

        @Override
        double upper(double q) {
            return mean - sd * normalLower(q);
        }

        @Override
        double cdf(double x) {
            return normalCdf((x - mean) / sd);
        }

        @Override
        double sf(double x) {
            return normalCdf((mean - x) / sd);
        }
    }

    private static final class LogNormal extends Shape {
        private final double mu;
        private final double sigma;

        LogNormal(double mu, double sigma) {
            super(0.5, 0, Double.POSITIVE_INFINITY);
            this.mu = mu;
            this.sigma = sigma;
        }

        @Override
        double lower(double p) {
            return Math.exp(mu + sigma * normalLower(p));
        }

        @Override
        double upper(double q) {
            return Math.exp(mu - sigma * normalLower(q));
        }

        @Override
        double cdf(double x) {
            return x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma);
        }

        @Override
        double sf(double x) {
            return x <= 0 ? 1 : normalCdf((mu - Math.log(x)) / sigma);
        }
    }

    // ----------------------------------------------------------------------------------------- the PERT table

    /**
     * Where a PERT sampler hands over from its lower table to its upper one: the V in (0, 1) with V^(1/alpha) =
     * (1 - V)^(1/beta), by bisection (the left side rises with V, the right falls).
     */
    static double pertHandOver(double alpha, double beta) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 200 && hi - lo > 1e-17; i++) {
            double mid = 0.5 * (lo + hi);
            if (Math.pow(mid, 1 / alpha) < Math.pow(1 - mid, 1 / beta)) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /**
     * The lower part of Beta(a, b)'s inverse CDF (a, b at least 1): z(p) for p in [0, pEnd], z in [0, zEnd] (zEnd the
     * quantile at pEnd). Near p = 0, z(p) behaves like p^(1/a), whose derivatives blow up; in t = p^(1/a) it is smooth:
     * F(z) = z^a g(z) with g analytic and g(0) = 1 / (a B(a, b)) > 0, so z(t) is analytic at t = 0 with slope
     * (a B(a, b))^(1/a), and its nearest singularity is at t = 1 (z = 1), at least 0.2 beyond the table's end for every
     * PERT shape ({@link Pert}). So the table is uniform in t, with N intervals over [0, pEnd^(1/a)], and holds z and
     * dz/dt = a t^(a-1) / f(z) at each node; between nodes z is the cubic Hermite interpolant, whose error is at most
     * h^4 / 384 max|z''''(t)| in an interval of width h. {@code SamplerTest} checks the error at three points inside
     * every interval against the exact inverse, over PERT shapes from mode at low to mode at high. The nodes are solved
     * exactly (Newton on the regularized incomplete beta function, to 1e-14 relative).
     */
    static final class BetaHalf {
        /** Octaves of p the tables in p cover: [2^-16, 1); below, the table in t. */
        static final int OCTAVES = 16;
        /** Intervals per octave of the tables in p (a power of two). */
        static final int PER_OCTAVE = 256;
        /** A double's fraction bits, and the factor that turns them into a position in its octave's intervals. */
        static final long FRACTION = (1L << 52) - 1;
        static final double PER_INTERVAL = PER_OCTAVE / (double) (1L << 52);

        private final double a;
        private final double b;
        private final double logB;
        private final double pEnd;
        private final double zEnd;
        private final double invA;
        private final boolean linear;
        private final double tMax;
        private final double invH;
        private final int n;
        /** Per interval: z0, h z'0, and the cubic's 2nd and 3rd coefficients, in s = (t - t0) / h. */
        private final double[] c;

        BetaHalf(double a, double b, int n, double pEnd, double zEnd) {
            this.a = a;
            this.b = b;
            this.pEnd = pEnd;
            this.zEnd = zEnd;
            this.n = n;
            this.invA = 1 / a;
            this.linear = a == 1;
            this.tMax = linear ? pEnd : Math.pow(pEnd, invA);
            double h = tMax / n;
            this.invH = n / tMax;
            this.logB = Beta.logBeta(a, b);
            double aB = a * Math.exp(logB);
            double[] z = new double[n + 1];
            double[] m = new double[n + 1];
            z[0] = 0;
            m[0] = Math.pow(aB, invA);
            for (int i = 1; i <= n; i++) {
                double t = i == n ? tMax : i * h;
                z[i] = i == n ? zEnd : solve(a, b, logB, linear ? t : Math.pow(t, a), z[i - 1] + h * m[i - 1], z[i - 1], zEnd);
                m[i] = aB * Math.pow(t / z[i], a - 1) * Math.pow(1 - z[i], 1 - b);
            }
            c = new double[4 * n];
            for (int i = 0; i < n; i++) {
                double z0 = z[i];
                double z1 = z[i + 1];
                double m0 = h * m[i];
                double m1 = h * m[i + 1];
                c[4 * i] = z0;
                c[4 * i + 1] = m0;
                c[4 * i + 2] = 3 * (z1 - z0) - 2 * m0 - m1;
                c[4 * i + 3] = 2 * (z0 - z1) + m0 + m1;
            }
        }

        /**
         * The same inverse as a table in p itself, for p from 2^-{@link #OCTAVES} to pEnd: no power per sample. Each
         * octave [2^-(k+1), 2^-k) holds {@link #PER_OCTAVE} equal intervals (k = 0 first), so a p's interval comes
         * from its exponent and fraction bits; as in the table in t, cubic Hermite between nodes, whose z is read from
         * the table in t (solved beyond its end) and whose slope is dz/dp = 1 / f(z). The interpolation error in octave k is
         * at most h^4 / 384 max|z(p)| with h = 2^-(k+1) / 256, and z grows like p^(1/a - 4) toward 0, so the
         * bound shrinks with each lower octave; {@code SamplerTest} checks every interval. Octaves above pEnd's are
         * left empty (never read).
         */
        double[] octaves() {
            double[] out = new double[OCTAVES * PER_OCTAVE * 4];
            int top = -1 - Math.getExponent(pEnd);
            for (int k = top; k < OCTAVES; k++) {
                double start = Math.scalb(1.0, -(k + 1));
                double h = start / PER_OCTAVE;
                double z0 = Double.NaN;
                double m0 = Double.NaN;
                for (int i = 0; i < PER_OCTAVE; i++) {
                    double p0 = start + i * h;
                    if (p0 > pEnd) break;   // beyond the end of the top octave: never read
                    if (i == 0) {
                        z0 = exact(p0);
                        m0 = h / density(z0);
                    }
                    double p1 = p0 + h;
                    double z1 = exact(p1);
                    double m1 = h / density(z1);
                    int j = (k * PER_OCTAVE + i) << 2;
                    out[j] = z0;
                    out[j + 1] = m0;
                    out[j + 2] = 3 * (z1 - z0) - 2 * m0 - m1;
                    out[j + 3] = 2 * (z0 - z1) + m0 + m1;
                    z0 = z1;
                    m0 = m1;
                }
            }
            return out;
        }

        /** z with I_z(a, b) = p: the table in t up to pEnd (within 1e-11), solved beyond it. */
        private double exact(double p) {
            if (p == pEnd) return zEnd;
            if (p > pEnd) return solve(a, b, logB, p, zEnd, zEnd, 1);
            return at(p);
        }

        /** Beta(a, b)'s density at z. */
        private double density(double z) {
            return Math.exp((a - 1) * Math.log(z) + (b - 1) * Math.log1p(-z) - logB);
        }

        /** z at probability p in [0, pEnd] (clamped to the table). */
        double at(double p) {
            double t = linear ? p : Math.pow(p, invA);
            double x = Math.min(t, tMax) * invH;
            int i = (int) x;
            if (i >= n) i = n - 1;
            double s = x - i;
            int j = i << 2;
            return c[j] + s * (c[j + 1] + s * (c[j + 2] + s * c[j + 3]));
        }

        /** The z in (lo, hi) with I_z(a, b) = v: Newton from the guess, kept inside a shrinking bracket. */
        static double solve(double a, double b, double logB, double v, double guess, double lo, double hi) {
            double z = guess > lo && guess < hi ? guess : 0.5 * (lo + hi);
            for (int it = 0; it < 200; it++) {
                double g = regularizedBeta(z, a, b) - v;
                if (g == 0) return z;
                if (g > 0) hi = z;
                else lo = z;
                double f = Math.exp((a - 1) * Math.log(z) + (b - 1) * Math.log1p(-z) - logB);
                double next = z - g / f;
                if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
                if (Math.abs(next - z) <= 1e-14 * z) return next;
                z = next;
            }
            return z;
        }
    }

    // ------------------------------------------------------------------------------------- special functions

    /** I_x(a, b), the regularized incomplete beta function, to near full precision. */
    static double regularizedBeta(double x, double a, double b) {
        return Beta.regularizedBeta(x, a, b, 1e-15, Integer.MAX_VALUE);
    }

    /** The standard normal CDF, accurate in the lower tail (erfc). */
    static double normalCdf(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }

    /** The standard normal quantile at p in (0, 1). */
    static double normalQuantile(double p) {
        return p <= 0.5 ? normalLower(p) : -normalLower(1 - p);
    }

    /**
     * The standard normal quantile at p, for p up to about 1/2 (its lower half), by Wichura's algorithm AS 241
     * (PPND16, Applied Statistics 37, 1988), accurate to about 1e-16 relative; p = 0 is taken as the smallest double,
     * so the result is always finite (about -38.5).
     */
    static double normalLower(double p) {
        if (p <= 0) p = Double.MIN_VALUE;
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r
                    + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                    + 133.14166789178437745) * r + 3.387132872796366608)
                    / (((((((r * 5226.495278852854561 + 28729.085735721942674) * r + 39307.89580009271061) * r
                    + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                    + 42.313330701600911252) * r + 1);
        }
        double r = Math.sqrt(-Math.log(p));
        double val;
        if (r <= 5) {
            r -= 1.6;
            val = (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                    + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                    + 4.6303378461565452959) * r + 1.42343711074968357734)
                    / (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                    + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                    + 2.05319162663775882187) * r + 1);
        } else {
            r -= 5;
            val = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
                    + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                    + 5.4637849111641143699) * r + 6.6579046435011037772)
                    / (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                    + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                    + 0.59983220655588793769) * r + 1);
        }
        return q < 0 ? -val : val;
    }
}
