package dev.cftriage.internal.net;

import dev.cftriage.input.BadInputException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressNetwork.IPAddressGenerator;
import inet.ipaddr.IPAddressString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An immutable list of CIDR blocks, IPv4 and IPv6, with a membership test. Thread-safe.
 */
public final class CidrSet {
    private static final IPAddressGenerator GENERATOR = new IPAddressGenerator();
    private static final CidrSet EMPTY = new CidrSet(List.of());

    private final List<IPAddress> blocks;

    private CidrSet(List<IPAddress> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** The set with no block. */
    public static CidrSet empty() {
        return EMPTY;
    }

    /**
     * Parses CIDRs such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}; a bare address is a single-address block.
     *
     * @throws BadInputException naming the first entry that is not a CIDR
     */
    public static CidrSet parse(Collection<String> cidrs) {
        List<IPAddress> blocks = new ArrayList<>();
        for (String raw : cidrs) {
            String text = raw.strip();
            if (text.isEmpty()) {
                continue;
            }
            IPAddress address = new IPAddressString(text).getAddress();
            if (address == null || !(address.isIPv4() || address.isIPv6())) {
                throw new BadInputException("not a CIDR block: '" + Texts.clip(text, 60) + "'");
            }
            blocks.add(address.toPrefixBlock());
        }
        return new CidrSet(blocks);
    }

    /** Reads one CIDR a line; blank lines and lines starting with {@code #} are skipped. */
    public static CidrSet read(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return parse(text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
    }

    /**
     * Reads a file of one CIDR a line.
     *
     * @throws BadInputException when the file cannot be read or holds something else than CIDRs
     */
    public static CidrSet read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new BadInputException("cannot read CIDR file " + file + ": " + e.getMessage());
        }
    }

    /** The Cloudflare edge ranges bundled with cf-triage (the offline copy of Cloudflare's published list). */
    public static CidrSet builtInCloudflareRanges() {
        try (InputStream in = CidrSet.class.getResourceAsStream("/cloudflare/ips.txt")) {
            if (in == null) {
                throw new IllegalStateException("resource /cloudflare/ips.txt is missing from the build");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when a block holds the address. */
    public boolean contains(InetAddress address) {
        if (blocks.isEmpty()) {
            return false;
        }
        IPAddress ip = GENERATOR.from(address);
        for (IPAddress block : blocks) {
            if (block.getIPVersion() == ip.getIPVersion() && block.contains(ip)) {
                return true;
            }
        }
        return false;
    }

    /** How many blocks there are. */
    public int size() {
        return blocks.size();
    }

    /** The blocks in canonical CIDR notation, in order. */
    public List<String> toStrings() {
        return blocks.stream().map(IPAddress::toCanonicalString).toList();
    }
}
