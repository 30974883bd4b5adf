/*
 * disclose.h: the disclose rules engine for tools not written in Swift.
 *
 * Build the shared library with `swift build --product DiscloseC` (libDiscloseC.so on Linux,
 * libDiscloseC.dylib on macOS) and link it; docs/library.md ("From C and other languages")
 * shows every JSON shape, and examples/c-caller and examples/python-ctypes call it.
 *
 * The contract, for every function:
 *   - Text in and out is UTF-8 JSON in NUL-terminated C strings.
 *   - Every string returned is allocated with malloc and belongs to the caller, who frees it
 *     with disclose_free (never with another allocator's free). A function returns NULL only
 *     when memory runs out.
 *   - Nothing a caller passes crashes a call: a NULL string, bytes that are not UTF-8, text
 *     that is not JSON or not the expected shape, an unknown country, question or handle each
 *     give an error value instead of a result:
 *
 *       {"error": {"code": "unknown-country", "message": "no rules for country `KX`: ..."}}
 *
 *     The message says what is wrong and what to do; the code is stable, one of:
 *       null-argument, invalid-utf8, invalid-json, not-an-object, invalid-field, unknown-field,
 *       unknown-question, unknown-country, unknown-file, unknown-handle,
 *       rules-have-errors, not-published (these two with "diagnostics" and "rendered" beside
 *       "error": the problems as data, and as `disclose check` prints them).
 *     A result is an error exactly when its object has an "error" member.
 *   - Every function may be called from any thread at the same time; a prepared handle may
 *     be shared between threads.
 *
 * Rules are given in a request in one of two ways:
 *   {"files": {"countries/KH.disclose": "...", "countries/KH-decisions.disclose": "...",
 *              "rules/catalogue.disclose": "...", "rules/policy.disclose": "..."}, "country": "KH"}
 *       the rule files' texts, keyed by their paths in the project (the folder that holds
 *       rules/ and countries/), as `include` names them: nothing is read from disk;
 *   {"folder": "/path/to/project", "country": "KH"}
 *       the rule files on disk.
 *   The rule book is named by "country" ("KH": countries/KH.disclose) or by "entry", a path in
 *   the project ("countries/KH.disclose").
 */
#ifndef DISCLOSE_H
#define DISCLOSE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Prepared rules, from disclose_prepare: a number, not a pointer. 0 is never a handle; a
 * handle is never given twice, so a released one stays invalid. */
typedef uint64_t disclose_handle;

/* The library's version and the version of this interface:
 *   {"abi": 1, "version": "0.18.0"}
 * Free the result with disclose_free. */
char *disclose_version(void);

/* Checks the rule book a request names (rules as above):
 *   {"diagnostics": [{"code": "E301", "severity": "error", "message": "...", "location":
 *     {"file": "countries/KH.disclose", "line": 3, "column": 5, ...}, "help": "..."}, ...],
 *    "errors": 1, "ok": false, "rendered": "error[E301]: ...", "warnings": 0}
 * "diagnostics" is what `disclose check --format json` writes, "rendered" what it prints.
 * Rules with errors are a result ("ok": false), not an error value; an error value means the
 * request itself is wrong (unknown-country, unknown-file, ...). Free the result with
 * disclose_free. */
char *disclose_check_rules(const char *request);

/* Checks a country's rules and compiles them for evaluating assessments. The request: the
 * rules as above, and optionally
 *   "asOf": "2025-06-30"  findings are the public issues still public on that day (the
 *                         country's publication day on or before it); default: today (UTC);
 *   "preview": true       use the drafts too, not only what adopted decisions make public.
 * Returns a handle, from 1; on failure returns 0 and, when `error` is not NULL, stores in
 * *error an error value to free with disclose_free (rules with errors give code
 * rules-have-errors, with the diagnostics). On success *error is set to NULL.
 * Release the handle with disclose_release when done. */
disclose_handle disclose_prepare(const char *request, char **error);

/* Evaluates one assessment with prepared rules:
 *   {"id": "KH-A", "date": "2024-05-14", "answers": {"OSH-EMR-02": "no", ...},
 *    "factory": {"sector": "garment"}}
 * ("id" and "factory" optional; answers written as strings, as data writes them). Returns
 * the outcome, the same object `disclose evaluate` writes for a line, keys sorted:
 *   {"asOf": "2025-06-30", "day": "2024-05-14", "id": "KH-A",
 *    "raised": [{"issue": "KH-15", "title": "...", "category": "...", "because":
 *                "non-compliant on OSH-EMR-02", "answers": [...], "parameters": [...], ...}],
 *    "noLongerPublic": [], "zeroTolerance": [...], "incomplete": [...], "unusable": [...],
 *    "unknownQuestions": [], "withheldAsIncomplete": false}
 * or an error value (with "id" when the assessment had one): unknown-handle, null-argument,
 * invalid-utf8, invalid-json, not-an-object, invalid-field, unknown-field, and
 * unknown-question (with "unknownQuestions", the ids). Free the result with disclose_free. */
char *disclose_evaluate(disclose_handle handle, const char *assessment);

/* Publishes data given as values, as `disclose publish` does from a data folder. The
 * request: the rules as above (no "country": each factory names its own), and
 *   "asOf": "2025-06-30" (default: today, UTC), "preview": false,
 *   "factories":   [{"id", "name", "type", "country", "leftOn"?, "attributes"?: {...}}],
 *   "assessments": [{"id", "factory", "date", "method"?: "on-site"|"virtual"|"hybrid",
 *                    "cycle"?: 1, "status"?: "completed"|"refused", "refusalReason"?:
 *                    "none"|"force-majeure"|"other-audits-same-day", "finalisedOn"?,
 *                    "cycleEndsOn"?}],
 *   "answers":     {"ASSESSMENT-ID": {"QUESTION-ID": "answer", ...}, ...},
 *   "responses":   [{"id", "factory", "assessment", "issue"?, "date", "text", "attachments"?}]
 * (days YYYY-MM-DD). Returns
 *   {"diagnostics": [...], "internal": {the internal report}, "public": {the public finding set}}
 * the two objects as public.json and internal-report.json hold them (docs/schemas/), or an
 * error value: not-published when the rules or the data have errors (with the diagnostics),
 * or the request's own errors. Free the result with disclose_free. */
char *disclose_publish(const char *request);

/* Lets go of prepared rules. Returns 1 when the handle was held, 0 when it was not (released
 * already, or never given); either way nothing else happens. An evaluation running on
 * another thread with the handle finishes normally. */
int32_t disclose_release(disclose_handle handle);

/* Frees a string returned by a disclose function. NULL is ignored. */
void disclose_free(char *string);

#ifdef __cplusplus
}
#endif

#endif /* DISCLOSE_H */
