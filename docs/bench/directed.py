#!/usr/bin/env python3
"""Directed betweenness and closeness at scale: every tie of a generated network given a direction.

    python3 docs/bench/directed.py NET_DIR [--libs networkx,igraph] [--write-only]

Reads NET_DIR/edges.csv (from ../shared/bench/gen_network.py), turns each tie into one arc whose
direction is a seeded coin flip, writes NET_DIR/arcs.csv (`source,target,directed`, which
`partnermap metrics` reads as a bare edge list and `bench_metrics --directed` times), then times
directed betweenness and closeness (closeness on incoming distances, as NetworkX has it) in each
library on the same arcs. NetworkX above 5,000 nodes is timed on 500 sampled sources and scaled
('~'), as ../shared/bench/peers.py does for the undirected network.
"""
import argparse, csv, os, random, sys, time


def orient(net_dir):
    with open(os.path.join(net_dir, "edges.csv")) as f:
        r = csv.reader(f); next(r)
        ties = [(a, b) for a, b, *_ in r]
    rng = random.Random(1)
    arcs = [(a, b) if rng.random() < 0.5 else (b, a) for a, b in ties]
    with open(os.path.join(net_dir, "arcs.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["source", "target", "directed"])
        w.writerows((a, b, "true") for a, b in arcs)
    return arcs


def networkx(arcs):
    import networkx as nx
    g = nx.DiGraph(arcs)
    n, k = g.number_of_nodes(), 500
    out = {}
    if n > 5000:
        s = time.perf_counter(); nx.betweenness_centrality(g, k=k, seed=1)
        out["betweenness"] = f"~{(time.perf_counter() - s) * n / k:.1f}"
        nodes = list(g)[:k]
        s = time.perf_counter(); [nx.closeness_centrality(g, u=v) for v in nodes]
        out["closeness"] = f"~{(time.perf_counter() - s) * n / k:.1f}"
    else:
        s = time.perf_counter(); nx.betweenness_centrality(g); out["betweenness"] = f"{time.perf_counter() - s:.2f}"
        s = time.perf_counter(); nx.closeness_centrality(g); out["closeness"] = f"{time.perf_counter() - s:.2f}"
    return out


def igraph(arcs):
    import igraph as ig
    g = ig.Graph.TupleList(arcs, directed=True)
    out = {}
    s = time.perf_counter(); g.betweenness(directed=True); out["betweenness"] = f"{time.perf_counter() - s:.2f}"
    s = time.perf_counter(); g.closeness(mode="in"); out["closeness"] = f"{time.perf_counter() - s:.2f}"
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("net_dir")
    p.add_argument("--libs", default="networkx,igraph")
    p.add_argument("--write-only", action="store_true")
    a = p.parse_args()
    arcs = orient(a.net_dir)
    print(f"{len(arcs)} arcs -> {os.path.join(a.net_dir, 'arcs.csv')}")
    if a.write_only:
        return
    for lib in a.libs.split(","):
        print(lib, {"networkx": networkx, "igraph": igraph}[lib](arcs), flush=True)


if __name__ == "__main__":
    sys.exit(main())
