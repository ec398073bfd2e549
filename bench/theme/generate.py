#!/usr/bin/env python3
"""Synthetic consultation answers for the theming benchmark.

Each answer mixes one or two of 40 themes' phrases with filler, in three audiences'
voices, with typos, emoji and blank answers, so the text pipeline sees realistic noise.
A share of rows carries the theme labels as hand codes (for the learned-theme benchmark).
Deterministic for a given seed. Usage: generate.py ROWS OUT.csv [--coded N] [--seed S]
"""
import argparse
import csv
import random

TOPICS = {
    "waiting": ["waiting list", "waited months", "long wait for assessment", "still waiting for a referral"],
    "continuity": ["same therapist", "new therapist every time", "tell our story again", "staff keep changing"],
    "impact": ["no idea if it helps", "progress reports", "goals are unclear", "what difference therapy makes"],
    "quality": ["highly skilled therapist", "poor quality sessions", "experienced team", "assistant with little training"],
    "ehcp": ["no EHCP so not eligible", "criteria too strict", "SEN support gets nothing", "need a plan first"],
    "lessons": ["missing maths lessons", "taken out of class", "misses playtime", "feels different to friends"],
    "equipment": ["wheelchair took a year", "seating at school", "standing frame delay", "splints and orthotics"],
    "private": ["paid for private therapy", "independent speech therapist", "out of borough provision", "school buys therapy in"],
    "training": ["teaching assistants need training", "staff do not know the strategies", "SENCo training", "upskill school staff"],
    "early": ["nursery spotted it early", "early intervention", "pre-school support", "health visitor referral"],
    "post16": ["nothing at college", "post 16 gap", "transition to adult services", "sixth form support"],
    "contact": ["nobody returns calls", "kept informed", "no point of contact", "emails ignored"],
    "schoolday": ["strategies in class", "home programme", "exercises every day", "therapy embedded in the school day"],
    "staffing": ["vacancies everywhere", "caseloads too high", "short staffed", "cannot recruit therapists"],
    "joined": ["services do not talk", "passed between health and education", "joined up working", "one plan for everything"],
    "amount": ["not enough sessions", "once a term only", "more therapy please", "six sessions then discharged"],
}
# 40 themes: each topic with up to three service areas (speech, OT, physio) as separate codes.
AREAS = ["speech and language", "occupational therapy", "physio"]
THEMES = [(f"{topic}-{a}", topic, area) for topic in TOPICS for a, area in enumerate(AREAS)][:40]
FILLER = ["to be honest", "for us", "as a parent", "in my experience", "overall", "really", "at the moment", "since last year"]
VOICES = {"children": ["I think", "I want", "I don't like it when", "It is good when"],
          "parents": ["Our son", "My daughter", "We feel", "As a family we"],
          "professionals": ["In our school", "Across the service", "We see that", "Our staff find"]}
EMOJI = ["🙂", "😞", "👍", "😡", ""]


def typo(word, rng):
    if len(word) < 5 or rng.random() > 0.05:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def answer(rng, audience):
    chosen = rng.sample(range(len(THEMES)), rng.choice([1, 1, 2]))
    parts = [rng.choice(VOICES[audience])]
    for t in chosen:
        _, topic, area = THEMES[t]
        parts.append(f"{rng.choice(TOPICS[topic])} for {area}")
        if rng.random() < 0.4:
            parts.append(rng.choice(FILLER))
    text = " ".join(typo(w, rng) for w in " ".join(parts).split()) + " " + rng.choice(EMOJI)
    return text.strip(), [THEMES[t][0] for t in chosen]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rows", type=int)
    ap.add_argument("out")
    ap.add_argument("--coded", type=int, default=0, help="rows (from the start) that carry hand codes")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "audience", "text", "codes", "truth"])
        for i in range(args.rows):
            audience = rng.choice(list(VOICES))
            if rng.random() < 0.03:
                text, truth = "", []
            else:
                text, truth = answer(rng, audience)
            codes = ";".join(truth) if i < args.coded else ""
            w.writerow([f"r{i}", audience, text, codes, ";".join(truth)])


if __name__ == "__main__":
    main()
