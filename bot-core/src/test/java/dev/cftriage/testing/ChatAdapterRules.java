package dev.cftriage.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import dev.cftriage.TriageRequest;
import dev.cftriage.chat.Admission;
import dev.cftriage.chat.BusyException;
import dev.cftriage.chat.ChatBackend;
import java.util.Set;

/**
 * The rule every chat adapter keeps: what all platforms share goes through {@link dev.cftriage.chat.ChatSession}.
 * An adapter never admits, submits or words a failure itself (no call to {@link ChatBackend#admit} or
 * {@link ChatBackend#submit}, no use of {@link Admission} or {@link BusyException}) and keeps no cache of its own
 * (no Caffeine) beyond the classes named as exceptions. Stateless.
 */
public final class ChatAdapterRules {
    private ChatAdapterRules() {
    }

    /**
     * The rule for the adapter in {@code adapterPackage}.
     *
     * @param cacheAllowedIn simple names of classes that may keep a transport-level cache (a signature replay guard)
     */
    public static ArchRule policyOnlyThroughTheSession(String adapterPackage, Set<String> cacheAllowedIn) {
        return CompositeArchRule.of(noClasses().that().resideInAPackage(adapterPackage)
                        .should().callMethod(ChatBackend.class, "admit", String.class, String.class)
                        .orShould().callMethod(ChatBackend.class, "submit", TriageRequest.class)
                        .orShould().dependOnClassesThat().belongToAnyOf(Admission.class, Admission.Limited.class,
                                BusyException.class)
                        .because("admission, triage and failure wording are the ChatSession's"))
                .and(noClasses().that().resideInAPackage(adapterPackage).and(DescribedPredicate.describe(
                                "are not one of " + cacheAllowedIn, (JavaClass c) -> !cacheAllowedIn.contains(c.getSimpleName())))
                        .should().dependOnClassesThat().resideInAPackage("com.github.benmanes.caffeine..")
                        .because("de-duplication and the reports behind the buttons are the ChatSession's"));
    }
}
