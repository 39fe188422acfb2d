"""bench/near_duplicates.py: pairs of labelled texts that parkwatch's reprint test takes for one story."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "near_duplicates.py"
STORY = ("绵阳高新区今年签约重大项目31个,总投资超过260亿元,涵盖电子信息、新材料和生物医药等领域。"
         "园区管委会表示,将持续优化营商环境,加快项目落地投产,推动产业集群发展壮大。")
OTHER = "成都天府新区举行科技创新大会,发布十项支持政策,鼓励企业加大研发投入,建设国家实验室和新型研发机构。"


def write(path: Path, records: list[tuple[str, str]]) -> Path:
    lines = [json.dumps({"id": i, "url": f"https://example.cn/{i}", "province": "四川省", "is_park_news": True,
                         "text": t, "parks": [], "policies": []}, ensure_ascii=False) for i, t in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_reprint_across_the_split_is_one_pair_and_other_news_none(tmp_path):
    dev = write(tmp_path / "dev.jsonl", [("d-1", STORY), ("d-2", OTHER)])
    test = write(tmp_path / "test.jsonl", [("t-1", "来源:四川日报\n" + STORY + "\n责任编辑:张三")])
    out = subprocess.run([sys.executable, str(SCRIPT), "--set", str(dev), "--set", str(test)],
                         capture_output=True, text=True, check=True).stdout
    assert "d-1 (dev)  t-1 (test)" in out
    assert "d-2" not in out.split("texts,")[0]
    assert "1 pairs of one story: dev/test 1" in out
