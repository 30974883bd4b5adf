;;; lsp-test.el --- drives `disclose lsp' from Emacs's Eglot, in batch mode  -*- lexical-binding: t -*-
;;
;; Run by editors/emacs/lsp-test.sh, which makes a copy of the rules root and sets DISCLOSE
;; (the binary, put first on PATH) and RULE_FILE (the copy of countries/VN.disclose).
;;
;; The setup is docs/editors.md's, word for word; then it opens the file, waits for the
;; server's first (clean) diagnostics, misspells a question id and waits for E301, applies the
;; quick fix as `C-u M-x eglot-code-actions RET quickfix' does, and checks
;; the buffer is back to its text and clean; then the same for a missing `from' line (E508).

;; The configuration of docs/editors.md, section Emacs.
(define-derived-mode disclose-mode prog-mode "disclose"
  (setq-local comment-start "# "))
(add-to-list 'auto-mode-alist '("\\.disclose\\'" . disclose-mode))
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(disclose-mode "disclose" "lsp")))
(add-hook 'disclose-mode-hook #'eglot-ensure)

(require 'eglot)
(setq eglot-send-changes-idle-time 0.1)

(defun lsp-test-fail (message &rest arguments)
  (message "FAIL: %s" (apply #'format message arguments))
  (kill-emacs 1))

(defun lsp-test-step (message &rest arguments)
  (message "  %s" (apply #'format message arguments)))

(defun lsp-test-wait (seconds predicate)
  "Let processes and timers run until PREDICATE holds, at most SECONDS; its value."
  (let ((deadline (+ (float-time) seconds)) (value nil))
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

(defvar lsp-test-published 0 "How many times the server's diagnostics reached Flymake.")
(advice-add 'eglot--report-to-flymake :after (lambda (&rest _) (setq lsp-test-published (1+ lsp-test-published))))

(defun lsp-test-wait-for-diagnostics ()
  "Wait until the server has published diagnostics again; their codes."
  (let ((before lsp-test-published))
    (unless (lsp-test-wait 30 (lambda () (> lsp-test-published before)))
      (lsp-test-fail "no diagnostics published within 30 s"))
    (lsp-test-codes)))

(defun lsp-test-codes ()
  "The codes of the diagnostics Flymake shows, from the server's."
  (mapcar (lambda (diagnostic)
            (plist-get (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data diagnostic))) :code))
          (flymake-diagnostics)))

(defun lsp-test-fix (needle replacement code)
  "Replace NEEDLE by REPLACEMENT, wait for CODE, apply its quick fix, wait for no diagnostics."
  (let ((original (buffer-string)))
    (goto-char (point-min))
    (unless (search-forward needle nil t) (lsp-test-fail "`%s' is not in the file" needle))
    (replace-match replacement t t)
    (eglot--signal-textDocument/didChange)
    (unless (lsp-test-wait 30 (lambda () (member code (lsp-test-codes))))
      (lsp-test-fail "no %s after the change; diagnostics: %S" code (lsp-test-codes)))
    (let ((diagnostic (seq-find (lambda (d) (equal code (plist-get (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d))) :code)))
                                (flymake-diagnostics))))
      (lsp-test-step "%s: %s" code (car (split-string (flymake-diagnostic-text diagnostic) "\n")))
      (goto-char (flymake-diagnostic-beg diagnostic))
      (set-mark (flymake-diagnostic-end diagnostic))
      (activate-mark)
      ;; What `C-u M-x eglot-code-actions RET quickfix' does. (Eglot 1.9's own
      ;; `eglot-code-action-quickfix' only lists the actions: it passes no INTERACTIVE.)
      (eglot-code-actions (region-beginning) (region-end) "quickfix" t)
      (deactivate-mark))
    (unless (equal (buffer-string) original)
      (lsp-test-fail "the quick fix for %s did not give back the file's text:\n%s" code (buffer-string)))
    (eglot--signal-textDocument/didChange)
    (when (lsp-test-wait-for-diagnostics)
      (lsp-test-fail "diagnostics after the quick fix for %s: %S" code (lsp-test-codes)))
    (lsp-test-step "quick fix applied: the file is clean")))

(let ((file (or (getenv "RULE_FILE") (lsp-test-fail "RULE_FILE is not set"))))
  (find-file file)
  (unless (eq major-mode 'disclose-mode) (lsp-test-fail "the file is not in disclose-mode: %s" major-mode))
  ;; `eglot-ensure' connects after the next command; in batch mode no command runs.
  (run-hooks 'post-command-hook)
  (unless (lsp-test-wait 30 (lambda () (and (eglot-current-server) eglot--managed-mode)))
    (lsp-test-fail "Eglot did not start `disclose lsp'"))
  (lsp-test-step "%s started %s %s"
                 (file-name-nondirectory (directory-file-name (file-name-directory (locate-library "eglot"))))
                 (plist-get (eglot--server-info (eglot-current-server)) :name)
                 (plist-get (eglot--server-info (eglot-current-server)) :version))
  (unless (lsp-test-wait 30 (lambda () (> lsp-test-published 0)))
    (lsp-test-fail "no diagnostics published for the shipped file"))
  (when (lsp-test-codes) (lsp-test-fail "the shipped file has diagnostics: %S" (lsp-test-codes)))
  (lsp-test-step "opened %s: no diagnostics" (file-name-nondirectory file))
  (lsp-test-fix "raised when CON-EMP-03 is no" "raised when CON-EMP-3 is no" "E301")
  (lsp-test-fix "  raised when CON-EMP-03 is no\n  decided by VN-PAC-2015-01\n  from 2015-12-31\n"
                "  raised when CON-EMP-03 is no\n  decided by VN-PAC-2015-01\n" "E508")
  ;; Go to definition (what M-. does): a decision id, and the path of an include.
  (dolist (case '(("decided by VN-PAC-2015-01" "VN-decisions.disclose" "decision VN-PAC-2015-01")
                  ("include \"VN-decisions.disclose" "VN-decisions.disclose" "# Vietnam: register")))
    (goto-char (point-min))
    (search-forward (car case))
    (backward-char 2)
    (let* ((found (xref-backend-definitions 'eglot (xref-backend-identifier-at-point 'eglot)))
           (location (and found (xref-item-location (car found)))))
      (unless location (lsp-test-fail "no definition at `%s'" (car case)))
      (with-current-buffer (marker-buffer (xref-location-marker location))
        (save-excursion
          (goto-char (xref-location-marker location))
          (beginning-of-line)
          (unless (and (equal (file-name-nondirectory buffer-file-name) (nth 1 case))
                       (looking-at-p (regexp-quote (nth 2 case))))
            (lsp-test-fail "definition at `%s' is %s:%d" (car case) buffer-file-name (line-number-at-pos)))))
      (lsp-test-step "definition of `%s': %s" (car case) (nth 1 case))))
  ;; Find references (what M-? does) on an include's path: every country that includes the baseline.
  (goto-char (point-min))
  (search-forward "include \"../rules/baseline")
  (let* ((found (xref-backend-references 'eglot (xref-backend-identifier-at-point 'eglot)))
         (files (delete-dups (mapcar (lambda (item) (file-name-nondirectory (xref-file-location-file (xref-item-location item)))) found))))
    (unless (and (member "VN.disclose" files) (> (length files) 2))
      (lsp-test-fail "references of the baseline's include: %S" files))
    (lsp-test-step "references of include \"../rules/baseline.disclose\": %s" (string-join (sort files #'string<) ", ")))
  ;; Formatting (`eglot-format-buffer'): the layout of `disclose fmt'.
  (let ((original (buffer-string)))
    (goto-char (point-min))
    (search-forward "  title en \"Vietnam\"")
    (replace-match "     title   en   \"Vietnam\"" t t)
    (eglot--signal-textDocument/didChange)
    (eglot-format-buffer)
    (unless (equal (buffer-string) original) (lsp-test-fail "formatting did not give back the file's layout"))
    (lsp-test-step "formatted as disclose fmt does"))
  (set-buffer-modified-p nil)
  (eglot-shutdown (eglot-current-server))
  (message "emacs %s with Eglot: passed" emacs-version)
  (kill-emacs 0))
