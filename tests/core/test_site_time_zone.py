"""Bylines and dates in the site's time zone, never the exporting machine's."""

from __future__ import annotations

import io
import json
import re
import sys
from datetime import datetime, timezone

import pytest

from editor_app.cli import build_parser, run_command
from editor_app.core.dates import format_byline_date, site_timezone
from editor_app.core.fields import normalise_datetime
from editor_app.core.settings import Settings
from tests.cli.test_cli import midad
from tests.conftest import SEED_ARTICLE

SEED_BYLINE = "9 أبريل 2024 - 6:23 م"


def _midad_here(*args: str, data_dir, stdin: str = "") -> tuple[int, str, str]:
    """The CLI in this process (no interpreter start-up): for what does not depend on the
    machine's zone. The zone tests run `midad` as a subprocess with their own TZ."""
    out, err = io.StringIO(), io.StringIO()
    arguments = build_parser().parse_args(["--data-dir", str(data_dir), *args])
    original = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = run_command(arguments, out, err)
    finally:
        sys.stdin = original
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """One library with the seed, shared by the exports below (they only read it)."""
    data = tmp_path_factory.mktemp("seeded") / "data"
    assert midad("import", str(SEED_ARTICLE), data_dir=data).returncode == 0
    return data


def _exported(seeded, tmp_path, *extra: str, tz: str) -> str:
    output = tmp_path / f"{tz.replace('/', '-')}.html"
    result = midad("export", "1", "--format", "html", "--output", str(output), *extra, data_dir=seeded, env={"TZ": tz})
    assert result.returncode == 0, result.stderr
    return output.read_text(encoding="utf-8")


def _date_published(html: str) -> str:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))["datePublished"]


@pytest.mark.parametrize("tz", ["America/New_York", "Asia/Riyadh"])
def test_the_seed_byline_reads_the_same_whatever_the_machine_zone(seeded, tmp_path, tz):
    html = _exported(seeded, tmp_path, tz=tz)
    assert f'<time datetime="2024-04-09T18:23:00+00:00">{SEED_BYLINE}</time>' in html
    # Casablanca was on UTC+0 during Ramadan 2024: the offset of that date, not today's.
    assert _date_published(html) == "2024-04-09T18:23:00+00:00"


def test_a_site_zone_given_for_the_export_is_used(seeded, tmp_path):
    html = _exported(seeded, tmp_path, "--time-zone", "Asia/Riyadh", tz="America/New_York")
    assert "9 أبريل 2024 - 9:23 م" in html
    assert _date_published(html) == "2024-04-09T21:23:00+03:00"


def test_an_unknown_zone_is_refused_in_one_line(seeded, tmp_path):
    code, _out, err = _midad_here("export", "1", "--format", "html", "--output", str(tmp_path / "a.html"),
                                  "--time-zone", "Mars/Olympus", data_dir=seeded)
    assert code != 0 and err.count("\n") == 1 and err.startswith("midad: error: ") and "Mars/Olympus" in err


def test_the_settings_zone_is_the_default_for_exports(tmp_path):
    data = tmp_path / "data"
    assert _midad_here("import", str(SEED_ARTICLE), data_dir=data)[0] == 0
    (data / "settings.json").write_text(json.dumps({"time_zone": "Europe/Paris"}), encoding="utf-8")
    output = tmp_path / "paris.html"
    assert _midad_here("export", "1", "--format", "html", "--output", str(output), data_dir=data)[0] == 0
    assert "9 أبريل 2024 - 8:23 م" in output.read_text(encoding="utf-8")


def test_morocco_outside_ramadan_is_utc_plus_one():
    june = datetime(2024, 6, 10, 17, 0, tzinfo=timezone.utc)
    assert format_byline_date(june, "ar_MA") == "10 يونيو 2024 - 6:00 م"
    assert june.astimezone(site_timezone()).isoformat() == "2024-06-10T18:00:00+01:00"


def test_a_date_typed_without_an_offset_means_the_site_zone():
    assert normalise_datetime("2024-04-09 18:23") == datetime(2024, 4, 9, 18, 23, tzinfo=timezone.utc)
    assert normalise_datetime("2024-06-10T18:00") == datetime(2024, 6, 10, 17, 0, tzinfo=timezone.utc)
    riyadh = site_timezone("Asia/Riyadh")
    assert normalise_datetime("2024-04-09 21:23", riyadh) == datetime(2024, 4, 9, 18, 23, tzinfo=timezone.utc)
    assert normalise_datetime("2024-04-09T18:23:00+02:00") == datetime(2024, 4, 9, 16, 23, tzinfo=timezone.utc)


def test_settings_keep_only_a_known_zone(tmp_path):
    (tmp_path / "settings.json").write_text(json.dumps({"time_zone": "Nowhere/Land"}), encoding="utf-8")
    assert Settings(tmp_path).preferences.time_zone == "Africa/Casablanca"
    (tmp_path / "settings.json").write_text(json.dumps({"time_zone": "Asia/Riyadh"}), encoding="utf-8")
    assert Settings(tmp_path).preferences.time_zone == "Asia/Riyadh"


def test_the_default_site_zone_wins_over_the_settings_zone(tmp_path):
    data = tmp_path / "data"
    _midad_here("import", str(SEED_ARTICLE), data_dir=data)
    code, _out, err = _midad_here("sites", "add", "الرياض", "--url", "https://riyadh.example", "--username", "editor",
                                  "--password-stdin", "--time-zone", "Asia/Riyadh", data_dir=data, stdin="abcd efgh\n")
    assert code == 0, err
    listed = json.loads(_midad_here("sites", "list", "--json", data_dir=data)[1])
    assert listed[0]["time_zone"] == "Asia/Riyadh"
    (data / "settings.json").write_text(json.dumps({"time_zone": "Europe/Paris", "default_site": "الرياض"}), encoding="utf-8")
    output = tmp_path / "riyadh.html"
    assert _midad_here("export", "1", "--format", "html", "--output", str(output), data_dir=data)[0] == 0
    assert "9 أبريل 2024 - 9:23 م" in output.read_text(encoding="utf-8")
    code, _out, err = _midad_here("sites", "add", "خطأ", "--url", "https://x.example", "--username", "u", "--password-stdin",
                                  "--time-zone", "Mars/Olympus", data_dir=data, stdin="abcd\n")
    assert code != 0 and "Mars/Olympus" in err


def test_pull_since_without_an_offset_is_on_the_site_clock(tmp_path, monkeypatch):
    from editor_app.core.publishing.pull import PullReport

    asked = []
    monkeypatch.setattr("editor_app.core.publishing.pull.pull",  # what the CLI hands to the puller, before any network
                        lambda library, site, since=None: asked.append(since) or PullReport(0, 0, 0))
    data = tmp_path / "data"
    code, _out, err = _midad_here("sites", "add", "الرياض", "--url", "https://riyadh.example", "--username", "editor",
                                  "--password-stdin", "--time-zone", "Asia/Riyadh", data_dir=data, stdin="abcd efgh\n")
    assert code == 0, err
    assert _midad_here("pull", "--site", "الرياض", "--since", "2024-04-09T21:23", data_dir=data)[0] == 0
    assert _midad_here("pull", "--site", "الرياض", "--since", "2024-04-09T21:23+00:00", data_dir=data)[0] == 0
    assert [moment.astimezone(timezone.utc) for moment in asked] == [
        datetime(2024, 4, 9, 18, 23, tzinfo=timezone.utc), datetime(2024, 4, 9, 21, 23, tzinfo=timezone.utc)]
