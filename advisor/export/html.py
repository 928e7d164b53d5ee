"""The printable HTML export: one standalone page, inline CSS, no scripts, every dynamic value escaped."""

from __future__ import annotations

from html import escape

from advisor import explain as ex
from advisor.export import SHORTLIST_COLUMNS, excluded_table, requirement_rows, shortlist_rows
from advisor.i18n import label, t
from advisor.recommendation import Pick, Recommendation

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;
 max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:1.6rem}
h3{font-size:1.05rem;margin:1rem 0 .3rem}.muted{color:#555}.headline{font-weight:600;font-size:1.1rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.25rem .45rem;text-align:left;vertical-align:top}th{background:#f2f2f2}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.bar{background:#e8eef7;height:.7rem;min-width:8rem}.bar span{display:block;height:100%;background:#3b6fb6}
.pick{border:1px solid #ddd;border-radius:6px;padding:.4rem .8rem;margin:.6rem 0;break-inside:avoid}
@media print{body{margin:0;max-width:none}a{color:inherit}.pick{border-color:#999}}
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _table(header: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{_e(c)}</td>' if i in numeric else f"<td>{_e(c)}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _block(b: ex.Block) -> str:
    parts = [f"<h3>{_e(b.title)}</h3>"] if b.title else []
    cls = ' class="headline"' if b.strong else ""
    parts += [f"<p{cls}>{_e(p)}</p>" for p in b.paras]
    if b.bullets:
        parts.append("<ul>" + "".join(f"<li>{_e(x)}</li>" for x in b.bullets) + "</ul>")
    return "\n".join(parts)


def _pick(p: Pick, lang: str) -> str:
    rows = []
    for key, c in sorted(p.criteria.items(), key=lambda kv: (-kv[1].contribution, kv[0])):
        width = f"{max(0.0, min(1.0, c.normalized)) * 100:.1f}"
        rows.append(
            f"<tr><td>{_e(label('criterion', key, lang))}</td><td>{_e(ex.value_text(c.value, c.unit, lang))}</td>"
            f'<td><div class="bar"><span style="width:{width}%"></span></div></td>'
            f'<td class="num">{_e(ex.num(c.weight, 2))}</td><td class="num">{_e(ex.SCORE.format(c.contribution))}</td></tr>'
        )
    header = (
        t("col_criterion", lang),
        t("value", lang),
        t("col_normalized", lang),
        t("col_weight", lang),
        t("col_contribution_short", lang),
    )
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    title = f"#{p.rank} {p.name.strip()} — {ex.deployment(p, lang)}"
    reasons = "".join(f"<li>{_e(r)}</li>" for r in p.reasons)
    return (
        f'<section class="pick"><h3>{_e(title)}</h3><p class="muted">{_e(p.organization)} · {_e(p.license)} · '
        f"{_e(t('col_score', lang))} {_e(ex.SCORE.format(p.score))}</p>"
        f"<ul>{reasons}</ul><table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def render(rec: Recommendation, lang: str) -> str:
    html_lang = "zh-CN" if lang == "zh" else "en"
    body = [
        f"<h1>{_e(t('title', lang))}</h1>",
        f'<p class="muted">{_e(t("data_as_of", lang, date=rec.data_as_of))}</p>',
    ]
    body.append(_block(ex.headline(rec, lang)))
    body += [
        f"<h2>{_e(t('requirements', lang))}</h2>",
        _table([t("field", lang), t("value", lang)], [list(r) for r in requirement_rows(rec, lang)]),
    ]
    if rec.recommendations:
        body += [
            f"<h2>{_e(t('shortlist', lang))}</h2>",
            _table([t(c, lang) for c in SHORTLIST_COLUMNS], shortlist_rows(rec, lang), {0, 3, 4, 5, 7}),
        ]
        body += [_pick(p, lang) for p in rec.recommendations]
    body += [
        _block(b) for b in ex.blocks(rec, lang)[1:] if b.title not in (t("why", lang), t("excluded", lang))
    ]
    if rec.excluded:
        header, rows, notes = excluded_table(rec, lang)
        body += [f"<h2>{_e(t('excluded', lang))}</h2>", f"<p>{_e(notes[0])}</p>", _table(header, rows)]
        body += [f'<p class="muted">{_e(note)}</p>' for note in notes[1:]]
    for key, items in (("warnings", rec.warnings), ("assumptions", rec.assumptions)):
        if items:
            body += [
                f"<h2>{_e(t(key, lang))}</h2>",
                "<ul>" + "".join(f"<li>{_e(x)}</li>" for x in items) + "</ul>",
            ]
    if rec.data_sources:
        rows = [[k, v] for k, v in sorted(rec.data_sources.items())]
        body += [
            f"<h2>{_e(t('sources', lang))}</h2>",
            _table([t("col_source", lang), t("col_snapshot", lang)], rows),
        ]
    body.append(
        f'<hr><p class="muted">{_e(t("footer", lang, version=rec.advisor_version, date=rec.data_as_of))}</p>'
    )
    title = f"{t('title', lang)} — {rec.data_as_of}"
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
