"""What the user owns, resolved against the GPU table: `resolve_hardware(Hardware) -> HardwareProfile`."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from advisor.errors import InputError
from advisor.hardware.table import GPU, Kind, load_gpus, parse_gpu_name
from advisor.i18n import Msg, msg
from advisor.requirements import Hardware

# Assumed when the user gives RAM but no CPU/memory type, and for the RAM side of CPU offload.
DEFAULT_CPU = "CPU DDR5-4800 dual-channel"
# macOS lets the GPU wire at most ~2/3 of unified memory on machines with ≤ 36 GB and ~3/4 above
# (Metal's recommendedMaxWorkingSetSize; raise it with `sudo sysctl iogpu.wired_limit_mb=...`).
APPLE_SMALL_FRACTION, APPLE_LARGE_FRACTION, APPLE_SMALL_MAX_GB = 0.67, 0.75, 36
# CPU-only: leave a fifth of RAM for the OS, other programs and the page cache.
CPU_USABLE_FRACTION = 0.8


class HardwareProfile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str = Field(
        description="'2× RTX 3090', 'Apple M4 Max (128 GB)', 'CPU only (DDR5-4800 ..., 64 GB RAM)'."
    )
    kind: Kind
    device: GPU
    gpu_count: int = Field(1, ge=1)
    memory_per_device_gb: float = Field(gt=0, description="VRAM per GPU, unified memory, or system RAM.")
    bandwidth_gbps: float = Field(gt=0)
    ram_gb: float | None = Field(None, description="System RAM usable for CPU offload (GPUs only).")
    cpu_bandwidth_gbps: float = Field(gt=0, description="RAM bandwidth used for offloaded layers.")
    notes: list[str] = Field(default_factory=list, description="Assumptions made while resolving.")
    note_msgs: list[Any] = Field(default_factory=list, exclude=True, repr=False)
    """`notes` as advisor.i18n.Msg, so the engine can tell them in the user's language."""

    @model_validator(mode="before")
    @classmethod
    def _words(cls, data: Any) -> Any:
        """Notes may be given as Msgs: `notes` keeps their English text, `note_msgs` the Msgs."""
        if isinstance(data, dict) and any(isinstance(n, Msg) for n in data.get("notes") or []):
            data = {**data, "notes": [str(n) for n in data["notes"]], "note_msgs": list(data["notes"])}
        return data

    @property
    def total_memory_gb(self) -> float:
        return self.memory_per_device_gb * self.gpu_count

    @property
    def usable_fraction(self) -> float:
        if self.kind == "apple":
            small = self.memory_per_device_gb <= APPLE_SMALL_MAX_GB
            return APPLE_SMALL_FRACTION if small else APPLE_LARGE_FRACTION
        return CPU_USABLE_FRACTION if self.kind == "cpu" else 1.0


def _device(name: str) -> GPU:
    return next(g for g in load_gpus() if g.name == name)


def _gb(value: float) -> str:
    return f"{value:g} GB"


def resolve_hardware(hw: Hardware) -> HardwareProfile:
    """Resolve names as people write them; `vram_gb`/`ram_gb`/`unified_memory_gb` override the table."""
    cpu = _device(DEFAULT_CPU)
    if not hw.gpu:
        if hw.unified_memory_gb:
            raise InputError("hardware.gpu: name the Apple chip for unified memory, e.g. 'Apple M4 Max'")
        if not hw.ram_gb:
            raise InputError("hardware: give a gpu (e.g. 'RTX 4090') or ram_gb for CPU-only inference")
        return _cpu_profile(cpu, hw.ram_gb, [msg("hw_note_cpu_assumed", cpu=cpu.name, bw=cpu.bandwidth_gbps)])
    parsed = parse_gpu_name(hw.gpu)
    device, notes = parsed.gpu, []
    count = parsed.count or hw.gpu_count
    if parsed.count and hw.gpu_count not in (1, parsed.count):
        raise InputError(
            f"hardware.gpu_count: {hw.gpu_count} disagrees with '{hw.gpu}' ({parsed.count} GPUs)"
        )
    if device.kind == "cpu":
        ram = hw.ram_gb or parsed.memory_gb
        if not ram:
            ram = device.vram_gb
            notes.append(msg("hw_note_ram_assumed", gb=ram))
        return _cpu_profile(
            device, ram, [msg("hw_note_cpu", cpu=device.name, bw=device.bandwidth_gbps), *notes]
        )
    if device.kind == "apple":
        if count != 1:
            raise InputError("hardware.gpu_count: an Apple chip counts as one device; use gpu_count 1")
        memory = hw.unified_memory_gb or parsed.memory_gb or hw.vram_gb or hw.ram_gb
        if memory is None:
            memory = device.vram_gb
            notes.append(msg("hw_note_unified", chip=device.name, gb=memory))
        if memory > device.vram_gb:
            raise InputError(
                f"hardware.unified_memory_gb: {device.name} comes with at most {_gb(device.vram_gb)}; got {_gb(memory)}"
            )
        return HardwareProfile(
            label=f"{device.name} ({_gb(memory)})",
            kind="apple",
            device=device,
            memory_per_device_gb=memory,
            bandwidth_gbps=device.bandwidth_gbps,
            cpu_bandwidth_gbps=device.bandwidth_gbps,
            notes=notes,
        )
    vram = hw.vram_gb or parsed.memory_gb or device.vram_gb
    if vram != device.vram_gb:
        notes.append(msg("hw_note_vram", gb=vram, table=device.vram_gb))
    return gpu_profile(device, count, vram_gb=vram, ram_gb=hw.ram_gb, notes=notes)


def _cpu_profile(device: GPU, ram_gb: float, notes: list) -> HardwareProfile:
    return HardwareProfile(
        label=f"CPU only ({device.name}, {_gb(ram_gb)} RAM)",
        kind="cpu",
        device=device,
        memory_per_device_gb=ram_gb,
        bandwidth_gbps=device.bandwidth_gbps,
        cpu_bandwidth_gbps=device.bandwidth_gbps,
        notes=notes,
    )


def gpu_profile(
    device: GPU,
    count: int,
    vram_gb: float | None = None,
    ram_gb: float | None = None,
    notes: list | None = None,
) -> HardwareProfile:
    """`count` × `device` from the table (a rented configuration when no overrides are given)."""
    return HardwareProfile(
        label=f"{count}× {device.name}" if count > 1 else device.name,
        kind=device.kind,
        device=device,
        gpu_count=count,
        memory_per_device_gb=vram_gb or device.vram_gb,
        bandwidth_gbps=device.bandwidth_gbps,
        ram_gb=ram_gb,
        cpu_bandwidth_gbps=_device(DEFAULT_CPU).bandwidth_gbps,
        notes=notes or [],
    )
