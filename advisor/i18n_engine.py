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
        "{n} of {total} picks run on an API provider that may train on your data: {items}{more}; "
        "set privacy: no_training to rule this out.",
        "{total} 个候选中有 {n} 个所用的 API 提供方可能用你的数据训练：{items}{more}；"
        "设置 privacy: no_training 可排除这种情况。",
    ),
    "w_trains_item": ("{name} via {provider} ({says})", "{name}（经 {provider}，{says}）"),
    "w_trains_more": ("; and {n} more", "；另有 {n} 个"),
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
    # hardware basis lines (advisor.hardware) and cost bases (advisor.engine.cost); English = `advisor fit`
    "hw_weights": (
        "Weights: {params:g}B parameters × {bits:g} bits ({note}) = {gb:.2f} GB",
        "权重：{params:g}B 参数 × {bits:g} 位（{note}）= {gb:.2f} GB",
    ),
    "hw_kv": (
        "KV cache: {formula} × {ctx:,} tokens × 2 bytes (FP16) = {gb:.2f} GB",
        "KV 缓存：{formula} × {ctx:,} tokens × 2 字节（FP16）= {gb:.2f} GB",
    ),
    "hw_kv_fallback": (
        "KV cache: {name} has no layer facts, so {gb:.2f} GB for {ctx:,} tokens is estimated from its parameter "
        "count (75th percentile of {models} official models; see docs/hardware.md)",
        "KV 缓存：{name} 缺少层结构数据，{ctx:,} tokens 的 {gb:.2f} GB 按参数量估算（{models} 个官方模型的第 75 "
        "百分位；见 docs/hardware.md）",
    ),
    "hw_overhead": (
        "Runtime overhead ({engine}): {gb:.2f} GB = {basis}",
        "运行时开销（{engine}）：{gb:.2f} GB = {basis}",
    ),
    "hw_overhead_vllm": (
        "{gb:g} GB per GPU for CUDA graphs, activations and the PyTorch context",
        "每张 GPU {gb:g} GB，用于 CUDA graphs、激活值和 PyTorch 上下文",
    ),
    "hw_overhead_share": (" + {share:.1%} of the weights", " + 权重的 {share:.1%}"),
    "hw_overhead_llamacpp": (
        "{gb:g} GB per device for the runtime context and compute buffers{scaled} (fitted on {runs} peak-VRAM "
        "readings)",
        "每个设备 {gb:g} GB，用于运行时上下文和计算缓冲区{scaled}（基于 {runs} 次显存峰值读数拟合）",
    ),
    "hw_available": ("Available: {gb:.1f} GB = {basis}", "可用：{gb:.1f} GB = {basis}"),
    "hw_avail_apple": (
        "{frac:.0%} of {total:g} GB unified memory (macOS GPU wired-memory limit)",
        "{total:g} GB 统一内存的 {frac:.0%}（macOS GPU 固定内存上限）",
    ),
    "hw_avail_cpu": (
        "{frac:.0%} of {total:g} GB RAM (rest left to the OS)",
        "{total:g} GB 内存的 {frac:.0%}（其余留给操作系统）",
    ),
    "hw_avail_vllm": (
        "{frac:.0%} of {total:g} GB VRAM (vLLM gpu_memory_utilization={frac})",
        "{total:g} GB 显存的 {frac:.0%}（vLLM gpu_memory_utilization={frac}）",
    ),
    "hw_avail_gpu": ("{total:g} GB VRAM on {label}", "{label} 上的 {total:g} GB 显存"),
    "hw_avail_offload": (
        "{base} + {frac:.0%} of {ram:g} GB RAM for offloaded layers",
        "{base} + {ram:g} GB 内存的 {frac:.0%}，用于卸载的层",
    ),
    "hw_efficiency": (
        "fitted for {fit} on {runs} runs of {models} models",
        "按 {fit} 拟合，基于 {models} 个模型的 {runs} 次运行",
    ),
    "hw_need": (
        "{gb:.1f} GB at {quant} with {ctx:,} tokens of context",
        "{gb:.1f} GB（{quant}，{ctx:,} tokens 上下文）",
    ),
    "hw_lowest": (" (the smallest quantization tried)", "（已尝试的最小量化）"),
    "hw_no_fit": (
        "Does not fit: needs {need}{lowest}; there is {gb:.1f} GB",
        "放不下：需要 {need}{lowest}；可用 {gb:.1f} GB",
    ),
    "hw_offload": (
        "Fits only with CPU offload: {gb:.1f} GB of weights in system RAM — much slower than all-GPU",
        "仅靠 CPU 卸载才放得下：{gb:.1f} GB 权重放在系统内存——比全部放在 GPU 上慢得多",
    ),
    "hw_fits_at": (
        "Fits at {quant}, the best quality that fits ({bigger} would need more): {need}",
        "以 {quant} 放得下，这是放得下的最高质量（{bigger} 需要更多内存）：{need}",
    ),
    "hw_fits": ("Fits: {need}", "放得下：{need}"),
    "hw_tensor_parallel": (
        "Tensor parallel over {n} GPUs: bandwidths add up, × {tp:g} for communication",
        "在 {n} 张 GPU 上张量并行：带宽相加，再 × {tp:g} 计通信损耗",
    ),
    "hw_layer_split": (
        "{engine} splits layers across the {n} GPUs: they take turns, so one GPU's bandwidth counts",
        "{engine} 把各层分到 {n} 张 GPU 上：它们轮流工作，因此只计一张 GPU 的带宽",
    ),
    "hw_moe": (
        " (MoE: {active:g}B of {params:g}B parameters are active per token)",
        "（MoE：每个 token 激活 {params:g}B 参数中的 {active:g}B）",
    ),
    "hw_speed": (
        "Speed: {bw:,.0f} GB/s ÷ {read:.2f} GB read per token{moe} × {eff:.2f} efficiency ({basis}) ≈ {tps:.1f} "
        "tokens/s for one stream at short context{slow}",
        "速度：{bw:,.0f} GB/s ÷ 每 token 读取 {read:.2f} GB{moe} × 效率 {eff:.2f}（{basis}）≈ 单路短上下文 "
        "{tps:.1f} tokens/秒{slow}",
    ),
    "hw_slow": (
        "; {gb:.2f} GB per token come from RAM at {bw:g} GB/s",
        "；每 token 有 {gb:.2f} GB 来自内存（{bw:g} GB/s）",
    ),
    "hw_rent": (
        "Rent: {count} × {gpu} at ${price:g}/h = ${total:.2f}/h × 730 h a month",
        "租用：{count} × {gpu}，每张 ${price:g}/小时 = ${total:.2f}/小时 × 每月 730 小时",
    ),
    "hw_no_params": ("parameter count unknown", "参数量未知"),
    "hw_no_rental": ("no rentable configuration fits", "没有可租用的配置放得下"),
    "cost_api": (
        "{days} days × {rpd:,.0f} requests/day × ({inp:,} input tokens × ${in_usd:g} + {out:,} output tokens × "
        "${out_usd:g}) per 1M tokens via {provider}",
        "{days} 天 × 每天 {rpd:,.0f} 次请求 × （{inp:,} 输入 tokens × ${in_usd:g} + {out:,} 输出 tokens × "
        "${out_usd:g}）/ 每 100 万 tokens，经 {provider}",
    ),
    "cost_rented": (
        "rented {count}× {gpu} at ${usd:.2f}/hour × {hours} hours",
        "租用 {count}× {gpu}，${usd:.2f}/小时 × {hours} 小时",
    ),
    "cost_power": (
        "owned hardware, electricity only: {what} (board power; the rest of the machine and the purchase are not "
        "counted) × {hours} h × ${kwh}/kWh, running all month",
        "自有硬件，只计电费：{what}（板卡功耗；整机其余部分和购置费用不计）× {hours} 小时 × ${kwh}/kWh，全月运行",
    ),
    "cost_power_what": ("{label} at {watts:,.0f} W", "{label}，功耗 {watts:,.0f} W"),
    "hw_note_cpu_assumed": (
        "CPU only; RAM bandwidth assumed {cpu} ({bw:g} GB/s)",
        "仅 CPU；内存带宽按 {cpu}（{bw:g} GB/s）估计",
    ),
    "hw_note_ram_assumed": (
        "RAM not given; assumed {gb:g} GB (pass ram_gb)",
        "未给出内存；假定 {gb:g} GB（可传 ram_gb）",
    ),
    "hw_note_cpu": ("CPU only, {cpu} ({bw:g} GB/s)", "仅 CPU，{cpu}（{bw:g} GB/s）"),
    "hw_note_unified": (
        "unified memory not given; assumed the largest {chip}, {gb:g} GB (pass unified_memory_gb)",
        "未给出统一内存；假定最大配置的 {chip}，{gb:g} GB（可传 unified_memory_gb）",
    ),
    "hw_note_vram": (
        "VRAM set to {gb:g} GB per GPU (table: {table:g} GB)",
        "显存按每张 GPU {gb:g} GB 计（表中为 {table:g} GB）",
    ),
}
