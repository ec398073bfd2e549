#!/usr/bin/env python3
"""The scikit-learn baseline for `tellus theme`, on the same CSV.

Discovery: TF-IDF (words and word pairs, min_df=2, sublinear tf) + MiniBatchKMeans (30 groups).
Learned themes (when the codes column has codes): TF-IDF + one-vs-rest LinearSVC, trained on
coded rows, predicting the rest. Writes a small JSON summary. Usage:
sklearn_theme.py IN.csv TEXT_COLUMN OUT.json [CODES_COLUMN]
"""
import csv
import json
import sys

from sklearn.cluster import MiniBatchKMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.svm import LinearSVC


def main():
    path, text_column, out = sys.argv[1:4]
    codes_column = sys.argv[4] if len(sys.argv) > 4 else None
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    texts = [r[text_column] or "" for r in rows]
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, stop_words="english")
    X = vectorizer.fit_transform(texts)
    result = {"rows": len(rows)}
    if codes_column:
        codes = [[c.strip() for c in (r[codes_column] or "").split(";") if c.strip()] for r in rows]
        coded = [i for i, c in enumerate(codes) if c]
        rest = [i for i, c in enumerate(codes) if not c]
        binarizer = MultiLabelBinarizer()
        Y = binarizer.fit_transform([codes[i] for i in coded])
        model = OneVsRestClassifier(LinearSVC()).fit(X[coded], Y)
        predicted = model.predict(X[rest])
        result["predicted"] = {str(i): list(binarizer.classes_[p.astype(bool)]) for i, p in zip(rest, predicted)}
    else:
        kmeans = MiniBatchKMeans(n_clusters=30, random_state=0, n_init=1, batch_size=4096).fit(X)
        result["clusters"] = int(len(set(kmeans.labels_)))
    with open(out, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
