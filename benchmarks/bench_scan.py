"""Throughput and memory of `compoundmap scan`, in-process and on a 2-worker Dask cluster.

Writes a corpus of JSON Lines files (about 100 MB each, 1.1 GB in all by default) from
templates, the bundled gazetteer names and the bundled reports' verbatim location quotes
(no article is copied): mostly ordinary Cambodian news, about 2 % scam-compound reports in
seven languages, and syndicated copies of some of them. Then, each in a fresh process:

- scan in-process on the first file (100 MB) and on all of them, writing the review queue
  (peak RSS of the process);
- scan on a local Dask cluster of 2 single-threaded worker processes, on 100 MB and on all
  (peak RSS of each worker and of the driver);
- ``compoundmap extract`` alone (``geoparse.extract_mentions``) on the first 20 MB of the
  same documents, for the ratio.

Floors (issue 16): at least 3 MB/s per core end to end, and worker memory flat from 100 MB
to 1 GB. The corpus goes to ``--dir`` (default: a folder under the system temp dir) and is
reused when it is already there.

Run: ``.venv/bin/python benchmarks/bench_scan.py [--files 11] [--file-mb 100] [--dir DIR]``
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from compoundmap.sources import default_sources_path

PLACES = [
    "Phnom Penh",
    "Siem Reap",
    "Battambang",
    "Kampot",
    "Kep",
    "Sihanoukville",
    "Poipet",
    "Bavet",
    "Takeo",
    "Kratie",
    "Stung Treng",
    "Koh Kong",
    "Pursat",
    "Kampong Cham",
    "Prey Veng",
    "Svay Rieng",
    "Banteay Meanchey",
    "Oddar Meanchey",
    "Preah Vihear",
    "Mondulkiri",
    "Ratanakiri",
    "Kampong Speu",
    "Kampong Thom",
    "Tbong Khmum",
    "Pailin",
]
NATIONALS = ["Chinese", "Vietnamese", "Indonesian", "Thai", "Malaysian", "Filipino", "Korean"]
ORDINARY = [
    "Farmers in {p} expect a good harvest this season after steady rain in {m}.",
    "The provincial hall in {p} opened a new market building on {d} {m} {y}.",
    "Traffic on National Road 5 near {p} was slow on {d} {m} as workers repaired a bridge.",
    "A football club from {p} won {n}-1 in front of {n}000 supporters on Sunday.",
    "Rice exporters said shipments from {p} rose by {n} percent compared with last year.",
    "The ministry said {n} new schools would open in {p} before the rainy season.",
    "Tourists visiting {p} spent more on hotels and food than in {y}, officials said.",
    "The garment factory in {p} hired {n}0 workers for a new export order.",
    "Heavy rain is expected across {p} this week, and boats should stay in port.",
    "A new health centre in {p} will serve {n}000 residents, the governor said.",
    "Students in {p} prepared for the national examination in {m}.",
    "The central bank kept its policy unchanged and said inflation eased in {m} {y}.",
]
RELEVANT = {
    "en": [
        "Police in {p} raided a scam compound on {d} {m} {y} and rescued {n}0 {nat} nationals.",
        "The victims said they were held against their will and forced to run online scams.",
        "Several said they had been trafficked after answering fake job offers on social media.",
        "Officials in {p} said {n} suspects were arrested and the compound would be closed.",
        "Rights groups in Cambodia said forced labour in scam centres remains widespread.",
        "One worker told reporters the place was {q}.",
    ],
    "zh": [
        "柬埔寨警方于{y}年{mn}月{d}日突袭{p}一处诈骗园区，解救了{n}0名中国公民。",
        "受害者称他们因高薪招聘被骗入园区，被强迫从事电信诈骗。",
    ],
    "vi": [
        "Cảnh sát Campuchia đã giải cứu {n}0 người Việt Nam bị giam giữ ở {p}.",
        "Các nạn nhân cho biết họ bị dụ dỗ bằng lời hứa việc nhẹ lương cao và bị lừa đảo.",
    ],
    "id": [
        "KBRI Phnom Penh memulangkan {n}0 WNI korban penipuan online di {p}, Kamboja.",
        "Mereka mengaku disekap dan dipaksa bekerja; kasus ini diusut sebagai TPPO.",
    ],
    "th": [
        "ตำรวจกัมพูชาบุกค้นอาคารแก๊งคอลเซ็นเตอร์ และช่วยเหลือคนไทย {n}0 คน ที่ถูกหลอกลวง",
        "ผู้เสียหายเล่าว่าถูกกักขังและถูกบังคับให้หลอกลวงคนทางออนไลน์",
    ],
    "ko": [
        "캄보디아 경찰이 범죄단지를 급습해 감금돼 있던 한국인 {n}명을 구출했다.",
        "이들은 고수익 일자리를 미끼로 한 사기에 속았다고 말했다.",
    ],
    "km": [
        "ប៉ូលិសកម្ពុជាបានឆ្មក់ចូលអគារឆបោកតាមអនឡាញមួយ ហើយបានជួយសង្គ្រោះជនបរទេស {n}0 នាក់។",
    ],
}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip

CHILD = r"""
import json, resource, sys, time
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
args = json.loads(sys.argv[1])
t0 = time.perf_counter()
out = {}
if args["mode"] == "extract":
    from compoundmap.geoparse import extract_mentions
    from compoundmap.scan import iter_documents
    extract_mentions("warm up in Phnom Penh")
    t0 = time.perf_counter()
    c0 = cpu()
    n = 0
    for doc in iter_documents(args["files"]):
        extract_mentions(doc.text)
        n += len((doc.text + doc.title + doc.url + doc.doc_id + doc.date).encode()) + 60
        if n >= args["limit"]:
            break
    out["bytes"] = n
elif args["mode"] == "dask":
    from distributed import Client
    from compoundmap.scan import scan, write_scan
    from compoundmap.scan.run import local_cluster  # what --scheduler processes starts
    with local_cluster(2) as cluster, Client(cluster) as client:
        c_workers = sum(client.run(cpu).values())
        t0 = time.perf_counter()
        c0 = cpu()
        with scan(args["files"], scheduler=cluster.scheduler_address) as result:
            write_scan(result, args["output"])
        peak = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        out["worker_peak_mb"] = sorted(peak.values())
        out["worker_cpu"] = sum(client.run(cpu).values()) - c_workers
        out["candidates"] = len(result.candidates)
        out["relevant"] = result.stats.relevant
else:
    from compoundmap.scan import scan, write_scan
    c0 = cpu()
    with scan(args["files"]) as result:
        write_scan(result, args["output"])
    out["candidates"] = len(result.candidates)
    out["relevant"] = result.stats.relevant
out["seconds"] = time.perf_counter() - t0
out["cpu"] = cpu() - c0 + out.get("worker_cpu", 0)
out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def _quotes() -> list[str]:
    with open(default_sources_path(), encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh)
        return [r["verbatim_location_quote"] for r in rows if r["verbatim_location_quote"]]


def _fill(rng: random.Random, template: str, quotes: list[str]) -> str:
    m = rng.randrange(12)
    return template.format(
        p=rng.choice(PLACES),
        m=MONTHS[m],
        mn=m + 1,
        d=rng.randint(1, 28),
        y=rng.choice((2022, 2023, 2024, 2025)),
        n=rng.randint(2, 9),
        nat=rng.choice(NATIONALS),
        q=rng.choice(quotes),
    )


def _document(rng: random.Random, i: int, quotes: list[str], relevant: bool) -> dict[str, str]:
    year, month, day = rng.choice((2022, 2023, 2024, 2025)), rng.randint(1, 12), rng.randint(1, 28)
    paragraphs = []
    lang = rng.choice(sorted(RELEVANT)) if relevant else "en"
    for _ in range(rng.randint(4, 9)):
        pool = RELEVANT[lang] if relevant and rng.random() < 0.6 else ORDINARY
        paragraphs.append(" ".join(_fill(rng, rng.choice(pool), quotes) for _ in range(5)))
    title = _fill(rng, rng.choice(RELEVANT[lang] if relevant else ORDINARY), quotes)[:90]
    date = f"{year}-{month:02d}-{day:02d}"
    return {
        "id": f"doc-{i:08d}",
        "url": f"https://news{i % 17}.example.org/{date}/{i}",
        "date": date,
        "title": title,
        "text": "\n\n".join(paragraphs),
    }


def write_corpus(folder: Path, files: int, file_mb: int) -> list[Path]:
    """Write (or reuse) ``files`` JSON Lines files of about ``file_mb`` MB each.

    Ordinary articles are drawn from a pool of 5,000 written once (with new ids, URLs and
    dates); every relevant one (2 %) is written anew, and 1 % of documents are syndicated
    copies of a recent relevant one.
    """
    folder.mkdir(parents=True, exist_ok=True)
    quotes = _quotes()
    rng = random.Random(0)
    ordinary = [_document(rng, -1, quotes, False) for _ in range(5000)]
    paths = []
    i = 0
    for f in range(files):
        path = folder / f"corpus-{f:02d}.jsonl"
        paths.append(path)
        if path.exists() and path.stat().st_size >= file_mb * 1_000_000:
            continue
        rng = random.Random(f + 1)
        size, recent = 0, []
        with open(path, "w", encoding="utf-8") as fh:
            while size < file_mb * 1_000_000:
                roll = rng.random()
                if roll < 0.02:
                    doc = _document(rng, i, quotes, True)
                    recent = (recent + [doc])[-50:]
                elif roll < 0.03 and recent:  # a syndicated copy of a recent report
                    src = rng.choice(recent)
                    doc = dict(src, id=f"doc-{i:08d}", url=f"https://mirror.example.net/{i}")
                    doc["text"] = "(Wire) " + src["text"] + "\n\nRepublished with permission."
                else:
                    date = f"{rng.randint(2022, 2025)}-{rng.randint(1, 12):02d}-01"
                    doc = dict(
                        rng.choice(ordinary),
                        id=f"doc-{i:08d}",
                        url=f"https://news{i % 17}.example.org/{i}",
                        date=date,
                    )
                line = json.dumps(doc, ensure_ascii=False) + "\n"
                fh.write(line)
                size += len(line.encode())
                i += 1
    return paths


def _child(args: dict) -> dict:
    run = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(args)], capture_output=True, text=True
    )
    if run.returncode != 0:
        raise SystemExit(run.stderr)
    return json.loads(run.stdout.strip().splitlines()[-1])


def main() -> None:
    """Write the corpus, run every measurement, print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=11)
    parser.add_argument("--file-mb", type=int, default=100)
    parser.add_argument("--dir", default=os.path.join(tempfile.gettempdir(), "cm-bench-scan"))
    parser.add_argument("--only", choices=("inprocess", "dask"), help="Run one mode only.")
    opts = parser.parse_args()
    paths = write_corpus(Path(opts.dir), opts.files, opts.file_mb)
    small = [str(paths[0])]
    every = [str(p) for p in paths]
    mb_small = os.path.getsize(paths[0]) / 1e6
    mb_all = sum(os.path.getsize(p) for p in paths) / 1e6
    print(f"corpus: {len(paths)} files, {mb_all:,.0f} MB in {opts.dir}")
    rows = []
    output = str(Path(opts.dir) / "out" / "candidates.parquet")
    Path(output).parent.mkdir(exist_ok=True)
    extract = _child({"mode": "extract", "files": small, "limit": 20_000_000})
    extract_rate = extract["bytes"] / 1e6 / extract["cpu"]
    print(
        f"extract alone: {extract_rate:.2f} MB per CPU-second on {extract['bytes'] / 1e6:.0f} MB "
        f"({extract['bytes'] / 1e6 / extract['seconds']:.2f} MB/s wall)"
    )
    print(
        "wall MB/s is elapsed time (shared machines: other load slows it); per core is MB per "
        "CPU-second of every process of the scan (workers and driver), warm-up included"
    )
    for mode in [opts.only] if opts.only else ["inprocess", "dask"]:
        for label, files, mb in (("100 MB", small, mb_small), ("all", every, mb_all)):
            r = _child({"mode": mode, "files": files, "output": output})
            rate, per_core = mb / r["seconds"], mb / r["cpu"]
            workers = r.get("worker_peak_mb", [r["peak_mb"]])
            rows.append((mode, label, mb, r["seconds"], rate, per_core, workers, r))
            print(
                f"{mode:9} {label:6} {mb:7.0f} MB {r['seconds']:7.1f} s wall {rate:6.2f} MB/s; "
                f"{per_core:.2f} MB/s per core ({per_core / extract_rate:.1f}x extract alone); "
                f"peak per worker {', '.join(f'{w:.0f}' for w in workers)} MB; "
                f"driver {r['peak_mb']:.0f} MB; {r['relevant']} relevant, "
                f"{r['candidates']} candidates",
                flush=True,
            )
    slow = [r for r in rows if r[5] < 3.0]
    if slow:
        print(f"below the floor of 3 MB/s per core: {[(r[0], r[1]) for r in slow]}")


if __name__ == "__main__":
    main()
