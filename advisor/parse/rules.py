"""Keyword rules for the free-text parser, as a table: (field, value, pattern).

Scalar fields take the FIRST matching row in table order, so stricter values are listed first
(privacy self_hosted before no_training, license permissive before commercial). List fields
(tasks, capabilities, languages) collect every match. `\\b` here means an ASCII word edge, so
English words are found inside Chinese text ("用coding模型").
Rows marked negatable are skipped when a negation ("no", "don't need", "不需要") comes just before.
"""

from __future__ import annotations

import re

_EDGE = r"(?:(?<![A-Za-z0-9])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?![A-Za-z0-9]))"

# field, value, pattern, negatable
RULES: list[tuple[str, str, str, bool]] = [
    # privacy: data must stay on own infrastructure
    (
        "privacy",
        "self_hosted",
        r"(?:can(?:no|')t|must ?n[o']t|mustn't|may ?not|should ?n[o']t|never|not allowed to) (?:leave|go outside|leave) (?:our|the|my)?\s?(?:network|premises|building|servers?|infrastructure|country|firewall)",
        False,
    ),
    (
        "privacy",
        "self_hosted",
        r"\bon[- ]?prem(?:ise|ises)?\b|\bair[- ]?gapped\b|\bself[- ]?host(?:ed|ing)?\b|\bbehind (?:our|the) firewall\b|\bno (?:cloud|external api)s?\b|\b(?:data|it) (?:must|has to|needs to) stay (?:local|in[- ]house|on our)|\b(?:can(?:no|')t|must ?n[o']t|may ?not|never) (?:send|share|upload|give) (?:\w+ ){0,2}data (?:outside|externally|to (?:the cloud|third parties|an? (?:external|cloud)))|\bdata (?:must|has to|should|needs to) (?:stay|remain) (?:inside|internal|in[- ]house|on[- ]prem)|\b(?:work|run|use it) offline\b|\blocal(?:ly)? only\b|\brun (?:it )?locally\b|\bprivate deployment\b|\b(?:must|has to|have to|needs? to|should) (?:stay|remain) (?:on|in|inside|within) (?:our|our own|the company'?s) (?:network|servers?|premises|infrastructure|data ?cent(?:er|re)|intranet|firewall|machines?)",
        False,
    ),
    (
        "privacy",
        "self_hosted",
        r"不能出内网|不出内网|不能上云|不上云|不能用云|本地部署|本地化部署|私有化部署|私有部署|内网部署|离线部署|数据不能外传|数据不外传|数据不出|不能外传|不能联网|不能离开(?:公司|内网)|本地运行|离线使用|不联网|断网",
        False,
    ),
    (
        "privacy",
        "no_training",
        r"\bno training on\b|\b(?:must|may|should|can)(?: ?not|n't) (?:be )?(?:used for |use it for )?train(?:ing|ed)?\b|\bnot (?:be )?used (?:for|to) train|\bdon'?t train on\b|\bzero data retention\b|\bZDR\b|\bno data retention\b",
        False,
    ),
    (
        "privacy",
        "no_training",
        r"不能用于训练|不允许训练|不用于训练|不得用于训练|不能被训练|零数据保留",
        False,
    ),
    (
        "privacy",
        "any",
        r"\bcloud is (?:fine|ok(?:ay)?)\b|\b(?:any|a) cloud api is fine\b|可以上云|可以用云|云端也可以",
        False,
    ),
    # deployment
    (
        "deployment",
        "api",
        r"\b(?:use|call|via|through|over|prefer|just) (?:an? |the )?(?:cloud |hosted |commercial )?apis?\b|\bapi only\b|\bhosted apis?\b|\bcloud apis?\b|调用\s?api|用\s?api|api\s?调用|云端\s?api|云服务",
        False,
    ),
    # license
    (
        "license",
        "permissive",
        r"\bpermissive\b|\bapache(?:[- ]2(?:\.0)?)?\b|\bMIT[- ]licen[sc]ed?\b|\bMIT licen[sc]e\b|宽松(?:的)?(?:许可|协议|开源)",
        False,
    ),
    (
        "license",
        "commercial",
        r"\bcommercial(?:ly)? (?:use|product|purposes?|licen[sc]e|deployment|application|service|saas)\b|\bcommercially\b|\bsell (?:it|the product)\b|商用|商业用途|商业产品|商业化|可商用",
        False,
    ),
    (
        "open_weights",
        "true",
        r"\bopen[- ]weights?\b|\bopen[- ]source\b|\bdownloadable weights\b|开源|开放权重|可下载权重",
        True,
    ),
    # region
    (
        "region",
        "cn",
        r"国内|中国大陆|大陆|境内|\bmainland china\b|\bin china\b|\bchina only\b|\bPRC\b",
        False,
    ),
    ("region", "eu", r"\bEU\b|\bGDPR\b|\beurope(?:an union)?\b|欧盟|欧洲", False),
    ("region", "us", r"\bUS[- ]only\b|\bin the US\b|\bunited states\b|\bUSA\b|美国境内|美国", False),
    # priority (set only when exactly one kind is named)
    (
        "priority",
        "cost",
        r"\bcheap(?:est|er)?\b|\blow[- ]cost\b|\binexpensive\b|\bbudget[- ]friendly\b|\bsave money\b|便宜|省钱|成本低|低成本|性价比",
        False,
    ),
    (
        "priority",
        "quality",
        r"\bbest quality\b|\bhighest quality\b|\bmost accurate\b|\bbest possible\b|\bquality first\b|效果最好|质量最好|最准确|质量优先|效果优先",
        False,
    ),
    (
        "priority",
        "speed",
        r"\blow[- ]latency\b|\bfast(?:est)?\b|\bquick(?:ly)?\b|\breal[- ]time\b|\bresponsive\b|低延迟|速度快|要快|实时|响应快",
        False,
    ),
    # tasks
    (
        "tasks",
        "coding",
        r"\bcod(?:e|ing|er)\b|\bprogramm(?:ing|er)\b|\bcopilot\b|\bcode review\b|\bdebug(?:ging)?\b|编程|代码|写程序|程序员|调试",
        True,
    ),
    ("tasks", "math", r"\bmath(?:s|ematics|ematical)?\b|\bcalculus\b|\balgebra\b|数学|算术|解题", True),
    (
        "tasks",
        "reasoning",
        r"\breasoning\b|\blogic(?:al)? (?:puzzles|problems)\b|\bcomplex analysis\b|逻辑推理|复杂推理|推理能力|逻辑分析",
        True,
    ),
    (
        "tasks",
        "creative_writing",
        r"\bcreative\b|\bstor(?:y|ies)\b|\bfiction\b|\bcopywriting\b|\bmarketing copy\b|\bnovels?\b|\bpoe(?:try|ms?)\b|\bblog posts?\b|写作|创意|小说|文案|写文章|诗歌",
        True,
    ),
    (
        "tasks",
        "instruction_following",
        r"\binstruction[- ]following\b|\bfollow(?:s|ing)? (?:complex )?instructions\b|指令遵循|遵循指令",
        True,
    ),
    (
        "tasks",
        "long_context",
        r"\blong (?:documents?|docs|contexts?|reports|contracts|texts?|files)\b|\blarge documents?\b|\bentire (?:books?|codebases?)\b|\bwhole (?:books?|codebases?)\b|\bhundreds? of pages\b|长文本|长文档|长上下文|超长|整本书",
        True,
    ),
    (
        "tasks",
        "multi_turn",
        r"\bmulti[- ]turn\b|\bchat ?bots?\b|\bcustomer (?:support|service)\b|\bhelp ?desk\b|\bconversational\b|多轮对话|客服|聊天机器人|对话机器人",
        True,
    ),
    (
        "tasks",
        "multilingual",
        r"\bmultilingual\b|\btranslat(?:e|ion|ions|ing)\b|\bmany languages\b|多语言|多语种|翻译",
        True,
    ),
    (
        "tasks",
        "agents",
        r"\bagents?\b|\bagentic\b|\bautonomous\b|\bworkflow automation\b|智能体|代理|自动化流程",
        True,
    ),
    (
        "tasks",
        "vision",
        r"\bvision\b|\bimages?\b|\bphotos?\b|\bscreenshots?\b|\bOCR\b|\bscanned\b|\bdiagrams?\b|\bcharts?\b|看图|识图|视觉|截图|扫描件|多模态|(?:看|识别?|分析|处理|理解|读|上传)的?(?:图片|图像|照片)|(?:图片|图像|照片)(?:理解|识别|分析|处理|输入|问答)",
        True,
    ),
    (
        "tasks",
        "webdev",
        r"\bweb ?dev(?:elopment)?\b|\bfront[- ]?end\b|\bwebsites?\b|\bweb apps?\b|\breact\b|\bhtml\b|\bcss\b|前端|网页|网站",
        True,
    ),
    (
        "tasks",
        "general",
        r"\blegal\b|\bcontracts?\b|\blaw ?firm\b|\bsummar(?:y|ies|i[sz]e[sd]?|i[sz]ing|i[sz]ation)\b|\bQ ?& ?A\b|\bquestion answering\b|\bRAG\b|\bknowledge base\b|\bdocument analysis\b|\bemails?\b|合同|法律|律师|审查|摘要|总结|问答|知识库|文档分析|邮件",
        True,
    ),
    # capabilities
    (
        "capabilities",
        "tool_calling",
        r"\btool[- ]?(?:calling|use)\b|\bfunction[- ]?calling\b|\bcall(?:s|ing)? tools\b|\bcall(?:s|ing)? functions\b|工具调用|函数调用|调用工具",
        True,
    ),
    (
        "capabilities",
        "structured_output",
        r"\bjson\b|\bstructured (?:output|data|extraction)\b|\bschema\b|结构化输出|结构化|格式化输出",
        True,
    ),
    (
        "capabilities",
        "vision",
        r"\bvision\b|\bimages?\b|\bphotos?\b|\bscreenshots?\b|\bOCR\b|\bscanned\b|看图|识图|视觉|截图|扫描件|多模态|(?:看|识别?|分析|处理|理解|读|上传)的?(?:图片|图像|照片)|(?:图片|图像|照片)(?:理解|识别|分析|处理|输入|问答)",
        True,
    ),
    (
        "capabilities",
        "reasoning",
        r"\breasoning models?\b|\bthinking (?:models?|mode)\b|\bchain[- ]of[- ]thought\b|\bstep[- ]by[- ]step reasoning\b|深度思考|思考模型|推理模型|思维链",
        True,
    ),
    (
        "capabilities",
        "fine_tuning",
        r"\bfine[- ]?tun(?:e|ing|ed)\b|\bLoRA\b|\btrain (?:it |the model )?on our (?:own )?data\b|微调|精调|LoRA",
        True,
    ),
    # languages
    ("languages", "zh", r"\bchinese\b|\bmandarin\b|\bcantonese\b|中文|汉语|普通话|粤语|华语", True),
    ("languages", "en", r"\benglish\b|英文|英语", True),
    ("languages", "ja", r"\bjapanese\b|日语|日文", True),
    ("languages", "ko", r"\bkorean\b|韩语|韩文", True),
    ("languages", "fr", r"\bfrench\b|法语", True),
    ("languages", "de", r"\bgerman\b|德语", True),
    ("languages", "es", r"\bspanish\b|西班牙语", True),
]

NEGATION = re.compile(
    r"(?:\bno\b|\bnot\b|\bwithout\b|\bdon'?t\b|\bdoesn'?t\b|\bnever\b|\bnor\b|不需要|不用|无需|不要|没有|不必)[^.,;!?。，；！？]{0,12}$",
    re.IGNORECASE,
)
COMPILED = [(f, v, re.compile(p.replace(r"\b", _EDGE), re.IGNORECASE), neg) for f, v, p, neg in RULES]
