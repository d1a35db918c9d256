package dev.cftriage.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** A database URL as logs and errors show it never holds the password, wherever the URL puts it. */
class DatabaseUrlsTest {

    @Test
    void aPasswordInTheUserInfoIsNotShownButTheHostAndDatabaseAre() {
        String shown = DatabaseUrls.redacted("jdbc:postgresql://bot:hunter2@db.example:5432/incidents");
        assertFalse(shown.contains("hunter2"), shown);
        assertFalse(shown.contains("bot:"), shown);
        assertEquals("jdbc:postgresql://…@db.example:5432/incidents", shown);
    }

    @Test
    void aPasswordHoldingAnAtSignIsNotShownEither() {
        String shown = DatabaseUrls.redacted("jdbc:postgresql://bot:hun@ter2@db.example/incidents?ssl=true");
        assertFalse(shown.contains("hun"), shown);
        assertFalse(shown.contains("ter2"), shown);
        assertEquals("jdbc:postgresql://…@db.example/incidents?…", shown);
    }

    @Test
    void aPasswordInTheParametersIsCutWithThemAsBefore() {
        assertEquals("jdbc:postgresql://127.0.0.1:9/incidents?…",
                DatabaseUrls.redacted("jdbc:postgresql://127.0.0.1:9/incidents?password=hunter2"));
        assertEquals("embedded", DatabaseUrls.redacted(null));
    }
}
