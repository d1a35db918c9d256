package dev.cftriage.internal.parse;

import dev.cftriage.internal.net.Ascii;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cloudflare's data centres, read once from the {@code /cloudflare/colos.csv} resource (columns iata, city, region):
 * IATA code to city, and the city as an error page shows it ("Frankfurt" or "Frankfurt, Germany") back to the IATA
 * code. Lookups ignore case. Immutable and safe to share between threads; a short city name that two data centres
 * share maps to neither.
 */
public final class ColoDirectory {
    private static final String RESOURCE = "/cloudflare/colos.csv";

    private ColoDirectory() {
    }

    /** The city Cloudflare names for an IATA code ("Frankfurt, Germany" for FRA), if the code is known. */
    public static Optional<String> city(String iata) {
        return iata == null ? Optional.empty() : Optional.ofNullable(Holder.CITY_BY_IATA.get(Ascii.upper(iata.strip())));
    }

    /** The IATA code for a city written as a page shows it ("Frankfurt" or "Frankfurt, Germany"), if known. */
    public static Optional<String> iata(String city) {
        return city == null ? Optional.empty() : Optional.ofNullable(Holder.IATA_BY_CITY.get(cityKey(city)));
    }

    private static String cityKey(String city) {
        return Ascii.lower(city.strip());
    }

    /** Loads the table on first use. */
    private static final class Holder {
        static final Map<String, String> CITY_BY_IATA;
        static final Map<String, String> IATA_BY_CITY;

        static {
            Map<String, String> byIata = new HashMap<>();
            Map<String, String> byCity = new HashMap<>();
            Set<String> ambiguous = new HashSet<>();
            for (List<String> row : rows()) {
                if (row.size() < 2 || row.get(0).isBlank() || row.get(1).isBlank()) {
                    continue;
                }
                String iata = Ascii.upper(row.get(0).strip());
                String city = row.get(1).strip();
                byIata.putIfAbsent(iata, city);
                byCity.putIfAbsent(cityKey(city), iata);
                int comma = city.indexOf(',');
                if (comma > 0) {
                    String shortName = cityKey(city.substring(0, comma));
                    String previous = byCity.putIfAbsent(shortName, iata);
                    if (previous != null && !previous.equals(iata)) {
                        ambiguous.add(shortName);
                    }
                }
            }
            ambiguous.forEach(byCity::remove);
            CITY_BY_IATA = Map.copyOf(byIata);
            IATA_BY_CITY = Map.copyOf(byCity);
        }

        private static List<List<String>> rows() {
            InputStream in = ColoDirectory.class.getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
            }
            List<List<String>> rows = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String header = reader.readLine();
                if (header == null) {
                    return rows;
                }
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        rows.add(csvFields(line));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            return rows;
        }

        /** The fields of one CSV line; double quotes group a field that holds commas, {@code ""} is a quote. */
        private static List<String> csvFields(String line) {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            return fields;
        }
    }
}
