#!/usr/bin/env python3
"""Validates disclose's JSON outputs against their published schemas.

Usage: validate_outputs.py SCHEMA DOCUMENT [SCHEMA DOCUMENT ...]
Exits 1 and prints every violation if a document does not match its schema.
"""
import json
import sys

import jsonschema

failed = False
pairs = sys.argv[1:]
for schema_path, document_path in zip(pairs[0::2], pairs[1::2]):
    with open(schema_path, encoding="utf-8") as schema_file, open(document_path, encoding="utf-8") as document_file:
        schema = json.load(schema_file)
        document = json.load(document_file)
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.path))
    for error in errors[:20]:
        print(f"{document_path}: {'/'.join(map(str, error.path))}: {error.message}")
    failed = failed or bool(errors)
    print(f"{document_path}: {'INVALID' if errors else 'valid'} against {schema_path}")
sys.exit(1 if failed else 0)
