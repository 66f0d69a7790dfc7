#!/usr/bin/python3
"""A reference point for the dev topic target: a standard text classifier (scikit-learn TF-IDF + logistic regression,
class-balanced, one per topic), 5-fold cross-validated with folds grouped by web address like ours, on the dev set's
AGORA topics. It predicts every item relevant and every Epoch item `model` (its only judged topic), so the shared score
script's topic macro-F1 isolates how well the four AGORA tags (regulation, investment, data-talent, safety) can be
read from title + short summary (read only the topic lines of the score; relevance is given, countries are
left empty). With --oracle it also picks each topic's best threshold *on the test folds* — an upper
bound no real classifier gets.

Not part of CI (needs Debian's python3-sklearn: apt-get install -y python3-sklearn). Usage:
  /usr/bin/python3 tests/bench/classification.baseline.py DEV.jsonl OUT.jsonl [--oracle]"""
import json, sys
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold

dev, out = sys.argv[1:3]
oracle = "--oracle" in sys.argv
TOPICS = ["regulation", "investment", "data-talent", "safety"]
items = [json.loads(l) for l in open(dev, encoding="utf-8") if l.strip()]
agora = [x for x in items if set(TOPICS) <= set(x.get("judged", TOPICS)) and x["relevant"]]
texts = [x["title"] + ". " + x["text"] for x in agora]
groups = [x.get("url") or x["id"] for x in agora]
Y = np.array([[t in x["topics"] for t in TOPICS] for x in agora])
P = np.zeros(Y.shape)
for train, test in GroupKFold(5).split(texts, groups=groups):
    vec = TfidfVectorizer(sublinear_tf=True, min_df=2, stop_words="english")
    A = vec.fit_transform([texts[i] for i in train]); B = vec.transform([texts[i] for i in test])
    for j in range(len(TOPICS)):
        P[test, j] = LogisticRegression(C=1, class_weight="balanced", max_iter=2000).fit(A, Y[train, j]).predict_proba(B)[:, 1]
cut = [0.5] * len(TOPICS)
if oracle:
    cut = [max(np.arange(0.1, 0.9, 0.025), key=lambda t: f1_score(Y[:, j], P[:, j] >= t)) for j in range(len(TOPICS))]
pred = {x["id"]: [t for j, t in enumerate(TOPICS) if P[i, j] >= cut[j]] for i, x in enumerate(agora)}
with open(out, "w", encoding="utf-8") as f:
    for x in items:
        topics = pred.get(x["id"], ["model"])
        f.write(json.dumps({"id": x["id"], "relevant": True, "score": 1.0, "topics": topics, "countries": []}) + "\n")
print("thresholds " + ", ".join(f"{t} {c:.3f}" for t, c in zip(TOPICS, cut)), file=sys.stderr)
