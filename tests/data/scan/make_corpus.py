"""Write the small test corpus of ``compoundmap scan`` from templates and short facts.

Every text here is written by the project (no article is copied); the compound and operator
names are invented. Run from this folder: ``python make_corpus.py`` (rewrites corpus.jsonl).
"""

from __future__ import annotations

import json
from pathlib import Path

RAID = (
    "Police in Sihanoukville raided the Golden Fortune Park compound in Buon commune on "
    "4 March 2025, officials said. They rescued 215 Indonesian and Vietnamese nationals who "
    "said they had been held against their will and forced to run online scams after "
    "answering fake job offers. Twelve suspects were questioned. The compound, which "
    "residents said was run by the Lucky Star Group, had been the subject of earlier "
    "complaints to the provincial police."
)
DOCS = [
    {
        "id": "en-raid-01",
        "url": "https://news.example.org/2025/03/golden-fortune-raid",
        "date": "2025-03-05",
        "title": "Police raid scam compound in Sihanoukville, rescue 215",
        "text": RAID,
    },
    {
        "id": "en-raid-01-copy-a",
        "url": "https://mirror.example.net/wire/golden-fortune-raid?utm_source=feed",
        "date": "2025-03-06",
        "title": "Police raid scam compound in Sihanoukville, rescue 215 (wire)",
        "text": RAID + " This story was republished from a wire service.",
    },
    {
        "id": "en-raid-01-copy-b",
        "url": "https://daily.example.com/asia/2025/03/07/sihanoukville-raid",
        "date": "2025-03-07",
        "title": "Sihanoukville: scam compound raided",
        "text": "SIHANOUKVILLE (Wire) - " + RAID,
    },
    {
        "id": "en-irrelevant-01",
        "url": "https://news.example.org/2025/03/rice-exports",
        "date": "2025-03-02",
        "title": "Cambodia's rice exports rise",
        "text": (
            "Cambodia exported more milled rice in the first two months of 2025 than a year "
            "earlier, the federation of rice exporters said, with buyers in China and Europe "
            "taking most of it. Farmers in Battambang expect a good dry-season harvest."
        ),
    },
    {
        "id": "en-irrelevant-02",
        "url": "https://news.example.org/2025/03/football",
        "date": "2025-03-03",
        "title": "Phnom Penh club wins league opener",
        "text": (
            "A Phnom Penh football club won its league opener 3-1 on Saturday in front of "
            "8,000 fans. The coach praised the young players and said the team would rotate "
            "its squad for the regional cup."
        ),
    },
    {
        "id": "en-foreign-01",
        "url": "https://world.example.org/2025/02/myawaddy",
        "date": "2025-02-20",
        "title": "Thousands freed from scam compounds in Myawaddy",
        "text": (
            "Armed groups in Myanmar's Myawaddy released about 7,000 people from scam "
            "compounds near the Thai border, where many said they had been trafficked and "
            "forced to work on online fraud. Thai authorities screened them in Mae Sot."
        ),
    },
    {
        "id": "zh-rescue-01",
        "url": "https://zh.example.org/2025/04/xigang",
        "date": "2025-04-10",
        "title": "柬埔寨警方突袭西港诈骗园区",
        "text": (
            "柬埔寨警方于2025年4月9日突袭西哈努克省一处诈骗园区，解救了45名中国公民。"
            "受害者称他们因高薪招聘被骗入园区，被强迫从事电信诈骗。"
        ),
    },
    {
        "id": "vi-rescue-01",
        "url": "https://vi.example.org/2025/04/bavet",
        "date": "2025-04-12",
        "title": "Giải cứu 30 người Việt bị lừa đảo tại Campuchia",
        "text": (
            "Cảnh sát Campuchia đã giải cứu 30 người Việt Nam bị giam giữ trong một khu phức "
            "hợp lừa đảo trực tuyến ở thành phố Bavet, tỉnh Svay Rieng. Các nạn nhân cho biết "
            "họ bị dụ dỗ bằng lời hứa việc nhẹ lương cao."
        ),
    },
    {
        "id": "id-repatriation-01",
        "url": "https://id.example.org/2025/05/poipet-wni",
        "date": "2025-05-02",
        "title": "25 WNI korban penipuan online dipulangkan dari Kamboja",
        "text": (
            "KBRI Phnom Penh memulangkan 25 WNI yang menjadi korban penipuan online di Poipet, "
            "Kamboja. Mereka mengaku disekap dan dipaksa bekerja setelah menerima tawaran "
            "kerja di luar negeri. Para korban tindak pidana perdagangan orang (TPPO) itu "
            "dipulangkan pada 30 April 2025."
        ),
    },
    {
        "id": "th-raid-01",
        "url": "https://th.example.org/2025/05/poipet",
        "date": "2025-05-20",
        "title": "ตำรวจกัมพูชาบุกค้นตึกแก๊งคอลเซ็นเตอร์ที่ปอยเปต",
        "text": (
            "ตำรวจกัมพูชาบุกค้นอาคารของแก๊งคอลเซ็นเตอร์ในเมืองปอยเปต และช่วยเหลือคนไทย 12 คน "
            "ที่ถูกหลอกลวงไปทำงานและถูกกักขัง ผู้เสียหายเล่าว่าถูกบังคับให้หลอกลวงคนทางออนไลน์"
        ),
    },
    {
        "id": "ko-rescue-01",
        "url": "https://ko.example.org/2025/06/sihanoukville",
        "date": "2025-06-03",
        "title": "캄보디아 범죄단지에서 한국인 8명 구출",
        "text": (
            "캄보디아 경찰이 시아누크빌의 범죄단지를 급습해 감금돼 있던 한국인 8명을 구출했다. "
            "이들은 고수익 일자리를 미끼로 한 사기에 속아 캄보디아로 갔다고 말했다."
        ),
    },
    {
        "id": "ja-raid-01",
        "url": "https://ja.example.org/2025/06/cambodia",
        "date": "2025-06-15",
        "title": "カンボジアの詐欺拠点を摘発",
        "text": (
            "カンボジア当局は詐欺拠点を摘発し、日本人19人を拘束した。"
            "高収入をうたう求人に応じた人々が監禁され、特殊詐欺に加担させられていたという。"
        ),
    },
    {
        "id": "km-raid-01",
        "url": "https://km.example.org/2025/07/sihanouk",
        "date": "2025-07-01",
        "title": "ប៉ូលិសឆ្មក់អគារឆបោកតាមអនឡាញ",
        "text": (
            "ប៉ូលិសកម្ពុជាបានឆ្មក់ចូលអគារឆបោកតាមអនឡាញមួយនៅខេត្តព្រះសីហនុ "
            "ហើយបានជួយសង្គ្រោះជនបរទេស ៥០ នាក់ ដែលត្រូវបានបង្ខំឱ្យធ្វើការ។"
        ),
    },
    {
        "id": "en-known-url-01",
        "url": "https://www.known.example.org/2024/11/bavet-raid/",
        "date": "2024-11-20",
        "title": "Bavet compound raided, 60 detained",
        "text": (
            "Police in Bavet, Svay Rieng province, raided a scam compound on 19 November 2024 "
            "and detained 60 foreign nationals suspected of running online fraud, Cambodian "
            "officials said. Several said they had been trafficked."
        ),
    },
    {
        "id": "en-known-event-01",
        "url": "https://other.example.org/poipet-rescue-2024-10",
        "date": "2024-10-08",
        "title": "Rescue at Poipet scam compound",
        "text": (
            "Cambodian police rescued 40 Thai nationals from a scam compound in Poipet, "
            "Banteay Meanchey, on 7 October 2024. The victims said they were forced to work "
            "for online scammers."
        ),
    },
    {
        "id": "en-warning-01",
        "url": "https://embassy.example.org/advisory-2025-08",
        "date": "2025-08-01",
        "title": "Embassy warning: fake job offers in Cambodia",
        "text": (
            "The embassy issued a warning about fake job offers on social media that lure "
            "workers to Cambodia, where some are trafficked into scam compounds. Travellers "
            "should check any offer with the labour ministry."
        ),
    },
]


def main() -> None:
    """Write ``corpus.jsonl`` beside this script."""
    out = Path(__file__).with_name("corpus.jsonl")
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for doc in DOCS:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
