#!/usr/bin/env python3
"""Turns the benchmark corpus of ../shared/bench/gen_corpus.py (Hugo layout) into this project's
content layout, and writes a results file so that every executed snippet has a badge to render.

  content/docs/sNNN/pNNNNN.md  ->  <out>/content/guides/pNNNNN/index.zh.md
  (bilingual pNNNNN.en.md / .zh.md pairs become index.en.md / index.zh.md of one guide)

Front matter keeps title, description (as summary) and platforms, and gets the page's Hugo section
(sNNN, 100 pages each) as its group; other Hugo-only keys are dropped.
Executed fences (bash, shell) get explicit ids s1, s2, ... so that the results file can name them.
The results are a benchmark fixture for one pretend host: they are never published.

Usage: to_guides.py CORPUS OUT
"""
import hashlib
import json
import os
import re
import sys

FENCE = re.compile(r"^```(\w*)[^\n]*$")
EXECUTED = {"bash", "shell", "sh"}


LINK = re.compile(r"\[([^\]]*)\]\(\.\./(p\d+)/\)")


def convert(text, slugs, section):
    fm, body = text.split("\n---\n", 1)
    keep = ["group: " + section]
    for line in fm.splitlines()[1:]:
        if line.startswith("title:") or line.startswith("platforms:"):
            keep.append(line)
        elif line.startswith("description:"):
            keep.append("summary:" + line[len("description:"):])
    out, snippets, inside, n = [], [], None, 0
    for line in body.split("\n"):
        m = FENCE.match(line)
        if inside is None and m:
            lang = m.group(1)
            if lang in EXECUTED:
                n += 1
                line = "```%s {#s%d}" % (lang, n)
                inside = {"lang": lang, "id": "s%d" % n, "code": []}
            else:
                inside = {"lang": None}
        elif inside is not None and line.strip() == "```":
            if inside["lang"]:
                snippets.append(inside)
            inside = None
        elif inside is not None and inside["lang"]:
            # the generator writes shell blocks as a session ("$ cmd" and its output); a shell block is a
            # script here (the lint rejects a prompt in it), so the prompt goes and the text stays
            if line.startswith("$ "):
                line = line[2:]
            inside["code"].append(line)
        if inside is None:
            # the generator links to the next page, which the last page of a corpus does not have
            line = LINK.sub(lambda m: m.group(0) if m.group(2) in slugs else m.group(1), line)
        out.append(line)
    return "---\n" + "\n".join(keep) + "\n---\n" + "\n".join(out), snippets


def snippet_hash(lang, code):
    # the same text the runner hashes for a block with no expected output (SnippetBuilder.hash)
    b = "v1\0" + lang + "\0" + code + "\0" + "0" + "\0" + "" + "\0" + "false" + "\0"
    return "sha256:" + hashlib.sha256(b.encode("utf-8")).hexdigest()


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    docs = os.path.join(corpus, "content", "docs")
    results, langs = [], set()
    slugs = {re.match(r"(p\d+)", n).group(1) for _, _, fs in os.walk(docs) for n in fs if re.match(r"p\d+", n)}
    for section in sorted(os.listdir(docs)):
        sdir = os.path.join(docs, section)
        if not os.path.isdir(sdir):
            continue
        for name in sorted(os.listdir(sdir)):
            m = re.match(r"(p\d+)(?:\.(en|zh))?\.md$", name)
            if not m:
                continue
            slug, lang = m.group(1), m.group(2) or "zh"
            langs.add(lang)
            text, snippets = convert(open(os.path.join(sdir, name), encoding="utf-8").read(), slugs, section)
            gdir = os.path.join(out, "content", "guides", slug)
            os.makedirs(gdir, exist_ok=True)
            path = os.path.join(gdir, "index.%s.md" % lang)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            for s in snippets:
                code = "\n".join(s["code"])
                results.append({"guide": slug, "locale": lang, "id": s["id"], "lang": s["lang"],
                                "source": "content/guides/%s/index.%s.md" % (slug, lang), "line": 1,
                                "hash": snippet_hash(s["lang"], code), "status": "passed", "reason": "", "exit": 0,
                                "durationMs": 40, "output": "ok\n", "diff": ""})
    order = [l for l in ("zh", "en") if l in langs]
    with open(os.path.join(out, "content", "site.yml"), "w", encoding="utf-8") as f:
        f.write("languages: [%s]\n" % ", ".join(order))
    os.makedirs(os.path.join(out, "results"), exist_ok=True)
    host = {"key": "linux-amd64-bench-fixture", "os": "linux", "arch": "amd64", "wsl": False, "distro": "bench",
            "go": "go1.26.8", "online": False}
    with open(os.path.join(out, "results", "bench.json"), "w", encoding="utf-8") as f:
        json.dump({"schema": 1, "host": host, "isolation": "none", "started": "2026-11-21T00:00:00Z",
                   "finished": "2026-11-21T00:01:00Z", "snippets": results}, f, ensure_ascii=False)
    print("%d guide files, %d results" % (sum(len(fs) for _, _, fs in os.walk(os.path.join(out, "content", "guides"))), len(results)))


if __name__ == "__main__":
    main()
