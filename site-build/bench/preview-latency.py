#!/usr/bin/env python3
"""Preview latency of `serve` (a measurement, not a timed test): with the server running, a guide is
saved (a paragraph with a new marker appended; its snippets unchanged) and we time
  save -> the server's live-reload event ('data: reload' on the SSE stream) -> the page fetched with the marker,
which is what a browser with the page open does. Median and max over ROUNDS saves.

  mvn -B -q install -DskipTests && python3 site-build/bench/preview-latency.py [--rounds 10] [--content content] [--guide SLUG]

Runs a copy of the content folder (the real one is never edited) through site-build/bin/site-build serve
(SITE_BUILD_JAVA chooses the JDK, as for the launcher). Also prints the server's CPU time (user+sys, all its
threads, from /proc) per save, which a busy machine does not distort the way it does wall time.
"""
import argparse, http.client, os, shutil, socket, statistics, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ap = argparse.ArgumentParser()
ap.add_argument("--rounds", type=int, default=10)
ap.add_argument("--content", default=os.path.join(root, "content"))
ap.add_argument("--results", default=os.path.join(root, "target", "results"))
ap.add_argument("--guide", default=None)
a = ap.parse_args()



def cpu_s(pid):
    """User+sys CPU seconds of a process and its threads so far (Linux /proc), or -1 elsewhere."""
    try:
        f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return -1


work = tempfile.mkdtemp(prefix="goguides-preview-")
content = os.path.join(work, "content")
shutil.copytree(a.content, content)
guides = sorted(os.listdir(os.path.join(content, "guides")))
slug = a.guide or guides[0]
files = sorted(f for f in os.listdir(os.path.join(content, "guides", slug)) if f.endswith(".md"))
lang = files[0].split(".")[1]
path = os.path.join(content, "guides", slug, files[0])
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
cmd = [os.path.join(root, "site-build", "bin", "site-build"), "serve", "--port", str(port), "--content", content,
       "--templates", os.path.join(root, "templates"), "--results", a.results, "--out", os.path.join(work, "site")]
srv = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=root)
try:
    t0 = time.time()
    while True:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2); c.request("GET", "/"); c.getresponse().read(); break
        except OSError:
            if time.time() - t0 > 120: sys.exit("serve did not start")
            time.sleep(0.1)
    print(f"serve up after {time.time() - t0:.2f} s; {len(guides)} guides; saving {os.path.relpath(path, work)}")
    ev = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    ev.request("GET", "/__goguides/events"); er = ev.getresponse()
    er.fp.readline(); er.fp.readline()  # ": connected" and its blank line
    time.sleep(0.5)
    original = open(path, encoding="utf-8").read()
    got = []
    cpu0 = cpu_s(srv.pid)
    for i in range(a.rounds):
        marker = f"preview-marker-{i}-{time.time_ns()}"
        t_save = time.perf_counter()
        with open(path, "w", encoding="utf-8") as f:
            f.write(original + f"\n\n{marker}\n")
        while True:  # the reload event
            line = er.fp.readline().decode()
            if line.startswith("data: reload"): break
        er.fp.readline()
        t_event = time.perf_counter()
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        c.request("GET", f"/{lang}/{slug}/"); body = c.getresponse().read().decode("utf-8")
        t_page = time.perf_counter()
        ok = marker in body
        got.append((t_page - t_save) * 1000)
        print(f"round {i + 1}: reload event {1000 * (t_event - t_save):.0f} ms, page with the change {1000 * (t_page - t_save):.0f} ms{'' if ok else ' (page lacks the change!)'}")
        time.sleep(0.6)  # the watcher coalesces saves within 30 ms; keep saves apart
    cpu = cpu_s(srv.pid) - cpu0
    if cpu0 >= 0:
        print(f"server CPU time (user+sys) per save: {1000 * cpu / a.rounds:.0f} ms (includes {a.rounds} x 0.6 s idle, the file watcher)")
    print(f"save -> page shown: median {statistics.median(got):.0f} ms, max {max(got):.0f} ms over {len(got)} saves (target <= 300 ms)")
finally:
    srv.terminate()
    try: srv.wait(10)
    except subprocess.TimeoutExpired: srv.kill()
    shutil.rmtree(work, ignore_errors=True)
