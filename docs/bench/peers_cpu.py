#!/usr/bin/env python3
"""CPU-time companion to ../shared/bench/peers.py, for machines shared with other work.

    python3 docs/bench/peers_cpu.py DATA_DIR [--libs igraph,networkit,rustworkx] [--tasks betweenness,closeness]

DATA_DIR is a folder made by ../shared/bench/gen_network.py (its edges.csv is read), or the path
of an edges.csv itself.

Runs the same library calls as peers.py but prints, per task, wall seconds and the process's CPU
seconds (all threads, `time.process_time`). On a loaded machine wall time mostly measures the
load; CPU time is the steadier figure for comparing implementations. Each library runs in its
own process.
"""
import argparse, csv, json, os, subprocess, sys, time


def load(lib, path):
    with open(path) as f:
        r = csv.reader(f)
        next(r)
        pairs = [(a, b) for a, b, *_ in r]
    if lib == "igraph":
        import igraph as ig
        return ig.Graph.TupleList(pairs, directed=False)
    if lib == "networkit":
        import networkit as nk
        nk.setNumberOfThreads(os.cpu_count() or 1)
        return nk.graphio.EdgeListReader(",", 0, continuous=False, directed=False, commentPrefix="source").read(path)
    if lib == "rustworkx":
        import rustworkx as rx
        g, idx = rx.PyGraph(), {}
        for a, b in pairs:
            for x in (a, b):
                if x not in idx:
                    idx[x] = g.add_node(x)
            g.add_edge(idx[a], idx[b], None)
        return g
    raise SystemExit(f"unknown library {lib}")


def task(lib, name, g):
    if lib == "igraph":
        return {"betweenness": lambda: g.betweenness(directed=False), "closeness": lambda: g.closeness(),
                "eigenvector": lambda: g.eigenvector_centrality(), "constraint": lambda: g.constraint(),
                "communities": lambda: g.community_multilevel()}.get(name)
    if lib == "networkit":
        import networkit as nk
        return {"betweenness": lambda: nk.centrality.Betweenness(g, normalized=True).run(),
                "closeness": lambda: nk.centrality.Closeness(g, True, nk.centrality.ClosenessVariant.Generalized).run(),
                "communities": lambda: nk.community.detectCommunities(g, algo=nk.community.PLM(g, True), inspect=False)}.get(name)
    if lib == "rustworkx":
        import rustworkx as rx
        return {"betweenness": lambda: rx.betweenness_centrality(g, normalized=True),
                "closeness": lambda: rx.closeness_centrality(g)}.get(name)


def child(lib, path, tasks):
    g = load(lib, path)
    out = {}
    for name in tasks:
        fn = task(lib, name, g)
        if fn is None:
            continue
        w, c = time.perf_counter(), time.process_time()
        fn()
        out[name] = (time.perf_counter() - w, time.process_time() - c)
    print(json.dumps(out))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--libs", default="igraph,networkit,rustworkx")
    ap.add_argument("--tasks", default="betweenness,closeness")
    ap.add_argument("--child")
    a = ap.parse_args()
    path = os.path.join(a.data, "edges.csv") if os.path.isdir(a.data) else a.data
    tasks = a.tasks.split(",")
    if a.child:
        return child(a.child, path, tasks)
    print(f"{'library':<10} {'task':<12} {'wall s':>9} {'cpu s':>9}   (load before: {os.getloadavg()[0]:.1f})")
    for lib in a.libs.split(","):
        p = subprocess.run([sys.executable, __file__, a.data, "--child", lib, "--tasks", a.tasks],
                           capture_output=True, text=True)
        if p.returncode != 0:
            print(f"{lib:<10} error: {p.stderr.strip().splitlines()[-1:]}")
            continue
        for name, (w, c) in json.loads(p.stdout.strip().splitlines()[-1]).items():
            print(f"{lib:<10} {name:<12} {w:>9.3f} {c:>9.3f}", flush=True)


if __name__ == "__main__":
    main()
