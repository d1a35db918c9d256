package dev.cftriage.internal.net;

/** The verdict of the {@link AddressPolicy} on one address. */
public sealed interface AddressCheck {

    /** The address with its category, whatever the verdict. */
    ClassifiedAddress classified();

    /** The address may be probed; connect to {@link #vetted()} and nothing else. */
    record Allowed(VettedAddress vetted) implements AddressCheck {
        @Override
        public ClassifiedAddress classified() {
            return vetted.classification();
        }
    }

    /** The address must not be probed; {@code classified().reason()} says why. */
    record Refused(ClassifiedAddress classified) implements AddressCheck {
    }
}
