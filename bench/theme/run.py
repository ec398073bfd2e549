#!/usr/bin/env python3
"""Benchmark `tellus theme` against scikit-learn on the same synthetic answers, in one run.

Measures wall time and peak memory (max RSS) of each tool as a separate process, on
10k, 100k and 1M answers (discovery with the starter codebook), and on learning from
6,000 coded answers with 40 themes. Prints a Markdown table with the ratios.

Usage (from the repository root): python3 bench/theme/run.py [--sizes 10000,100000,1000000]
It builds `tellus` in release mode and puts scikit-learn in target/bench-venv.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.join(ROOT, "bench", "theme")
WORK = os.path.join(ROOT, "target", "bench-theme")
VENV = os.path.join(ROOT, "target", "bench-venv")


def measure(cmd):
    """Runs cmd in a fresh process; returns (seconds, peak RSS in MB). Fails loudly."""
    probe = (
        "import resource,subprocess,sys,time;t=time.perf_counter();"
        "subprocess.run(sys.argv[1:],check=True,stdout=subprocess.DEVNULL);"
        "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *cmd], check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), int(out[1]) / 1024


def ensure_sklearn():
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    if subprocess.run([python, "-c", "import sklearn"], capture_output=True).returncode != 0:
        subprocess.run([python, "-m", "pip", "install", "--quiet", "scikit-learn"], check=True)
    return python


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,1000000")
    args = ap.parse_args()
    os.makedirs(WORK, exist_ok=True)
    subprocess.run(["cargo", "build", "--quiet", "--release", "--package", "tellus"], cwd=ROOT, check=True)
    tellus = os.path.join(ROOT, "target", "release", "tellus")
    python = ensure_sklearn()
    sklearn_version = subprocess.run([python, "-c", "import sklearn;print(sklearn.__version__)"], capture_output=True, text=True).stdout.strip()

    cases = [(f"discover {int(n):,} answers", int(n), 0) for n in args.sizes.split(",")]
    cases.append(("learn from 6,000 coded (40 themes), suggest for 4,000", 10000, 6000))
    print(f"| case | Tellus time | Tellus peak memory | scikit-learn {sklearn_version} time | scikit-learn peak memory | time ratio (sklearn / Tellus) |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, n, coded in cases:
        data = os.path.join(WORK, f"answers-{n}-{coded}.csv")
        if not os.path.exists(data):
            subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), str(n), data, "--coded", str(coded)], check=True)
        codes = ["--codes-column", "codes"] if coded else []
        t_time, t_mem = measure([tellus, "theme", "--input", data, "--text-column", "text", "--group-column", "audience", "--out", os.path.join(WORK, "tellus.json"), *codes])
        s_time, s_mem = measure([python, os.path.join(HERE, "sklearn_theme.py"), data, "text", os.path.join(WORK, "sklearn.json"), *(["codes"] if coded else [])])
        print(f"| {name} | {t_time:.2f} s | {t_mem:.0f} MB | {s_time:.2f} s | {s_mem:.0f} MB | {s_time / t_time:.1f}x |", flush=True)


if __name__ == "__main__":
    main()
