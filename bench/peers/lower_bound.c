/* Hand-written lower bound for `disclose publish`'s evaluation of answers.
 *
 * usage: lower_bound RULES_C_TXT ANSWERS_CSV OUTPUT
 *
 * Adapted from the reference harness's lower_bound.c (../shared/bench-peers): the same
 * method (the rules read at run time, the whole CSV in one read(), a memchr scan per row,
 * an FNV hash table of the question ids the rules need, rows of one assessment contiguous,
 * "<id>\t<sorted issue ids>\n" per assessment), here for the project's own data
 * (answers.csv: assessment_id,question_id,answer, in that order) and its full rule
 * language: yes/no, number, date and choice answers, not-applicable, every condition form.
 *
 * RULES_C_TXT is written by translate.py:
 *   Q <count>
 *   <question id> YESNO|NUMBER|DATE <na allowed 0/1> <violation>
 *   <question id> CHOICE <na allowed> <k> <option>... <violation>    (options lowercased, ' ' as 0x1f)
 *     violation: VYES | VNO | VCMP <op> <threshold> | VCHOICES <k> <option index>... | VUNRESOLVED
 *   I <count>
 *   I <issue id> <n> <op>...      a postfix program of n operations:
 *     IS <slot> NC|C|NA   ANSWER <slot> <value>   CMP <slot> <op> <threshold>
 *     AND <k>   OR <k>   NOT   NEVER
 * Slots number the questions in the order of the Q lines. Answers: yes 1, no 0, numbers as
 * they are, dates as YYYYMMDD, choices as the option's index.
 *
 * It does no more than that: no other table, no publication policy, no output files but
 * the issue lists. Prints 'BENCH {json}' on stderr with read / parse+eval / write times.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAXQ 4096
#define MAXI 1024
#define MAXOPS 512
#define MAXOPTIONS 16
#define HSIZE 8192 /* open addressing, power of two */

enum { S_MISSING, S_C, S_NC, S_NA, S_UNUSABLE };
enum { K_YESNO, K_NUMBER, K_DATE, K_CHOICE };
enum { V_YES, V_NO, V_CMP, V_CHOICES, V_UNRESOLVED };
enum { O_IS, O_ANSWER, O_CMP, O_AND, O_OR, O_NOT, O_NEVER };
enum { C_GT, C_LT, C_GE, C_LE };

typedef struct {
  char id[64]; int len; int kind; int na; int noptions; char options[MAXOPTIONS][64];
  int violation; int cmp; double threshold; int nc_choice[MAXOPTIONS];
} Question;
typedef struct { int op; int slot; int arg; double value; } Op;
typedef struct { char id[64]; int n; Op ops[MAXOPS]; } IssueProgram;

static Question qs[MAXQ]; static int nq;
static IssueProgram iss[MAXI]; static int ni;
static struct { uint32_t h; int slot; } htab[HSIZE];
static unsigned char status[MAXQ]; static double raw[MAXQ];

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
static void fail(const char *what) { fprintf(stderr, "lower_bound: %s\n", what); exit(2); }

static uint32_t fnv(const char *s, int n) {
  uint32_t h = 2166136261u;
  for (int i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 16777619u; }
  return h | 1u; /* 0 marks an empty slot */
}

static int lookup(const char *s, int n) {
  uint32_t h = fnv(s, n);
  for (uint32_t i = h & (HSIZE - 1);; i = (i + 1) & (HSIZE - 1)) {
    if (htab[i].h == 0) return -1;
    if (htab[i].h == h && qs[htab[i].slot].len == n && memcmp(qs[htab[i].slot].id, s, n) == 0) return htab[i].slot;
  }
}

static int comparison(const char *op) {
  if (!strcmp(op, ">")) return C_GT;
  if (!strcmp(op, "<")) return C_LT;
  if (!strcmp(op, ">=")) return C_GE;
  if (!strcmp(op, "<=")) return C_LE;
  fail("bad comparison");
  return 0;
}

static int compare(double v, int cmp, double t) {
  switch (cmp) { case C_GT: return v > t; case C_LT: return v < t; case C_GE: return v >= t; default: return v <= t; }
}

static int cmp_issue(const void *a, const void *b) { return strcmp(((const IssueProgram *)a)->id, ((const IssueProgram *)b)->id); }

static void load_rules(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) { perror(path); exit(2); }
  char word[64], kind[16];
  if (fscanf(f, " Q %d", &nq) != 1 || nq > MAXQ) fail("bad Q line");
  for (int i = 0; i < nq; i++) {
    Question *q = &qs[i];
    if (fscanf(f, "%63s %15s %d", q->id, kind, &q->na) != 3) fail("bad question");
    q->len = (int)strlen(q->id);
    if (!strcmp(kind, "YESNO")) q->kind = K_YESNO;
    else if (!strcmp(kind, "NUMBER")) q->kind = K_NUMBER;
    else if (!strcmp(kind, "DATE")) q->kind = K_DATE;
    else {
      q->kind = K_CHOICE;
      if (fscanf(f, "%d", &q->noptions) != 1 || q->noptions > MAXOPTIONS) fail("bad options");
      for (int k = 0; k < q->noptions; k++) {
        if (fscanf(f, "%63s", q->options[k]) != 1) fail("bad option");
        for (char *c = q->options[k]; *c; c++) if (*c == 0x1f) *c = ' ';
      }
    }
    if (fscanf(f, "%63s", word) != 1) fail("bad violation");
    if (!strcmp(word, "VYES")) q->violation = V_YES;
    else if (!strcmp(word, "VNO")) q->violation = V_NO;
    else if (!strcmp(word, "VUNRESOLVED")) q->violation = V_UNRESOLVED;
    else if (!strcmp(word, "VCMP")) {
      q->violation = V_CMP;
      if (fscanf(f, "%15s %lf", kind, &q->threshold) != 2) fail("bad VCMP");
      q->cmp = comparison(kind);
    } else {
      int k, index;
      q->violation = V_CHOICES;
      if (fscanf(f, "%d", &k) != 1) fail("bad VCHOICES");
      for (int j = 0; j < k; j++) { if (fscanf(f, "%d", &index) != 1) fail("bad choice"); q->nc_choice[index] = 1; }
    }
    uint32_t h = fnv(q->id, q->len);
    uint32_t s = h & (HSIZE - 1);
    while (htab[s].h) s = (s + 1) & (HSIZE - 1);
    htab[s].h = h; htab[s].slot = i;
  }
  if (fscanf(f, " I %d", &ni) != 1 || ni > MAXI) fail("bad I line");
  for (int i = 0; i < ni; i++) {
    IssueProgram *p = &iss[i];
    if (fscanf(f, " I %63s %d", p->id, &p->n) != 2 || p->n > MAXOPS) fail("bad issue");
    for (int k = 0; k < p->n; k++) {
      Op *o = &p->ops[k];
      if (fscanf(f, "%15s", kind) != 1) fail("bad op");
      if (!strcmp(kind, "IS")) {
        o->op = O_IS;
        if (fscanf(f, "%d %15s", &o->slot, word) != 2) fail("bad IS");
        o->arg = !strcmp(word, "NC") ? S_NC : !strcmp(word, "C") ? S_C : S_NA;
      } else if (!strcmp(kind, "ANSWER")) {
        o->op = O_ANSWER;
        if (fscanf(f, "%d %lf", &o->slot, &o->value) != 2) fail("bad ANSWER");
      } else if (!strcmp(kind, "CMP")) {
        o->op = O_CMP;
        if (fscanf(f, "%d %15s %lf", &o->slot, word, &o->value) != 3) fail("bad CMP");
        o->arg = comparison(word);
      } else if (!strcmp(kind, "AND") || !strcmp(kind, "OR")) {
        o->op = kind[0] == 'A' ? O_AND : O_OR;
        if (fscanf(f, "%d", &o->arg) != 1) fail("bad AND/OR");
      } else if (!strcmp(kind, "NOT")) o->op = O_NOT;
      else o->op = O_NEVER;
    }
  }
  fclose(f);
  qsort(iss, ni, sizeof(IssueProgram), cmp_issue); /* output order = sorted issue ids */
}

static int word_is(const char *s, int n, const char *w) {
  int m = (int)strlen(w);
  if (n != m) return 0;
  for (int i = 0; i < n; i++) if (tolower((unsigned char)s[i]) != w[i]) return 0;
  return 1;
}

/* Reads one answer into the slot's status and raw value. */
static void judge(int slot, const char *v, int n) {
  Question *q = &qs[slot];
  while (n && (*v == ' ' || *v == '\t')) { v++; n--; }
  while (n && (v[n - 1] == ' ' || v[n - 1] == '\t')) n--;
  if (word_is(v, n, "not-applicable") || word_is(v, n, "n/a") || word_is(v, n, "na")) {
    status[slot] = q->na ? S_NA : S_UNUSABLE; raw[slot] = NAN; return;
  }
  double value = NAN;
  if (q->kind == K_YESNO) {
    if (word_is(v, n, "yes")) value = 1; else if (word_is(v, n, "no")) value = 0;
  } else if (q->kind == K_NUMBER) {
    char text[64]; char *end;
    if (n > 0 && n < 63) { memcpy(text, v, n); text[n] = 0; value = strtod(text, &end); if (*end) value = NAN; }
  } else if (q->kind == K_DATE) {
    if (n == 10 && v[4] == '-' && v[7] == '-') value = atoi(v) * 10000.0 + atoi(v + 5) * 100.0 + atoi(v + 8);
  } else {
    for (int k = 0; k < q->noptions; k++) if (word_is(v, n, q->options[k])) { value = k; break; }
  }
  if (isnan(value)) { status[slot] = S_UNUSABLE; return; }
  raw[slot] = value;
  int nc;
  switch (q->violation) {
  case V_YES: nc = value == 1; break;
  case V_NO: nc = value == 0; break;
  case V_CMP: nc = compare(value, q->cmp, q->threshold); break;
  case V_CHOICES: nc = q->nc_choice[(int)value]; break;
  default: status[slot] = S_UNUSABLE; return;
  }
  status[slot] = nc ? S_NC : S_C;
}

static int evaluate(const IssueProgram *p) {
  unsigned char stack[MAXOPS]; int top = 0;
  for (int k = 0; k < p->n; k++) {
    const Op *o = &p->ops[k];
    switch (o->op) {
    case O_IS: stack[top++] = status[o->slot] == o->arg; break;
    case O_ANSWER: stack[top++] = raw[o->slot] == o->value; break;
    case O_CMP: stack[top++] = !isnan(raw[o->slot]) && compare(raw[o->slot], o->arg, o->value); break;
    case O_NOT: stack[top - 1] = !stack[top - 1]; break;
    case O_NEVER: stack[top++] = 0; break;
    default: {
      int all = 1, any = 0;
      for (int j = 0; j < o->arg; j++) { all &= stack[top - 1 - j]; any |= stack[top - 1 - j]; }
      top -= o->arg;
      stack[top++] = o->op == O_AND ? all : any;
    }
    }
  }
  return stack[0];
}

int main(int argc, char **argv) {
  if (argc != 4) { fprintf(stderr, "usage: %s RULES_C_TXT ANSWERS_CSV OUTPUT\n", argv[0]); return 2; }
  double t0 = now();
  load_rules(argv[1]);
  double t1 = now();

  int fd = open(argv[2], O_RDONLY);
  if (fd < 0) { perror(argv[2]); return 2; }
  struct stat st; fstat(fd, &st);
  size_t size = (size_t)st.st_size;
  char *buf = malloc(size + 1);
  size_t got = 0;
  while (got < size) { ssize_t r = read(fd, buf + got, size - got); if (r <= 0) { perror("read"); return 2; } got += r; }
  close(fd);
  buf[size] = '\n';
  double t2 = now();

  size_t cap = 1 << 20, olen = 0;
  char *out = malloc(cap);
  for (int k = 0; k < nq; k++) { status[k] = S_MISSING; raw[k] = NAN; }
  const char *p = memchr(buf, '\n', size) + 1; /* skip header */
  const char *end = buf + size;
  const char *cur = NULL; int curlen = 0; long n = 0;

#define FLUSH()                                                                          \
  do {                                                                                   \
    if (olen + (size_t)curlen + 66 * (size_t)ni + 2 > cap) { cap *= 2; out = realloc(out, cap); } \
    memcpy(out + olen, cur, curlen); olen += curlen; out[olen++] = '\t';                 \
    int first = 1;                                                                       \
    for (int i = 0; i < ni; i++) {                                                       \
      if (evaluate(&iss[i])) {                                                           \
        if (!first) out[olen++] = ',';                                                   \
        first = 0;                                                                       \
        size_t l = strlen(iss[i].id); memcpy(out + olen, iss[i].id, l); olen += l;       \
      }                                                                                  \
    }                                                                                    \
    out[olen++] = '\n'; n++;                                                             \
    for (int k = 0; k < nq; k++) { status[k] = S_MISSING; raw[k] = NAN; }               \
  } while (0)

  while (p < end) {
    const char *c1 = memchr(p, ',', end - p);
    if (!c1) break;
    int alen = (int)(c1 - p);
    if (!cur || alen != curlen || memcmp(p, cur, alen) != 0) {
      if (cur) FLUSH();
      cur = p; curlen = alen;
    }
    const char *q = c1 + 1;
    const char *c2 = memchr(q, ',', end - q);
    const char *e = memchr(c2 + 1, '\n', end - c2);
    int slot = lookup(q, (int)(c2 - q));
    if (slot >= 0) {
      int vl = (int)(e - (c2 + 1));
      if (vl && c2[vl] == '\r') vl--;
      judge(slot, c2 + 1, vl);
    }
    p = e + 1;
  }
  if (cur) FLUSH();
  double t3 = now();

  FILE *fo = fopen(argv[3], "w");
  if (!fo) { perror(argv[3]); return 2; }
  fwrite(out, 1, olen, fo);
  fclose(fo);
  double t4 = now();
  fprintf(stderr, "BENCH {\"engine\": \"c-lower-bound\", \"n\": %ld, \"setup_s\": %.4f, \"load_s\": %.4f, "
          "\"eval_s\": %.4f, \"emit_s\": %.4f, \"note\": \"load=read(); eval=parse+evaluate fused\"}\n",
          n, t1 - t0, t2 - t1, t3 - t2, t4 - t3);
  return 0;
}
