/*
 * Calls the disclose shared library from C: checks Cambodia's rules in the project folder,
 * prepares them, evaluates one assessment, prints the issues it raises and why, and shows
 * what a mistake gives back. Writes no file.
 *
 * Build and run with build.sh (it takes the build folder: ./build.sh .build/debug), or:
 *   cc -I Sources/DiscloseC/include examples/c-caller/main.c -L .build/debug -lDiscloseC \
 *      -Wl,-rpath,"$PWD/.build/debug" -o .build/debug/c-caller
 *   .build/debug/c-caller "$PWD"
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disclose.h"

/* The string value of the first member `key` at or after `from`, as a pointer to its first
 * character and its length; NULL when there is none. No JSON parser is in the C standard
 * library; the output is compact with its keys sorted, so a search is enough for this example. */
static const char *member(const char *from, const char *key, int *length) {
    char pattern[64];
    snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
    const char *at = strstr(from, pattern);
    if (at == NULL) return NULL;
    at += strlen(pattern);
    const char *end = strchr(at, '"');
    if (end == NULL) return NULL;
    *length = (int)(end - at);
    return at;
}

/* Prints each raised issue and why: in each issue's object, "because" comes before "issue". */
static void print_raised(const char *outcome) {
    const char *raised = strstr(outcome, "\"raised\":[");
    const char *end = raised ? strstr(raised, "\"unknownQuestions\":") : NULL;
    int because_length, issue_length;
    for (const char *because = raised ? member(raised, "because", &because_length) : NULL; because != NULL && because < end;
         because = member(because, "because", &because_length)) {
        const char *issue = member(because, "issue", &issue_length);
        if (issue == NULL) break;
        printf("raised %.*s\n  because %.*s\n", issue_length, issue, because_length, because);
    }
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s PROJECT_FOLDER   (the folder that holds rules/ and countries/)\n", argv[0]);
        return 64;
    }
    char *version = disclose_version();
    printf("version: %s\n", version);
    disclose_free(version);

    /* The rules on disk; {"files": {...}} would pass them held in memory instead. The folder is
     * a path written into JSON, so it must not need escaping (no quote, no backslash). */
    if (strpbrk(argv[1], "\"\\") != NULL) {
        fprintf(stderr, "the project folder's path has a quote or a backslash: move it, or escape it as JSON\n");
        return 64;
    }
    size_t size = strlen(argv[1]) + 100;
    char *rules = malloc(size);
    snprintf(rules, size, "{\"folder\": \"%s\", \"country\": \"KH\", \"asOf\": \"2025-06-30\"}", argv[1]);

    char *error = NULL;
    disclose_handle handle = disclose_prepare(rules, &error);
    free(rules);
    if (handle == 0) {
        fprintf(stderr, "cannot prepare the rules: %s\n", error);
        disclose_free(error);
        return 1;
    }

    /* An assessment of 14 May 2024: the emergency exits locked, a worker of 13 not remediated. */
    const char *assessment =
        "{\"id\": \"KH-C-1\", \"date\": \"2024-05-14\", \"factory\": {\"sector\": \"garment\"},"
        " \"answers\": {\"OSH-EMR-02\": \"no\", \"CHL-LAB-02\": \"13\", \"CHL-LAB-05\": \"no\"}}";
    char *outcome = disclose_evaluate(handle, assessment);
    if (strstr(outcome, "\"error\":") == outcome + 1) {
        fprintf(stderr, "cannot evaluate: %s\n", outcome);
        return 1;
    }
    print_raised(outcome);
    printf("withheld as incomplete data (other critical questions unanswered): %s\n",
           strstr(outcome, "\"withheldAsIncomplete\":true") ? "yes" : "no");
    disclose_free(outcome);

    /* Mistakes are error values: invalid JSON, then a released handle. */
    char *invalid = disclose_evaluate(handle, "{\"date\": ");
    printf("%s\n", invalid);
    disclose_free(invalid);
    disclose_release(handle);
    char *stale = disclose_evaluate(handle, assessment);
    printf("%s\n", stale);
    disclose_free(stale);
    return 0;
}
