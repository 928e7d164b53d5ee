"""Deterministic English and Chinese text for the open-or-closed decision: reasons and the verdict paragraph.

Every sentence is a template here with named fields filled from numbers the decision computed; nothing is
recomputed and nothing comes from an LLM.
"""

from __future__ import annotations

import math

RULES_ZH = {
    "deprecated": "已停用",
    "quality_data": "质量数据",
    "open_weights": "开放权重",
    "deployment": "部署方式",
    "license": "许可证",
    "capability": "能力",
    "context": "上下文长度",
    "region": "地区",
    "privacy": "隐私",
    "hardware": "硬件",
    "speed": "速度",
    "budget": "预算",
}
ROUTE = {"api": ("the API", "API"), "self_hosted": ("self-hosting", "自托管")}
PRIORITY_ZH = {"quality": "质量", "cost": "成本"}


def usd(x: float | None) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    if x == 0:
        return "$0"
    return f"${x:,.0f}" if abs(x) >= 100 else f"${x:,.2f}"


def volume(x: float | None) -> str:
    """Requests/day rounded to 3 significant figures: 563 → '563', 12,345 → '12,300'."""
    if x is None or math.isnan(x) or math.isinf(x):
        return "n/a"
    if x < 10:
        return f"{x:.1f}".rstrip("0").rstrip(".")
    digits = 3 - int(math.floor(math.log10(abs(x)))) - 1
    return f"{round(x, min(0, digits)):,.0f}"


def why(w: dict, lang: str) -> str:
    """Why a route has no pick: {'code': 'rule'|'hardware'|'none', ...}."""
    code = w.get("code", "none")
    if code == "rule":
        if lang == "zh":
            example = f"；例如 {w['example_zh']}" if w.get("example_zh") else ""
            return f"没有开放权重模型满足您的{RULES_ZH.get(w['rule'], w['rule'])}要求（{w['n']} 个模型不满足{example}）"
        example = f"; e.g. {w['example']}" if w.get("example") else ""
        return f"no open-weights model meets your {w['rule']} need ({w['n']} fail it{example})"
    if code == "rule_api":
        if lang == "zh":
            return f"没有 API 模型满足您的{RULES_ZH.get(w['rule'], w['rule'])}要求"
        return f"no API model meets your {w['rule']} need"
    if code == "hardware":
        if lang == "zh":
            return f"满足需求的开放权重模型都无法在 {w['hw']} 上运行"
        return f"none of the open-weights models meeting your needs fits {w['hw']}"
    return "没有满足全部条件的模型" if lang == "zh" else "no model meets all your constraints"


def reason(key: str, p: dict, lang: str) -> str:
    zh = lang == "zh"
    route = ROUTE.get(p.get("route", ""), ("", ""))[1 if zh else 0]
    if key == "privacy_self_hosted":
        return (
            "您的隐私要求数据不出本地基础设施：只有自托管的开放权重模型符合。"
            if zh
            else (
                "Your privacy rule keeps data on your own infrastructure: only self-hosted open weights qualify."
            )
        )
    if key == "asked_open_weights":
        return "您要求可下载的开放权重。" if zh else "You asked for downloadable open weights."
    if key == "asked_self_hosted":
        return "您要求自托管。" if zh else "You asked to self-host."
    if key == "asked_api":
        return "您要求通过 API 使用。" if zh else "You asked for API deployment."
    if key in ("no_self", "no_api"):
        head = (
            ("不能自托管：" if key == "no_self" else "没有 API 选项：")
            if zh
            else ("Self-hosting is out: " if key == "no_self" else "No API option: ")
        )
        return head + why(p["why"], lang) + ("。" if zh else ".")
    if key == "no_route":
        return (
            "两条路线都没有满足全部条件的模型；请查看“接近入选”的模型。"
            if zh
            else "Neither route has a model that meets all your constraints; see the near misses."
        )
    if key == "over_budget":
        return (
            f"按您的请求量，{route}每月约 {usd(p['usd'])}，超出 {usd(p['budget'])} 的预算。"
            if zh
            else f"At your volume {route} costs about {usd(p['usd'])}/month, over your {usd(p['budget'])} budget."
        )
    if key == "quality_better":
        return (
            f"质量明显更高：{p['name']} {p['q']:.0f} 分，对比 {p['other']} {p['q_other']:.0f} 分（Arena，95% 区间不重叠）。"
            if zh
            else f"{p['name']} is clearly better for your tasks: {p['q']:.0f} vs {p['q_other']:.0f} Arena "
            f"points for {p['other']} (95% intervals don't overlap)."
        )
    if key == "quality_similar":
        return (
            f"质量相当：API {p['q_api']:.0f} 分，自托管 {p['q_self']:.0f} 分（区间重叠）。"
            if zh
            else f"Quality is comparable: {p['q_api']:.0f} (API) vs {p['q_self']:.0f} (self-hosted) Arena points; "
            "the intervals overlap."
        )
    if key == "cost_cheaper":
        times = (
            ""
            if math.isinf(p["ratio"])
            else (f"（约 {p['ratio']:.1f} 倍差距）" if zh else f" ({p['ratio']:.1f}×)")
        )
        return (
            f"按您的请求量，{route}更便宜：每月 {usd(p['usd'])}，对比 {usd(p['usd_other'])}{times}。"
            if zh
            else f"At your volume {route} is cheaper: {usd(p['usd'])}/month against {usd(p['usd_other'])}{times}."
        )
    if key == "cost_similar":
        return (
            f"成本相近：API 每月 {usd(p['usd_api'])}，自托管每月 {usd(p['usd_self'])}。"
            if zh
            else f"Costs are close: {usd(p['usd_api'])}/month (API) vs {usd(p['usd_self'])}/month (self-hosted)."
        )
    if key == "tradeoff_priority":
        return (
            f"一方更好、另一方更便宜；您的优先级是{PRIORITY_ZH[p['priority']]}。"
            if zh
            else f"One route is better and the other cheaper; your priority is {p['priority']}."
        )
    if key == "tie_sovereignty":
        return (
            "两者相当；“自主可控”偏好开放权重（不被锁定、不会被撤回）。"
            if zh
            else ("Close call; the sovereignty preset prefers open weights (no lock-in, can't be withdrawn).")
        )
    if key == "tie_enterprise":
        return (
            f"两者相当；“企业”偏好有厂商支持/SLA 的一方：{route}。"
            if zh
            else f"Close call; the enterprise preset prefers the route with vendor support / an SLA: {route}."
        )
    if key == "sovereignty_closed":
        return (
            f"“自主可控”不为锁定买单：{p['name']} 的权重不公开，而自托管的模型质量并不明显更差。"
            if zh
            else f"The sovereignty preset won't pay for lock-in: {p['name']} has closed weights and the "
            "self-hosted model is not clearly worse."
        )
    if key == "api_open_weights":
        return (
            f"{p['name']} 本身是开放权重模型：以后可以改为自托管，不会被锁定。"
            if zh
            else f"{p['name']} itself has open weights: you can move to self-hosting later without lock-in."
        )
    if key == "tie":
        return (
            "两者相当：请根据锁定、寿命、支持和定制等因素决定。"
            if zh
            else ("Close call: decide on lock-in, longevity, support and customisation (below).")
        )
    raise KeyError(f"no text for decision reason {key!r}")


def _where(pick, zh: bool) -> str:
    n = pick.gpu_count or 1
    hw = f"{n}× {pick.gpu}" if pick.gpu else "CPU"
    if pick.gpu_rented:
        return f"租用的 {hw} 上" if zh else f"on rented {hw}"
    return f"您的 {hw} 上" if zh else f"on your {hw}"


def paragraph(d, lang: str, api_ruled_out: bool = False) -> str:
    """The verdict paragraph for a `Decision` `d` (its numbers only); `api_ruled_out`: your privacy rule
    excludes APIs, so the API figure is for reference."""
    zh = lang == "zh"
    api, own, v = d.api_pick, d.self_hosted_pick, volume(d.requests_per_day)
    a = (
        f"{api.name} via {api.provider}"
        if api and not zh
        else f"{api.name}（经 {api.provider}）"
        if api
        else ""
    )
    s_cost = usd(d.self_hosted_monthly_usd)
    owned = bool(own and own.gpu_rented is False)
    reps = d.self_hosted_replicas or 1
    power = ("（电费）" if zh else " in electricity") if owned and reps == 1 else ""
    rep = (f"（{reps} 个副本）" if zh else f" ({reps} replicas)") if reps > 1 else ""
    if owned and reps > 1:
        rep = (
            f"（您硬件的电费加 {reps - 1} 个租用副本）"
            if zh
            else f" (electricity for your hardware plus {reps - 1} rented replicas)"
        )
    first = (d.reasons_zh if zh else d.reasons)[:1]
    if d.verdict == "open" and own:
        head = (
            f"建议：开放权重——在{_where(own, True)}自托管 {own.name}，每月约 {s_cost}{power}{rep}"
            if zh
            else f"For you: open weights — self-hosting {own.name} {_where(own, False)} costs about {s_cost}/month{power}{rep}"
        )
        if api:
            note = (
                ("，但您的隐私要求排除了 API" if zh else ", which your privacy rule rules out")
                if api_ruled_out
                else ""
            )
            head += (
                f"；按每天 {v} 次请求计，最佳 API {a}每月约 {usd(d.api_monthly_usd)}{note}"
                if zh
                else f" against {usd(d.api_monthly_usd)}/month for the best API ({a}) at {v} requests/day{note}"
            )
    elif d.verdict == "closed" and api:
        head = (
            f"建议：使用 API——按每天 {v} 次请求计，{a}每月约 {usd(d.api_monthly_usd)}"
            if zh
            else f"For you: an API — {a} costs about {usd(d.api_monthly_usd)}/month at {v} requests/day"
        )
        if own:
            head += (
                f"；在{_where(own, True)}自托管 {own.name} 每月约 {s_cost}{power}{rep}"
                if zh
                else f" against {s_cost}/month{power}{rep} to self-host {own.name} {_where(own, False)}"
            )
    elif d.verdict == "either" and api and own:
        head = (
            f"建议：两条路线均可——按每天 {v} 次请求计，{a}每月约 {usd(d.api_monthly_usd)}，在{_where(own, True)}"
            f"自托管 {own.name} 每月约 {s_cost}{power}{rep}"
            if zh
            else f"For you: either route — {a} at about {usd(d.api_monthly_usd)}/month or self-hosting {own.name} "
            f"{_where(own, False)} at about {s_cost}/month{power}{rep}, at {v} requests/day"
        )
    else:
        label = {
            "open": ("开放权重", "open weights"),
            "closed": ("API", "an API"),
            "either": ("两条路线均可", "either route"),
        }
        head = f"建议：{label[d.verdict][0]}" if zh else f"For you: {label[d.verdict][1]}"
        first = []
        out = [head + ("。" if zh else "."), *(d.reasons_zh if zh else d.reasons)]
        return " ".join(out) if not zh else "".join(out)
    out = [head + ("。" if zh else ".")]
    if api and own:
        out.append(_break_even(d, zh))
    out += first
    if d.verdict == "open":
        out.append(
            "即使厂商更改条款，您也能继续使用该模型。"
            if zh
            else "You also keep the model if the vendor changes terms."
        )
    return ("" if zh else " ").join(out)


def _break_even(d, zh: bool) -> str:
    if d.break_even_requests_per_day is not None:
        n = volume(d.break_even_requests_per_day)
        text = f"盈亏平衡点约为每天 {n} 次请求。" if zh else f"Break-even at about {n} requests/day."
        if d.self_hosted_cheaper_until is not None:
            u = volume(d.self_hosted_cheaper_until)
            text += (
                f"每天超过约 {u} 次请求后，API 在任何请求量下都更便宜：新增副本的成本高于它所承载流量的 API 费用。"
                if zh
                else f" Above about {u} requests/day the API is cheaper at any volume: another replica "
                "costs more than the API for the traffic it adds."
            )
        return text
    if d.lines is not None and d.lines.usd_per_daily_request == 0:
        return (
            "该 API 按标价免费，自托管不会更便宜。"
            if zh
            else "The API pick is free at list price, so self-hosting never costs less."
        )
    return (
        "按当前价格，自托管在任何请求量下都不比 API 便宜。"
        if zh
        else "At these prices self-hosting costs more than the API at any volume."
    )
