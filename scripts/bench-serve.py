#!/usr/bin/env python3
"""Requests/second of a running `tadqiq serve` for POST /v1/check on a draft
(default examples/visit.md; a 200 answer with a name-conflict counts as ok):
N client threads,
each with its own keep-alive connection, for D seconds.

Usage: bench-serve.py HOST PORT [CLIENTS=8] [SECONDS=20] [DRAFT]
"""
import http.client, json, sys, threading, time
host, port = sys.argv[1], int(sys.argv[2])
clients = int(sys.argv[3]) if len(sys.argv) > 3 else 8
duration = float(sys.argv[4]) if len(sys.argv) > 4 else 20
path = sys.argv[5] if len(sys.argv) > 5 else "examples/visit.md"
body = json.dumps({"text": open(path, encoding="utf-8").read()}).encode()
counts, errors = [0] * clients, [0] * clients
stop = time.monotonic() + duration
def worker(i):
    conn = http.client.HTTPConnection(host, port)
    while time.monotonic() < stop:
        conn.request("POST", "/v1/check", body, {"Content-Type": "application/json"})
        r = conn.getresponse(); data = r.read()
        if r.status == 200 and b"name-conflict" in data: counts[i] += 1
        else: errors[i] += 1
threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
t0 = time.monotonic()
for t in threads: t.start()
for t in threads: t.join()
elapsed = time.monotonic() - t0
print(f"{clients} clients, {elapsed:.1f} s: {sum(counts)} ok, {sum(errors)} errors, {sum(counts)/elapsed:.1f} requests/s")
