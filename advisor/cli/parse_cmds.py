"""`advisor parse "TEXT" [--format json|table]`: the rule-based parser from the command line."""

from __future__ import annotations

import json
import sys


def register(sub) -> None:
    p = sub.add_parser(
        "parse",
        help="read requirements from English or Chinese free text (rule-based, no LLM)",
        description='Example: advisor parse "两张3090，每月2000元，数据不能出内网" --format json',
    )
    p.add_argument("text", help="the text to read; '-' reads standard input")
    p.add_argument("--format", choices=["json", "table"], default="json")
    p.set_defaults(handler=run)


def run(args) -> int:
    from advisor.i18n import label, t
    from advisor.parse import missing_labels, parse_text

    text = sys.stdin.read() if args.text == "-" else args.text
    result = parse_text(text)
    payload = result.model_dump(mode="json")
    if args.format == "json":
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    lang = result.lang
    rows = [(label("field", "understood", lang), "; ".join(result.understood) or t("none", lang))]
    rows.append((label("field", "missing", lang), missing_labels(result.missing, lang) or t("none", lang)))
    if result.follow_up:
        rows.append((label("field", "follow_up", lang), result.follow_up))
    if result.ignored:
        rows.append((label("field", "ignored", lang), "; ".join(result.ignored)))
    changed = result.requirements.model_dump(mode="json", exclude_defaults=True)
    rows += [
        (label("field", key, lang), json.dumps(value, ensure_ascii=False)) for key, value in changed.items()
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name.ljust(width)}  {value}")
    return 0
