package costscope.ui.editor;

import costscope.engine.CompiledScenario;
import costscope.formula.NumberInput;
import costscope.model.Correlation;
import costscope.model.CorrelationBuilder;
import costscope.model.Driver;
import costscope.model.InputException;
import costscope.model.FormulaSites;
import costscope.model.LineItem;
import costscope.model.Pool;
import costscope.model.Problem;
import costscope.model.Scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one form against the model: builds the scenario the form would make (the element replaced, and a new id
 * written into every reference), runs the engine's validation on it and puts each new problem on the field it is
 * in, with its position in the text the user typed. Only a check without problems may be committed.
 */
public final class EditCheck {
    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EditCheck() {
    }

    /**
     * The scenario the form makes (null when a field cannot be read), the problems per field, the problems that
     * belong to no field (the element as a whole, or another element the edit breaks), whether it differs from the
     * current scenario, and what else the edit does (a pool's items that join or leave it change their pricing).
     */
    public record Result(Scenario candidate, Map<String, FieldProblem> fields, List<String> general, boolean changed,
                         List<String> notes) {
        public Result {
            fields = Map.copyOf(fields);
            general = List.copyOf(general);
            notes = List.copyOf(notes);
        }

        Result(Scenario candidate, Map<String, FieldProblem> fields, List<String> general, boolean changed) {
            this(candidate, fields, general, changed, List.of());
        }

        public boolean valid() {
            return candidate != null && fields.isEmpty() && general.isEmpty();
        }
    }

    /**
     * Checks the draft of the element of {@code kind} that has {@code originalId} in {@code current}.
     * {@code currentProblems} are the current scenario's own problems (normally none): only problems the edit adds
     * are reported.
     */
    public static Result check(Scenario current, List<Problem> currentProblems, ElementKind kind, String originalId, Draft draft) {
        int index = kind.indexOf(current, originalId);
        if (index < 0) {
            return new Result(null, Map.of(), List.of("the " + kind.noun() + " '" + originalId + "' is no longer in the model"), false);
        }
        Drafts.Built built = Drafts.build(draft);
        if (built.element() == null) return new Result(null, built.errors(), List.of(), true);
        String newId = ElementKind.id(built.element());
        if (!newId.equals(originalId)) {
            String usedBy = ModelEdits.ids(current).get(newId);
            if (usedBy != null) {
                return new Result(null, Map.of("id", FieldProblem.of("id", "'" + newId + "' is already the id of a " + usedBy)), List.of(), true);
            }
        }
        Scenario candidate = ModelEdits.replace(current, kind, index, built.element());
        List<String> notes = built.element() instanceof Pool p ? ModelEdits.poolNotes(current, current.pools().get(index), p)
                : built.element() instanceof Driver d ? ModelEdits.driverNotes(current, current.drivers().get(index), d) : List.of();
        if (!newId.equals(originalId) && ID.matcher(newId).matches()) candidate = References.rename(candidate, originalId, newId);
        Set<Problem> before = new HashSet<>(currentProblems);
        Map<String, FieldProblem> fields = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (Problem p : CompiledScenario.validate(candidate)) {
            if (before.contains(p)) continue;
            ProblemPlaces.Place place = ProblemPlaces.place(p);
            String field = null;
            if (place != null && place.kind() == kind && place.index() == index) {
                field = place.field();
            }
            if (field == null && p.code() == Problem.Code.CYCLE) field = cycleField(p.subjects(), newId, candidate, kind, index);
            FieldProblem onForm = field == null ? pooledItemProblem(p, place, draft) : onForm(p, field, draft, built);
            if (onForm == null) {
                general.add(place != null && place.kind() == kind && place.index() == index ? p.message() : p.describe());
                continue;
            }
            fields.putIfAbsent(onForm.field(), onForm);
        }
        return new Result(candidate, fields, general, !candidate.equals(current), notes);
    }

    /**
     * The problem on the form's field: its position in the text the user typed (a formula's blanks trimmed; a pool's
     * item at its id in the list; a tier of a lever's tier table at its unit price in the effect's value).
     */
    private static FieldProblem onForm(Problem p, String field, Draft draft, Drafts.Built built) {
        costscope.model.Place at = p.place();
        if (field.equals("items") && at.row() != null && at.rowIndex() >= 0) {
            List<Drafts.IdAt> ids = Drafts.ids(draft.get("items"));
            return new FieldProblem(field, at.rowIndex() < ids.size() ? ids.get(at.rowIndex()).start() : -1, p.message());
        }
        if (draft.kind() == ElementKind.LEVER && field.startsWith("effects[") && field.contains("].tiers[")) {
            // a tier of an effect's table (effects[1].tiers[0].unitPrice): on the effect's value, at the tier's price
            String key = field.substring(0, field.indexOf(".tiers["));
            int position = p.position() < 0 ? -1 : p.position() + built.offset(field);
            return new FieldProblem(key + ".value", position, "tier " + (at.rowIndex() + 1) + ": " + p.message());
        }
        return new FieldProblem(field, p.position() < 0 ? -1 : p.position() + built.offset(field), p.message());
    }

    /**
     * On a pool's form, a line item's field that conflicts with its being in the pool ("remove its minimumMonthly") is
     * shown on the pool's items, at that item's id. Null for any other problem.
     */
    private static FieldProblem pooledItemProblem(Problem p, ProblemPlaces.Place place, Draft draft) {
        if (draft.kind() != ElementKind.POOL || place == null || place.kind() != ElementKind.ITEM || p.code() != Problem.Code.CONFLICT) {
            return null;
        }
        for (Drafts.IdAt id : Drafts.ids(draft.get("items"))) {
            if (id.id().equals(p.place().id())) return new FieldProblem("items", id.start(), p.message());
        }
        return null;
    }

    /** In a cycle {@code [a, b, ..., a]} through this element, the field of its form that names the next node. */
    static String cycleField(List<String> path, String id, Scenario candidate, ElementKind kind, int index) {
        for (int i = 0; i < path.size() - 1; i++) {
            if (!path.get(i).equals(id)) continue;
            String next = path.get(i + 1);
            for (FormulaSites.Site site : FormulaSites.of(candidate, kind.listName(), index)) {
                String field = ProblemPlaces.fieldKey(site.place());
                if (field != null && References.names(site.text()).contains(next)) return field;
            }
        }
        return null;
    }

    /**
     * Checks the scenario's correlations as a table holds them: one row per correlation, its two drivers' ids and its
     * rank as typed ({@code [a, b, rank]}). Each problem the engine finds in a correlation goes on its row's field
     * ({@code correlations[1].rank}, or the driver the problem names, {@code correlations[1].b}); a problem of the
     * correlations together that names no row, or one of another part of the model, belongs to no field.
     */
    public static Result correlations(Scenario current, List<Problem> currentProblems, List<List<String>> rows) {
        Map<String, FieldProblem> fields = new LinkedHashMap<>();
        List<Correlation> list = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            List<String> between = row.subList(0, 2).stream().map(String::strip).filter(x -> !x.isEmpty()).toList();
            String key = "correlations[" + i + "].rank";
            String typed = row.get(2).strip();
            double rank = Double.NaN;
            try {
                if (typed.isEmpty()) fields.put(key, FieldProblem.of(key, "a number is required"));
                else rank = NumberInput.parse(typed);
            } catch (InputException e) {
                fields.put(key, FieldProblem.of(key, e.getMessage()));
            }
            list.add(CorrelationBuilder.builder().between(between).rank(rank).build());
        }
        if (!fields.isEmpty()) return new Result(null, fields, List.of(), true);
        Scenario candidate = current.withCorrelations(list);
        Set<Problem> before = new HashSet<>(currentProblems);
        List<String> general = new ArrayList<>();
        for (Problem p : CompiledScenario.validate(candidate)) {
            if (before.contains(p)) continue;
            costscope.model.Place at = p.place();
            if (!at.section().equals("correlations") || at.index() < 0 || at.index() >= rows.size()) {
                general.add(p.describe());
                continue;
            }
            List<String> row = rows.get(at.index());
            String column = "rank".equals(at.field()) ? "rank"
                    : !p.subjects().isEmpty() && p.subjects().get(0).equals(row.get(0).strip()) ? "a"
                    : !p.subjects().isEmpty() || !row.get(0).isBlank() ? "b" : "a";
            String key = "correlations[" + at.index() + "]." + column;
            fields.putIfAbsent(key, FieldProblem.of(key, p.message()));
        }
        return new Result(candidate, fields, general, !candidate.equals(current));
    }

    /**
     * Checks the scenario's timeline as the page holds it ({@link TimelineDraft.Rows}): what cannot be read goes on its
     * field; each problem the engine finds in the timeline goes on the field it is in ({@code months}, {@code start},
     * {@code paths[0].driver}, {@code paths[0].value} at the milestone's or formula's position, {@code events[1].levers}
     * at the lever's id...); a problem elsewhere (a stated figure at a month the timeline no longer has) belongs to
     * no field. Blank months with no rows remove the timeline.
     */
    public static Result timeline(Scenario current, List<Problem> currentProblems, TimelineDraft.Rows rows) {
        TimelineDraft.Built built = TimelineDraft.build(rows);
        if (!built.problems().isEmpty()) return new Result(null, built.problems(), List.of(), true);
        Scenario candidate = current.withTimeline(built.none() ? null : built.timeline());
        Set<Problem> before = new HashSet<>(currentProblems);
        Map<String, FieldProblem> fields = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (Problem p : CompiledScenario.validate(candidate)) {
            if (before.contains(p)) continue;
            FieldProblem f = timelineField(p, built.at());
            if (f == null) general.add(p.describe());
            else fields.putIfAbsent(f.field(), f);
        }
        return new Result(candidate, fields, general, !candidate.equals(current));
    }

    /** The page's field a timeline problem is in, with its position in the field's text; null for none. */
    private static FieldProblem timelineField(Problem p, Map<String, Integer> at) {
        costscope.model.Place w = p.place();
        String field = w.field();
        if (w.section().equals("timeline")) {
            return "months".equals(field) || "start".equals(field) ? FieldProblem.of(field, p.message()) : null;
        }
        if (w.index() < 0) return null;
        if (w.section().equals("timeline.paths")) {
            String key = "paths[" + w.index() + "].";
            if ("driver".equals(field) || "interpolate".equals(field)) return FieldProblem.of(key + field, p.message());
            if ("milestones".equals(w.row()) && w.rowIndex() >= 0) {
                Integer pos = at.get(key + "milestones[" + w.rowIndex() + "]." + field);
                return new FieldProblem(key + "value", pos == null ? -1 : pos, "milestone " + (w.rowIndex() + 1) + ": " + p.message());
            }
            Integer start = field == null ? null : at.get(key + field);
            int pos = start == null || w.position() < 0 ? -1 : start + w.position();
            return new FieldProblem(key + "value", pos, p.message());
        }
        if (w.section().equals("timeline.events")) {
            String key = "events[" + w.index() + "].";
            if ("levers".equals(w.row())) {
                Integer pos = w.key() == null ? null : at.get(key + "levers." + w.key());
                return new FieldProblem(key + "levers", pos == null ? -1 : pos, p.message());
            }
            return field == null ? FieldProblem.of(key + "levers", p.message()) : FieldProblem.of(key + field, p.message());
        }
        return null;
    }

    /** A new element added to a scenario: the scenario with it and its id, or why it cannot be added. */
    public record Added(Scenario candidate, String id, String error) {
    }

    /**
     * Adds a new element of the kind at {@code at} in its list (a line item goes into category {@code near}, or the
     * first category; a pool starts with line item {@code near}, or the first that can start one, and takes over its
     * pricing); refused when the model would have a problem (a line item without any category to go into).
     */
    public static Added add(Scenario current, ElementKind kind, String near, int at) {
        Object element = ModelEdits.newElement(current, kind, near);
        if (element == null) {
            Object item = near == null ? null : ElementKind.ITEM.find(current, near);
            return new Added(null, null, item instanceof LineItem it
                    ? "Cannot start a pool with line item '" + near + "': " + ModelEdits.whyNotStartPool(current, it) + "."
                    : "Cannot add a pool: it starts with a line item in no pool, with a unit price or tiers and no hourly"
                    + " billing, hours, minimum or fixed monthly figure, and there is none.");
        }
        Scenario candidate = ModelEdits.insert(current, kind, Math.min(at, kind.elements(current).size()), element);
        List<Problem> problems = CompiledScenario.validate(candidate);
        if (!problems.isEmpty()) {
            String need = kind == ElementKind.ITEM || kind == ElementKind.LEVER ? " (add a category first)" : "";
            return new Added(null, null, "Cannot add a " + kind.noun() + ": " + problems.get(0).message() + need);
        }
        return new Added(candidate, ElementKind.id(element), null);
    }

    /** Why an element may not be removed (who refers to it, or what removing it would break), or null when it may. */
    public static String whyNotRemove(Scenario current, List<Problem> currentProblems, ElementKind kind, String id) {
        int index = kind.indexOf(current, id);
        if (index < 0) return "the " + kind.noun() + " '" + id + "' is no longer in the model";
        // a variant that only sets the element's value forgets it with the element (a price formula naming it still counts)
        List<References.Use> uses = References.usesOf(current, kind, id).stream()
                .filter(u -> !(u.section().equals("variants") && List.of("drivers", "levers", "prices").contains(u.field()))).toList();
        if (!uses.isEmpty()) {
            return "Cannot remove the " + kind.noun() + " '" + id + "': it is used by " + References.describe(uses, 4)
                    + ". Change or remove " + (uses.size() == 1 ? "that" : "those") + " first.";
        }
        Set<Problem> before = new HashSet<>(currentProblems);
        for (Problem p : CompiledScenario.validate(ModelEdits.remove(current, kind, index))) {
            if (!before.contains(p)) return "Cannot remove the " + kind.noun() + " '" + id + "': " + p.message();
        }
        return null;
    }
}
