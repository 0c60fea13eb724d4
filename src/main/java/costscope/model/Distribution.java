package costscope.model;

/**
 * The shape of a driver's range ("uniform", "triangular", "pert", "normal", "lognormal" in the file). For uniform,
 * triangular and PERT, low and high are the ends and mode the peak; for normal and lognormal, low and high are the
 * 5th and 95th percentiles (normal may give mean and sd instead).
 */
public enum Distribution {
    UNIFORM, TRIANGULAR, PERT, NORMAL, LOGNORMAL
}
