"""Reads wrk's --latency output of rounds, each under a line "== TARGET ROUND" (run-load.sh, run-forward.sh)."""
import re
import statistics


def ms(value):
    """A wrk duration (e.g. 512.00us, 1.20ms) in milliseconds."""
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1e3, "m": 6e4, "h": 3.6e6}[unit]


def rounds(text, names):
    """{target: [(req/s, p50 ms, p99 ms, non-2xx responses), ...]} for each of names, in the log's order."""
    runs = {name: [] for name in names}
    for name, body in re.findall(r"== ([\w-]+) \d+\n(.*?)(?=== |\Z)", text, re.S):
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", body).group(1))
        # the distribution's lines, not a "+/- Stdev" column ending in 50% or 99%
        p50 = ms(re.search(r"^\s+50%\s+(\S+)$", body, re.M).group(1))
        p99 = ms(re.search(r"^\s+99%\s+(\S+)$", body, re.M).group(1))
        bad = re.search(r"Non-2xx or 3xx responses: (\d+)", body)
        runs[name].append((rps, p50, p99, int(bad.group(1)) if bad else 0))
    return runs


def median(runs, name, i):
    """The median over the rounds of one column (0 req/s, 1 p50, 2 p99) of one target."""
    return statistics.median(r[i] for r in runs[name])
