"""Join the parsed sources into one `ModelCard` per canonical model id.

Precedence per field (first that has a value wins; provenance records which):
  open_weights / license: curated model_facts > Arena 2026-10 license > Arena 2026-03 license >
      a Hugging Face repo in the aliases > models.dev;
  params: curated > llmfit (the model's HF repo) > Arena-style size in the name (`-397b-a17b`);
  architecture (layers, KV heads, head dim, MLA / hybrid attention, native precision): curated
      model_arch > llmfit (the model's HF repo);
  context: OpenRouter > Arena > litellm > models.dev;   release_date: curated > models.dev > llmfit > OpenRouter;
  offers: first-party litellm price (else the Arena-listed price) + OpenRouter + third-party hosts
      taken from litellm for open weights; $0/$0 entries (free tiers, `:free` variants) are never offers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from advisor.catalog.card import ApiOffer, License, ModelCard, Provenance, Speed
from advisor.catalog.facts import ArchFact, LicenseFact, ModelFact, Provider, license_for
from advisor.catalog.names import clean_name, is_human, pretty_id

HOSTS = {"together_ai": "together", "fireworks_ai": "fireworks", "groq": "groq", "deepinfra": "deepinfra"}
_SIZE = re.compile(r"(?:^|-)(\d+(?:\.\d+)?)([bt])(?:-a(\d+(?:\.\d+)?)b)?(?=$|-)")


@dataclass
class Gathered:
    """Everything the sources say about one model."""

    arena: list[dict] = field(default_factory=list)
    arena26: list[dict] = field(default_factory=list)
    openrouter: list[dict] = field(default_factory=list)
    litellm: list[dict] = field(default_factory=list)
    modelsdev: list[dict] = field(default_factory=list)
    llmfit: list[dict] = field(default_factory=list)
    aa: list[dict] = field(default_factory=list)


@dataclass
class Context:
    dates: dict[str, str]
    providers: list[Provider]
    licenses: list[LicenseFact]
    facts: dict[str, ModelFact]
    arch: dict[str, ArchFact] = field(default_factory=dict)

    def host(self, offer_provider: str) -> Provider | None:
        """The organisation running an offer provider id (`together`, `openrouter`, …)."""
        return next((p for p in self.providers if offer_provider in p.offer_providers()), None)

    def host_regions(self, offer_provider: str) -> list:
        host = self.host(offer_provider)
        return host.regions() if host else []

    def provider(self, *names: str | None) -> Provider | None:
        for name in names:
            if not name:
                continue
            low = name.lower()
            for p in self.providers:
                if low in (n.lower() for n in p.names()) or low in (p.openrouter_prefixes or "").split(";"):
                    return p
                if low in (h.lower() for h in (p.hf_orgs or "").split(";") if h):
                    return p
        return None


def size_from_name(name: str) -> tuple[float, float | None] | None:
    m = _SIZE.search(name.lower())
    if not m:
        return None
    total = float(m.group(1)) * (1000 if m.group(2) == "t" else 1)
    return total, float(m.group(3)) if m.group(3) else None


def _prov(ctx: Context, source: str) -> Provenance:
    return Provenance(source=source, as_of=ctx.dates.get(source))


def _main_or(mid: str, rows: list[dict]) -> dict | None:
    """The OpenRouter entry to describe the model: exact slug match first, then the cheapest."""
    if not rows:
        return None
    return sorted(rows, key=lambda m: (m["id"].split("/")[-1] != mid, m["input"] or 0, m["id"]))[0]


def _license(mid: str, g: Gathered, ctx: Context, prov: dict) -> tuple[bool, LicenseFact, str | None]:
    fact = ctx.facts.get(mid)
    published = [("lmarena-namra7x", r["license"]) for r in g.arena] + [
        ("lmarena-2026-03-31", r["license"]) for r in g.arena26
    ]
    published = [(s, t) for s, t in published if t]
    by_id = {lic.license_id: lic for lic in ctx.licenses}
    if fact and fact.license_id:
        prov["license"] = _prov(ctx, "curated")
        return bool(fact.open_weights), by_id[fact.license_id], None
    if fact and fact.open_weights is not None:  # curated open/closed, license from the sources
        prov["license"] = _prov(ctx, "curated")
        text = published[0][1] if published else None
        lic = (license_for(text, ctx.licenses) if text else None) or by_id["other-open"]
        return fact.open_weights, lic if fact.open_weights else by_id["proprietary"], text
    for source, text in published:
        lic = license_for(text, ctx.licenses) or by_id["other-open"]
        prov["license"] = _prov(ctx, source)
        return lic.license_id != "proprietary", lic, text
    if any(m.get("hf") for m in g.llmfit) or any(m.get("hf") for m in g.openrouter):
        prov["license"] = _prov(ctx, "llmfit" if g.llmfit else "openrouter")
        return True, by_id["other-open"], None
    if any(m["open_weights"] for m in g.modelsdev):
        prov["license"] = _prov(ctx, "models.dev")
        return True, by_id["other-open"], None
    prov["license"] = _prov(ctx, "openrouter" if g.openrouter else "curated")
    return False, by_id["proprietary"], None


def _params(mid: str, g: Gathered, ctx: Context, aliases: dict, prov: dict) -> tuple:
    fact = ctx.facts.get(mid)
    if fact and fact.params_b:
        prov["params_b"] = _prov(ctx, "curated")
        return fact.params_b, fact.active_params_b or fact.params_b
    fit = next((m for m in g.llmfit if m["params_b"]), None)
    if fit:
        prov["params_b"] = _prov(ctx, "llmfit")
        return fit["params_b"], fit["active_params_b"] or fit["params_b"]
    for name in [mid, *aliases.get("hf", []), *aliases.get("openrouter", [])]:
        size = size_from_name(name)
        if size:
            prov["params_b"] = Provenance(source="model name", as_of=None)
            return size[0], size[1] or size[0]
    return None, None


_ARCH_FIELDS = ("layers", "kv_heads", "head_dim", "attention", "kv_lora_rank", "rope_head_dim", "kv_layers")


def _arch(mid: str, g: Gathered, ctx: Context, prov: dict) -> dict:
    """KV-cache facts and native precision: the curated row as a whole, else llmfit's config numbers (GQA)."""
    fact = ctx.arch.get(mid)
    out: dict = dict.fromkeys(_ARCH_FIELDS)
    out |= {"native_precision": None, "native_bits_per_weight": None}
    if fact and fact.layers:
        out |= {f: getattr(fact, f) for f in _ARCH_FIELDS}
        prov["layers"] = _prov(ctx, "curated")
    else:
        fit = next((m for m in g.llmfit if m["layers"] and m["kv_heads"] and m["head_dim"]), None)
        if fit:
            out |= {"layers": fit["layers"], "kv_heads": fit["kv_heads"], "head_dim": fit["head_dim"]}
            prov["layers"] = _prov(ctx, "llmfit")
    if fact and fact.native_precision:
        out |= {"native_precision": fact.native_precision, "native_bits_per_weight": fact.native_bits}
        prov["native_precision"] = _prov(ctx, "curated")
    return out


def _offers(
    g: Gathered, ctx: Context, org: Provider | None, open_weights: bool, prov: dict
) -> list[ApiOffer]:
    offers: list[ApiOffer] = []
    regions = org.regions() if org else []
    trains = org.trains_on_data if org else None
    first = _first_party(g, org)
    if first:
        m = first[0]
        offers.append(ApiOffer(provider=m["provider"], input_usd_per_1m=round(m["input"], 4),
                               output_usd_per_1m=round(m["output"] or 0, 4), cache_read_usd_per_1m=_r(m["cache_read"]),
                               regions=regions, trains_on_data=trains, first_party=True, source="litellm",
                               as_of=ctx.dates["litellm"]))  # fmt: skip
    elif g.arena and _paid(g.arena[0]) and not open_weights:
        a = g.arena[0]
        offers.append(ApiOffer(provider=(org.litellm_provider or org.organization.lower()) if org else "vendor",
                               input_usd_per_1m=a["input"], output_usd_per_1m=a["output"], regions=regions,
                               trains_on_data=trains, first_party=True, source="lmarena-namra7x",
                               as_of=ctx.dates["lmarena-namra7x"]))  # fmt: skip
    main = _main_or("", [m for m in g.openrouter if _paid(m) and ":" not in m["id"]])
    if main:
        offers.append(ApiOffer(provider="openrouter", input_usd_per_1m=round(main["input"], 4),
                               output_usd_per_1m=round(main["output"] or 0, 4), cache_read_usd_per_1m=_r(main["cache_read"]),
                               regions=ctx.host_regions("openrouter"), trains_on_data=None, source="openrouter",
                               as_of=ctx.dates["openrouter"]))  # fmt: skip
    if open_weights:
        seen = set()
        for m in sorted(g.litellm, key=lambda m: (m["provider"], m["input"] or 0, m["key"])):
            host = HOSTS.get(m["provider"])
            if host and host not in seen and _paid(m):
                seen.add(host)
                offers.append(ApiOffer(provider=host, input_usd_per_1m=round(m["input"], 4),
                                       output_usd_per_1m=round(m["output"], 4), cache_read_usd_per_1m=_r(m["cache_read"]),
                                       regions=ctx.host_regions(host), trains_on_data=None, source="litellm",
                                       as_of=ctx.dates["litellm"]))  # fmt: skip
    if offers:
        prov["offers"] = _prov(ctx, offers[0].source)
    return offers


def _first_party(g: Gathered, org: Provider | None) -> list[dict]:
    """The vendor's own priced litellm entries, plainest key first (`claude-opus-4-6` before `anthropic/…`)."""
    return sorted(
        (m for m in g.litellm if org and m["provider"] == org.litellm_provider and _paid(m)),
        key=lambda m: ("/" in m["key"], len(m["key"]), m["key"]),
    )


def _paid(m: dict) -> bool:
    """A priced offer. $0 in and out is a rate-limited free tier (Gemini's trains on your data): not an offer."""
    return m["input"] is not None and m["output"] is not None and (m["input"] > 0 or m["output"] > 0)


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _first(prov: dict, key: str, ctx: Context, *candidates: tuple[str, object]):
    for source, value in candidates:
        if value not in (None, "", [], 0):
            prov[key] = _prov(ctx, source)
            return value
    return None


def _name(mid: str, g: Gathered, orm: dict | None, ctx: Context, prov: dict) -> str:
    """A clean human display name: curated > OpenRouter > models.dev > AA > HF repo > Arena (when human) > id."""
    fact = ctx.facts.get(mid)
    if fact and fact.name:  # checked by hand: trusted as written (`gpt-oss-120b` is lowercase on purpose)
        prov["name"] = _prov(ctx, "curated")
        return fact.name.strip()
    candidates = [("openrouter", orm and orm["name"]),
                  *(("models.dev", m["name"]) for m in g.modelsdev), *(("artificial-analysis", m["name"]) for m in g.aa),
                  *(("llmfit", m["hf"].split("/")[-1]) for m in g.llmfit),
                  *(("lmarena-namra7x", r["name"]) for r in g.arena), *(("lmarena-2026-03-31", r["name"]) for r in g.arena26)]  # fmt: skip
    for source, text in candidates:
        name = clean_name(text)
        if name and is_human(name):
            prov["name"] = _prov(ctx, source)
            return name
    return pretty_id(mid)


def card_for(mid: str, g: Gathered, aliases: dict[str, list[str]], ctx: Context) -> ModelCard:
    prov: dict[str, Provenance] = {}
    orm = _main_or(mid, [m for m in g.openrouter if ":" not in m["id"]] or g.openrouter)
    arena = g.arena[0] if g.arena else None
    name = _name(mid, g, orm, ctx, prov)
    org_names = [r["organization"] for r in g.arena + g.arena26] + [
        m["id"].split("/")[0] for m in g.openrouter
    ]
    org_names += [h.split("/")[0] for h in aliases.get("hf", [])]
    org = ctx.provider(*org_names)
    open_w, lic, published = _license(mid, g, ctx, prov)
    params, active = _params(mid, g, ctx, aliases, prov) if open_w else (None, None)
    arch = _arch(mid, g, ctx, prov) if open_w else {}
    context = _first(prov, "context_tokens", ctx, ("openrouter", orm and orm["context"]), ("lmarena-namra7x", arena and arena["context"]),
                     ("litellm", next((m["context"] for m in g.litellm if m["context"]), None)),
                     ("models.dev", next((m["context"] for m in g.modelsdev if m["context"]), None)))  # fmt: skip
    inputs = orm["inputs"] if orm else (g.modelsdev[0]["inputs"] if g.modelsdev else ["text"])
    modalities = sorted({"text", *(m for m in inputs if m in ("text", "image", "audio", "video", "file"))})
    tools = any(m["tools"] for m in g.openrouter + g.modelsdev) or any(m["tools"] for m in g.litellm)
    structured = any(m["structured"] for m in g.openrouter + g.modelsdev + g.litellm)
    reasoning = any(m["reasoning"] for m in g.openrouter + g.modelsdev + g.litellm)
    caps = [c for c, on in (("tool_calling", tools), ("vision", "image" in modalities),
                            ("structured_output", structured), ("reasoning", reasoning), ("fine_tuning", open_w)) if on]  # fmt: skip
    created = next((m["created"] for m in g.openrouter if m.get("created")), None)
    fact = ctx.facts.get(mid)
    release = _first(prov, "release_date", ctx, ("curated", fact and fact.release_date),
                     *(("models.dev", m["release_date"]) for m in g.modelsdev),
                     *(("llmfit", m["release_date"]) for m in g.llmfit),
                     ("openrouter", created and datetime.fromtimestamp(created, UTC).strftime("%Y-%m-%d")))  # fmt: skip
    first = _first_party(g, org)
    deprecation = (first[0]["deprecation_date"] if first else None) or (orm and orm.get("expiration")) or None
    as_of = max(ctx.dates.values())
    aa = next((m for m in g.aa if m["speed"]), None)
    speed = Speed(output_tokens_per_s=aa["speed"], ttft_s=aa["ttft"], source="artificial-analysis",
                  as_of=ctx.dates["artificial-analysis"]) if aa else None  # fmt: skip
    if org:
        prov["organization"] = Provenance(source="curated providers.csv", as_of=None)
    return ModelCard(
        id=mid, name=str(name), organization=org.organization if org else (org_names[0] if org_names else "unknown"),
        country=org.country if org else None, open_weights=open_w,
        license=License(id=lic.license_id, name=published or lic.name, permissive=lic.permissive),
        commercial_use=lic.commercial_use, commercial_restriction=lic.restriction,
        params_b=params, active_params_b=active, **arch,
        context_tokens=int(context) if context else None, modalities=modalities, capabilities=caps,  # type: ignore[arg-type]
        release_date=release, deprecated=bool(deprecation and deprecation <= as_of), deprecation_date=deprecation,
        hf_repo=(aliases.get("hf") or [None])[0], offers=_offers(g, ctx, org, open_w, prov), speed=speed,
        aliases=aliases, provenance=dict(sorted(prov.items())),
    )  # fmt: skip
