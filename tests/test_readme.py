"""The README stays true: two quick-start commands, CI runs the test one, the metric list is current, the
sign-in examples are valid secrets."""

import re
import tomllib
from pathlib import Path

from netmetrics import auth
from netmetrics.metrics import markdown_table

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section, flags=re.S)


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_test_one():
    commands = quick_start_commands()
    assert len(commands) == 2 and all("\n" not in c for c in commands)
    assert "streamlit run app.py" in commands[0]
    assert "pytest" in commands[1]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_metric_list_matches_the_registry():
    assert markdown_table() in README


def test_screenshot_is_a_real_png():
    png = (ROOT / "docs" / "overview.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000


def test_the_sign_in_examples_are_valid_secrets_that_mean_what_the_readme_says():
    oidc, password = (tomllib.loads(b) for b in re.findall(r"```toml\n(.*?)```", README, re.S))
    settings = auth.settings_from(oidc)
    assert settings.mode == "oidc"
    assert auth.owned(settings, "Owner@Example.com") == ("default",)
    assert auth.owned(settings, "partner@example.com") == ("default", "studio")
    assert auth.owned(settings, "coach-admin@example.com") is None  # every workspace
    assert auth.decide(settings, logged_in=True, email="stranger@example.com") == "refused"
    assert auth.settings_from(password).mode == "password"
