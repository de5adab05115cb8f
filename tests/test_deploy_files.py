"""The deployment files keep their safety promises: checked statically, since no Docker engine runs in CI."""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def read(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def instructions(dockerfile: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, comments dropped and continuation lines joined."""
    joined = re.sub(r"\\\n", " ", "\n".join(line for line in dockerfile.splitlines()
                                           if not line.lstrip().startswith("#")))
    pairs = []
    for line in joined.splitlines():
        if line.strip():
            word, _, rest = line.strip().partition(" ")
            pairs.append((word.upper(), rest.strip()))
    return pairs


DOCKERFILE = instructions(read("Dockerfile"))


def args(instruction: str) -> list[str]:
    return [rest for word, rest in DOCKERFILE if word == instruction]


def test_base_image_is_python_311_slim():
    assert args("FROM") == ["python:3.11-slim"]


def test_runs_as_a_non_root_user():
    users = args("USER")
    assert users, "the Dockerfile must switch to an unprivileged USER"
    assert users[-1].split(":")[0] not in {"root", "0"}
    cmd_at = max(i for i, (word, _) in enumerate(DOCKERFILE) if word == "CMD")
    user_at = max(i for i, (word, _) in enumerate(DOCKERFILE) if word == "USER")
    assert user_at < cmd_at


def test_data_directory_is_a_volume_with_the_settings_pointing_at_it():
    assert any(re.fullmatch(r'(\[\s*"/data"\s*\]|/data)', v) for v in args("VOLUME"))
    env = " ".join(args("ENV"))
    assert re.search(r"\bNETMETRICS_DATA_DIR=/data\b", env)
    assert re.search(r"\bNETMETRICS_DB=/data/\S+\.duckdb\b", env)


def test_port_health_check_and_command():
    assert "8501" in args("EXPOSE")
    health = " ".join(args("HEALTHCHECK"))
    assert "/_stcore/health" in health and "urllib" in health and "8501" in health
    cmd = args("CMD")[-1]
    for part in ("streamlit", "run", "app.py", "--server.port=8501", "--server.address=0.0.0.0"):
        assert part in cmd


def test_installs_without_pip_cache():
    assert any("pip install --no-cache-dir ." in run for run in args("RUN"))


@pytest.mark.parametrize("forbidden", ["secrets.toml", "tests", "bench", "data", ".venv", ".git"])
def test_never_copies_secrets_tests_bench_or_data(forbidden):
    for copy in args("COPY") + args("ADD"):
        sources = copy.split()[:-1]
        assert not any(s.rstrip("/").split("/")[0] in {forbidden, f"./{forbidden}"} or s.endswith(forbidden)
                       for s in sources), copy
        assert not any(s in {".", "./"} for s in sources), f"copying the whole context is too broad: {copy}"


def test_copies_the_streamlit_config_file_only():
    sources = [s for copy in args("COPY") for s in copy.split()[:-1]]
    streamlit = [s for s in sources if s.startswith(".streamlit")]
    assert streamlit == [".streamlit/config.toml"]


def ignore_patterns(name: str) -> set[str]:
    return {line.strip().rstrip("/") for line in read(name).splitlines()
            if line.strip() and not line.lstrip().startswith("#")}


@pytest.mark.parametrize("pattern", [".venv", "data/*.duckdb", ".streamlit/secrets.toml", "tests", "bench"])
def test_dockerignore_leaves_out(pattern):
    patterns = ignore_patterns(".dockerignore")
    assert pattern in patterns


def test_gitignore_ignores_the_secrets_file():
    assert ".streamlit/secrets.toml" in ignore_patterns(".gitignore")


def test_streamlit_config_keeps_xsrf_on_and_limits_uploads():
    server = tomllib.loads(read(".streamlit/config.toml"))["server"]
    assert server.get("enableXsrfProtection") is True
    assert isinstance(server.get("maxUploadSize"), int) and 0 < server["maxUploadSize"] <= 1000


def test_streamlit_config_holds_no_secret():
    config = tomllib.loads(read(".streamlit/config.toml"))
    assert "cookieSecret" not in config.get("server", {})


DEPLOY = read("docs/deploy.md")


@pytest.mark.parametrize("heading", [
    "## 1. Running with Docker",
    "## 2. Streamlit Community Cloud",
    "## 3. Behind a reverse proxy",
    "## 4. DuckDB's single writer",
    "## 5. Security checklist",
])
def test_deploy_guide_has_each_section(heading):
    assert re.search(rf"^{re.escape(heading)}\s*$", DEPLOY, flags=re.M)


@pytest.mark.parametrize("fact", [
    "/app/.streamlit/secrets.toml:ro", "ephemeral", "/_stcore/stream", "Sticky sessions", "server.cookieSecret",
    "enableXsrfProtection = true", "client_max_body_size", "shard by workspace", "admin.duckdb",
])
def test_deploy_guide_states(fact):
    assert fact in DEPLOY


def test_deploy_guide_says_to_turn_on_sign_in_before_exposing():
    assert "owner_password_hash" in DEPLOY and "[auth]" in DEPLOY
    assert "do not expose the dashboard publicly" in DEPLOY
