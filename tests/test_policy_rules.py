"""Policy mention rules, each on a short real-style sentence: what the rule finds, and what it must leave alone."""

from __future__ import annotations

from parkwatch.mentions import ArticleText
from plugins.policies import policy_mentions


def surfaces(text: str) -> list[str]:
    return [m.surface for m in sorted(policy_mentions(ArticleText(text)), key=lambda m: m.start)]


def test_an_unquoted_named_programme_without_its_batch_word():
    assert surfaces("会上还启动了首批上海全球招商合作伙伴计划,4个个人、6家机构获聘。") == ["上海全球招商合作伙伴计划"]
    assert surfaces("全面实施制造业倍增行动。") == ["制造业倍增行动"]


def test_quoted_campaigns_with_or_without_a_head_but_not_layouts_or_nicknames():
    assert surfaces("深入推进“双招双引”,实施“园区提质、企业满园”行动。") == ["“双招双引”", "“园区提质、企业满园”行动"]
    assert surfaces("构建“一区三园”格局,被誉为“湾顶明珠”。") == []


def test_a_title_line_holding_a_bracketed_title_and_an_issued_title_in_a_sentence():
    line = "高新区管委会关于印发《天津滨海高新区支持产业高质量发展若干措施》的通知"
    assert surfaces(f"发布日期:2023-05-06\n{line}\n高新区各有关单位:") == [line]
    assert surfaces("根据《办法》、国务院关于依托黄金水道推动长江经济带发展的指导意见(国发〔2014〕39号)要求,") == [
        "《办法》", "国务院关于依托黄金水道推动长江经济带发展的指导意见", "国发〔2014〕39号"]
    assert surfaces("网站公布四川省人民政府关于同意设立宜宾三江新区的批复。") == ["四川省人民政府关于同意设立宜宾三江新区的批复"]


def test_a_title_line_with_its_years_but_not_the_second_line_of_a_broken_heading():
    title = "重庆高新区融入成渝地区双城经济圈建设行动计划(2023—2027年)"
    assert surfaces(f"(此件公开发布)\n{title}\n建设具有全国影响力的科技创新中心。") == [title]
    assert surfaces("国务院办公厅关于河南郑州\n经济技术开发区的复函\n正文") == []


def test_a_quoted_target_or_honour_is_no_campaign_but_a_phrase_being_carried_out_is():
    for slogan in ("全区勇摘“三连冠”。", "坚持“双轮”驱动。", "这是发展“双胜利”的重要抓手。", "签约仅是“万里长征”的第一步。",
                   "形成“一主两副双轴”的总体空间布局。", "支持开发区开展“标准地”出让。"):  # 标准地 modifies 出让
        assert surfaces(slogan) == [], slogan
    assert surfaces("深入落实“三个一批”部署。全面启动“亩均效益”评价改革。抢抓“北转型”发展机遇。") == [
        "“三个一批”", "“亩均效益”", "“北转型”"]
    assert surfaces("打造“一带一路”重要枢纽,建设服务“一带一路”的新贸易中心。") == ["“一带一路”", "“一带一路”"]


def test_a_decree_number_a_three_year_action_plan_and_no_film_cup_or_layout():
    assert surfaces("2018年10月12日郑州市人民政府令第231号发布。") == ["郑州市人民政府令第231号"]
    assert surfaces("加快实施开发区三年行动计划。") == ["开发区三年行动计划"]
    assert surfaces("电视剧《底线》在长沙县开机;“双创杯”篮球赛开赛;构建“一核三线三圈”格局,介绍“一岛一区两园”。") == []


def test_a_run_of_quoted_names_is_one_mention_each_the_head_with_the_last():
    assert surfaces("聚焦“一主六双”“四六四五”发展战略。") == ["“一主六双”", "“四六四五”发展战略"]


def test_numbers_as_typed_and_no_article_headline_in_book_title_marks():
    assert surfaces("《请示》(云政报〔 2014〕48号)收悉;(粤府200522号);(粤经贸工业〔2005582号)") == [
        "《请示》", "云政报〔 2014〕48号", "粤府200522号", "粤经贸工业〔2005582号"]
    assert surfaces("本报今天刊发的《大同:五大园区打造经济强市硬实力》一文;以《丝路标杆 魅力新城》为主题。") == []
    assert surfaces("二级巡视员作《创新园区管理机制,打造区域经济新引擎》专题辅导。") == []  # a lecture's title
    assert surfaces("支部领学了《如何理解新时代中国特色社会主义思想创立的时代背景》。") == []  # a question: a study text
    title = "闵行区人民政府关于印发 《张江高新区闵行园区改革创新发展 行动方案(2025-2026年)》的通知"
    assert surfaces(f"闵府发〔2025〕5号\n{title}\n各委、办、局:") == ["闵府发〔2025〕5号", title]


def test_a_qualified_strategy_head_and_a_numbered_policy_package():
    assert surfaces("按照“港产城”融合发展战略。重磅推出“产业促进政策20条”。") == ["“港产城”融合发展战略", "“产业促进政策20条”"]


def test_an_inline_title_naming_a_zone_without_its_issuer():
    assert surfaces("根据中国(安徽)自由贸易试验区总体方案,芜湖片区重点发展。") == ["中国(安徽)自由贸易试验区总体方案"]
    assert surfaces("按照省政府转型综改示范区实施方案的要求。") == ["转型综改示范区实施方案"]


def test_only_the_guidelines_heads_join_a_quoted_name_not_huodong_gaige_or_changyi():
    # The guideline's heads are 行动/工程/战略/计划; labellers leave 倡议 out 19 times of 29 on dev.
    assert surfaces("2023年第四次“三个一批”活动。持续深化“放管服”改革。充分对接国家“一带一路”倡议。") == [
        "“三个一批”", "“放管服”", "“一带一路”"]
    assert surfaces("实施“园区提质、企业满园”行动。") == ["“园区提质、企业满园”行动"]


def test_holidays_amounts_methods_projects_and_before_after_phrases_are_no_campaigns():
    for phrase in ("5月2日是“五一”假期。", "实现“千亿”跨越。", "采用“一步连续法”工艺。", "举办“两灯一车新经济项目”集中签约。",
                   "打造“两灯一车”三大主导产业。", "从“一枝独秀”到“春色满园”。", "京津“双城记”。", "“在彭州过年”,"):
        assert surfaces(phrase) == [], phrase
    assert surfaces("实现“一枚印章管审批”和“一支队伍管执法”。") == ["“一枚印章管审批”", "“一支队伍管执法”"]  # listed; joined


def test_an_inline_title_after_weirao():
    assert surfaces("崖州湾科技城紧紧围绕海南自由贸易港总体方案要求,重点打造。") == ["海南自由贸易港总体方案"]


def test_a_number_after_its_label_a_shows_title_and_battles_to_win_are_no_campaigns_but_the_number_is_found():
    assert surfaces("发文字号为渝府〔2015〕52号。") == ["渝府〔2015〕52号"]
    assert surfaces("《金城公主》室内历史舞台剧开演。新区打赢“五场硬仗”要求。“八个方面重点工作”部署。“双热”景象。") == []


def test_a_whole_in_n_positions_and_a_layout_of_cities_are_no_campaigns():
    assert surfaces("高效运营“五位一体”科技企业孵化链。园区是大西安“两市一区”重要组成部分。") == []


def test_a_title_in_a_table_cell_before_its_number_or_with_a_space_before_ruogan():
    assert surfaces("文号 | 公开方式 |\n标题 | 临沂市开发区发展规划 (2021—2025年) |\n") == ["临沂市开发区发展规划 (2021—2025年)"]
    assert surfaces("立即下载\n关于同意设立云南滇中新区的批复 国函〔2015〕141号 云南省人民政府:") == [
        "关于同意设立云南滇中新区的批复", "国函〔2015〕141号"]
    assert surfaces("合肥高新区建设世界一流高科技园区 若干政策措施\n点击:61次") == ["合肥高新区建设世界一流高科技园区 若干政策措施"]
    assert surfaces("标题 | 开发区发展规划 | 经济 |\n") == []  # too short to be a title, as before


def test_journals_newspaper_editions_layouts_with_long_counts_and_strategic_cooperation_are_no_policies():
    assert surfaces("- · 《中国高新区》栏目设置\n- · 《中国高新区》投稿方式") == []
    assert surfaces("《西藏日报》 《西藏日报藏文版》 《人民日报藏文版》") == []
    assert surfaces("由“一区十园”扩至“一区十六园”。") == []
    assert surfaces("签订了共建“烟台德迈国际双创产业园项目”战略合作协议。") == []


def test_a_programme_after_chengwei_or_zuowei_and_before_jieshui():
    assert surfaces('把园区打造成为"一带一路"节水科技产业国际合作的重要平台。') == ['"一带一路"']
    assert surfaces("用湖南和长沙作为“一带一路”建设核心区独特的优势。") == ["“一带一路”"]
    assert surfaces("被誉为“湾顶明珠”。") == []


def test_targets_after_juesheng_formulas_in_numerals_times_and_counted_battles_are_no_campaigns():
    for text in ("进一步激发决胜“双过半”、攻坚再突破的信心。", "一个港口“三二一”立体式交通体系。", "按照全省“一二三四”总体思路。",
                 "全市进入“两会时间”。", "聚力打好“八场硬仗”。"):
        assert surfaces(text) == [], text
    assert surfaces("聚焦“一主六双”“四六四五”发展战略。") == ["“一主六双”", "“四六四五”发展战略"]


def test_one_quoted_name_pushed_on_is_a_campaign_but_a_run_of_slogans_is_not_and_an_official_reply_is_a_title():
    assert surfaces("配合推进“分线管理”,联动做好项目引进。") == ["“分线管理”"]
    assert surfaces("大力推进“项目共育”“链条共建”“产业共兴”,持续发力。") == []
    title = "对自治区政协十一届一次会议第011号(C类002号)提案的答复"
    assert surfaces(f"建议提案\n\n{title}\n\n作者:") == [title]


def test_a_document_number_whose_hao_was_lost_before_a_closing_bracket():
    assert surfaces("实施方案》的通知(甘办发〔2018〕33)要求。") == ["甘办发〔2018〕33"]
    assert surfaces("全市共有〔2018〕33家企业。") == []


def test_a_journal_named_after_a_zone_kind_slogans_of_balance_and_a_number_after_shi():
    assert surfaces("在线留言\n\n《中国开发区》\n\n打开") == []
    for text in ("新材料产业“双轮驱动”,打造产业集群。", "全力实现“双加强”“两不误”。", "投资量“三量齐升”。"):
        assert surfaces(text) == [], text
    assert surfaces("是国发〔2022〕2号文件明确指出的重点。") == ["国发〔2022〕2号"]


def test_the_states_torch_programme_is_named_wherever_it_is():
    assert surfaces("获批“国家火炬计划生物医药特色产业基地”。") == ["国家火炬计划"]


def test_quoted_names_of_industries_and_of_years_are_no_campaigns():
    for text in ("河南省“十强”和“十快”产业。", "集聚建设“四个一流”产业。", "被称为中国的“大数据元年”。", "开发区迈入“而立年”后。"):
        assert surfaces(text) == [], text


def test_a_strategy_with_its_head_after_zuowei_a_qualified_strategy_head_and_a_year_before_a_named_action():
    assert surfaces("天水经开区作为“工业强市”战略的主阵地。") == ["“工业强市”战略"]
    assert surfaces("大力实施吉林省委“一主六双”高质量发展战略。") == ["“一主六双”高质量发展战略"]
    assert surfaces("深入实施2025年产业项目攻坚行动,打好项目谋划。") == ["产业项目攻坚行动"]
    assert surfaces("被誉为“湾顶明珠”。") == []


def test_a_listed_programme_is_a_campaign_anywhere_and_a_counted_name_needs_a_context_that_carries_it_out():
    assert surfaces("进一步加快“腾笼换鸟”步伐,推动“工业上楼”,着力推动“智改数转”。") == [
        "“腾笼换鸟”", "“工业上楼”", "“智改数转”"]
    assert surfaces("工业领域“一企一策”精准施策。") == []  # counted, nothing carries it out: a method described
    assert surfaces("全面落实“一企一策”。") == ["“一企一策”"]
    assert surfaces("招商引资“双招双引”成果丰硕。") == ["“双招双引”"]  # listed
    assert surfaces("同时通过“以投带引”模式吸引企业;海南参与“21世纪海上丝绸之路”建设。") == [
        "“以投带引”", "“21世纪海上丝绸之路”"]  # listed: also before 模式, and with digits


def test_provincial_and_city_programmes_on_the_list_are_campaigns_where_no_rule_would_take_them():
    text = "强化“贵人服务”,围绕“建圈强链”,招引项目。"
    assert surfaces(text) == ["“贵人服务”", "“建圈强链”"]  # the 贵州 and 成都 rows of programmes.csv
    assert policy_mentions(ArticleText(text), programmes=frozenset()) == []  # the list, not a rule, finds them


def test_a_listed_programme_qualifying_a_noun_is_still_the_programme_and_an_unlisted_phrase_there_is_not():
    assert surfaces("围绕“五好”园区创建,入选“双招双引”特色园区名单。") == ["“五好”", "“双招双引”"]
    assert surfaces("建设“智慧谷”园区。") == []  # not listed: a description of the park


def test_a_short_one_line_title_before_its_date_field():
    assert surfaces("城镇经济\n\n长春新区总体方案时间: 2016-02-03\n") == ["长春新区总体方案"]


def test_a_numbered_package_a_number_in_corner_brackets_and_an_approval_that_agrees():
    assert surfaces("率先推出“暖企8条”、“稳企6条”等惠企政策。") == ["“暖企8条”", "“稳企6条”"]
    assert surfaces("经国家计委办公厅(国计办「2000」287号)批准设立。") == ["国计办「2000」287号"]
    assert surfaces("国务院批复同意安徽自贸试验区总体方案,建立联动机制。") == ["安徽自贸试验区总体方案"]


def test_numbered_attachment_lines_a_call_for_comments_measures_described_and_a_live_show():
    text = "方式。\n附件:\n1.重庆市新时代产业园区高质量发展实施方案(征求意见稿)\n2.起草说明"
    assert surfaces(text) == ["重庆市新时代产业园区高质量发展实施方案(征求意见稿)"]  # the list number stays outside
    text = "能力。\n\n公开征求对《重庆市新时代产业园区高质量发展实施方案(征求意见稿)》的意见\n"
    assert surfaces(text) == ["《重庆市新时代产业园区高质量发展实施方案(征求意见稿)》"]
    assert surfaces("加强领导,制定促进开发区发展的政策措施,建立议事协调机制。") == []
    assert surfaces("随着《文成公主》大型实景剧项目奠基。") == []
    assert surfaces("2018中国扬州“烟花三月”国际经贸旅游节广陵区重大项目集中开工。") == []  # an event's name


def test_a_layout_named_as_a_strategy_is_a_campaign_but_as_a_plan_it_is_not():
    assert surfaces("深入实施“一轴三带”发展战略,推动城市更新。") == ["“一轴三带”发展战略"]
    assert surfaces("编制“三城一园一中心”规划。") == []
    assert surfaces("随着“一带一路”倡议的深入推进,企业走向海外。") == ["“一带一路”"]


def test_a_plan_named_by_its_place_as_a_subject():
    assert surfaces("科创板开市之后,上海自贸试验区临港新片区总体方案正式发布。") == ["上海自贸试验区临港新片区总体方案"]
    assert surfaces("继长三角一体化发展规划纲要正式出台,各地加快行动。") == ["长三角一体化发展规划纲要"]
    found = surfaces("绍兴不仅在上海进行了推进长三角区域一体化发展行动计划、绍兴滨海新区推介。")
    assert not [f for f in found if f.startswith("绍兴")]  # a subject and its verbs are no title


def test_journals_websites_books_questions_and_event_slogans_in_title_marks_are_no_documents():
    text = "△《半月谈网》2023年6月。出处《浙江经济》2018年第1期。发表在期刊《光学》上。《中国国情丛书——格尔木卷》记载。" \
           "发起话题:《顺德如何打造好10个千亩产业园?》。在《凝聚晋商力量·共谋山西未来》推介会上。"
    assert surfaces(text) == []
    assert surfaces("印发《关于促进开发区改革和创新发展的若干意见》。") == ["《关于促进开发区改革和创新发展的若干意见》"]


def test_certificates_books_overviews_and_yearly_reports_in_title_marks_are_no_documents():
    text = "核发首张《建设工程规划许可证》。孙中山在《建国方略》中规划此港。《青海旅游资源概况》:动物园。" \
           "《西藏人文地理》:推进西藏旅游。发布的《中国乡镇综合竞争力报告2019》公布名单。"
    assert surfaces(text) == []
    assert surfaces("印发《工业园区建设用地规划许可证核发办法》。") == ["《工业园区建设用地规划许可证核发办法》"]


def test_a_place_named_after_a_programme_is_no_mention_of_it():
    assert surfaces("企业先后入驻“双创”中心。建设“菜篮子”交易中心。") == []
    assert surfaces("深入推进“双创”,建设“一带一路”物流中转中心。") == ["“双创”", "“一带一路”"]


def test_a_task_ranked_as_a_number_one_project_is_no_programme():
    assert surfaces("把招商引资作为园区建设“一号工程”,作为全区“龙头工程”全力推进。") == []
    assert surfaces("作为深入推进“百县千镇万村高质量发展工程”的抓手。") == ["“百县千镇万村高质量发展工程”"]


def test_a_quoted_word_before_a_plan_is_no_programme_but_a_strategy_plan_is():
    assert surfaces("“扩区”规划已获国务院批复。秀涂“人工岛”规划筑岛面积4830亩。遵循“共生、共荣、共享”规划理念。") == []
    assert surfaces("厦门软件园是“美丽厦门”战略规划产业升级的主阵地。") == ["“美丽厦门”战略规划"]


def test_a_strategic_layout_or_positioning_is_no_strategy():
    assert surfaces("是兰州城市发展“一心两翼”战略格局的重要组成部分,突出“三区一极”战略定位。") == []
    assert surfaces("实施“一心两翼”发展战略。") == ["“一心两翼”发展战略"]


def test_meetings_held_online_are_no_programmes():
    assert surfaces("积极开展“云洽谈”“云招商”,开展“云签约”活动,举行“不见面开工”。") == []


def test_a_title_line_may_quote_a_period():
    line = "西双版纳州“十四五”产业园区发展实施方案"
    assert surfaces(f"发布日期:2022-05-31\n{line}\n为深入贯彻落实……") == [line]


def test_a_programme_coded_by_its_numbers_is_one_with_its_head_and_a_formula_without():
    assert surfaces("强力推进“5312”工程。锚定\"1368\"发展战略。") == ["“5312”工程", "\"1368\"发展战略"]
    assert surfaces("构建“4+2”产业体系,打造“221”现代产业。") == []


def test_a_quoted_name_taken_as_a_campaign_is_one_wherever_the_text_quotes_it_again():
    text = "“海上福州”谱写产业新篇。福州提出“海上福州”战略,书写“海上福州”建设新答卷。"
    assert surfaces(text) == ["“海上福州”", "“海上福州”战略", "“海上福州”"]
    assert surfaces("“海上福州”谱写产业新篇。") == []  # alone, a headline's phrase


def test_a_campaign_quoted_bare_and_with_its_head_is_one_campaign():
    text = "实施“园区提质、企业满园”行动。“园区提质、企业满园”成效明显。"
    mentions = sorted(policy_mentions(ArticleText(text)), key=lambda m: m.start)
    assert [m.surface for m in mentions] == ["“园区提质、企业满园”行动", "“园区提质、企业满园”"]
    assert {m.canonical for m in mentions} == {"“园区提质、企业满园”行动"} and len({m.id for m in mentions}) == 1


def test_a_three_year_action_plan_head_and_an_action_after_two_verbs():
    assert surfaces("加快实施“十大战略”三年行动计划,朝着目标迈进。") == ["“十大战略”三年行动计划"]
    assert surfaces("“当前,昌平正启动实施医药健康产业倍增行动计划,") == ["医药健康产业倍增行动计划"]  # not the sentence


def test_a_places_named_action_as_a_noun_and_the_states_research_programme():
    assert surfaces("2024年是辽宁全面振兴新突破三年行动的攻坚之年。") == ["辽宁全面振兴新突破三年行动"]
    assert surfaces("确保辽宁全面振兴新突破三年行动首季首胜。") == ["辽宁全面振兴新突破三年行动"]
    assert surfaces("2024年是全面振兴新突破三年行动的攻坚之年。") == ["全面振兴新突破三年行动"]  # no place: its head names it
    assert surfaces("成都市深入实施制造业倍增行动。") == ["制造业倍增行动"]  # a verb inside: the sentence is no name
    assert surfaces("研究院牵头的国家重点研发计划项目获批。") == ["国家重点研发计划"]


def test_a_strategys_head_with_its_kind_and_a_headed_strategy_held_to():
    assert surfaces("全面实施“东靠南下、通江达海”开放战略的重要平台。") == ["“东靠南下、通江达海”开放战略"]
    assert surfaces("是本市“双城双港”空间发展战略的重要部署。") == ["“双城双港”空间发展战略"]
    assert surfaces("坚持“工业强区”发展战略,牢牢把握机遇。") == ["“工业强区”发展战略"]  # 坚持 before: still named
    assert surfaces("围绕“一带一路”开展战略合作。") == ["“一带一路”"]  # 开展战略合作: no head
    assert surfaces("地处“一带一路”和长江经济带战略叠合部。") == ["“一带一路”"]
    assert surfaces("要坚持“大抓产业、大抓工业”战略导向。") == []  # a direction, not a strategy


def test_a_newspaper_with_spaces_and_a_reports_headline_are_no_documents():
    assert surfaces("(经济社会发展)\n《 人民日报 》( 2022年05月 )") == []
    assert surfaces("该报刊发长篇报道《在空港会世界打造陕西对外开放新高地》,引起关注。") == []


def test_a_quoted_name_the_work_is_led_by_is_a_campaign():
    assert surfaces("德阳以“三比三看”为统揽,推进项目建设。") == ["“三比三看”"]
    assert surfaces("园区以“人与自然、回归自然”为主题。") == []  # a theme, not a campaign


def test_a_named_actions_scope_word_stays_outside_it():
    assert surfaces("今年是实施全省全面振兴新突破三年行动的攻坚之年。") == ["全面振兴新突破三年行动"]


def test_a_document_number_with_di_before_its_number_and_after_its_label():
    assert surfaces("發文字號國函〔1993〕第38號\n施行日期1993年") == ["國函〔1993〕第38號"]
    assert surfaces("《关于设立开发区的请示》(政秘[1992]第372號)收悉。") == ["《关于设立开发区的请示》", "政秘[1992]第372號"]
    assert surfaces("發文字號為渝府〔2015〕52號。") == ["渝府〔2015〕52號"]


def test_histories_rankings_studies_and_certificates_in_brackets_are_no_documents():
    assert surfaces("据《宋史》记载,此地为桥头堡。") == []
    assert surfaces("会上发布了《园区高质量发展百强(2022)》。") == []
    assert surfaces("审核《设立西藏吉隆边境合作区可行性研究》成果。") == []
    assert surfaces("帮助企业申领《亚太贸易协定原产地证明书》。") == []
    assert surfaces("印发《中国共产党历史》学习读本。") == ["《中国共产党历史》"]


def test_a_counted_mechanism_or_a_limit_is_no_programme_but_a_named_mechanism_is():
    assert surfaces("督导检查“三项机制”,推动项目落地。") == []
    assert surfaces("保税物流园区受“身份限制”,只能从事仓储。") == []
    assert surfaces("成立招商小组,建立“赛马机制”,加大招商力度。") == ["“赛马机制”"]
    assert surfaces("全面推行“链长制”。") == ["“链长制”"]


def test_a_task_ranked_as_a_project_an_event_week_and_a_staged_play_are_no_policies():
    assert surfaces("坚持将招商营商作为“一把手”工程,严把关口。") == []
    assert surfaces("市启动针对西湖的“退田还湖”工程,重建湿地。") == ["“退田还湖”工程"]
    assert surfaces("常德市将“沪洽周”活动作为今年招商的重中之重,拟在“沪洽周”签约项目34个。") == []
    assert surfaces("推出话剧《文成公主》及室内舞台剧《金城公主》等一批文化项目。") == []


def test_an_issued_notice_holding_a_bracketed_title_or_a_plan_is_one_title_and_a_page_header_no_issuer():
    assert surfaces("苏州工业园区管理委员会文件苏园管〔2022〕1号\n园区管委会关于印发《苏州工业园区2022年实事项目》的通知\n各功能区:") \
        == ["苏园管〔2022〕1号", "园区管委会关于印发《苏州工业园区2022年实事项目》的通知"]
    assert surfaces("沧州市人民政府办公室关于印发沧州市重大项目落地工程行动方案的通知各县(市、区)人民政府:") \
        == ["沧州市人民政府办公室关于印发沧州市重大项目落地工程行动方案的通知"]
    assert surfaces("在《2024世界城市名册》中,成都位列第31位。") == []


def test_the_government_work_report_is_a_document_and_a_title_after_a_bullet_and_its_label():
    assert surfaces("超额完成《政府工作报告》确定的年度任务,发布《园区发展报告》。") == ["《政府工作报告》"]
    assert surfaces("  • 标题:对州第十三届人民代表大会第一次会议第0241号建议的答复\n  • 发文字号:") \
        == ["对州第十三届人民代表大会第一次会议第0241号建议的答复"]


def test_a_strategy_of_two_clauses_is_one_name_only_with_its_head():
    assert surfaces("深入实施“创新驱动,转型发展”战略,重点突破。") == ["“创新驱动,转型发展”战略"]
    assert surfaces("他说:“项目要快,服务要好”。") == []


def test_a_zone_s_plan_for_a_five_year_period_is_a_document_but_a_place_s_is_not():
    assert surfaces("根据开发区“十三五”发展规划,芜湖市将实施新项目。") == ["开发区“十三五”发展规划"]
    assert surfaces("酝酿许久的张江科学城“十四五”规划出炉。") == ["张江科学城“十四五”规划"]
    assert surfaces("在怀柔区“十三五”规划中,将科学城列为重点。") == []


def test_a_five_year_plan_on_a_line_of_its_own_is_a_title():
    assert surfaces("新闻\n蚌埠高新区国民经济和社会发展第十四个五年规划\n2022年4月") == ["蚌埠高新区国民经济和社会发展第十四个五年规划"]


def test_a_film_s_title_is_no_document():
    assert surfaces("播放了经济社会发展巡礼专题片《奋进,为一个美丽的定州》,以及文艺节目。") == []


def test_a_yearbook_with_its_year_and_a_magazine_before_its_reporter_are_no_documents():
    assert surfaces("内容出处: 《九江年鉴.2008》 图书。Page 18 - 《鹿城年鉴2017》") == []
    assert surfaces("来源:祖国网\n《祖国》记者王子文 通讯员李明") == []


def test_a_named_action_may_start_with_a_quoted_name():
    assert surfaces("以清单为抓手,开展“五上”企业培育攻坚行动,并出台政策。") == ["“五上”企业培育攻坚行动"]
    assert surfaces("着力实施重点项目“百日攻坚”行动。") == ["“百日攻坚”行动"]  # the head right after the quote: the name alone


def test_a_zone_s_detailed_plan_is_a_title():
    assert surfaces("重新编制了渭南高新区控制性详细规划,设置了六大产业板块。") == ["渭南高新区控制性详细规划"]


def test_a_named_action_after_its_description_is_named_without_it_and_a_deed_is_no_name():
    assert surfaces("全面实施集群式项目的满园扩园行动,大力促进园区发展。") == ["满园扩园行动"]
    assert surfaces("这是推进供给侧结构性改革的具体行动。") == []


def test_a_document_number_written_with_spaces():
    assert surfaces("株洲市人民政府文件\n株政发 〔2018〕 19号\n") == ["株政发 〔2018〕 19号"]


def test_a_title_line_after_an_attachment_label():
    text = "现将方案印发给你们,请认真贯彻落实。\n  附件:1.湖南省开发区整合优化实施方案\n        2.湖南省开发区创新强园行动方案\n"
    assert surfaces(text) == ["湖南省开发区整合优化实施方案", "湖南省开发区创新强园行动方案"]


def test_a_notice_s_short_title_an_edition_after_a_spaced_title_and_a_listed_programme_after_wei():
    assert surfaces("湖北省政府发布《关于全省开发区考评情况的通报》(以下简称《通报》)。") == [
        "《关于全省开发区考评情况的通报》", "《通报》"]
    assert surfaces("下发了《四川省 5 1 重点特色园区培育三年行动计划(2021-2023年)》。") == [
        "《四川省 5 1 重点特色园区培育三年行动计划(2021-2023年)》"]
    assert surfaces("为“百千万工程”、制造业当家提供支撑。") == ["“百千万工程”"]
    assert surfaces("医院已启动人才招聘计划。") == []


def test_a_poem_and_a_broadcast_programme_in_brackets_are_no_documents():
    assert surfaces("这里因诗人郭小川的那首《团泊洼的秋天》而广为人知。") == []
    assert surfaces("据中国之声《新闻和报纸摘要》报道,该区新增企业300家。") == []
    assert surfaces("会议印发《关于推进开发区高质量发展的意见》。") == ["《关于推进开发区高质量发展的意见》"]


def test_a_document_number_in_small_brackets_a_newspaper_page_and_a_column_are_no_documents():
    assert surfaces("根据《关于印发方案的通知》(舟委办发﹝2021﹞55号)文件") == ["《关于印发方案的通知》", "舟委办发﹝2021﹞55号"]
    assert surfaces("因此,《今日开发区版》对这些工作作了报道。本台开设《聚焦“五看”筑凤巢》专栏。") == []


def test_a_quoted_line_of_a_report_is_no_name():
    assert surfaces("党的二十大报告提出“实施自由贸易试验区提升战略”,对自贸试验区建设提出新要求。") == []
    assert surfaces("2023年临空经济区将以实施“建设发展三年行动计划”为抓手。") == ["“建设发展三年行动计划”"]


def test_a_zone_s_five_year_plan_named_with_its_bracketed_place():
    text = "聚集机构50家左右。\n中国(福建)自由贸易试验区厦门片区发展“十四五”规划\n为加快推进"
    assert surfaces(text) == ["中国(福建)自由贸易试验区厦门片区发展“十四五”规划"]


def test_books_and_a_report_in_brackets_are_no_documents():
    assert surfaces("文联举办的《彩云文丛》、《古云南地名书法画册》等首发式。") == []
    assert surfaces("世邦魏理仕发布《中国重点城市商务园区普查2022北京》报告。") == []


def test_a_named_action_after_a_verb_of_following_and_with_two_joined_parts():
    assert surfaces("按照工业倍增计划,园区将新增企业。") == ["工业倍增计划"]
    assert surfaces("实现全面振兴新突破三年行动首战告捷。") == ["全面振兴新突破三年行动"]
    assert surfaces("云南深入开展园区规模和质量提升行动。") == ["园区规模和质量提升行动"]
    assert surfaces("实施创新和开放行动,加快发展。") == []  # two plain 行动 joined: no named one


def test_a_named_plan_after_its_verb_quoting_a_period_or_naming_a_science_city():
    assert surfaces("按照北京市“十二五”发展规划纲要,高端制造业已成为支柱。") == ["北京市“十二五”发展规划纲要"]
    assert surfaces("在市政基础设施方面,按照未来科技城一期专项规划,共建设70个项目。") == ["未来科技城一期专项规划"]
    assert surfaces("与上海临港集团编制园区共建发展规划。") == []  # 园区 alone names no zone
    assert surfaces("编制好了工业园区总体规划,制定工业园区管理办法。") == []  # a kind of plan, no zone's


def test_a_named_action_the_work_is_led_by_and_named_actions_listed_after_a_verb():
    assert surfaces("招商引资方面,以春季招商攻坚行动为抓手,聚焦产业链。") == ["春季招商攻坚行动"]
    found = surfaces("鹤山市实施的园区载体提升行动、产业能级提升行动、企业主体提升行动成效明显。")
    assert found == ["园区载体提升行动", "产业能级提升行动", "企业主体提升行动"]
    assert surfaces("以实际行动为抓手。") == []
    assert surfaces("以确保园区提质攻坚行动为抓手。") == []  # a verb inside: no name's boundary, as in a list of actions


def test_a_quoted_programme_s_action_plan_is_one_name_and_a_head_after_deng_is_a_list_s():
    assert surfaces("长沙经开区发布“人工智能+制造”行动方案。") == ["“人工智能+制造”行动方案"]
    assert surfaces("科学把握全市“六城联动”等战略发展机遇。") == ["“六城联动”"]


def test_a_ministry_s_decree_number_a_plan_s_name_label_and_two_editions_after_a_title_line():
    text = "根据《规划环境影响评价条例》(国务院令第559号)和《环境影响评价公众参与办法》(生态环境部令第4号)要求。"
    assert surfaces(text) == ["《规划环境影响评价条例》", "国务院令第559号", "《环境影响评价公众参与办法》", "生态环境部令第4号"]
    assert surfaces("规划名称:会宁工业集中区发展规划(2022-2035年)\n编制单位:会宁县人民政府") == ["会宁工业集中区发展规划(2022-2035年)"]
    assert surfaces("《环境影响评价公众参与办法》(部令第4号)中的相关要求") == ["《环境影响评价公众参与办法》", "部令第4号"]
    title = "新疆阿克苏纺织工业城(开发区)总体规划(修编)(2017-2030年)"
    assert surfaces(title + "\n根据规划") == [title]


def test_shixing_dongtai_guanli_is_no_named_action():
    assert surfaces("按照“优进劣汰”原则对省级开发区实行动态管理。") == []


def test_a_zone_s_plan_named_with_its_years_in_running_text_but_not_a_province_s_zones_in_general():
    text = "贵州省瓮安工业园区产业发展规划(2019—2025)已印发,云南弥勒产业园区总体规划修编(2022~2035)正在报批。"
    assert surfaces(text) == ["贵州省瓮安工业园区产业发展规划(2019—2025)", "云南弥勒产业园区总体规划修编(2022~2035)"]
    plan = "海东工业园区互助绿色产业园总体规划(修编)(2011-2030)"
    assert surfaces(f"根据有关规定,对{plan}进行环境影响评价。") == [plan]
    assert surfaces("省发改委正式启动全省开发区产业发展规划(2016—2020年)编制。") == []


def test_quoted_policy_packages_listed_one_after_another_are_each_a_name():
    text = "今年已出台“建设国际消费中心城市10条”“文旅10条2.0”“专精特新10条”“金融科技10条”。"
    assert surfaces(text) == ["“建设国际消费中心城市10条”", "“文旅10条2.0”", "“专精特新10条”", "“金融科技10条”"]


def test_a_list_of_quoted_names_is_split_only_when_none_is_nested_or_a_meeting_format():
    assert surfaces("广泛开展“云洽谈”“云磋商”活动。") == []
    assert surfaces("围绕“更高开放水平”“‘一带一路’倡议下自贸港区合作发展机遇”等主题研讨。") == []


def test_a_quoted_name_deployed_at_a_rally_or_carried_as_a_policy_reform_or_renewal_is_a_campaign():
    assert surfaces("居巢经开区召开贯彻落实全市“工业立市”动员大会精神。") == ["“工业立市”"]
    assert surfaces("推出25项“免申即享”政策,确保惠企政策精准直达。") == ["“免申即享”"]
    assert surfaces("持续推动“一本制”改革深入深化。") == ["“一本制”"]
    assert surfaces("通过产业新空间建设、“三旧”改造、零碎地块整合等。") == ["“三旧”"]


def test_a_quoted_phrase_before_policy_advantages_or_a_housing_renewal_is_not_a_campaign():
    assert surfaces("发挥交通枢纽带动优势和“双区叠加”政策优势。") == []
    assert surfaces("小河矿区在“老旧小区”改造中焕发出了新的生机。") == []


def test_a_named_action_opened_sounded_or_held_a_rally_for_is_named():
    assert surfaces("安宁工业园区召开高质量跨越式发展三年行动动员部署会议。") == ["高质量跨越式发展三年行动"]
    assert surfaces("祥云县全面吹响产业强县三年行动号角。") == ["产业强县三年行动"]


def test_three_named_actions_or_more_listed_one_after_another_are_each_a_name():
    text = "推进“七大行动”,即重大项目突破行动、科技创新引航行动、园区更新升级行动。"
    assert surfaces(text)[-3:] == ["重大项目突破行动", "科技创新引航行动", "园区更新升级行动"]
    assert surfaces("开展联合行动、具体行动、集中行动。") == []


def test_a_document_put_out_is_a_document_but_a_show_put_out_is_not():
    assert surfaces("推出《海外人才离岸创新创业基地管理办法(试行)》,形成政策支撑体系。") == ["《海外人才离岸创新创业基地管理办法(试行)》"]
    assert surfaces("景区推出《印象太极》,游客络绎不绝。") == []


def test_a_quoted_park_name_with_a_programme_head_is_a_programme():
    assert surfaces("四川提出「100億園區」工程,培育一批工业园区。") == ["「100億園區」工程"]
    assert surfaces("企业纷纷入驻“中德产业园”。") == []


def test_named_plans_counted_off_one_by_one_are_each_a_name_but_not_clauses():
    text = "将推出六大行动计划。一是全球营运商计划,这项工作去年底启动。二是大企业开放创新中心计划。三是加快推进项目建设。"
    assert surfaces(text) == ["全球营运商计划", "大企业开放创新中心计划"]
    assert surfaces("一是全球营运商计划,这项工作去年底启动。") == []


def test_a_named_plan_being_drawn_up_is_a_name():
    assert surfaces("长春新区深入谋划高品质发展三年行动计划,勇担引领全市振兴突破重任。") == ["高品质发展三年行动计划"]


def test_a_place_s_five_year_plan_under_its_official_title_unbracketed_is_a_document():
    assert surfaces("近日,天津市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要正式印发。") == [
        "天津市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"]
    assert surfaces("兰州新区国民经济和社会发展“十三五”规划(2016—2020年)纲要") == ["兰州新区国民经济和社会发展“十三五”规划(2016—2020年)纲要"]
    assert surfaces("要根据国民经济和社会发展第十四个五年规划纲要推进工作。") == []


def test_the_verbs_a_named_action_follows_stay_outside_it_even_after_a_place():
    for text in ("辽宁省聚焦全面振兴新突破三年行动,推进开发区建设。", "阜新吹响全面振兴新突破三年行动冲锋号。",
                 "打赢全面振兴新突破三年行动攻坚之战。", "阜新打好打赢全面振兴新突破三年行动开局战。"):
        assert surfaces(text) == ["全面振兴新突破三年行动"], text
    assert "海南打赢科技创新翻身仗三年行动计划" in surfaces("根据海南打赢科技创新翻身仗三年行动计划要求,加大投入。")  # 打赢 in a name


def test_this_city_s_and_a_headline_s_reporting_verb_stay_outside_a_plan_s_name():
    assert surfaces("制定实施本市京津冀协同发展新三年行动计划。全方位支持。") == ["京津冀协同发展新三年行动计划"]
    assert surfaces("哈尔滨将启动开发区高质量发展三年行动计划\n8月13日,记者获悉。") == ["开发区高质量发展三年行动计划"]
    assert surfaces("湖南省印发长株潭一体化发展五年行动计划\n为全面落实。") == ["长株潭一体化发展五年行动计划"]
    assert surfaces("国务院关于印发中国(河南)自由贸易试验区总体方案的通知\n") == ["国务院关于印发中国(河南)自由贸易试验区总体方案的通知"]


def test_a_straight_quote_closed_by_a_curly_one_quotes_one_name_not_the_words_between_two():
    assert surfaces('现将全市2013年"十大工程”和"二十件民生实事”实施事项通知如下。') == ['"十大工程”', '"二十件民生实事”']


def test_impact_reports_wire_papers_news_programmes_and_classics_in_title_marks_are_no_documents():
    text = ("据《新华每日电讯》报道,《山东新闻联播》播出。编制《贵州清水河经济开发区发展规划环境影响报告书》,"
            "引用《四库全书》《周易集注》。依据《湿地公约》和《工业项目建设用地控制指标》。")
    assert surfaces(text) == ["《湿地公约》", "《工业项目建设用地控制指标》"]


def test_a_quoted_name_keeps_a_few_words_of_its_kind_before_its_head_but_not_a_rank_or_works():
    assert surfaces("据悉,“大平台”提级赋能行动实施以来,省工信厅高标准推进。") == ["“大平台”提级赋能行动"]
    assert surfaces("滁州经开区强力推进“筑巢”建设工程,标准化厂房建设提速。") == ["“筑巢”建设工程"]
    assert surfaces("芜湖片区强力推进“双招双引”一号工程,累计招引项目202个。") == ["“双招双引”"]
    assert "“三横五纵”路网工程" not in surfaces("区内塔吊林立,“三横五纵”路网工程几个作业面同时施工。")


def test_a_quoted_name_inside_a_title_is_no_campaign_where_the_text_quotes_it_again():
    text = "印发《黔东南州全力打造“桥头堡”建设攻坚行动计划》。为构筑“桥头堡”功能,建立“桥头堡”重大项目库。"
    assert surfaces(text) == ["《黔东南州全力打造“桥头堡”建设攻坚行动计划》"]


def test_a_document_number_after_a_date_and_an_issuing_verb_starts_at_its_issuer():
    assert surfaces("该园区是上海市人民政府于2001年9月12日下发沪府[2001]第34号文批准建设。") == ["沪府[2001]第34号"]


def test_a_company_s_series_of_projects_is_no_programme():
    assert surfaces("作为“亚洲一号”系列工程的首个项目,上海“亚洲一号”项目将于今年6月封顶。") == []


def test_a_news_agency_an_exhibition_and_a_land_certificate_in_title_marks_are_no_documents():
    assert surfaces("据《新华社》报导,并参观《百年华山摄影艺术图片展》,投产后发给《国有土地使用权证》。") == []
    assert surfaces("印发《关于推动开发区高质量发展》。") == ["《关于推动开发区高质量发展》"]


def test_a_verb_before_a_period_plan_is_no_part_of_its_name_and_a_place_s_plan_is_no_name():
    assert surfaces("作为张江科学城“十四五”规划的重点。") == ["张江科学城“十四五”规划"]
    assert surfaces("发展,列入了蓟州区“十五五”规划编制中。") == []  # not 列入了蓟州区“十五五”规划


def test_injected_spam_and_a_brochure_in_title_brackets_are_no_documents():
    assert surfaces("确保项目《澳门凤凰游戏》尽早建成。《祁连县乡村振兴地理标志建设宣传册》提供的数据显示。") == []


def test_a_document_number_in_lenticular_or_curly_brackets_and_a_verb_before_its_issuer():
    assert surfaces("复函(国办函【2021】64号)已印发。经审查(粤环审{2008}383号)。") == ["国办函【2021】64号", "粤环审{2008}383号"]
    assert surfaces("关于印发系列政策的通知开管〔2021〕9号 各部门:")[-1] == "开管〔2021〕9号"
    assert surfaces("根据沪科创办[2021]72号和环境保护部令第35号规定。") == ["沪科创办[2021]72号", "环境保护部令第35号"]


def test_a_named_action_by_its_specific_head_alone_but_not_a_count_this_document_or_an_office():
    assert surfaces("全面启动汽车产业、电子信息产业三年行动计划,投入资金。") == ["电子信息产业三年行动计划"]
    assert surfaces("据统计,向海经济三年行动计划实施以来,总值增长。") == ["向海经济三年行动计划"]
    assert surfaces("特制定本行动计划。推动技改等六大攻坚行动,山东省化工专项行动办公示了名单。") == []
    assert surfaces("开展新型显示、新型储能三大产业研究并形成三年行动计划。") == []  # a count inside, a sentence before


def test_an_unbracketed_plan_runs_on_over_its_edition_and_a_place_s_action_over_its_plan_word():
    assert surfaces("根据石景山区科幻产业发展行动计划(2022-2025年),全区将力争。") == ["石景山区科幻产业发展行动计划(2022-2025年)"]
    assert surfaces("(此件公开发布)南通市纺织产业高质量发展三年行动计划(2022—2024年)纺织产业是我市传统产业。") == [
        "南通市纺织产业高质量发展三年行动计划(2022—2024年)"]
    assert surfaces("印发《园区培育三年行动计划(2021-2023年)》(2021年)。") == ["《园区培育三年行动计划(2021-2023年)》"]


def test_an_inline_title_starts_after_le_or_de_behind_its_verb():
    assert surfaces("省政府最新批复同意了舟山海洋产业集聚区发展规划、金华。") == ["舟山海洋产业集聚区发展规划"]
    assert surfaces("据国务院办公厅发布的关于广州花都经济开发区等4个省级开发区升级为国家级经济技术开发区的复函,江西。") == [
        "关于广州花都经济开发区等4个省级开发区升级为国家级经济技术开发区的复函"]


def test_a_numbered_policy_package_but_not_a_numbered_structure_or_way_of_working():
    assert surfaces("全面落实“1+1+N”政策措施,并加强动态评估认定。") == ["“1+1+N”政策措施"]
    assert surfaces("全面对标全市“1 + 454”体系,建立“1+4+3”工作机制精准抓招商,形成“1+7”政策服务体系。") == []


def test_a_named_action_the_work_is_led_by_whatever_its_head_and_one_joined_by_ji():
    assert surfaces("澄城县将以项目建设突破年行动为抓手,要以当前四进行动为重点。") == ["项目建设突破年行动", "四进行动"]
    assert surfaces("从近日召开的长春产业招商推进暨冬季产业招商攻坚行动部署会议上了解到。") == ["冬季产业招商攻坚行动"]


def test_a_government_work_report_under_its_year_or_place_and_a_spaced_title_of_a_proposal():
    assert surfaces("市政府《2023年政府工作报告》和今年《市政府工作报告》要求。") == ["《2023年政府工作报告》", "《市政府工作报告》"]
    assert surfaces("按照《中共陕西省委关于制定国民经济和社会发展第十四个五年规划和 2035 年远景目标的建议》编制。") == [
        "《中共陕西省委关于制定国民经济和社会发展第十四个五年规划和 2035 年远景目标的建议》"]


def test_a_document_number_whose_year_was_lost_and_a_ministry_decree_with_a_space():
    assert surfaces("规划》(国函〔〕16号)和(内政发〔〕55号)。") == ["国函〔〕16号", "内政发〔〕55号"]
    assert surfaces("《参与办法》(生态环境部令 4号)和(生态环境部令 第4号)的规定。") == ["《参与办法》", "生态环境部令 4号", "生态环境部令 第4号"]


def test_a_strategic_layout_s_head_stays_outside_the_quoted_name():
    assert "“四个全面”" in surfaces("按照“五位一体”总体布局和“四个全面”战略布局,牢固树立。")
    assert surfaces("围绕“三新一高”战略布局,以食品加工为主。") == []
    assert surfaces("坚持“工业强区”发展战略,实施“双百”战略。") == ["“工业强区”发展战略", "“双百”战略"]


def test_the_last_line_of_a_heading_broken_over_three_lines_is_no_title_but_a_title_after_a_whole_one_is():
    assert surfaces("国务院办公厅关于广州花都\n经济开发区等4个省级开发区升级为\n国家级经济技术开发区的复函\n正文") == []
    assert surfaces("关于同意设立新区的批复(三)\n加入下载\n关于同意设立云南滇中新区的批复 国函〔2015〕1号") == [
        "关于同意设立云南滇中新区的批复", "国函〔2015〕1号"]


def test_a_place_s_plan_carrying_out_a_document_is_one_title_around_its_title_marks():
    assert surfaces("现将天津市贯彻落实《扎实稳住经济的一揽子政策措施》实施方案印发给你们。") == [
        "天津市贯彻落实《扎实稳住经济的一揽子政策措施》实施方案"]
    assert surfaces("要求各地贯彻落实《若干措施》实施方案。") == ["《若干措施》"]  # no place: the document alone


def test_broadcasts_series_and_journals_told_by_their_outlet_are_no_documents():
    assert surfaces("亮相央视《非遗里的中国》,今天的《重走天路看变迁》系列报道,被美国《福布斯》等知名杂志评选。") == []
    assert surfaces("于当月19日刊发了《会议纪要》。") == ["《会议纪要》"]
    assert surfaces("专委会会刊《非公有制企业党建》发布,想起歌曲《松花江上》,本报推出专栏《打赢开局战 实现开门红》。") == []


def test_a_form_a_film_a_case_study_a_result_and_a_project_in_title_marks_are_no_documents():
    assert surfaces("可下载附件《公众意见表》,观看了《麻城汽配产业宣传片》,荣获《百佳案例》,发布《考核评价结果》,"
                    "编制的《秋林工业园区基础设施建设项目》完成。") == []


def test_a_plan_named_by_its_place_is_no_sentence_that_keeps_or_mends_it_and_dongyuan_is_no_action():
    assert surfaces("量身定制,强化保障。滁州经开区始终坚持标准厂房建设与产业发展规划、企业要求。") == []
    assert surfaces("整合资源。福鼎市完善发展规划,突出产业特色。") == []
    assert surfaces("“三年突破”推进工作进行动员部署。") == []


def test_a_province_s_key_research_programme_and_the_state_s_new_products_programme_are_named_wherever_they_are():
    assert surfaces("获得自治区重点研发计划资金,申报国家重点新产品计划3项。") == ["自治区重点研发计划", "国家重点新产品计划"]


def test_a_portal_s_title_field_with_spaces_between_its_issuers_and_a_spaced_field_name():
    line = "名称: 中共枞阳县委 枞阳县人民政府 关于印发《枞阳县贯彻落实一体化发展规划纲要的工作方案》的通知 文号: \n"
    assert surfaces(line) == ["中共枞阳县委 枞阳县人民政府 关于印发《枞阳县贯彻落实一体化发展规划纲要的工作方案》的通知"]
    line = "| 标 题: 广西壮族自治区人民政府办公厅关于印发广西海洋强区三年行动计划(2023—2025年)的通知 | | 发文字号:\n"
    assert surfaces(line) == ["广西壮族自治区人民政府办公厅关于印发广西海洋强区三年行动计划(2023—2025年)的通知"]
    assert surfaces("名称 关于宁东基地黎羊路改线工程项目审查意见的函 文号: \n") == []  # no colon: a field name, no title


def test_a_today_titled_paper_or_programme_is_no_document():
    assert surfaces("摘自《今日黄冈》2023年4月。《今日开发区版》刊发文章。") == []
    assert surfaces("印发《今日起实施的若干措施》。") == ["《今日起实施的若干措施》"]
