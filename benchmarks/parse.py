"""Rule-based parser speed: `python benchmarks/parse.py [--format json]`.

Prints parse_ms_p50/p95 over realistic chat messages (English and 中文), the worst time over
pathological inputs (10,000-character messages, long digit or numeral runs), and export timings
for a hand-made recommendation.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from advisor import export  # noqa: E402
from advisor.parse import parse_text  # noqa: E402

MESSAGES = [
    "我们是律师事务所，合同数据不能上云，只有一台带 RTX 3090 的工作站，主要做中文合同审查",
    "We're a startup, budget around $300 per month, 20k requests/day, prompts of about 2k tokens, coding agents",
    "两块4090，64G内存，每天大概5000次请求，预算每月一万元，需要工具调用和结构化输出",
    "dual 3090 with 128GB of RAM, no cloud, 128k context, at least 30 tokens/s",
    "Mac Studio M2 Ultra 192GB, run locally, creative writing in English and Japanese",
    "国内用，不能用于训练，预算每年12万，客服机器人，多轮对话",
]
PATHOLOGICAL = [
    "a" * 10_000,
    "9" * 10_000,
    "一" * 10_000,
    "2x " * 3_300,
    "1," * 5_000,
    "<script>" * 1_250,
    "😀" * 5_000,
]


def _ms(func, *args, repeat: int = 1) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        func(*args)
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--format", choices=["json", "text"], default="text")
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    parse_text("warm-up")
    times = [t for m in MESSAGES for t in _ms(parse_text, m, repeat=args.repeat)]
    worst = max(max(_ms(parse_text, m, repeat=2)) for m in PATHOLOGICAL)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "export"))
    from sample import sample_recommendation  # a fixed hand-made Recommendation

    rec = sample_recommendation()
    exports = {f"export_{name}_ms": round(statistics.median(_ms(getattr(export, name), rec, "zh", repeat=args.repeat)), 3)
               for name in ("to_markdown", "to_json_record", "to_csv", "to_html")}  # fmt: skip
    result = {
        "parse_ms_p50": round(statistics.median(times), 3),
        "parse_ms_p95": round(sorted(times)[int(0.95 * (len(times) - 1))], 3),
        "parse_pathological_worst_ms": round(worst, 1),
        "messages": len(MESSAGES),
        **exports,
    }
    if args.format == "json":
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:32} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
