"""`argmap stats`: the table a teacher puts next to the map."""

from __future__ import annotations

import json

from argmap.analyse.stats import statistics, to_json, to_text

from .helpers import SNAPSHOTS, talks


def test_text_report_snapshot(snapshot):
    snapshot.snapshot_dir = SNAPSHOTS
    snapshot.assert_match(to_text(statistics(talks())), "talks-stats.txt")


def test_counts_per_source():
    counts = {s.id: (s.statements, s.arguments, s.relations) for s in statistics(talks()).sources}
    # The Courier refers to [Talks stall] only to attack it: that is no assertion.
    assert counts == {"herald": (5, 2, 3), "courier": (3, 2, 3), "gazette": (3, 0, 2)}


def test_position_matrix_counts_both_directions_of_symmetric_relations():
    cells = {(c.source, c.target): (c.supports, c.attacks) for c in statistics(talks()).matrix}
    assert cells == {
        ("ceasefire", "ceasefire"): (1, 0),
        ("ceasefire", "pressure"): (0, 4),  # attack, undercut, contrary and contradiction (both ways)
        ("pressure", "ceasefire"): (0, 4),
        ("pressure", "pressure"): (0, 0),
    }
    assert statistics(talks()).unpositioned == 1  # [Fewer casualties] has no position


def test_shared_and_most_attacked_statements():
    stats = statistics(talks())
    assert [(s.title, s.sources) for s in stats.shared] == [("Ceasefire now", ("courier", "gazette"))]
    assert [(s.title, s.attacks, s.by_position) for s in stats.most_attacked[:2]] == [
        ("Ceasefire now", 2, (("pressure", 2),)),
        ("Talks stall", 2, (("ceasefire", 2),)),
    ]


def test_json_report():
    data = json.loads(to_json(statistics(talks())))
    assert sorted(data) == ["matrix", "most_attacked", "positions", "shared", "sources", "unpositioned"]
    assert data["matrix"][1] == {"from": "ceasefire", "to": "pressure", "supports": 0, "attacks": 4}
    assert data["most_attacked"][0] == {"title": "Ceasefire now", "attacks": 2, "by_position": {"pressure": 2}}
