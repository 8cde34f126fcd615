#!/usr/bin/env bash
# Byte-identity check of two tadqiq binaries: `check` and `tag` (JSON) on every
# file under tests/fixtures/ and examples/ (plus any extra files given), with
# stdout, stderr and exit code compared, and the seed acceptance stages.
#
# usage: scripts/compare-outputs.sh BASE_BINARY NEW_BINARY [EXTRA_FILE...]
# Exit 0 when every output is identical; prints each difference otherwise.
set -u
base=$1 new=$2
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
files=$(find "$root/tests/fixtures" "$root/examples" -type f | sort)
n=0 diffs=0
run() { # binary tag file args...
    local bin=$1 tag=$2 file=$3
    shift 3
    "$bin" "$@" "$file" >"$out/$tag.out" 2>"$out/$tag.err"
    echo $? >"$out/$tag.rc"
}
for f in $files "$@"; do
    for mode in check tag; do
        if [ $mode = check ]; then args=(check --isolated --format json --fail-on never)
        else args=(tag --isolated --format json); fi
        run "$base" a "$f" "${args[@]}"
        run "$new" b "$f" "${args[@]}"
        n=$((n + 1))
        for part in out err rc; do
            if ! cmp -s "$out/a.$part" "$out/b.$part"; then
                echo "DIFFERS: $mode $f ($part)"
                diffs=$((diffs + 1))
            fi
        done
    done
done
for stage in tag entity claims; do
    a=$(/work/shared/acceptance/seed-check $stage "$base" 2>&1)
    b=$(/work/shared/acceptance/seed-check $stage "$new" 2>&1)
    n=$((n + 1))
    if [ "$a" != "$b" ]; then
        echo "DIFFERS: seed-check $stage"; diff <(echo "$a") <(echo "$b"); diffs=$((diffs + 1))
    fi
    echo "seed-check $stage: $(echo "$b" | tail -1)"
done
echo "$n comparisons, $diffs differences"
[ $diffs -eq 0 ]
