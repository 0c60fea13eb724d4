package costscope.ui.editor;

import costscope.formula.NumberInput;
import costscope.model.InputException;
import costscope.model.Timeline;
import costscope.model.TimelineBuilder;
import costscope.model.TimelineEvent;
import costscope.model.TimelineEventBuilder;
import costscope.model.TimelinePath;
import costscope.model.TimelinePathBuilder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The timeline as the Model tab's page types it, and back: the months and start as text, a path per row
 * ({@code [driver, how, value, interpolate]}: how is growth, milestones or formula, and the value is the growth text,
 * the milestones typed in one line ({@code 0: 100000; 12: 1000000}) or the formula), an event per row
 * ({@code [month, label, variant, levers, cost, funding]}, the levers typed {@code spot: on, reserved: off}).
 * Reading keeps where each milestone and lever is in its text, so the engine's problems can point into it.
 */
public final class TimelineDraft {
    public static final List<String> PATH_COLUMNS = List.of("driver", "how", "value", "interpolate");
    public static final List<String> EVENT_COLUMNS = List.of("month", "label", "variant", "levers", "cost", "funding");
    /** How a path moves (its field in the file), and what the page's choice shows for each. */
    public static final List<String> HOWS = List.of("growth", "milestones", "formula");
    public static final Map<String, String> HOW_NAMES = Map.of("growth", "grows by", "milestones", "milestones",
            "formula", "formula of month");
    public static final List<String> INTERPOLATIONS = List.of("linear", "log", "step");
    /** The months a timeline gets when the page starts one. */
    public static final int DEFAULT_MONTHS = 36;

    public static final String MILESTONES_SYNTAX = "Milestones: month: value pairs separated by ';', in order of month."
            + "\nExample: 0: 100000; 12: 1000000; 24: 10m\nBetween two milestones the value follows the interpolation;"
            + " before the first and after the last it stays.";
    public static final String LEVERS_SYNTAX = "Levers this event switches, from its month on: lever: on or lever: off,"
            + " separated by ','.\nExample: spot_instances: on, on_demand_buffer: off (a lever alone means on).";

    private TimelineDraft() {
    }

    /** What a path's value field shows while empty, for how it moves. */
    public static String valuePrompt(String how) {
        return switch (how) {
            case "milestones" -> "e.g. 0: 100000; 12: 1000000; 24: 10m";
            case "formula" -> "e.g. 1000000 / (1 + exp(-(month - 24) / 4))";
            default -> "e.g. 0.15, or 20%/year";
        };
    }

    /** The tooltip of a path's value field: what to type, for how it moves. */
    public static String valueHint(String how) {
        return switch (how) {
            case "milestones" -> MILESTONES_SYNTAX;
            case "formula" -> "Any formula of month (0 is the first month): the driver's value in that month.";
            default -> "A compound rate per month (0.15 is 15% a month), or a percentage per year or month such as"
                    + " \"20%/year\" or \"2%/month\", from the driver's value in month 0 (its slider).";
        };
    }

    /** The page's texts: months, start, and the rows of paths and events. */
    public record Rows(String months, String start, List<List<String>> paths, List<List<String>> events) {
    }

    /** The rows a timeline shows ({@code null}: blank months and no rows). */
    public static Rows of(Timeline t) {
        if (t == null) return new Rows("", "", List.of(), List.of());
        List<List<String>> paths = new ArrayList<>();
        for (TimelinePath p : t.paths()) {
            String how = p.growth() != null ? "growth" : !p.milestones().isEmpty() ? "milestones" : "formula";
            String value = switch (how) {
                case "growth" -> p.growth();
                case "milestones" -> milestonesText(p.milestones());
                default -> p.formula() == null ? "" : p.formula();
            };
            String interpolate = how.equals("milestones")
                    ? (p.interpolate() == null ? TimelinePath.Interpolation.LINEAR : p.interpolate()).name().toLowerCase(Locale.ROOT) : "";
            paths.add(List.of(p.driver() == null ? "" : p.driver(), how, value, interpolate));
        }
        List<List<String>> events = new ArrayList<>();
        for (TimelineEvent e : t.events()) {
            events.add(List.of(String.valueOf(e.month()), e.label() == null ? "" : e.label(), e.variant() == null ? "" : e.variant(),
                    leversText(e.levers()), e.cost() == null ? "" : Drafts.plain(e.cost()), e.funding() == null ? "" : Drafts.plain(e.funding())));
        }
        return new Rows(String.valueOf(t.months()), t.start() == null ? "" : t.start(), paths, events);
    }

    /** {@code 0: 100000; 12: 1000000}. */
    public static String milestonesText(List<TimelinePath.Milestone> ms) {
        List<String> parts = new ArrayList<>();
        for (TimelinePath.Milestone m : ms) parts.add(m.month() + ": " + Drafts.plain(m.value()));
        return String.join("; ", parts);
    }

    /** {@code spot: on, reserved: off}. */
    public static String leversText(Map<String, Boolean> levers) {
        List<String> parts = new ArrayList<>();
        levers.forEach((id, on) -> parts.add(id + ": " + (on ? "on" : "off")));
        return String.join(", ", parts);
    }

    /**
     * The timeline the rows make, or the problems of fields that cannot be read (keyed {@code months},
     * {@code paths[0].value}, {@code events[1].cost}...), and where things are in the texts: the start of each
     * milestone's month and value ({@code paths[0].milestones[1].value}), each lever id ({@code events[0].levers.spot})
     * and each formula ({@code paths[0].formula}).
     */
    public record Built(Timeline timeline, boolean none, Map<String, FieldProblem> problems, Map<String, Integer> at) {
    }

    public static Built build(Rows rows) {
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        Map<String, Integer> at = new HashMap<>();
        boolean noRows = rows.paths().isEmpty() && rows.events().isEmpty();
        String monthsText = rows.months().strip();
        int months = 0;
        if (monthsText.isEmpty()) {
            if (noRows && rows.start().isBlank()) return new Built(null, true, problems, at);
            problems.put("months", FieldProblem.of("months", "a timeline needs its number of months (1 to " + Timeline.MAX_MONTHS
                    + "); clear the paths, events and start to have no timeline"));
        } else {
            months = whole(monthsText, "months", problems);
        }
        List<TimelinePath> paths = new ArrayList<>();
        for (int i = 0; i < rows.paths().size(); i++) {
            List<String> row = rows.paths().get(i);
            String key = "paths[" + i + "].";
            String driver = row.get(0).strip();
            if (driver.isEmpty()) problems.put(key + "driver", FieldProblem.of(key + "driver", "pick the driver this path moves"));
            String how = row.get(1).strip();
            String value = row.get(2);
            TimelinePathBuilder p = TimelinePathBuilder.builder().driver(driver.isEmpty() ? null : driver);
            if (value.isBlank()) {
                problems.put(key + "value", FieldProblem.of(key + "value", switch (how) {
                    case "milestones" -> "type the milestones, e.g. 0: 100000; 12: 1000000";
                    case "formula" -> "type a formula of month, e.g. 1000 * 1.1^month";
                    default -> "type a growth rate per month such as 0.15, or \"20%/year\"";
                }));
            } else if (how.equals("milestones")) {
                p.milestones(milestones(value, key, problems, at));
                String in = row.get(3).strip().toLowerCase(Locale.ROOT);
                if (!in.isEmpty() && !INTERPOLATIONS.contains(in)) {
                    problems.put(key + "interpolate", FieldProblem.of(key + "interpolate", "'" + in + "' is not linear, log or step"));
                } else if (in.equals("log") || in.equals("step")) {
                    p.interpolate(TimelinePath.Interpolation.valueOf(in.toUpperCase(Locale.ROOT)));
                }
            } else if (how.equals("formula")) {
                p.formula(value.strip());
                at.put(key + "formula", leading(value));
            } else {
                p.growth(value.strip());
                at.put(key + "growth", leading(value));
            }
            paths.add(p.build());
        }
        List<TimelineEvent> events = new ArrayList<>();
        for (int i = 0; i < rows.events().size(); i++) {
            List<String> row = rows.events().get(i);
            String key = "events[" + i + "].";
            int month = row.get(0).isBlank() ? 0 : whole(row.get(0).strip(), key + "month", problems);
            if (row.get(0).isBlank()) problems.put(key + "month", FieldProblem.of(key + "month", "type the month the event happens (0 is the first)"));
            String label = row.get(1).strip();
            String variant = row.get(2).strip();
            Map<String, Boolean> levers = levers(row.get(3), key, problems, at);
            Double cost = money(row.get(4), key + "cost", problems);
            Double funding = money(row.get(5), key + "funding", problems);
            if (levers.isEmpty() && variant.isEmpty() && cost == null && funding == null && !problems.containsKey(key + "levers")
                    && !problems.containsKey(key + "cost") && !problems.containsKey(key + "funding")) {
                problems.put(key + "levers", FieldProblem.of(key + "levers", "say what happens: levers to switch, a variant,"
                        + " a one-off cost or funding"));
            }
            events.add(TimelineEventBuilder.builder().month(month).label(label.isEmpty() ? null : label).levers(levers)
                    .variant(variant.isEmpty() ? null : variant).cost(cost).funding(funding).build());
        }
        if (!problems.isEmpty()) return new Built(null, false, problems, at);
        String start = rows.start().strip();
        Timeline t = TimelineBuilder.builder().months(months).start(start.isEmpty() ? null : start).paths(paths).events(events).build();
        return new Built(t, false, problems, at);
    }

    private static int whole(String text, String key, Map<String, FieldProblem> problems) {
        try {
            double v = NumberInput.parse(text);
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                problems.put(key, FieldProblem.of(key, "'" + text + "' is not a whole number of months"));
                return 0;
            }
            return (int) v;
        } catch (InputException e) {
            problems.put(key, FieldProblem.of(key, e.getMessage()));
            return 0;
        }
    }

    private static Double money(String text, String key, Map<String, FieldProblem> problems) {
        if (text.isBlank()) return null;
        try {
            return NumberInput.parse(text);
        } catch (InputException e) {
            problems.put(key, FieldProblem.of(key, e.getMessage()));
            return null;
        }
    }

    /** Milestones typed {@code month: value; ...}; the first thing wrong goes to the value field with its position. */
    private static List<TimelinePath.Milestone> milestones(String text, String key, Map<String, FieldProblem> problems,
                                                           Map<String, Integer> at) {
        List<TimelinePath.Milestone> out = new ArrayList<>();
        String field = key + "value";
        int start = 0;
        String[] parts = text.split(";", -1);
        for (int k = 0; k < parts.length; k++) {
            String part = parts[k];
            String name = "milestone " + (k + 1);
            int lead = start + leading(part);
            int colon = part.indexOf(':');
            if (part.isBlank()) {
                if (k == parts.length - 1 && k > 0) break;   // a trailing ';'
                problems.put(field, new FieldProblem(field, lead, name + " is empty: write month: value"));
                return out;
            }
            if (colon < 0) {
                problems.put(field, new FieldProblem(field, lead, name + " has no ':': write month: value, milestones separated by ';'"));
                return out;
            }
            String m = part.substring(0, colon).strip();
            String v = part.substring(colon + 1);
            int valueAt = start + colon + 1 + leading(v);
            int month;
            try {
                double d = NumberInput.parse(m);
                if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
                    problems.put(field, new FieldProblem(field, lead, name + ": '" + m + "' is not a whole month"));
                    return out;
                }
                month = (int) d;
            } catch (InputException e) {
                problems.put(field, new FieldProblem(field, lead, name + ": month " + e.getMessage()));
                return out;
            }
            double value;
            try {
                value = NumberInput.parse(v);
            } catch (InputException e) {
                problems.put(field, new FieldProblem(field, valueAt, name + ": value " + e.getMessage()));
                return out;
            }
            at.put(key + "milestones[" + k + "].month", lead);
            at.put(key + "milestones[" + k + "].value", valueAt);
            out.add(new TimelinePath.Milestone(month, value));
            start += part.length() + 1;
        }
        return out;
    }

    /** Levers typed {@code id: on, id: off} (',' or ';' between them; an id alone is on). */
    private static Map<String, Boolean> levers(String text, String key, Map<String, FieldProblem> problems, Map<String, Integer> at) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        String field = key + "levers";
        int start = 0;
        for (String part : text.split("[,;]", -1)) {
            int lead = start + leading(part);
            start += part.length() + 1;
            if (part.isBlank()) continue;
            int colon = part.indexOf(':');
            String id = (colon < 0 ? part : part.substring(0, colon)).strip();
            String state = colon < 0 ? "on" : part.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            if (!id.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                problems.put(field, new FieldProblem(field, lead, "'" + id + "' is not a lever id"));
                return out;
            }
            Boolean on = switch (state) {
                case "on", "true", "yes" -> true;
                case "off", "false", "no" -> false;
                default -> null;
            };
            if (on == null) {
                problems.put(field, new FieldProblem(field, lead + (colon - leading(part)) + 1 + leading(part.substring(colon + 1)),
                        "lever '" + id + "': '" + state + "' is not on or off"));
                return out;
            }
            if (out.put(id, on) != null) {
                problems.put(field, new FieldProblem(field, lead, "lever '" + id + "' is switched twice"));
                return out;
            }
            at.put(key + "levers." + id, lead);
        }
        return out;
    }

    private static int leading(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }
}
