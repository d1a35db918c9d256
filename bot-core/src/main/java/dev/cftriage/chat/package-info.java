/**
 * What a chat adapter needs to serve triages: {@link dev.cftriage.chat.ChatBackend} over the rate-limited, bounded
 * {@link dev.cftriage.chat.TriageService}, its {@link dev.cftriage.chat.Admission} answers, and the
 * {@link dev.cftriage.chat.CommandCode}s that get a command of their own.
 *
 * <p>Public API.
 */
package dev.cftriage.chat;
