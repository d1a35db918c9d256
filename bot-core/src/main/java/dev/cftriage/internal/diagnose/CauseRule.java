package dev.cftriage.internal.diagnose;

import java.util.List;

/**
 * One small piece of diagnosis: looks at the situation and says which causes the evidence shows or rules out.
 * Rules are pure functions of the situation, stateless and thread-safe; adding a cause means adding a rule and a
 * catalog entry.
 */
interface CauseRule {

    /** The findings for this situation; empty when the rule has nothing to say. */
    List<Finding> evaluate(Situation situation);
}
