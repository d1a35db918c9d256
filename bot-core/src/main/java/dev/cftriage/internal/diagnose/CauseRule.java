package dev.cftriage.internal.diagnose;

import java.util.List;
import java.util.Set;

/**
 * One small piece of diagnosis: looks at the situation and says which causes the evidence shows or rules out.
 * Rules are pure functions of the situation, stateless and thread-safe; adding a cause means adding a rule and a
 * catalog entry, and declaring the cause's id in {@link #causes()}.
 */
interface CauseRule {

    /**
     * Every cause id this rule can emit, shown or ruled out: the diagnosis refuses a finding whose id is not declared
     * here, and the catalog's tests check each declared id has an entry.
     */
    Set<String> causes();

    /** The findings for this situation; empty when the rule has nothing to say. */
    List<Finding> evaluate(Situation situation);
}
