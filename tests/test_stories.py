"""Reprint clustering: realistic copies join their story; distinct articles on the same parks do not."""

from __future__ import annotations

import itertools
import random

import opencc
import pytest

from parkwatch.extract.normalize import simplify
from parkwatch.sampleweb import load_articles
from parkwatch.store import Store
from parkwatch.stories import StoryIndex, list_stories
from parkwatch.urls import article_id

BOILERPLATE = ["您现在的位置：首页 > 新闻中心 > 园区动态", "来源：四川日报 编辑：王伟", "分享到：微信 微博",
               "【责任编辑：李明】", "版权所有 未经授权禁止转载", "扫一扫关注公众号", "相关阅读：西安高新区发布新政策",
               "原标题：", "（本文来源：人民网-四川频道）", "点击查看更多园区新闻"]
PARKS = ["绵阳高新区", "成都高新区", "德阳经开区", "宜宾三江新区", "内江高新区", "遂宁经开区", "西安高新区", "苏州工业园区"]
FIRMS = ["京东方", "长虹", "华为", "比亚迪", "宁德时代", "九洲集团", "通威", "天齐锂业", "东方电气", "中国中车"]
SENTENCES = [
    "{d}日,{p}举行重大项目集中签约仪式,现场签约项目{n}个,总投资{m}亿元。",
    "{p}相关负责人表示,将持续优化营商环境,推动签约项目早落地、早投产。",
    "{f}在{p}投资建设的{k}项目计划今年开工,建成后年产值可达{m}亿元。",
    "今年以来,{p}规上工业增加值同比增长{r}%,固定资产投资增长{r}%。",
    "{p}聚焦{k}等主导产业,已集聚上下游企业{n}家。",
    "园区建成标准化厂房{n}万平方米,为企业提供“拎包入住”服务。",
    "{f}负责人介绍,项目从签约到投产仅用了{n}个月。",
    "下一步,{p}将围绕{k}产业建圈强链,力争全年新引进亿元以上项目{n}个。",
    "{p}与{q}签署合作协议,双方将在{k}领域开展合作。",
    "记者从{p}管委会获悉,园区今年新增高新技术企业{n}家。",
    "{p}今年计划实施重点项目{n}个,年度计划投资{m}亿元。",
    "活动现场,{f}等{n}家企业代表作了交流发言。",
]
INDUSTRIES = ["新型显示", "动力电池", "集成电路", "生物医药", "航空航天", "智能制造", "新能源汽车", "新材料"]


def distinct_article(rng: random.Random) -> str:
    park, other = rng.sample(PARKS, 2)
    picks = rng.sample(SENTENCES, rng.randint(5, 8))
    return "\n".join(s.format(d=rng.randint(1, 28), p=park, q=other, f=rng.choice(FIRMS), k=rng.choice(INDUSTRIES),
                              n=rng.randint(2, 90), m=rng.randint(5, 400), r=round(rng.uniform(3, 20), 1)) for s in picks)


def reprint(text: str, rng: random.Random, t2s: opencc.OpenCC) -> str:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    kind = rng.randrange(5)
    if kind == 0 and len(paragraphs) > 3:  # cut the last paragraphs
        paragraphs = paragraphs[: max(3, int(len(paragraphs) * rng.uniform(0.6, 0.9)))]
    elif kind == 1:  # edit a few sentences
        for i in rng.sample(range(len(paragraphs)), k=min(2, len(paragraphs))):
            paragraphs[i] = paragraphs[i].replace("，", ",").replace("园区", "产业园区", 1)[: max(20, len(paragraphs[i]) - 15)]
    elif kind == 2:  # Traditional script
        paragraphs = [t2s.convert(p) for p in paragraphs]
    lead = rng.sample(BOILERPLATE, rng.randint(1, 3))
    tail = rng.sample(BOILERPLATE, rng.randint(1, 3))
    if kind == 3:
        lead = ["【转载】" + paragraphs[0][:20]] + lead  # a prefixed headline line
    return "\n".join(lead + paragraphs + tail)


@pytest.fixture(scope="module")
def clustered(tmp_path_factory):
    rng = random.Random(20241025)
    s2t = opencc.OpenCC("s2t")
    bases = [a for a in load_articles() if "paragraphs" in a and len("".join(a["paragraphs"])) > 250]
    docs: list[tuple[str, str, str]] = []  # (id, truth story, text)
    for base in bases:
        docs.append((f"orig-{base['key']}", base["key"], "\n".join(base["paragraphs"])))
    for number in range(200):
        base = bases[number % len(bases)]
        docs.append((f"copy-{number}", base["key"], reprint("\n".join(base["paragraphs"]), rng, s2t)))
    for number in range(200):
        docs.append((f"distinct-{number}", f"distinct-{number}", distinct_article(rng)))
    rng.shuffle(docs)
    store = Store(tmp_path_factory.mktemp("stories") / "s.db")
    index = StoryIndex(store)
    predicted = {}
    for number, (name, _, text) in enumerate(docs):
        url = f"http://site{number % 7}.example.cn/{name}.html"
        store.upsert_article({"id": article_id(url), "url": url, "canonical_url": url, "site": f"site{number % 7}",
                              "title": text[:20], "text": text, "text_simplified": simplify(text),
                              "published_at": f"2024-09-{1 + number % 28:02d}", "fetched_at": "2024-10-01T00:00:00+00:00"})
        predicted[name] = index.assign(article_id(url)).story_id
    truth = {name: story for name, story, _ in docs}
    return store, predicted, truth


def test_pairwise_precision_and_recall(clustered):
    _, predicted, truth = clustered
    tp = fp = fn = 0
    for a, b in itertools.combinations(predicted, 2):
        same_pred, same_true = predicted[a] == predicted[b], truth[a] == truth[b]
        tp += same_pred and same_true
        fp += same_pred and not same_true
        fn += same_true and not same_pred
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"pairs: precision {precision:.4f} recall {recall:.4f} ({tp} true pairs found)")
    assert precision >= 0.98
    assert recall >= 0.95


def test_stories_list_copies_and_representative(clustered):
    store, predicted, truth = clustered
    rows = list_stories(store, limit=1000)
    multi = [r for r in rows if len(r["copies"]) > 1]
    assert multi and all(r["published_at"] == r["copies"][0]["published_at"] for r in multi)


def test_index_survives_a_restart(clustered):
    store, predicted, _ = clustered
    reopened = StoryIndex(store)
    assert len(reopened.signatures) >= 300  # signatures come back from the database


def test_signature_index_finds_copies_in_sorted_part_and_tail_best_first() -> None:
    """Candidates come from the merged (sorted) keys and the unmerged tail alike, closest first, never itself."""
    import numpy as np

    from parkwatch.stories import NUM_PERM, SignatureIndex

    rng = np.random.default_rng(7)
    index = SignatureIndex()
    original = rng.integers(0, 2**32 - 1, NUM_PERM, dtype=np.uint32)
    close, far = original.copy(), original.copy()
    close[100:] = rng.integers(0, 2**32 - 1, NUM_PERM - 100, dtype=np.uint32)  # 100 of 128 values shared
    far[30:] = rng.integers(0, 2**32 - 1, NUM_PERM - 30, dtype=np.uint32)  # 30 shared: still some bands agree
    index.add("far", far)
    index.add("close", close)
    for number in range(3000):  # unrelated articles: the first two are merged into the sorted keys by now
        index.add(f"other{number}", rng.integers(0, 2**32 - 1, NUM_PERM, dtype=np.uint32))
    assert index.tail < 3000 and len(index.sorted_keys) > 0
    assert index.query(original, limit=12) == ["close", "far"]
    index.add("original", original)  # now in the tail
    assert index.tail > 0
    assert index.query(close, limit=12, exclude="close")[0] == "original"
    assert index.query(original, limit=1, exclude="original") == ["close"]
    assert index.query(rng.integers(0, 2**32 - 1, NUM_PERM, dtype=np.uint32), limit=12) == []


def test_signature_is_datasketchs_minhash_of_the_shingle_hashes() -> None:
    """The vectorised signature gives exactly what datasketch computes from the same 32-bit shingle hashes."""
    from datasketch import MinHash

    from parkwatch.stories import _PERMUTATIONS, NUM_PERM, SCHEME, shingle_hashes, signature

    text = "\n".join(load_articles()[0]["paragraphs"])
    hashes = shingle_hashes(text)
    compact = "".join(ch for ch in text if ch.isalnum())
    assert len(hashes) == len({compact[i : i + 5] for i in range(len(compact) - 4)})  # one hash per distinct 5-gram
    reference = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_PERMUTATIONS, hashfunc=int)
    reference.update_batch(hashes.tolist())
    assert (signature(hashes) == reference.hashvalues).all()


def test_signatures_of_an_older_scheme_are_remade_so_old_copies_still_match(tmp_path) -> None:
    import numpy as np

    base = "\n".join(load_articles()[0]["paragraphs"])
    store = Store(tmp_path / "s.db")

    def add(name: str, text: str) -> str:
        url = f"http://{name}.example.cn/a.html"
        store.upsert_article({"id": article_id(url), "url": url, "canonical_url": url, "site": name, "title": text[:20],
                              "text": text, "text_simplified": simplify(text), "published_at": "2024-09-01",
                              "fetched_at": "2024-10-01T00:00:00+00:00"})
        return article_id(url)

    first = StoryIndex(store).assign(add("one", base))
    garbage = np.random.default_rng(1).integers(0, 2**32 - 1, 128, dtype=np.uint32).tobytes()
    store.db.execute("UPDATE story_signatures SET minhash = ?", [garbage])  # as an older version's hashes look
    store.db.execute("UPDATE meta SET value = 'older' WHERE key = 'story_signatures'")
    store.db.conn.commit()
    copy = StoryIndex(store).assign(add("two", "【转载】\n" + base))
    assert copy.story_id == first.story_id and not copy.new_story
