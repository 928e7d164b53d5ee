"""The engine's sentences in English and 简体中文: pick reasons, exclusion reasons, near-miss changes,
stability, warnings, assumptions. Merged into `advisor.i18n.STRINGS`; render with `advisor.i18n.t`.

Named placeholders only; numbers keep their format spec in both languages, model and provider names are
passed through. Requirement keys in hints ("privacy: any") stay as written: they are what the user sets.
"""

from __future__ import annotations

# key -> (English, 中文)
ENGINE_STRINGS: dict[str, tuple[str, str]] = {
    # shared pieces
    "e_list_sep": ("; ", "；"),
    "e_none_listed": ("none listed", "未列出"),
    "e_via_api": ("via API: ", "通过 API："),
    "e_self_hosted": ("self-hosted: ", "自托管："),
    "e_trains_default": ("trains on API data by default", "默认用 API 数据训练"),
    "e_trains_unknown": ("does not say whether it trains on API data", "未说明是否用 API 数据训练"),
    "e_trains_unknown_short": ("doesn't say whether it trains on API data", "未说明是否用 API 数据训练"),
    # exclusion reasons (filters.RULES)
    "x_deprecated": ("deprecated by its vendor", "已被厂商弃用"),
    "x_retired": (" (retired {date})", "（{date} 停用）"),
    "x_quality_data": (
        "no quality score for {tasks} (nor a general one)",
        "没有{tasks}的质量分（也没有通用分）",
    ),
    "x_open_weights": (
        "weights are not downloadable (closed model); you asked for open weights",
        "权重不可下载（闭源模型）；你要求开放权重",
    ),
    "x_no_api_offer": ("no API offer in the catalog", "目录中没有 API 报价"),
    "x_not_downloadable": ("; weights are not downloadable", "；权重不可下载"),
    "x_self_none": (
        "no API offer; to self-host it, give your hardware or set deployment: self_hosted (rented GPUs)",
        "没有 API 报价；要自托管，请提供你的硬件或设置 deployment: self_hosted（租用显卡）",
    ),
    "x_served_api": (
        "served through {provider}'s API; you asked to self-host",
        "通过 {provider} 的 API 提供；你要求自托管",
    ),
    "x_api_only": (
        "API only (closed weights); you asked to self-host",
        "仅提供 API（闭源权重）；你要求自托管",
    ),
    "x_license_commercial": ("license {license} forbids commercial use", "许可证 {license} 禁止商用"),
    "x_license_permissive": (
        "license {license} is not OSI-permissive (Apache-2.0, MIT, BSD)",
        "许可证 {license} 不是 OSI 宽松许可证（Apache-2.0、MIT、BSD）",
    ),
    "x_capability": ("lacks {caps}", "缺少{caps}能力"),
    "x_context_unknown": (
        "context length unknown; you need at least {need}",
        "上下文长度未知；你至少需要 {need}",
    ),
    "x_context": ("context {have} tokens < the {need} you need", "上下文 {have} tokens < 你需要的 {need}"),
    "x_region": (
        "no API offer usable in {region} (offers: {regions})",
        "没有可在{region}使用的 API 报价（现有：{regions}）",
    ),
    "x_privacy_api": ("{provider}'s API", "{provider} 的 API"),
    "x_privacy_any_api": ("an API", "云端 API"),
    "x_privacy_self": (
        "would send your data to {via}; your privacy rule keeps data on your own infrastructure",
        "会把数据发送到 {via}；你的隐私规则要求数据留在自有基础设施上",
    ),
    "x_privacy_trains": (
        "{provider} {says}; you need a provider that doesn't train on your data",
        "{provider} {says}；你需要不用你的数据训练的提供方",
    ),
    "x_rent_unknown": (
        "no rentable GPU configuration in our price list fits it",
        "价格表中没有装得下它的可租用显卡配置",
    ),
    "x_rent": (
        "no rentable GPU configuration fits it (needs {gb:.1f} GB)",
        "没有装得下它的可租用显卡配置（需要 {gb:.1f} GB）",
    ),
    "x_hardware": (
        "needs {gb:.1f} GB at {quant} with {ctx} context; you have {have:.0f} GB",
        "在 {quant}、{ctx} 上下文下需要 {gb:.1f} GB；你只有 {have:.0f} GB",
    ),
    "x_speed": (
        "about {tps:.0f} tokens/s < the {need:g} you need",
        "约 {tps:.0f} tokens/秒 < 你需要的 {need:g}",
    ),
    "x_budget": (
        "${usd:,.2f}/month > your ${budget:,.2f} budget",
        "每月 ${usd:,.2f} > 你的预算 ${budget:,.2f}",
    ),
    # the single change that would admit a model (near misses)
    "c_open_weights": (
        "allow closed, API-only models (open_weights: false)",
        "允许闭源、仅 API 的模型（open_weights: false）",
    ),
    "c_self_hosted": (
        "set deployment: self_hosted (rented cloud GPUs) or give your hardware",
        "设置 deployment: self_hosted（租用云端显卡）或提供你的硬件",
    ),
    "c_allow_api": ("allow API use (deployment: any)", "允许使用 API（deployment: any）"),
    "c_proprietary": (
        "allow proprietary models (license: commercial)",
        "允许专有模型（license: commercial）",
    ),
    "c_accept_license": (
        "accept the {license} license (license: commercial)",
        "接受 {license} 许可证（license: commercial）",
    ),
    "c_non_commercial": ("allow non-commercial license (license: any)", "允许非商用许可证（license: any）"),
    "c_capability": ("drop the {caps} requirement", "去掉对{caps}能力的要求"),
    "c_context": ("accept a {ctx} context", "接受 {ctx} 上下文"),
    "c_region": ("allow a service outside {region} (region: any)", "允许{region}以外的服务（region: any）"),
    "c_no_training_api": (
        "allow APIs that don't train on your data (privacy: no_training)",
        "允许不用你的数据训练的 API（privacy: no_training）",
    ),
    "c_any_api": ("allow APIs (privacy: any)", "允许使用 API（privacy: any）"),
    "c_may_train": (
        "allow providers that may train on your data (privacy: any)",
        "允许可能用你的数据训练的提供方（privacy: any）",
    ),
    "c_memory_ram": ("{gb:,} GB of RAM", "{gb:,} GB 内存"),
    "c_memory_unified": ("{gb:,} GB of unified memory", "{gb:,} GB 统一内存"),
    "c_gpu": ("a {gb} GB GPU", "一块 {gb} GB 显卡"),
    "c_gpus": ("{n} GPUs with {gb} GB each", "{n} 块各 {gb} GB 的显卡"),
    "c_gpu_memory": ("{gb:,} GB of GPU memory", "{gb:,} GB 显存"),
    "c_speed": ("accept {tps} tokens/s", "接受 {tps} tokens/秒"),
    "c_budget": ("+${usd:,}/month", "每月预算 +${usd:,}"),
    # pick reasons
    "r_quality": (
        "{tasks} quality {q:.0f} Arena points (95% interval {lo:.0f}–{hi:.0f}), #{place} of {n} candidates on quality",
        "{tasks}质量 {q:.0f} Arena 分（95% 区间 {lo:.0f}–{hi:.0f}），质量在 {n} 个候选中排第 {place}",
    ),
    "r_fallback": (
        "No Arena score for every task you listed; its general score stands in for the missing ones",
        "并非你列出的每个任务都有 Arena 分数；缺少的由其通用分数代替",
    ),
    "r_imputed": (
        "Its quality score is imputed (predicted from other benchmarks), not measured on Arena",
        "其质量分是推算的（由其他基准预测），并非在 Arena 上实测",
    ),
    "r_older": (
        "Its quality score comes from an older Arena snapshot mapped onto the current scale",
        "其质量分来自较早的 Arena 快照，已换算到当前刻度",
    ),
    "r_cost_api": (
        "About ${usd:,.2f}/month via {provider} at your workload",
        "按你的工作量，通过 {provider} 每月约 ${usd:,.2f}",
    ),
    "r_cost_rented": (
        "About ${usd:,.0f}/month on {count}× {gpu} rented by the hour",
        "按小时租用 {count}× {gpu}，每月约 ${usd:,.0f}",
    ),
    "r_cost_owned": (
        "Runs on your own hardware; electricity about ${usd:,.0f}/month",
        "在你自己的硬件上运行；电费每月约 ${usd:,.0f}",
    ),
    "r_speed": ("; about {tps:.0f} tokens/s (estimated)", "；约 {tps:.0f} tokens/秒（估算）"),
    "r_fits": (
        "Fits in {gb:.1f} of {have:.0f} GB at {quant}{speed}",
        "{quant} 下占用 {gb:.1f} GB（共 {have:.0f} GB）{speed}",
    ),
    "r_low_bits": (
        "Runs at {quant} ({bits:g} bits per weight): expect lower quality than its Arena score, which was "
        "measured at full precision",
        "以 {quant} 运行（每个权重 {bits:g} 位）：质量会低于其在全精度下测得的 Arena 分数",
    ),
    "r_restricted": (
        "{license}: commercial use with conditions — {restriction}",
        "{license}：有条件允许商用——{restriction}",
    ),
    "r_open_license": (
        "{license} license, open weights: commercial use allowed",
        "{license} 许可证，开放权重：允许商用",
    ),
    "r_no_training": ("{provider} does not train on API data", "{provider} 不用 API 数据训练"),
    "r_data_stays": ("Your data stays on infrastructure you control", "你的数据留在你掌控的基础设施上"),
    "r_strongest": (
        "Strongest criterion: {criterion} ({c:.2f} of its {s:.2f} score)",
        "贡献最大的准则：{criterion}（在总分 {s:.2f} 中占 {c:.2f}）",
    ),
    "r_tied": (
        "Tied with {names}: quality intervals overlap and scores are within {noise}",
        "与 {names} 并列：质量区间重叠，得分相差不超过 {noise}",
    ),
    # stability and what would change the answer
    "s_stable": (
        "{name} stays the top pick under every ±20% change of a single weight.",
        "任意单个权重变动 ±20%，{name} 都保持首选。",
    ),
    "s_unstable": (
        "{name} is not stable: if you {change}, {other} takes the top.",
        "{name} 并不稳定：如果{change}，{other} 将成为首选。",
    ),
    "s_more": ("weigh {criterion} {pct}% more", "把{criterion}的权重提高 {pct}%"),
    "s_less": ("weigh {criterion} {pct}% less", "把{criterion}的权重降低 {pct}%"),
    "s_becomes_top": ("{name} becomes the top pick", "{name} 成为首选"),
    "s_eligible": ("{name} becomes eligible and would rank #{rank}", "{name} 将入选，并排第 {rank} 名"),
    # warnings
    "w_none": (
        "No model meets all your constraints; the {rule} rule removed the most ({n} of {total} models).",
        "没有模型满足你的全部约束；{rule}规则排除的最多（{total} 个模型中的 {n} 个）。",
    ),
    "w_closest": (" Closest: {items}.", "最接近的：{items}。"),
    "w_closest_item": ("{name} if {change}", "{name}（若{change}）"),
    "w_trains": (
        "{name} via {provider}: the provider {says}; set privacy: no_training to rule this out.",
        "{name}（经 {provider}）：该提供方{says}；设置 privacy: no_training 可排除这种情况。",
    ),
    "w_restricted": (
        "{name}: {license} allows commercial use with conditions: {restriction}",
        "{name}：{license} 有条件允许商用：{restriction}",
    ),
    "w_gap_unavailable": (
        "The open-vs-closed gap note is unavailable: {error}",
        "开放与闭源差距说明不可用：{error}",
    ),
    "w_addon_failed": (
        "The {addon} could not be computed ({error}); the ranking above is complete without it.",
        "{addon}未能计算（{error}）；上面的排名不受影响。",
    ),
    "addon_gap": ("open-vs-closed gap note", "开放与闭源差距说明"),
    "addon_decision": (
        "open-or-closed decision (break-even, verdict)",
        "开放还是闭源的决策（盈亏平衡、结论）",
    ),
    "addon_other": ("add-on", "附加分析"),
    # assumptions
    "a_workload": (
        "Workload: {rpd:,.0f} requests/day × ({inp:,} input + {out:,} output tokens), {days} days/month.",
        "工作量：每天 {rpd:,.0f} 次请求 ×（输入 {inp:,} + 输出 {out:,} tokens），每月按 {days} 天计。",
    ),
    "a_quality": ("Quality = mean Arena score over: {tasks}.", "质量 = 以下任务的 Arena 平均分：{tasks}。"),
    "a_context": (
        "Memory estimates provision {ctx} tokens of context per request.",
        "内存估算按每个请求 {ctx} tokens 上下文预留。",
    ),
    "a_owned": (
        "Owned hardware is costed at electricity only: board power (data/gpus.csv) × {hours} h × ${kwh}/kWh, "
        "running all month; the hardware itself is not costed.",
        "自有硬件只计电费：板卡功耗（data/gpus.csv）× {hours} 小时 × ${kwh}/kWh，全月运行；硬件本身不计成本。",
    ),
    "a_rented": (
        "Rented GPUs run all month: $/hour × {hours} hours.",
        "租用显卡按全月运行计：每小时价格 × {hours} 小时。",
    ),
    "a_pending": (
        "The {priority} preset weighs support, lock-in and longevity; the catalog does not carry those criteria "
        "yet, so balanced weights are used.",
        "{priority}预设看重支持、锁定和持续性；目录尚无这些准则，因此使用均衡权重。",
    ),
}
