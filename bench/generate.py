"""Make a synthetic edition of N transcripts for the benchmarks.

    python bench/generate.py OUT_DIR [-n 10000] [--seed 1946]

Writes OUT_DIR/edition.toml, OUT_DIR/transcripts/*.txt and the example
edition's registers (OUT_DIR/tei/registers/), so that ``rezident convert``,
``rezident validate`` and ``rezident build`` run on it as on a real edition.
The transcripts are VENONA cables and sanitized CIA (CREST) reports written
in the notations of the five example transcripts (see ../shared/CONVENTIONS.md),
with variation drawn from a seeded random generator: length, number of
unrecovered groups and recoveries with their quality letters, translator's
original terms, supplied punctuation, comment notes (with OCR-misread anchors),
page breaks, redactions and exemption codes, numbered paragraphs. The same
seed gives the same edition.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CITIES = ["MOSCOW", "CANBERRA", "NEW YORK", "WASHINGTON", "HAVANA", "MEXICO CITY", "PARIS",
          "PRAGUE", "COPENHAGEN", "BRUSSELS", "BUDAPEST", "ZAGREB", "ALGIERS", "HAGUE"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
TERMS = [("RESIDENT", "REZIDENT"), ("RESIDENCY", "REZIDENTURA"), ("CENTRE", "TsENTR"),
         ("security", "KONSPIRATSIYA"), ("training", "VOSPITANIE"),
         ("operational work", "AGENTURNO-OPERATIVNAYA RABOTA"),
         ("FELLOW COUNTRYMEN's organisation", "ZEMLYACHESKAYA ORGANIZATSIYA"),
         ("Headquarters staff", "TsENTRAL'NYJ APPARAT"), ("agent network", "AGENTURA"),
         ("cover-name", "PSEVDONIM"), ("safe flat", "YaVOChNAYa KVARTIRA"),
         ("probationer", "STAZhER")]
COVERNAMES = ["PETROV", "VIKTOR", "KLIM", "ANTON", "MAJ", "STEPAN", "SERGEJ", "LUKA",
              "NIKOLAJ", "VADIM", "TIKhON", "FEDOR"]
PEOPLE = ["GUZENKO", "BERIYA", "STALIN", "MOLOTOV", "DIMITROV", "MANUILSKY", "MALENKOV"]
SUBJECTS = ["THE SECURITY OF THE RESIDENCY", "MEETINGS WITH THE AGENT NETWORK",
            "THE DEFECTION OF A CIPHER CLERK", "INSTRUCTIONS ON CORRESPONDENCE",
            "THE TRANSFER OF FUNDS", "LIAISON WITH THE FELLOWCOUNTRYMEN",
            "THE RECRUITMENT OF NEW SOURCES", "THE WORK OF THE NEIGHBOURS"]
SENTENCES = [
    "The work of the agent network must be organised so that each member of the staff has no knowledge "
    "beyond his own task.",
    "Confirm the receipt of this telegram and report what steps you have taken.",
    "All meetings are to be held only at the times and places agreed beforehand.",
    "The most elementary principles of security were ignored and complacency went unchecked.",
    "Take all necessary measures to improve the organisation of the work of the station.",
    "You are directed to observe these rules scrupulously, applying them everywhere in practice.",
    "The documents received by the last post have been studied and our conclusions are given below.",
    "Until further instructions no new contacts are to be made with members of the local party.",
    "Report by telegraph the results of the conversation and your own opinion of the source.",
    "The material must be photographed and sent by the next post, the originals being returned at once.",
]
CREST_SENTENCES = [
    "Correspondence with Moscow on Communist Party matters is given special security handling.",
    "The local rezidentura turns over the money to the local Communist Party liaison representative.",
    "International front organizations are envisaged primarily as a means of educating the masses abroad.",
    "The Foreign Directorate of the Central Committee rarely sends special representatives abroad.",
    "Subsidies given to foreign Communist parties are for general financial support.",
    "Ordinary Party members are exploited on an unwitting basis.",
    "The MVD does not mix into foreign political matters; its job is to inform the Soviet Government.",
    "Only the most trusted Communist Party members are used for intelligence work.",
]
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"]
OCR_ANCHOR = {"i": "1", "ii": "11", "iii": "111"}  # how the OCR misreads them


def _date(rng: random.Random, first: int, last: int) -> tuple[int, int, int]:
    return rng.randint(first, last), rng.randint(1, 12), rng.randint(1, 28)


def _inline(rng: random.Random, sentence: str, terms: list[tuple[str, str]]) -> str:
    """A sentence with some of the VENONA notations put in."""
    words = sentence.split(" ")
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        at = rng.randrange(1, len(words))
        kind = rng.random()
        if kind < 0.35:
            groups = rng.choice([1, 1, 2, 3, 5, 8, 13, 21])
            noun = "group" if groups == 1 else "groups"
            words.insert(at, f"[{groups} {noun} unrecovered]")
        elif kind < 0.7:
            span = " ".join(words[at:at + rng.randint(1, 3)]).rstrip(".,;")
            if span:
                letter = rng.choice("BBBCD")
                end = at + len(span.split(" "))
                words[at:end] = [f"[{letter}% {span}]"]
        elif kind < 0.8 and words[at - 1][-1:].isalpha() and words[at - 1].isupper():
            words.insert(at, "[,]")
    text = " ".join(words)
    for english, original in terms:
        if rng.random() < 0.5:
            text = f"{text} The {english} [{original}] is to be informed."
    return text


def venona(rng: random.Random, number: int) -> tuple[str, dict]:
    year, month, day = _date(rng, 1940, 1948)
    sender, addressee = rng.sample(CITIES, 2)
    message = rng.randint(1, 999)
    reissue = _date(rng, 1952, 1975)
    notes = rng.randint(1, 5)
    anchors = [ROMAN[i] for i in range(notes)]
    terms = rng.sample(TERMS, rng.randint(1, 4))
    paragraphs = []
    for _ in range(rng.randint(4, 10)):
        body = " ".join(_inline(rng, rng.choice(SENTENCES), terms if rng.random() < 0.4 else [])
                        for _ in range(rng.randint(2, 5)))
        paragraphs.append(body)
    # place the note anchors (the signature carries the last one)
    for roman in anchors[:-1]:
        shown = OCR_ANCHOR.get(roman, roman) if rng.random() < 0.6 else roman
        at = rng.randrange(len(paragraphs))
        paragraphs[at] = f"{paragraphs[at]} [{shown}]"
    if rng.random() < 0.5 and len(paragraphs) > 2:  # a page break of the original
        cut = rng.randrange(1, len(paragraphs))
        paragraphs.insert(cut, "Distribution\n\n[Continued overleaf]")
    covername = rng.choice(COVERNAMES)
    person = rng.choice(PEOPLE)
    comments = []
    for i, roman in enumerate(anchors):
        if roman == anchors[-1]:
            who = (f"(Identified as {person})" if rng.random() < 0.3 else "")
            comments.append(f"[{roman}] {covername} : Unidentified cover-name. {who}".rstrip())
        elif i == 0:
            cities = ", ".join(rng.sample(CITIES, 3))
            comments.append(f"[{roman}] This text was also sent to {cities}.")
        else:
            english, original = rng.choice(TERMS)
            comments.append(f"[{roman}] {english.upper()}: Members of another Soviet organization.")
    banner = "~~TOP SECRET~~" if rng.random() < 0.7 else "TOP SECRET"
    subject = rng.choice(SUBJECTS)
    lines = [
        "", "", banner, "", "USSR", "",
        f"Ref. No: 3/NBF/T{rng.randint(10, 999)} (of {reissue[2]}/{reissue[1]}/{reissue[0]})", "",
        f"Issued: {reissue[2]}/{reissue[1]}/{reissue[0] + rng.randint(1, 8)}", "",
        f"Copy No: {rng.randint(1, 400)}", "", "RE-ISSUE", "",
        f"{subject} ({year})", "",
        f"From: {sender}", "", f"To: {addressee}", "", f"No: {message}", "",
        f"{day} {MONTHS[month - 1]} {year % 100:02d}", "",
    ]
    for paragraph in paragraphs:
        lines += [paragraph, ""]
    lines += [f"No. {rng.randint(1, 999)}", "", f"{covername}[{anchors[-1]}]", "",
              f"Comments: {comments[0]}", ""]
    for comment in comments[1:]:
        lines += [comment, ""]
    text = "\n".join(lines).rstrip() + "\n"
    meta = {"kind": "cable"}
    stem = f"{year}-{month:02d}-{day:02d}-venona-{sender}-{addressee}-{message}-{number}"
    return text, {"file": _slug(stem) + ".txt", "id": _slug(f"venona-{number:05d}-{year}-{month:02d}-{day:02d}"),
                  "profile": "venona", **meta}


def crest(rng: random.Random, number: int) -> tuple[str, dict]:
    first_page = rng.randint(2, 5)
    lines = ["", "", "SECRET", "", "25X1", "", f"-{first_page}-", ""]
    paragraph_number = rng.randint(1, 5)
    lines += [rng.choice(CREST_SENTENCES).lower() + " " + rng.choice(CREST_SENTENCES), ""]
    for page in range(first_page, first_page + rng.randint(1, 3)):
        if page != first_page:
            lines += ["SECRET", "", "SECRET", "", "25X1", "", f"-{page}-", ""]
        for _ in range(rng.randint(2, 5)):
            sentences = []
            for _ in range(rng.randint(1, 4)):
                sentence = rng.choice(CREST_SENTENCES)
                if rng.random() < 0.5:
                    sentence = f"[ ] {sentence}"
                sentences.append(sentence)
            code = f" 25X{rng.choice('1111136')}" if rng.random() < 0.6 else ""
            lines += [f"{paragraph_number}. {' '.join(sentences)}{code}"]
            paragraph_number += 1
        lines += ["", "25X1", ""]
    lines += ["1. [ ] Comment: " + rng.choice(CREST_SENTENCES), "", "25X1", "", "SECRET"]
    year = rng.randint(1950, 1960)
    text = "\n".join(lines) + "\n"
    return text, {"file": f"crest-report-{number:05d}.txt", "id": f"crest-{number:05d}",
                  "profile": "crest", "kind": "report",
                  "title": f"Soviet Liaison with Foreign Communist Parties, part {number}",
                  "author": "Central Intelligence Agency", "date-not-before": str(year)}


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() or c == "-" else "-" for c in text.lower()).strip("-")


def _toml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(out: Path, count: int, seed: int = 1946, crest_share: float = 0.25) -> list[dict]:
    """Write the edition; returns its sources."""
    rng = random.Random(seed)
    transcripts = out / "transcripts"
    transcripts.mkdir(parents=True, exist_ok=True)
    registers = out / "tei" / "registers"
    registers.mkdir(parents=True, exist_ok=True)
    for register in (ROOT / "tei" / "registers").glob("*.xml"):
        shutil.copyfile(register, registers / register.name)
    sources = []
    for number in range(count):
        text, source = (crest if rng.random() < crest_share else venona)(rng, number)
        (transcripts / source["file"]).write_text(text, encoding="utf-8")
        sources.append(source)
    config = [
        "[edition]",
        'id = "synthetic-benchmark-edition"',
        f'title = "A synthetic edition of {count} documents (benchmark)"',
        'editors = ["rezident benchmark"]',
        'publisher = "rezident"',
        'pub-place = "Geneva"',
        'licence = "CC BY 4.0"',
        'licence-url = "https://creativecommons.org/licenses/by/4.0/"',
        'languages = ["en", "ru-Latn"]',
        'date = "2026-01-01"',
        "",
    ]
    for source in sources:
        config.append("[[source]]")
        config += [f"{key} = {_toml(str(value))}" for key, value in source.items()]
        config.append("")
    (out / "edition.toml").write_text("\n".join(config), encoding="utf-8")
    return sources


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the edition into (created)")
    parser.add_argument("-n", "--count", type=int, default=10_000, help="number of transcripts")
    parser.add_argument("--seed", type=int, default=1946)
    parser.add_argument("--crest-share", type=float, default=0.25,
                        help="share of CIA (CREST) reports among the documents")
    args = parser.parse_args()
    if args.out.exists() and any(args.out.iterdir()):
        parser.error(f"{args.out} is not empty")
    sources = generate(args.out, args.count, args.seed, args.crest_share)
    print(f"{len(sources)} transcripts in {args.out / 'transcripts'}")


if __name__ == "__main__":
    main()
