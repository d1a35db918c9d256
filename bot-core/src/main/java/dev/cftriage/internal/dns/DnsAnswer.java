package dev.cftriage.internal.dns;

import dev.cftriage.internal.evidence.DnsOutcome;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * How one lookup (one name, one record type, its CNAMEs followed) ended.
 *
 * @param outcome how it ended
 * @param chain the CNAME targets followed, in order (empty when none)
 * @param records the records of the asked type at the end of the chain (empty unless answered)
 * @param detail what went wrong, for people, or null when answered
 */
record DnsAnswer(DnsOutcome outcome, List<Name> chain, List<Record> records, String detail) {

    DnsAnswer {
        chain = List.copyOf(chain);
        records = List.copyOf(records);
    }

    static DnsAnswer answered(List<Name> chain, List<Record> records) {
        return new DnsAnswer(DnsOutcome.ANSWERED, chain, records, null);
    }

    static DnsAnswer failed(DnsOutcome outcome, List<Name> chain, String detail) {
        return new DnsAnswer(outcome, chain, List.of(), detail);
    }
}
