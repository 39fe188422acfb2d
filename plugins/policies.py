"""Policies plugin: policy documents, document numbers, named campaigns and numbered policy systems.

* 《…》 titles ending in a policy word (意见, 办法, 通知, 方案, 规划, 条例, 措施, 政策, 细则, 纲要 …);
* document numbers such as 川府发〔2024〕12号 (in 〔〕, [], 【】, {} or no brackets, as typed);
* unbracketed official titles: on a line of their own, after 根据/印发 …, a place's five-year plan or a plan carrying
  out a document (天津市贯彻落实《…》实施方案), with the edition written after them ((2022-2025年));
* campaigns in quotes followed by 行动/工程/计划/战略 (“园区提质、企业满园”行动), quoted names on the shipped
  programme list (“放管服”, “腾笼换鸟”), and counted names a context carries out (落实“三个一批”);
* named actions and plans without quotes (实施制造业倍增行动, 辽宁全面振兴新突破三年行动, 国家火炬计划), and by a
  specific head alone (电子信息产业三年行动计划);
* numbered policy systems (“1+1+N”政策措施);
* other quoted names a learned second look (``policy_model.py``) finds labelled as campaigns (“五大战役”招商活动).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from parkwatch.gazetteer import is_place, programme_names, regions
from parkwatch.hookspecs import hookimpl
from parkwatch.mentions import ArticleText, Mention, simplified_same_length, stable_id
from parkwatch.scan import AnchoredPattern

from .policy_model import second_look, shipped_policy_model
from .verbs import verbs_in

_POLICY_WORDS = (r"意见|办法|通知|方案|规划|条例|措施|政策|细则|纲要|决定|规定|实施意见|行动计划|计划|指引|指南|建议|"
                 r"规则|标准|公告|通告|若干政策|若干措施|政策措施|工作要点|清单|目录|战略|批复|协议|备忘录|法|请示|函")
# 《…》 is a document unless it names a newspaper, a ranking, a song, a book or a film.
_TITLE_RE = re.compile(r"《((?:[^《》\n]|《[^《》\n]{1,80}》){1,120})》")  # one level of nesting: 《关于印发《…》的通知》
_NOT_DOCUMENT = re.compile(r"(?:开发区|高新区|新区|园区|产业园|科技城|科学城|(?<!通)报|刊|杂志|周刊|[文外]版|海外版|榜|排行|排名|指数|歌|之歌|曲|剧|电影|纪录片|小说|诗|记|传|志|年鉴|白皮书|蓝皮书|报告|网|经济|学|丛书|卷|[?？]|"
                           r"报告(?:19|20)\d{2}年?|许可证|证书|证明书|证照|执照|方略|概况|地理|[^历]史|百强|[十百千]强|名册|可行性研究|研究|(?<!年)版|文丛|文集|选集|诗集|画集|画册|"
                           r"报告书|环境影响评价|电讯|联播|报道|全书|集注|易经|瞭望|(?<!合作)社|[^发]展|权证|游戏|彩票|娱乐|宣传册|宣传片|意见表|案例|评价结果|建设项目)"  # a certificate (《国有土地使用权证》), a book (《宋史》), a ranking, a study, an impact report, a paper, programme or agency (《新闻联播》, 《新华社》), an exhibition (《…图片展》), injected spam (《澳门凤凰游戏》), a brochure or film, a form to fill in (《公众意见表》), a case study, a result, a project
                           r"(?:[(（][^()（）]*[)）]|[.·]?\s*(?:19|20)\d{2}年?)?$")  # 《鹿城年鉴2017》, 《九江年鉴.2008》
_WORK_REPORT = re.compile(r"(?:(?:19|20)\d{2}年)?[\u4e00-\u9fff]{0,10}?政府工作报告")  # 《2023年政府工作报告》, 《市政府工作报告》: a government's document
# A broadcast, a series, a journal or a song told by its outlet or kind: 央视《百年百城》, 会刊《…党建》, 歌曲《松花江上》,
# 《重走天路看变迁》系列报道, 美国《财富》等知名杂志
# (the words right after a title that make it one: 报道, 栏目, 节目, 杂志, 期刊, 一书).
_OUTLET_AFTER = re.compile(r"\s*(?:系列|专题|等知名|等)?(?:报道|栏目|节目|杂志|期刊|一书)")
_OUTLET_BEFORE = re.compile(r"(?:央视|电视台|频道|之声|广播|出版物|出处|参见|刊登了|会刊|刊物|期刊|杂志|专栏|栏目|节目|歌曲|首歌|影片|电影)[:：\s]*$")
# Words right after 《…》 that make it an article's, a report's or a lecture's title (《…》一文, 《…》专题辅导), and the
# openings of a title that asks a question (《如何理解…》, 《浅谈…》): not documents.
_NOT_DOCUMENT_AFTER = ("一文", "为主题", "为题", "投稿", "征稿", "收稿", "刊物", "编辑部", "数据库", "记者", "通讯员", "特约记者",
                       "专栏", "报告", "专题辅导", "专题讲座", "专题报告", "辅导报告", "专题党课", "党课", "讲座")
_TODAY_TITLE = re.compile(r"今日[\u4e00-\u9fff]{1,5}")  # 《今日黄冈》, 《今日开发区版》: a paper or a programme
_QUESTION_TITLE = re.compile(r"(?:如何|怎样|怎么|为什么|为何|什么是|浅谈|浅析|试论)")
_DOC_NUMBER = (r"[\u4e00-\u9fff]{1,10}\s?[〔\[［(（「﹝【{｛]\s*(?:19|20)\d{2}[〕\]］)）」﹞】}｝]\s*第?\d{1,4}\s*号"  # 国函〔1993〕第38号, 株政发 〔2018〕 19号, 国办函【2021】64号
               r"|[\u4e00-\u9fff]{1,8}?(?:发|函|办|字|呈|令|府)〔?(?:19|20)\d{2}〕?\d{1,4}号"  # 国发201243号, as typed
               r"|[\u4e00-\u9fff]{2,10}〔(?:19|20)\d{2}\d{1,4}号"  # 粤经贸工业〔2005582号: the close bracket lost
               r"|[\u4e00-\u9fff]{1,10}〔(?:19|20)\d{2}〕\d{1,4}(?=[)）])"  # (甘办发〔2018〕33): 号 lost
               r"|[\u4e00-\u9fff]{1,10}〔〕\d{1,4}号"  # 国函〔〕16号: the year lost
               r"|(?:(?![年月日])[\u4e00-\u9fff]){2,12}?(?:人民政府|政府)令第\d{1,4}号"  # 郑州市人民政府令第231号
               r"|(?:国务院|(?:(?![年月日根据和与及])[\u4e00-\u9fff]){0,8}?[部委局署])令\s?第?\d{1,4}号"  # 国务院令第559号, 生态环境部令第4号
               r"|(?:[\u4e00-\u9fff]{2,14}公告)(?:19|20)\d{2}年第\d{1,4}号|(?:19|20)\d{2}年第\d{1,4}号(?:公告|令)")
# Every document number holds its bracket, its issuer's last character and year, 政府令第 or 年第, 16 characters in at most.
_DOC_NUMBER_RE = AnchoredPattern(re.compile(_DOC_NUMBER),
                                 re.compile(r"[〔\[［(（「﹝【{｛]|[发函办字呈令府]〔?(?:19|20)\d{2}|政府令第|[院部委局署]令\s?第?\d|(?:19|20)\d{2}年第"), reach=16)
_ISSUER_LEAD = re.compile(r"^(?:[\u4e00-\u9fff]*?(?:落实|根据|按照|依据|印发|下发|下达|颁布|贯彻|执行|参照|见|即|和|与|及|的|以|是|发文字号为?|文号为?|字号为?|文件))+")  # …委员会文件|苏园管〔2022〕1号: the header of the page
# Quoted names: “双招双引”, 「六稳」, ‘南拓’战略, “三抓”“三早”行动 (a run of quoted names sharing one head).
_QUOTED = r"(?:“[^“”\n]{2,20}”|\"[^\"“”\n]{2,20}[\"”]|「[^「」\n]{2,20}」|‘[^‘’\n]{1,20}’)"
_HEADS = ("三年行动计划", "专项行动计划", "攻坚行动计划", "服务行动方案", "行动方案", "系列行动", "专项行动", "三年行动", "攻坚行动", "行动计划", "行动", "工程", "国家战略", "发展战略",
          "融合发展战略", "城市发展战略", "一体化发展战略", "协同发展战略", "高质量发展战略", "整体战略",
          "总体布局", "战略规划", "战略", "计划", "攻坚战")  # 活动/改革/倡议 stay outside (the guideline heads are 行动/工程/战略/计划)
# …and a strategy's head with a word or two of its kind: “东靠南下、通江达海”开放战略, ‘双城双港’总体空间战略
_KIND_OF_STRATEGY = r"(?:(?!的|和|与|及|等|开展|实施|作为|为|[两三四五六七八九十]大)[\u4e00-\u9fff]){1,6}?战略"
# …and an action's, a project's or a plan's head with a few words of its kind: “大平台”提级赋能行动, “筑巢”建设工程,
# “115”园区企业成长计划; not a description (“满格”状态, 具体行动), a count (四大工程), a rank (一号工程), works (路网工程)
# or a series (京东“亚洲一号”系列工程).
_KIND_OF_ACTION = (r"(?:(?!的|和|与|及|等|是|将|开展|实施|推进|作为|为|期|具体|民生|重点|重大|国家|项目|状态|大型|[两三四五六七八九十]大|"
                   r"修复|改造|续建|绿化|景观|路网|管网|融媒体|一号|头号|系列)[\u4e00-\u9fff]){2,8}?(?:行动|工程|(?<!有)计划(?!\d))(?![计方项])")
_HEAD = "(?:" + "|".join(sorted(_HEADS, key=len, reverse=True)) + "|" + _KIND_OF_STRATEGY + "|" + _KIND_OF_ACTION + ")"
_HEADED = re.compile(rf"^(“[^“”]+”){_HEAD}$")  # a campaign's canonical name with its head: “…”行动
_PLAN_HEADS = ("规划", "布局")  # a layout with these heads is a spatial plan (“三城一园一中心”规划), not a campaign
_CAMPAIGN_RE = re.compile(rf"{_QUOTED}(?:{_QUOTED})*(?:{_HEAD}(?!合作|性|意义|地位|机遇|投资|格局|定位|导向|布局))?")  # not …战略合作协议, …战略格局, …战略布局
_FORMULA = re.compile(r"^[\dA-Za-z\s+＋.、×*/%-]+$")  # “4+2”, “221”, “1+1+N”: structures, not names
_QUOTED_REMARK = re.compile(r"(?:大力|深入|全面|加快|积极|着力|坚持|持续)?(?:实施|推进|推动|建设|打造|实现|加强|发展)")
_NICKNAME_BEFORE = re.compile(r"(?:作为|成为|誉为|称为|称作|号称|俗称|简称|昵称|美誉|素有|叫做|人称|称|即|以下简称|原标题|题为|主题为|"
                              r"口号|标语|寓意|表示|说|指出|强调|认为|坦言|[:：])\s*$")
_NICKNAME_AFTER = re.compile(r"^(?:之称|的美誉|美誉|的称号|称号|之美称|的美称)")
_DESIGNATED_BEFORE = re.compile(r"(?:作为|当作|列为|定为|视为)[^，。；！？,;!?“”\n]{0,10}(?<!推进|实施|落实|开展|推动)$")
_METAPHOR_BEFORE = re.compile(r"(?:的|作为|是|为|当作)\s*$")  # 全市发展的“一号工程”, 作为“龙头工程”
_SENTENCE = re.compile(r"[，。！？；：,!?;:]")
_CLAUSE = re.compile(r"[。！？；：!?;:]")  # inside a headed name, commas may join its clauses
# Unbracketed titles: a line of its own, or a name after 根据/印发 … ending in a document word.
_DOC_END = (r"(?:第[一二三四五六七八九十]{1,3}个五年规划|控制性详细规划|总体方案|实施方案|建设方案|行动方案|工作方案|发展规划|总体规划|专项规划|管理办法|暂行办法|实施细则|若干措施|若干政策|"
            r"政策措施|若干意见|实施意见|指导意见|管理条例|条例|暂行规定|行动计划|目标纲要|"
            r"的通知|的意见|的批复|的复函|的答复|的决定|的规定|的请示|的函|的公告)")
_EDITION = r"[(（](?:(?:19|20)\d{2}年?\s*[—–\-－~至]\s*(?:19|20)\d{2}年?|试行|暂行|修订|修订版|修编|征求意见稿)[)）]"  # (2023—2027年)
_LINE_TITLE_RE = re.compile(rf"^[ \t]*(?:[^\n|]{{0,6}}\|[ \t]*)?"  # a table cell: 标题 | …
                            rf"(?:[•·*]\s*)?(?:(?:标 ?题|名 ?称|文件名称|规划名称|方案名称)[:：]\s*)?"  # • 标题:…的答复
                            rf"(?:附件\s*\d{{0,2}}\s*[:：]?\s*)?(?:【[^】\n]{{1,8}}】)?(?:[(（]\d{{4}}[)）])?(?:\d{{1,2}}[.、]\s*)?"  # 【地方】(2016)…的批复; 附件:1.…方案
                            rf"(?!(?:标 ?题|名 ?称)\s)((?:[^\s，。！？；：,!?;:“”\"《》【】|]|《[^《》\n]{{2,60}}》|“[^“”\n]{{1,12}}”| (?=[^\s]{{2,}} ?关于)| (?=关于)| (?=《)| (?=若干)){{4,90}}?"
                            rf"{_DOC_END}(?:[ \t]?{_EDITION}){{0,2}})"
                            rf"[ \t]*(?=$|\||时间[:：]|发布时间|文号[:：]|[\u4e00-\u9fff]{{1,6}}〔(?:19|20)\d{{2}}〕)", re.M)  # …的批复 国函〔2015〕141号
_HEADLINE_VERB = re.compile(r"(?:将|正式|近日|日前)?(?:启动|印发|出台|公布|出炉|发布)了?")
_INLINE_TITLE_RE = re.compile(rf"(?:根据|按照|依据|依照|印发|出台|发布|制定|编制|批复|通过|贯彻落实|落实|围绕|紧扣|遵循|对照)好?了?(?:同意|完成)?了?的?"
                              rf"((?:[\u4e00-\u9fff()（）A-Za-z0-9·]|“[^“”\n]{{1,12}}”){{4,40}}?{_DOC_END})")
_PLAN_HEAD = r"发展规划纲要|规划纲要|总体方案|实施方案|工作方案|建设方案|发展规划|三年行动|行动计划"
_NAMED_PLAN_RE = AnchoredPattern(re.compile(rf"(?:^|(?<=[\s，。；、,;(（和与及继为]))(?![和与及继为])([\u4e00-\u9fff()（）]{{4,30}}?"
                                            rf"(?:{_PLAN_HEAD}))(?=正式|出台|发布|印发|获|经|要求|[，。；、,;和])", re.M),
                                 re.compile(_PLAN_HEAD), reach=30)  # the head: 30 characters in at most
_PLAN_REGION = re.compile(r"长三角|长株潭|成渝|京津冀|粤港澳|长江|黄河|珠三角")  # regions plans are named after, not places
_ISSUED_TITLE = (r"(?:国务院办公厅|国务院|(?:(?!人民政府|公布|发布|印发|转发|网站)[\u4e00-\u9fff]){2,14}?"
                 r"(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|管委会|管理委员会|委员会|[部厅局]))"
                 rf"关于(?:[^\s，。！？；：,!?;:“”\"《》]|《[^《》\n]{{2,60}}》){{3,60}}?{_DOC_END}")  # 关于印发《…》的通知
_ISSUED_TITLE_RE = AnchoredPattern(re.compile(_ISSUED_TITLE), re.compile("关于"), reach=21)  # 关于: 14 + 7 characters in at most
# The heads that make an action a named one wherever it stands (a bare 行动 or 计划 needs a verb before it).
_SPECIFIC_ACTION_HEAD = r"三年行动|专项行动|攻坚行动|提升行动|倍增行动|行动计划"
# Unquoted named actions and programmes: 制造业倍增行动, 武汉新城城市合伙人计划.
_NAMED_ACTION_RE = re.compile(r"(?:实施|开展|启动|推进|推动|深化|部署|打好|组织|发起|参与|落实|围绕|聚焦|深入实施|全面实施|"
                              r"深入开展|全面开展|扎实开展|根据|按照|结合|签署|实现|对照|依托|助力|开启|吹响|抓好|召开|打响|打赢|谋划)+(?:了|好|的)?(?:首批|新一轮|第[一二三四五六七八九十]+批|第\d+批)?"
                              r"(?:(?:19|20)\d{2}年(?:度)?)?(?:全省|全市|全区|全县|全州|全盟|全国|本省|本市|本区|本县|我省|我市|我区|我县)?"  # 深入实施2025年|产业项目攻坚行动, 实施全省|…行动: the year and the scope stay outside
                              rf"((?:“[^“”\n]{{1,12}}”[\u4e00-\u9fff]{{1,14}}?|[\u4e00-\u9fff]{{3,16}}?)(?:{_SPECIFIC_ACTION_HEAD}|(?<!实)行动(?![态员])|计划)(?:计划)?)")
# The next of named actions listed after a verb: 实施的园区载体提升行动、产业能级提升行动.
_LISTED_ACTION_RE = re.compile(rf"[、和及]([\u4e00-\u9fff]{{2,14}}?(?:{_SPECIFIC_ACTION_HEAD}))")
# Three named actions or more listed one after another: 东部新城聚能行动、民生品质提优行动、科技创新引航行动.
_ACTION_LIST_RE = re.compile(r"(?:^|(?<=[\s，。；：:“(（即])|(?<=包括|实施|开展)|(?<=分别是))((?:[\u4e00-\u9fff]{4,10}行动、){2,}[\u4e00-\u9fff]{4,10}行动)(?![态计])")
# Named actions or plans counted off one by one, each the whole item: 一是全球营运商计划,…二是大企业开放创新中心计划。
_ENUMERATED_ACTION_RE = re.compile(r"(?<=[一二三四五六七八九十]是)([\u4e00-\u9fff]{4,14}?(?:行动|计划))(?=[，。；,;])")
# A place's plan carrying out a document, unbracketed around its 《》: 天津市贯彻落实《…》实施方案, 甘肃省贯彻落实《…》的若干措施.
_CARRYING_OUT_TITLE_RE = re.compile(r"(?:贯彻落实|贯彻|落实)《[^《》\n]{2,80}》的?(?:实施方案|实施意见|实施细则|工作方案|若干政策措施|若干措施)")
# A place's five-year plan under its official title, unbracketed: 天津市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要.
_PLAN_YEARS = r"(?:[(（](?:19|20)\d{2}\s*[-—–]\s*(?:19|20)\d{2}年?[)）])?"  # (2021-2025年), where the title writes it
_FIVE_YEAR_PLAN_RE = re.compile(rf"([\u4e00-\u9fff、]{{2,30}}?)国民经济和社会发展(?:第[一二三四五六七八九十]{{1,3}}个五年|“十[一二三四五]五”)"
                                rf"{_PLAN_YEARS}(?:发展)?规划(?:和\s*(?:二\s*[〇○O零]\s*三\s*五|2035)\s*年远景目标)?{_PLAN_YEARS}纲要")
_PLAN_LEAD = re.compile(r"^.*(?:近日|根据|按照|依据|印发|贯彻|落实|编制|制定|审议|通过|发布|实施|和|及|与|的|是)")  # words before the place
# A named action the work is led by, whatever its head: 以春季招商攻坚行动为抓手, 以当前四进行动为重点.
_LEVER_ACTION_RE = re.compile(rf"以(?:当前|今年|全年)?([\u4e00-\u9fff]{{2,14}}?(?:{_SPECIFIC_ACTION_HEAD}|行动))"
                              r"为(?:抓手|契机|牵引|引领|载体|主线|重点|统揽|总抓手)")
# A zone's plan for a five-year period, unbracketed: 空港经济区“十四五”发展规划, 张江科学城发展“十四五”规划.
_PERIOD_PLAN_RE = re.compile(r"(?:^|(?<=[\s，。；、,;：:(（》])|(?<=根据|按照|编制|制定|出台|印发|发布|落实|实施|对照|围绕|作为|列入|纳入|写入)|(?<=[的了]))"
                             r"((?:中国[(（][\u4e00-\u9fff]{2,3}[)）])?(?:(?!根据|按照|编制|制定|作为|列入|纳入|写入|的|在|了)[\u4e00-\u9fff]){2,14}?(区|城|园)(?:发展)?[“「\"]十[一二三四五]五[”」\"]"
                             r"[\u4e00-\u9fff]{0,12}?(?:规划|实施方案))", re.M)
# A zone's plan named with its years, in running text: 贵州省瓮安工业园区产业发展规划(2019—2025), 云南弥勒产业园区总体规划修编(2022~2035).
_ZONE_PLAN_RE = re.compile(r"(?:^|(?<=[\s，。；、,;：:(（》“])|(?<=根据|按照|编制|制定|出台|印发|发布|落实|实施|对照|围绕|审议|通过|批复|完成|开展)|(?<=[的了对]))"
                           r"((?:(?!根据|按照|编制|制定|完成|启动|正式|全省|全市|全国|的|在|和|与|及|对|各)[\u4e00-\u9fff]){2,20}?(?:工业园区|产业园区|经济开发区|开发区|高新区|新区|工业园|"
                           r"产业园|集中区|集聚区)[\u4e00-\u9fff]{0,8}?(?:总体规划|发展规划|规划方案|专项规划|控制性详细规划)(?:修编)?"
                           r"(?:[(（]修编[)）])?[(（](?:19|20)\d{2}年?\s*[—–\-－~～至]\s*(?:19|20)\d{2}年?[)）])", re.M)
_ZONE_PLAN_HINT = re.compile(r"(?:规划|方案)(?:修编)?(?:[(（]修编[)）])?[(（](?:19|20)\d{2}")  # a plan with its years: few texts have one
# The state's named science and industry programmes, unquoted and without a verb before them.
_NATIONAL_PROGRAMME_RE = re.compile(r"(?:国家)?(?:火炬|星火)计划|(?:国家|省|自治区)重点研发计划|国家重点新产品计划")
# A place's named action written as a noun, no verb before it: 2024年是辽宁全面振兴新突破三年行动的攻坚之年.
_ACTION_HEAD = r"三年行动|攻坚行动|提升行动|倍增行动|行动计划"  # every head says 行动
_PLACED_ACTION_RE = AnchoredPattern(re.compile(rf"[\u4e00-\u9fff]{{6,24}}?(?:{_ACTION_HEAD})(?:计划)?"), re.compile(_ACTION_HEAD), reach=24)
# A named action by its specific head alone, its name bounded before by punctuation, a function word, a single year or
# a verb of the lexicon: 电子信息产业三年行动计划, 2020—2022年向海经济三年行动计划; not a count (六大攻坚行动) or this
# document (本行动计划).
_HEADED_ACTION_RE = AnchoredPattern(re.compile(rf"[\u4e00-\u9fff\d—-]{{3,24}}?(?:{_SPECIFIC_ACTION_HEAD})(?:计划)?(?![计方办])"),
                                    re.compile(_SPECIFIC_ACTION_HEAD), reach=24)
_HEAD_AT_END = re.compile(rf"(?:{_SPECIFIC_ACTION_HEAD})(?:计划)?$")
_ACTION_NAME_BOUND = re.compile(r"[^\u4e00-\u9fff\d—-]|[的和与及并是在将为了以对把等暨]|形成|(?<![—-])(?:19|20)\d{2}年")
_NOT_AN_ACTION_NAME = re.compile(r"^[本这该此其]|[一二三四五六七八九十两\d]+[大个项份]|确保|实施|推进|制定|开展|年度$")
# Verbs that rally to a named action, never part of its name, even after a place (辽宁省聚焦|…, 阜新吹响|…三年行动);
# 打赢 is not among them: 海南打赢科技创新翻身仗三年行动计划 is a name.
_RALLYING_VERBS = r"聚焦|吹响|打好|打响"
_VERB_IN_NAME = re.compile(rf"实施|开展|启动|推进|推动|深化|部署|组织|发起|参与|落实|围绕|确保|按照|根据|是|为|在|将|把|让|对|通过|列入|纳入|谋划|"
                           rf"{_RALLYING_VERBS}|抓好|开启|助力|依托|印发|发布|出台|公布")
# Words that make a place-named plan a sentence, not a title (昌平正启动实施…行动计划).
_SENTENCE_IN_PLAN = re.compile(r"的|等|围绕|进行|不仅|落实|贯彻|根据|按照|对照|紧扣|实施|启动|推进|推动|开展|出台|印发|制定|编制|发布|谋划|加快|"
                               r"坚持|完善|已经|同意|(?<!市)调整|"
                               + _RALLYING_VERBS)
_SYSTEM_RE = re.compile(r"[“\"]?(\d+\s*(?:\+\s*(?:\d+|[A-Za-z]))+)[”\"]?\s*(政策措施|政策体系|政策)(?!服务)")  # not a structure (“1+454”体系) or a way of working (“1+4+3”工作机制)
_ACTION_HEADS = rf"(?:{_SPECIFIC_ACTION_HEAD}|行动|计划)(?:计划)?$"
_GENERIC_ACTION = re.compile(r"(?:具体|实际|重要|有力|务实|坚决|切实|自觉|积极|共同|联合|一致|一系列|系列|重大|新的?|实质性)(?:行动|计划)")
# 园区规模和质量提升行动, 成果转化与产业集群提升行动: a 和 or 与 inside a name that ends in a specific head joins its two parts.
_JOINED_NAME = re.compile(rf"(?<=[\u4e00-\u9fff]{{2}})[和与](?=[\u4e00-\u9fff]{{2,}}(?:{_SPECIFIC_ACTION_HEAD})$)")
_NOT_NAMED = re.compile(r"[的和与及暨等各该这其]|工作计划|投资计划|年度计划|生产计划|建设计划|项目计划|发展计划$|招聘计划$")


def policy_mentions(article: ArticleText, programmes: frozenset[str] | None = None) -> list[Mention]:
    """The policy mentions in *article*; *programmes*: the programme names known (default: the shipped list)."""
    s, text = article.simplified, article.text
    known = programme_names() if programmes is None else programmes
    found: list[Mention] = []

    def add(start: int, end: int, canonical: str, kind: str) -> None:
        overlapping = [m for m in found if m.start < end and start < m.end]
        if any(not (start <= m.start and m.end <= end) or (m.start, m.end) == (start, end) for m in overlapping):
            return  # flat spans: a span already found wins unless the new one holds it (a title line holding 《…》)
        for m in overlapping:
            found.remove(m)
        found.append(Mention("policy", text[start:end], start, end, canonical, stable_id("L", canonical),
                             attrs={"type": kind}))

    for m in _TITLE_RE.finditer(s):
        headline = (re.search(r"[:：·]|\S\s+\S", m.group(1))
                    and not re.search(rf"(?:{_POLICY_WORDS})(?:{_EDITION})?$", m.group(1))) \
            or s.startswith(_NOT_DOCUMENT_AFTER, m.end()) \
            or re.match(r"(?:室内|大型|原创)?(?:[\u4e00-\u9fff]{0,4})(?:舞台剧|话剧|歌剧|舞剧|演出|电影|剧目|剧)", s[m.end() : m.end() + 10]) \
            or _OUTLET_AFTER.match(s, m.end()) or _OUTLET_BEFORE.search(s[max(0, m.start() - 10) : m.start()]) \
            or _QUESTION_TITLE.match(m.group(1)) or _TODAY_TITLE.fullmatch(m.group(1))
        # 《大同:五大园区打造经济强市硬实力》一文: an article; 《金城公主》室内历史舞台剧: a show; 《…》专题辅导: a lecture;
        # 《如何理解…》: a question, the title of an article or a study text
        before = s[max(0, m.start() - 5) : m.start()]
        published = re.search(r"(?:刊发|刊登|发表|推出)[:：]?$", before) and not re.search(rf"(?:{_POLICY_WORDS})(?:{_EDITION})?$", m.group(1))
        # 推出《…》 a show or an article, but 推出《…管理办法(试行)》 a document
        if not headline and not published and (not _NOT_DOCUMENT.search(m.group(1).strip()) or _WORK_REPORT.fullmatch(m.group(1).strip())) \
                and not re.search(r"(?:原题为?|原标题|题为|标题为|电视剧|电影|纪录片|专题片|宣传片|微电影|短片|节目|"
                                  r"栏目|图书|新书|小说|歌曲|专辑|话剧|舞剧|舞台剧|歌剧|音乐剧|剧目|晚会|综艺|报道|文章|署名文章|评论|社论|"
                                  r"那首|这首|一首|诗作|诗歌|名篇|这篇|一篇)[:：]?$", before):
            add(m.start(), m.end(), f"《{m.group(1)}》", "document")
    for m in _DOC_NUMBER_RE.finditer(s) if "号" in s or "〔" in s else ():
        lead = len(_ISSUER_LEAD.match(m.group(0)).group(0)) if _ISSUER_LEAD.match(m.group(0)) else 0
        issuer = re.match(r"[\u4e00-\u9fff]*", m.group(0)[lead:]).group(0)
        if not re.search(r"令\s?第?\d", m.group(0)) and (verbs := [end for _start, end in verbs_in(issuer) if len(issuer) - end >= 2]):
            lead += verbs[-1]  # …的通知|开管〔2021〕9号: a verb ends the sentence's words before the issuer
            # (not in 环境保护部令第35号, where the ministry's name holds one)
        number = m.group(0)[lead:]
        if re.match(r"[\u4e00-\u9fff\d]", number):
            add(m.start() + lead, m.end(), re.sub(r"[\[［(（「﹝【{｛]", "〔", re.sub(r"[\]］)）」﹞】}｝]", "〕", number)).replace(" ", ""),
                "number")
    for m in _LINE_TITLE_RE.finditer(s):
        if _broken_heading(s, m.start()):
            continue  # the last line of a heading broken across lines (…关于河南郑州 / 经济技术开发区的复函)
        if re.match(r"(?:公开)?征求对", m.group(1)):
            continue  # 公开征求对《…》的意见: a call for comments on a document, the 《…》 inside is the title
        start = m.start(1)
        if "关于" not in m.group(1) and (verb := _HEADLINE_VERB.search(m.group(1))) and len(m.group(1)) - verb.end() >= 6:
            start += verb.end()  # 湖南省印发|长株潭一体化发展五年行动计划: a headline reporting the title
        add(start, m.end(1), s[start : m.end(1)], "document")
    for m in _ISSUED_TITLE_RE.finditer(s) if "关于" in s else ():
        issuer = m.group(0)[: m.group(0).index("关于")]
        lead = _ISSUER_LEAD.match(issuer)  # 根据|国务院关于…: the issuer's lead-in only
        start = m.start() + (len(lead.group(0)) if lead else 0)
        if not issuer.startswith("国务院") and (place := next(iter(regions().find(s[start : m.start() + len(issuer)])), None)):
            start += place[0]  # 公布|四川省人民政府关于…: the issuer starts at its place
        end = m.end()
        if re.match(r"关于(?:印发|转发|公布|发布)", s[m.start() + len(issuer) :]) and (notice := re.match(r"的(?:通知|意见|决定)", s[end : end + 3])):
            end += notice.end()  # 关于印发…行动方案|的通知: the notice's title, not the plan's
        add(start, end, s[start:end], "document")
    for m in _INLINE_TITLE_RE.finditer(s):
        if "的" in m.group(1) and "关于" not in m.group(1):
            continue  # 制定促进开发区发展的政策措施: measures described, not a title
        if "关于" in m.group(1) or is_place(m.group(1)) or m.group(1).startswith("中国(") \
                or re.search(r"新区|自由贸易试验区|自贸试验区|自由贸易港|高新区|开发区|示范区|试验区|(?<=[\u4e00-\u9fff]{2})(?:科技城|科学城|工业园|产业园|片区|引领区|经济区|合作区|集聚区)", m.group(1)):
            # a named document (根据中国(安徽)自由贸易试验区总体方案), not 土地利用总体规划 in general
            issuer = re.match(r"(?:省|市|区|县|自治区)?(?:人民)?政府(?!关于)", m.group(1)) if "关于" not in m.group(1) else None
            start = m.start(1) + (issuer.end() if issuer else 0)  # 按照省政府|转型综改示范区实施方案
            end = m.end(1) + (2 if s.startswith("纲要", m.end(1)) else 0)  # …发展规划纲要: the whole head
            add(start, end, s[start:end], "document")
    for m in _NAMED_PLAN_RE.finditer(s):  # 长三角一体化发展规划纲要正式出台: a plan named by its place, as a subject
        name = m.group(1)
        if not _SENTENCE_IN_PLAN.search(name) and (is_place(name) or _PLAN_REGION.match(name)):
            add(m.start(1), m.end(1), name, "document")
    for m in _CARRYING_OUT_TITLE_RE.finditer(s) if "落实《" in s or "贯彻《" in s else ():
        place = next((hit for hit in regions().find(s[max(0, m.start() - 12) : m.start()]) if hit[1] == min(12, m.start())), None)
        if place is not None:  # from the place whose plan it is, written right before the verb
            start = m.start() - min(12, m.start()) + place[0]
            add(start, m.end(), s[start : m.end()], "document")
    for m in _FIVE_YEAR_PLAN_RE.finditer(s) if "国民经济和社会发展" in s else ():
        lead = _PLAN_LEAD.match(m.group(1))
        start = m.start(1) + (lead.end() if lead else 0)
        places = regions().find(s[start : m.end(1)])
        if s.startswith("中华人民共和国", start) or (places and places[0][0] == 0):
            add(start, m.end(), s[start : m.end()], "document")  # from the place that issues it
    for m in _SYSTEM_RE.finditer(s) if "+" in s else ():  # numbered policy systems: “1+1+N”政策措施
        add(m.start(), m.end(), f"“{m.group(1).replace(' ', '')}”{m.group(2)}", "system")
    verdicts: dict[tuple[int, int, bool], bool] = {}  # each quoted run's verdict, with the programmes *known*

    def is_campaign(run: re.Match[str], listed: frozenset[str], joined: bool) -> bool:
        """``_is_campaign``, judged again only when *listed* holds one of the run's names that *known* lacks."""
        key = (run.start(), run.end(), joined)
        if key in verdicts and not any(n.replace("＋", "+") in listed and n.replace("＋", "+") not in known
                                       for n in _QUOTED_NAME.findall(run.group(0))):
            return verdicts[key]
        verdict = _is_campaign(s, run, listed, joined)
        if listed is known:
            verdicts[key] = verdict
        return verdict

    def campaigns(listed: frozenset[str]) -> set[str]:
        """Add the quoted campaigns, with *listed* as the programmes known; the names taken."""
        taken: set[str] = set()

        def take(m: re.Match[str]) -> int:
            """Each quoted name of *m* its own mention, the head with the last (“三抓”“三早”行动); where *m* ends."""
            quoted = list(re.finditer(_QUOTED, s[m.start() : m.end()]))
            for n, q in enumerate(quoted):
                start, end = m.start() + q.start(), (m.end() if n == len(quoted) - 1 else m.start() + q.end())
                add(start, end, _canonical_quotes(s[start:end]), "campaign")
                if not _in_title(s, start):  # 《…“桥头堡”建设攻坚行动计划》: the title's words
                    taken.add(q.group(0)[1:-1])
            return m.end()

        accepted_end = -1
        for run in _CAMPAIGN_RE.finditer(s):
            joined = accepted_end >= 0 and s[accepted_end : run.start()] in ("和", "与", "及", "、")  # “一枚印章管审批”和“…”
            if is_campaign(run, listed, joined):
                accepted_end = take(run)
                continue
            pieces = list(re.finditer(_QUOTED, run.group(0)))
            if len(pieces) > 1 and pieces[-1].end() == len(run.group(0)) \
                    and not re.search(r"[‘’「」\"]", run.group(0)):  # a list of quoted names, no head, none nested
                for piece in pieces:  # “专精特新10条”“金融科技10条”: each judged as if quoted alone
                    one = _CAMPAIGN_RE.match(s, run.start() + piece.start(), run.start() + piece.end())
                    if one is not None and is_campaign(one, listed, joined):
                        accepted_end = take(one)
        return taken

    named = campaigns(known)
    if named:  # a name taken as a campaign is one wherever the text quotes it again
        campaigns(known | named)
    for m in _NAMED_ACTION_RE.finditer(s):
        start, name = m.start(1), m.group(1)
        if "的" in name and "“" not in name:  # 实施集群式项目的|满园扩园行动: the name follows its description
            start += name.rindex("的") + 1
            name = s[start : m.end(1)]
            if len(re.sub(_ACTION_HEADS, "", name)) < 2 or _GENERIC_ACTION.match(name):
                continue  # …的具体行动, …的实际行动: a deed, not a named action
        if not _NOT_NAMED.search(_JOINED_NAME.sub("", name)):
            add(start, m.end(1), name, "campaign")
            end = m.end(1)
            while (listed := _LISTED_ACTION_RE.match(s, end)) and not _NOT_NAMED.search(listed.group(1)):
                add(listed.start(1), listed.end(1), listed.group(1), "campaign")  # 实施…提升行动、产业能级提升行动
                end = listed.end(1)
    for m in _ACTION_LIST_RE.finditer(s) if "行动、" in s else ():
        items = m.group(1).split("、")
        if all(_listed_name(item) for item in items):
            start = m.start(1)
            for item in items:
                add(start, start + len(item), item, "campaign")
                start += len(item) + 1
    enumerated = list(_ENUMERATED_ACTION_RE.finditer(s)) if "二是" in s else []
    for m in enumerated if len(enumerated) >= 2 else ():  # two items or more: a list of the named plans
        if _listed_name(m.group(1)):
            add(m.start(1), m.end(1), m.group(1), "campaign")
    for m in _LEVER_ACTION_RE.finditer(s) if "行动" in s or "计划" in s else ():  # 以春季招商攻坚行动为抓手
        if _listed_name(m.group(1)):
            add(m.start(1), m.end(1), m.group(1), "campaign")
    for m in _PLACED_ACTION_RE.finditer(s) if "行动" in s else ():
        place = next((hit for hit in regions().find(m.group(0)) if hit[3][0].level in ("province", "city")), None)
        if place is None:
            continue
        name = m.group(0)[place[0] :]
        if len(name) - (place[1] - place[0]) >= 6 and not _VERB_IN_NAME.search(name) and not _NOT_NAMED.search(name):
            add(m.start() + place[0], m.end(), name, "campaign")
    for m in _HEADED_ACTION_RE.finditer(s) if "行动" in s else ():  # 电子信息产业三年行动计划: the head alone names it
        head = _HEAD_AT_END.search(m.group(0))
        window = m.group(0)[: head.start()]
        bound = max([0, *(b.end() for b in _ACTION_NAME_BOUND.finditer(window)), *(end for _start, end in verbs_in(window))])
        name = re.sub(r"^[我本该][省市县区州]", "", window[bound:])  # 我县|特色工业集群三年行动计划
        start = m.start() + head.start() - len(name)
        if len(name) >= 3 and not _NOT_AN_ACTION_NAME.search(name) and not any(f.start < m.end() and start < f.end for f in found):
            add(start, m.end(), s[start : m.end()], "campaign")
    for m in _PERIOD_PLAN_RE.finditer(s) if re.search(r"十[一二三四五]五[”」\"]", s) else ():  # 张江科学城“十四五”规划: a zone's plan for the period
        if not is_place(m.group(1)[: m.group(1).index(m.group(2))]):  # 怀柔区“十三五”规划: a place's plan, not named
            add(m.start(1), m.end(1), m.group(1), "document")
    for m in _ZONE_PLAN_RE.finditer(s) if _ZONE_PLAN_HINT.search(s) else ():  # 贵州省瓮安工业园区产业发展规划(2019—2025)
        add(m.start(1), m.end(1), m.group(1), "document")
    for m in _NATIONAL_PROGRAMME_RE.finditer(s) if "计划" in s else ():  # 国家火炬计划特色产业基地: the programme is named wherever it is
        add(m.start(), m.end(), m.group(0), "campaign")
    return _headed_as_one(_with_editions(found, s, text))


_EDITION_AFTER_RE = re.compile(rf"[ \t]?{_EDITION}")


def _with_editions(found: list[Mention], s: str, text: str) -> list[Mention]:
    """An unbracketed title or named plan runs on over the edition written right after it (…行动计划(2022-2025年)), as
    one name: the labels always hold it."""
    out = []
    for m in found:
        edition = _EDITION_AFTER_RE.match(s, m.end) if m.surface[-1] not in "》”\"」’)）" else None
        if edition and not any(f.start < edition.end() and m.end < f.end for f in found):
            canonical = s[m.start : edition.end()] if m.canonical == s[m.start : m.end] else m.canonical
            m = replace(m, surface=text[m.start : edition.end()], end=edition.end(), canonical=canonical,
                        id=stable_id("L", canonical))
        out.append(m)
    return out


def _broken_heading(s: str, at: int) -> bool:
    """The line at *at* ends a heading broken across lines: one of the two lines before it holds 关于, and no line
    between ends a title or a sentence (国务院办公厅关于广州花都 / 经济开发区等4个…升级为 / 国家级经济技术开发区的复函)."""
    lines = [line.strip() for line in s[max(0, at - 400) : at].splitlines()[-6:] if line.strip()][-2:]
    for line in reversed(lines):
        if re.search(rf"(?:{_DOC_END}|[。！？!?])$", line):
            return False
        if "关于" in line:
            return not re.search(_DOC_END, line[line.rindex("关于") :])  # not a whole title of its own
    return False


def _listed_name(item: str) -> bool:
    """An item of a list of actions or plans that names one: no function word, no generic deed, no verb inside."""
    return not (_NOT_NAMED.search(item) or _GENERIC_ACTION.search(item) or _VERB_IN_NAME.search(item))


def _headed_as_one(found: list[Mention]) -> list[Mention]:
    """A campaign quoted bare where the text also names it with its head (“园区提质、企业满园” and
    “园区提质、企业满园”行动) is the same campaign: one canonical name and id, the headed one."""
    headed = {}
    for m in found:
        bare = _HEADED.match(m.canonical) if m.attrs.get("type") == "campaign" else None
        if bare:
            headed.setdefault(bare.group(1), m)
    return [replace(m, canonical=headed[m.canonical].canonical, id=headed[m.canonical].id)
            if m.attrs.get("type") == "campaign" and m.canonical in headed else m for m in found]


_COUNTED = re.compile(r"^[一二三四五六七八九十百千万双两]|[一二三四五六七八九十百千万双两][\u4e00-\u9fff]{0,2}[一二三四五六七八九十百千万双两]")
_PROGRAMME_END = re.compile(r"(?:(?<![体编控限])(?<![一二三四五六七八九十两][项个大]机)制|年|月|革命|基建|工程|行动|计划|战略|活动|改革|一流|一路|入园|合一|推建|攻坚战|[一二三四五六七八九十]条|"
                            r"\d{1,3}条)$")
_NOT_PROGRAMME_END = re.compile(r"(?:式|杯|周|时间|时刻|驱动|齐升|不误|元年|而立年|周年|(?<![执立司])法|记|项目|工作|节|会|展|赛|论坛|湿地|之一|企业|产业|中心|基地|片区|之市|之城|之都|小区|升级版)$")
_ONLINE_FORMAT = re.compile(r"^(?:云|线上|网上|不见面)(?:签约|招商|洽谈|磋商|推介|开工|对接|会见|会商|会谈|路演|展会|展览|展销|直播|看展|服务)$")
_PERIOD = re.compile(r"^十[一二三四五六七八九]五$")
_NOT_NAME = re.compile(r"[\d()（）、](?!\d*条$)|^在|位一体$|^[一二三四五六七八九十两双百]*[千百万亿]+$|^第|^一.{1,2}(?<!制)$|^(?:[一二三四五六七八九十两双][主特优强新专])+$")
_EDITION_AFTER_ARTICLES = re.compile(r"(?<=条)\s*\d(?:\.\d)?(?:版)?$")  # “文旅10条2.0”
_COUNTED_THING = re.compile(r"^[一二三四五六七八九十两双百千万]+[个大项条场件]")  # “三个纪录”, “两大主线”: counted things
# “一区三园”, “三纵六横”, “一心四区”: a layout, not a programme
_LAYOUT = re.compile(r"^(?:[一二三四五六七八九十百千万双两多]{1,3}[个大]?(?:区|园|心|港|横|纵|轴|带|核|廊|片区|片|城|基地|中心|重点片区|"
                     r"组团|板块|平台|集群|链|湖|山|泉|河|江|通|平|上|翼|圈|线|岛|市|地|高地|通道|极|霍|伊|片|岸|湾|环|屏|支撑|走廊|中心区))+$")
# What follows a quoted phrase that describes rather than names: “十三五”期间, “一区三园”格局, “双百”目标
_DESCRIBES_AFTER = re.compile(r"^(?:期间|时期|期|格局|布局|定位|结构|空间|优势|状态|目标|成效|路网|道路|网络|功能|之一|规模|"
                              r"中心|示范基地|基地|片区|公园|园区|节(?![水能约省点])|妇女节|"
                              r"建设路径|发展优势|大局|局面|特点|特色|理念|意识|方式|模式|机制|态势|产业(?!倍增))")


# Context that makes a quoted phrase a target or an honour (打造“两光一车”, 勇摘“三连冠”, “双轮”驱动, “双胜利”的重要抓手) or
# a programme being carried out (落实“三个一批”, 抢滩“六新”, “北转型”发展机遇, “亩均效益”评价改革).
_TARGET_BEFORE = re.compile(r"(?:从|打赢|迈上|迈入|勇摘|摘得|夺得|取得|荣获|获得|形成|担任|建好|丰富|坚持|成为|跻身|冲刺|决胜)$")
_SLOGAN_AFTER = re.compile(r"^(?:驱动|系统|产品|升级版|实践|假期|长假|黄金周|跨越|工艺|景象|[一二三四五六七八九十两][大个]|"
                           r"的(?!发展战略|战略|部署|要求|号召|决策))")
_PROGRAMME_BEFORE = re.compile(r"(?:落实|实施|开展|部署|抢抓|抢滩|启动|纳入|深化|践行|贯彻|响应|参与|对接)$")
_EVENT_AFTER = re.compile(r"[\u4e00-\u9fff]{0,7}?(?:旅游节|文化节|艺术节|博览会|交易会|洽谈会|推介会|论坛|峰会|展览会|运动会)")
_PUSHED_BEFORE = re.compile(r"(?:推进|推行|推动|聚焦)$")  # 推进“分线管理”: one quoted name pushed on, not a run of slogans
_PROGRAMME_AFTER = re.compile(r"^(?:部署|决策|发展机遇|机遇|评价|专项|试点|号召|活动|改革|倡议|政策(?!措施|体系|优势)|动员大会|动员会|誓师大会|改造)")
_LEVER_AFTER = re.compile(r"^(?:为|作为)(?:统揽|总抓手|抓手)")  # the work is led by it: a campaign
_FACILITY_AFTER = re.compile(r"^(?:[\u4e00-\u9fff]{0,4}?(?:中心|示范基地|基地|学校|大厦|大楼|孵化器|众创空间|服务站))")
_OBJECT_END = re.compile(r"^(?:[，。、；！？,.;!?)）]|$|[和与及]|工作|等)")  # the quoted name is the object, not a modifier


def _in_title(s: str, at: int) -> bool:
    """*at* is inside a 《…》 title on its line."""
    line_start = s.rfind("\n", 0, at) + 1
    return s.rfind("《", line_start, at) > s.rfind("》", line_start, at)


_QUOTED_NAME = re.compile(r"[“\"「‘]([^“”\"「」‘’]+)[”\"」’]")  # the names inside a run's quotes


def _is_campaign(s: str, m: re.Match[str], programmes: frozenset[str], joined: bool = False) -> bool:
    """A quoted name of a campaign, programme or strategy: with its head (“…”行动), listed, counted and carried out
    (落实“三个一批”; *joined*: after 和 to a name already found) or ending like one (“链长制”, “项目攻坚年”); not a
    formula, a quoted remark, a nickname or a slogan."""
    names = _QUOTED_NAME.findall(m.group(0))
    if names and all(re.fullmatch(r"\d{3,6}", n) for n in names) and re.search(r"(?:工程|战略|计划|行动)$", m.group(0)):
        return True  # “5312”工程, "1368"发展战略: a programme coded by its numbers, with its head
    headed = m.group(0)[-1] not in "”\"」’"  # 作为“工业强市”战略的主阵地: a strategy with its head is no nickname
    if not names or any(_FORMULA.match(n) or (_CLAUSE if headed else _SENTENCE).search(n) for n in names):
        return False  # “创新驱动,转型发展”战略: two clauses named as one strategy by its head
    known = all(n.replace("＋", "+") in programmes for n in names)  # “放管服”, “腾笼换鸟”: listed programmes
    if not known and any(len(n) >= 7 and _QUOTED_REMARK.match(n) and not re.search(r"(?:行动|计划|\d条|\d条\d(?:\.\d)?)$", n)
                         for n in names):
        return False  # “实施自由贸易试验区提升战略”: a line of a report quoted, not a name
    programme_like = any(_PROGRAMME_END.search(n) for n in names)  # “一带一路”, “…工程”: a programme whatever the context
    strong = known or programme_like
    if (_NICKNAME_BEFORE.search(s[max(0, m.start() - 6) : m.start()])
            and not ((strong or headed) and re.search(r"[成作]为$", s[: m.start()]))) \
            or _NICKNAME_AFTER.match(s[m.end() : m.end() + 4]):
        return False  # 被誉为“湾顶明珠”; but 打造成为“一带一路”…: a programme
    if any(n.endswith(("园区", "产业园", "工业园", "开发区", "新区", "高新区", "公司", "集团")) for n in names) \
            and not re.search(r"(?:工程|行动|计划)$", m.group(0)):
        return False  # “中德产业园”: a park's name quoted; “百亿园区”工程 is a programme
    if any(_ONLINE_FORMAT.match(n) for n in names):
        return False  # 开展“云洽谈”“云签约”: meetings held online, not a programme
    if any(_PERIOD.match(n) for n in names):
        return False  # “十四五”: a period, also before 规划
    before, after = s[max(0, m.start() - 6) : m.start()], s[m.end() : m.end() + 6]
    if _TARGET_BEFORE.search(before) and not strong and not headed:  # 坚持“工业强区”发展战略: named with its head
        return False
    head = re.search(rf"{_HEAD}$", m.group(0)) if m.group(0)[-1] not in "”\"」’" else None
    if any(_LAYOUT.match(n) for n in names) and (head is None or head.group(0).endswith(_PLAN_HEADS)):
        return False
    if head is not None and head.group(0) == "工程" and not known and _DESIGNATED_BEFORE.search(s[max(0, m.start() - 14) : m.start()]):
        return False  # 把招商作为“一把手”工程: a rank given to a task
    if head is not None:
        return True  # a head attached: “园区提质、企业满园”行动, “双园”行动
    if _FACILITY_AFTER.match(s[m.end() : m.end() + 8]) and not programme_like:
        return False  # “双创”中心, “菜篮子”交易中心: a place named after the programme, listed or not
    if any(re.fullmatch(r"[一二三四五六七八九]{3,}", n) for n in names):
        return False  # “三二一”, “一二三四”: a formula in numerals (“四六四五”发展战略 has its head)
    if names[-1].endswith("工程") and not known and (_METAPHOR_BEFORE.search(s[max(0, m.start() - 4) : m.start()])
                                      or _DESIGNATED_BEFORE.search(s[max(0, m.start() - 14) : m.start()])):
        return False  # 把招商引资作为园区建设“一号工程”: a rank given to a task, not a programme
    if known and re.match(r"(?:模式|机制|理念|方式)", after):
        return True  # “以投带引”模式: the listed programme, named as a way of working
    if (_DESCRIBES_AFTER.match(after) and not known) or (_SLOGAN_AFTER.match(after) and not strong):
        return False
    if not known and _EVENT_AFTER.match(s[m.end() : m.end() + 10]):
        return False  # “烟花三月”国际经贸旅游节: the name of an event
    if known:
        return True
    carried_out = joined or bool((_PROGRAMME_BEFORE.search(before) and _OBJECT_END.match(after)) or _PROGRAMME_AFTER.match(after)
                                 or (before.endswith("以") and _LEVER_AFTER.match(after)))  # 以“三比三看”为统揽
    pushed = len(names) == 1 and _PUSHED_BEFORE.search(before) is not None and _OBJECT_END.match(after) is not None
    names = [_EDITION_AFTER_ARTICLES.sub("", n) for n in names]  # “氢能10条2.0”: the package's second edition
    return all(not _NOT_NAME.search(n) and not _NOT_PROGRAMME_END.search(n)
               and (carried_out or not (_COUNTED_THING.match(n) and not _PROGRAMME_END.search(n)))
               and ((len(n) <= 10 and _COUNTED.search(n) and (carried_out or pushed))
                    or (3 <= len(n) <= (18 if n.endswith("条") else 14) and _PROGRAMME_END.search(n))
                    or ((carried_out or pushed) and len(n) <= 12))
               for n in names)


def _canonical_quotes(quoted: str) -> str:
    return re.sub(r"[\"「‘]([^\"「」‘’]+)[\"」’]", r"“\1”", quoted)


class Plugin:
    """The policies plugin; each plugin manager registers an instance of its own, holding the programme names its
    ``configure`` hook was given (``config/programmes.yaml``)."""

    def __init__(self) -> None:
        self.programmes: frozenset[str] | None = None  # None: the shipped list alone

    @hookimpl
    def configure(self, config: Any) -> None:
        names = getattr(config, "programmes", ()) or ()  # the shipped list and the user's, joined once
        self.programmes = programme_names() | {simplified_same_length(n).replace("＋", "+") for n in names}

    @hookimpl
    def tag_article(self, article: ArticleText) -> list[Mention]:
        found = policy_mentions(article, self.programmes)
        model = shipped_policy_model()  # the learned second look at quoted names the rules passed over
        return second_look(article, found, model) if model is not None else found

    @hookimpl
    def plugin_info(self) -> dict[str, str]:
        return {"name": "policies",
                "description": "《policy documents》, 川府发〔2024〕12号, “…”行动 campaigns, “1+1+N” systems"}


__all__ = ["Plugin", "policy_mentions"]
