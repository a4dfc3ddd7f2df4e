package no.trygg.jobs.gold.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.trygg.jobs.gold.marts.Flags;

/**
 * Which survey cells to hide. A hidden cell shows nothing (respondents, positive answers, share), so the three
 * additive quantities of a cell are protected one after the other over the same relations, each decision keeping
 * what the earlier ones hid:
 * <ol>
 *   <li>respondents: a group below the respondent threshold (higher for sensitive items), and complements;</li>
 *   <li>for sensitive items (violence, threats, harassment): a positive count of 1 … minCount−1, so that nobody
 *   learns that one or two colleagues in a group were exposed;</li>
 *   <li>for sensitive items: the complement, respondents − positive, of 1 … minCount−1, so that nobody learns that
 *   all but one or two were.</li>
 * </ol>
 * Hiding more cells only widens what an intruder can compute, so a later step never undoes an earlier one.
 */
public final class SurveyProtection {

    /** One survey cell as collected: its key, whether its question is sensitive, and its two counts. */
    public record SurveyCell(CellKey key, boolean sensitive, long respondents, long positive) {
    }

    private SurveyProtection() {
    }

    /** @return cell id → reason, for every cell to hide */
    public static Map<String, String> decide(List<SurveyCell> cells, List<Relation> relations, DisclosureRules rules) {
        List<CellProtection.Candidate> groups = new ArrayList<>(cells.size());
        for (SurveyCell c : cells) {
            int min = c.sensitive() ? rules.minSensitiveSurveyGroup() : rules.minSurveyGroup();
            groups.add(new CellProtection.Candidate(c.key(), c.respondents(), c.respondents() < min ? Flags.PRIMARY_SMALL_GROUP : null));
        }
        // Group size is the protected quantity here; small counts as such are no reason (1 disables that rule).
        Map<String, String> hidden = new HashMap<>(CellProtection.decide(groups, relations, 1, rules.protectionWidth()));

        List<SurveyCell> sensitive = cells.stream().filter(SurveyCell::sensitive).toList();
        if (sensitive.isEmpty()) return hidden;
        Set<String> sensitiveIds = new HashSet<>();
        sensitive.forEach(c -> sensitiveIds.add(c.key().id()));
        // Relations stay within a question, so a sensitive question's relations are those over its cells.
        List<Relation> sensitiveRelations = relations.stream().filter(r -> sensitiveIds.contains(r.total())).toList();
        List<CellProtection.Candidate> positives = new ArrayList<>(sensitive.size());
        List<CellProtection.Candidate> negatives = new ArrayList<>(sensitive.size());
        for (SurveyCell c : sensitive) {
            positives.add(new CellProtection.Candidate(c.key(), c.positive(), null));
            negatives.add(new CellProtection.Candidate(c.key(), c.respondents() - c.positive(), null));
        }
        for (List<CellProtection.Candidate> quantity : List.of(positives, negatives)) {
            Map<String, String> more = CellProtection.decide(quantity, sensitiveRelations, rules.minCount(), rules.protectionWidth(),
                    Set.copyOf(hidden.keySet()));
            more.forEach((id, reason) -> hidden.putIfAbsent(id,
                    reason.equals(Flags.PRIMARY_SMALL_COUNT) ? Flags.PRIMARY_SENSITIVE_ANSWERS : reason));
        }
        return hidden;
    }
}
