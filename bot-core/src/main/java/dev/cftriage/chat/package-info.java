/**
 * What every chat platform shares, in one {@link dev.cftriage.chat.ChatSession}: de-duplication of deliveries, the
 * {@link dev.cftriage.chat.ReportMemory} behind the buttons, admission, the wait limit, the user's line for every
 * {@link dev.cftriage.chat.ChatFailure} and the {@link dev.cftriage.chat.FirstScreen}. Beneath it, what a chat adapter
 * needs to serve triages: {@link dev.cftriage.chat.ChatBackend} over the rate-limited, bounded
 * {@link dev.cftriage.chat.TriageService}, its {@link dev.cftriage.chat.Admission} answers, and the
 * {@link dev.cftriage.chat.CommandCode}s that get a command of their own.
 *
 * <p>Public API.
 */
package dev.cftriage.chat;
